"""Contacts as vCard 3.0 text: what address books on every system import.

Lines are folded at 75 octets (RFC 2426 §2.6) without splitting a UTF-8 character, and
``\\ , ; newline`` are escaped in values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

FOLD_OCTETS = 75
LABEL_TYPES = {"work": "WORK", "home": "HOME", "mobile": "CELL", "fax": "FAX"}


@dataclass(frozen=True)
class CardPoint:
    value: str
    label: str = ""
    primary: bool = False


@dataclass(frozen=True)
class Card:
    uid: str
    family_name: str
    given_name: str
    display_name: str
    company: str = ""
    department: str = ""
    title: str = ""
    emails: tuple[CardPoint, ...] = ()
    phones: tuple[CardPoint, ...] = ()
    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    notes: str = ""


def escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,")
            .replace(";", "\\;"))


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces, continuation lines start with a space."""
    pieces: list[str] = []
    current = ""
    limit = FOLD_OCTETS
    for char in line:
        if len((current + char).encode("utf-8")) > limit:
            pieces.append(current)
            current = ""
            limit = FOLD_OCTETS - 1  # the leading space of a continuation line counts
        current += char
    pieces.append(current)
    return "\r\n ".join(pieces)


def _types(point: CardPoint, kind: str) -> str:
    types = [LABEL_TYPES[point.label]] if point.label in LABEL_TYPES else []
    if kind == "TEL" and "CELL" not in types:
        types.append("VOICE")
    if point.primary:
        types.append("PREF")
    return f";TYPE={','.join(types)}" if types else ""


def format_card(card: Card) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"UID:{escape(card.uid)}",
             f"N:{escape(card.family_name)};{escape(card.given_name)};;;",
             f"FN:{escape(card.display_name)}"]
    if card.company or card.department:
        lines.append(f"ORG:{escape(card.company)};{escape(card.department)}")
    if card.title:
        lines.append(f"TITLE:{escape(card.title)}")
    lines.extend(f"EMAIL{_types(p, 'EMAIL')}:{escape(p.value)}" for p in card.emails)
    lines.extend(f"TEL{_types(p, 'TEL')}:{escape(p.value)}" for p in card.phones)
    if any((card.street, card.city, card.region, card.postal_code, card.country)):
        parts = ("", "", card.street, card.city, card.region, card.postal_code, card.country)
        lines.append("ADR;TYPE=WORK:" + ";".join(escape(p) for p in parts))
    if card.notes:
        lines.append(f"NOTE:{escape(card.notes)}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def format_cards(cards: Iterable[Card]) -> Iterable[str]:
    for card in cards:
        yield format_card(card)
