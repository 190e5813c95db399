"""A small vCard 2.1/3.0/4.0 reader: many cards per file, folded lines, quoted-printable
values with CHARSET parameters, escaped commas and semicolons.

Each card becomes one row under fixed English headers (``VCARD_HEADERS``), so the import
wizard maps vCards with the same column guesses as a spreadsheet.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desk_crm.domain.errors import QT_TRANSLATE_NOOP
from desk_crm.domain.import_files import (
    MAX_LINE_CHARS,
    SAMPLE_BYTES,
    ImportFileError,
    detect_encoding,
)

MAX_PROPERTY_CHARS = 100_000  # one unfolded property (a NOTE, an address …)
MAX_PHOTO_CHARS = 2_000_000  # an embedded PHOTO/LOGO/SOUND/KEY (base64): ~1.5 MB of image
_BINARY = ("PHOTO", "LOGO", "SOUND", "KEY")

VCARD_HEADERS = ("Full name", "Family name", "Given name", "Company", "Department", "Title",
                 "Email", "Phone", "Street", "City", "Region", "Postal code", "Country",
                 "Notes", "External id")


@dataclass
class Property:
    name: str
    params: dict[str, list[str]] = field(default_factory=dict)
    value: str = ""


def unfold(text: str) -> list[str]:
    """Logical lines: a line starting with a space or tab continues the previous one, and
    a quoted-printable value ending in "=" continues on the next line (vCard 2.1)."""
    return [line for _number, line in unfold_lines(text.splitlines())]


def unfold_lines(physical: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(first line number, logical line) from physical lines, in one pass: the pieces of a
    folded line are collected and joined once (joining as they came was quadratic: a 20 MB
    PHOTO took minutes). A logical line over its limit is an ImportFileError at its line."""
    parts: list[str] = []
    size = 0
    start = 0
    limit = MAX_PROPERTY_CHARS
    quoted_printable = False
    for number, raw in enumerate(physical, start=1):
        raw = raw.rstrip("\r\n")
        if parts and raw[:1] in (" ", "\t"):
            piece = raw[1:]
        elif parts and quoted_printable and parts[-1].endswith("="):
            piece = "\n" + raw
        else:
            if parts:
                yield start, "".join(parts)
            parts, size, start = [], 0, number
            if not raw.strip():
                continue
            head = raw.split(":", 1)[0].upper()
            quoted_printable = "QUOTED-PRINTABLE" in head
            name = head.split(";", 1)[0].rsplit(".", 1)[-1]
            limit = MAX_PHOTO_CHARS if name in _BINARY else MAX_PROPERTY_CHARS
            piece = raw
        size += len(piece)
        if size > limit:
            raise ImportFileError(
                QT_TRANSLATE_NOOP("Import", "Line {line}: the photo is larger than {limit} "
                                  "characters") if limit == MAX_PHOTO_CHARS else
                QT_TRANSLATE_NOOP("Import", "Line {line}: the value is longer than {limit} "
                                  "characters"), line=start, limit=f"{limit:,}")
        parts.append(piece)
    if parts:
        yield start, "".join(parts)


def _split_unescaped(text: str, separator: str) -> list[str]:
    parts, current, escaped = [], [], False
    for char in text:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def parse_line(line: str) -> Property:
    head, _, value = line.partition(":")
    pieces = _split_unescaped(head, ";")
    name = pieces[0].rsplit(".", 1)[-1].upper()  # "item1.EMAIL" -> "EMAIL"
    params: dict[str, list[str]] = {}
    for piece in pieces[1:]:
        key, eq, val = piece.partition("=")
        if not eq:  # vCard 2.1: "TEL;WORK;VOICE:" -> TYPE=work, voice
            params.setdefault("TYPE", []).append(key.lower())
        else:
            values = [v.strip('"') for v in val.split(",")]
            params.setdefault(key.upper(), []).extend(
                v.lower() if key.upper() == "TYPE" else v for v in values)
    if any(v.upper() == "QUOTED-PRINTABLE" for v in params.get("ENCODING", [])):
        charset = (params.get("CHARSET") or ["utf-8"])[0]
        raw = quopri.decodestring(value.replace("=\n", "").encode("ascii", "replace"))
        try:
            value = raw.decode(charset)
        except (LookupError, ValueError):  # unknown/garbled CHARSET (a NUL: ValueError)
            value = raw.decode("utf-8", "replace")
    return Property(name, params, value)


def parse_cards(text: str | Iterable[str]) -> Iterator[list[Property]]:
    """The cards of a file (its text, or its physical lines streamed). A BEGIN:VCARD
    inside an open card is an error at its line (it would silently swallow cards)."""
    for _line, card in numbered_cards(text.splitlines() if isinstance(text, str) else text):
        yield card


def numbered_cards(physical: Iterable[str]) -> Iterator[tuple[int, list[Property]]]:
    card: list[Property] | None = None
    begun = 0
    for number, line in unfold_lines(physical):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if card is not None:
                raise ImportFileError(QT_TRANSLATE_NOOP(
                    "Import", "Line {line}: a vCard begins inside the one begun on line "
                    "{begun}; nested vCards are not supported"), line=number, begun=begun)
            card, begun = [], number
        elif upper == "END:VCARD":
            if card is not None:
                yield begun, card
            card = None
        elif card is not None and ":" in line and \
                line.split(":", 1)[0].split(";", 1)[0].rsplit(".", 1)[-1].upper() \
                not in _BINARY:
            card.append(parse_line(line))
    if card is not None:  # no END:VCARD before the end of the file: keep what it has
        yield begun, card


def card_row(card: list[Property]) -> list[str]:
    """One card as cells under VCARD_HEADERS; several emails/phones joined by "; "."""
    values: dict[str, str] = {}
    emails: list[str] = []
    phones: list[str] = []
    for prop in card:
        if prop.name == "FN":
            values["Full name"] = unescape(prop.value)
        elif prop.name == "N":
            parts = [unescape(p) for p in _split_unescaped(prop.value, ";")] + ["", ""]
            values["Family name"], values["Given name"] = parts[0], parts[1]
        elif prop.name == "ORG":
            parts = [unescape(p) for p in _split_unescaped(prop.value, ";")] + [""]
            values["Company"], values["Department"] = parts[0], parts[1]
        elif prop.name == "TITLE":
            values["Title"] = unescape(prop.value)
        elif prop.name == "EMAIL":
            emails.append(unescape(prop.value).strip())
        elif prop.name == "TEL":
            phones.append(unescape(prop.value).strip().removeprefix("tel:"))
        elif prop.name == "ADR" and "Street" not in values:
            parts = [unescape(p) for p in _split_unescaped(prop.value, ";")] + [""] * 7
            # post office box; extended address; street; locality; region; code; country
            values["Street"] = " ".join(p for p in (parts[2], parts[1]) if p)
            values["City"], values["Region"] = parts[3], parts[4]
            values["Postal code"], values["Country"] = parts[5], parts[6]
        elif prop.name == "NOTE":
            values["Notes"] = unescape(prop.value)
        elif prop.name == "UID":
            values["External id"] = unescape(prop.value)
    values["Email"] = "; ".join(e for e in emails if e)
    values["Phone"] = "; ".join(p for p in phones if p)
    return [values.get(header, "") for header in VCARD_HEADERS]


@dataclass(frozen=True)
class VCardSource:
    path: Path
    encoding: str
    headers: tuple[str, ...] = VCARD_HEADERS
    kind: str = "vcard"

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(card number, cells), streamed line by line (bounded lines: a file with no line
        breaks is an error, not a 20 MB string)."""
        with self.path.open(encoding=self.encoding, errors="replace", newline="") as handle:
            for number, (_line, card) in enumerate(numbered_cards(_lines(handle)), start=1):
                yield number, card_row(card)


def _lines(handle: Any) -> Iterator[str]:
    number = 0
    while True:
        line = handle.readline(MAX_LINE_CHARS + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_CHARS:
            raise ImportFileError(QT_TRANSLATE_NOOP(
                "Import", "Line {line} is longer than {limit} characters"), line=number,
                limit=f"{MAX_LINE_CHARS:,}")
        yield line


def open_vcard(path: Path, encoding: str | None = None) -> VCardSource:
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
    if not head.strip():
        raise ImportFileError(QT_TRANSLATE_NOOP("Import", "The file is empty"))
    encoding = encoding or detect_encoding(head)
    text = head.decode(encoding, errors="replace")
    if "BEGIN:VCARD" not in text.upper():
        raise ImportFileError(QT_TRANSLATE_NOOP("Import", "No vCard found in the file"))
    return VCardSource(path, encoding)
