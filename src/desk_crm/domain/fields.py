"""One declaration per field: its type, title (English and Chinese), list/sort/filter/search
capabilities, and how a typed value is normalised, validated, stored and compared.

Plain data (after Twenty's field metadata and Odoo's ``fields``): built-in fields declared in
``domain.entities`` and custom fields the user creates in Settings are the same
:class:`FieldDef`; only ``custom`` and ``storage`` tell them apart. Every layer reads it: the
list SQL, the generated editor section, import, export, bulk edit, segments, search, merge.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from desk_crm.domain.emails import normalize_email
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_crm.domain.phones import normalize_phone
from desk_crm.domain.text import clean_multiline, clean_text


class FieldType(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    MONEY = "money"  # {"amount": "12.30", "currency": "CNY"}: Decimal as exact text
    DATE = "date"
    DATETIME = "datetime"  # UTC ISO text
    CHECKBOX = "checkbox"
    PICKLIST = "picklist"  # one choice key
    MULTI_PICKLIST = "multi_picklist"  # a list of choice keys
    URL = "url"
    EMAIL = "email"
    PHONE = "phone"  # E.164 as the built-in phones
    LINK = "link"  # the id of a record of ``link_entity``


# What the type selector shows (the UI translates through the "Fields" context).
TYPE_TITLES: dict[FieldType, str] = {
    FieldType.TEXT: QT_TRANSLATE_NOOP("Fields", "Text"),
    FieldType.LONG_TEXT: QT_TRANSLATE_NOOP("Fields", "Long text"),
    FieldType.INTEGER: QT_TRANSLATE_NOOP("Fields", "Whole number"),
    FieldType.DECIMAL: QT_TRANSLATE_NOOP("Fields", "Decimal number"),
    FieldType.MONEY: QT_TRANSLATE_NOOP("Fields", "Money"),
    FieldType.DATE: QT_TRANSLATE_NOOP("Fields", "Date"),
    FieldType.DATETIME: QT_TRANSLATE_NOOP("Fields", "Date and time"),
    FieldType.CHECKBOX: QT_TRANSLATE_NOOP("Fields", "Checkbox"),
    FieldType.PICKLIST: QT_TRANSLATE_NOOP("Fields", "Picklist"),
    FieldType.MULTI_PICKLIST: QT_TRANSLATE_NOOP("Fields", "Multi-select picklist"),
    FieldType.URL: QT_TRANSLATE_NOOP("Fields", "Web address"),
    FieldType.EMAIL: QT_TRANSLATE_NOOP("Fields", "Email"),
    FieldType.PHONE: QT_TRANSLATE_NOOP("Fields", "Phone"),
    FieldType.LINK: QT_TRANSLATE_NOOP("Fields", "Link to a record"),
}
TEXT_TYPES = frozenset({FieldType.TEXT, FieldType.LONG_TEXT, FieldType.URL, FieldType.EMAIL,
                        FieldType.PHONE, FieldType.PICKLIST, FieldType.MULTI_PICKLIST})
CHOICE_TYPES = frozenset({FieldType.PICKLIST, FieldType.MULTI_PICKLIST})
MAX_TEXT = 500
MAX_LONG_TEXT = 20_000
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class Storage(StrEnum):
    COLUMN = "column"  # a real column of the entity's table (built-ins)
    CUSTOM = "custom"  # a key of the table's ``custom`` JSON column (user fields)


@dataclass(frozen=True)
class Choice:
    key: str  # stored; never changes when the choice is renamed
    title: str
    title_zh: str = ""


@dataclass(frozen=True)
class FieldDef:
    key: str  # the column name (built-in) or the key inside ``custom``
    type: FieldType
    title: str  # English; built-ins wrap it in QT_TRANSLATE_NOOP("Fields", …)
    title_zh: str = ""  # custom fields carry their own Chinese title
    storage: Storage = Storage.COLUMN
    custom: bool = False
    choices: tuple[Choice, ...] = ()
    link_entity: str | None = None
    required: bool = False
    indexed: bool = False  # an index makes sort and equality filters fast at 1M rows
    aliases: tuple[str, ...] = ()  # import header guesses, English and Chinese
    position: int = 0
    archived: bool = False
    # Built-in fields the old hand-made editors already show are not generated again.
    in_generated_section: bool = True
    bulk_editable: bool = True

    @property
    def searchable(self) -> bool:
        return self.type in TEXT_TYPES

    @property
    def sortable(self) -> bool:
        return self.type not in (FieldType.MULTI_PICKLIST, FieldType.LONG_TEXT)

    def sql(self, alias: str) -> str:
        """The SQL expression of the raw value (the list, filter and index all use it, so the
        expression index matches and SQLite walks it)."""
        if self.storage is Storage.COLUMN:
            return f"{alias}.{self.key}"
        path = f"$.{self.key}.amount" if self.type is FieldType.MONEY else f"$.{self.key}"
        return f"json_extract({alias}.custom, '{path}')"

    def sort_sql(self, alias: str) -> str:
        if self.type in (FieldType.MONEY, FieldType.DECIMAL):
            # Amounts and decimals are exact text ("10.25" would sort before "9.5");
            # sorting casts them (an index on the cast sorts too).
            return f"CAST({self.sql(alias)} AS REAL)"
        return self.sql(alias)

    def choice_title(self, key: str, chinese: bool = False) -> str:
        for choice in self.choices:
            if choice.key == key:
                return (choice.title_zh or choice.title) if chinese else choice.title
        return key


def check_key(key: str) -> str:
    if not _KEY.match(key):
        raise ValidationError("key", QT_TRANSLATE_NOOP(
            "Validation", "A field key is lower-case letters, digits and _ (“{value}”)"),
            value=key)
    return key


def key_from_title(title: str, taken: Sequence[str]) -> str:
    """A stable storage key from an English title ("Loyalty level" -> "loyalty_level");
    titles in Chinese only become ``field_N``."""
    base = re.sub(r"[^a-z0-9]+", "_", title.casefold()).strip("_")[:36]
    if not base or not base[0].isalpha():
        base = "field"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def _bad(field: FieldDef, message: str, value: Any) -> ValidationError:
    return ValidationError(field.key, message, value=str(value))


def normalize(field: FieldDef, raw: Any, default_region: str = "CN") -> Any:
    """The stored (JSON-able) value of *raw* typed or imported for *field*; None is empty.

    Raises ValidationError(field.key, …) with a message the UI shows at the field.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if field.required:
            raise _bad(field, QT_TRANSLATE_NOOP("Validation", "This field is required"), "")
        return [] if field.type is FieldType.MULTI_PICKLIST else None
    kind = field.type
    try:
        if kind is FieldType.TEXT:
            return _length(field, clean_text(str(raw)), MAX_TEXT)
        if kind is FieldType.LONG_TEXT:
            return _length(field, clean_multiline(str(raw)), MAX_LONG_TEXT)
        if kind is FieldType.INTEGER:
            return _integer(raw)
        if kind is FieldType.DECIMAL:
            return str(_decimal(raw))
        if kind is FieldType.MONEY:
            return _money(raw)
        if kind is FieldType.DATE:
            return _date(raw).isoformat()
        if kind is FieldType.DATETIME:
            return _datetime(raw)
        if kind is FieldType.CHECKBOX:
            return _bool(raw)
        if kind is FieldType.PICKLIST:
            return _choice(field, str(raw))
        if kind is FieldType.MULTI_PICKLIST:
            items = raw if isinstance(raw, list | tuple) else re.split(r"[;；,，]", str(raw))
            keys = [_choice(field, str(item)) for item in items if str(item).strip()]
            return list(dict.fromkeys(keys))
        if kind is FieldType.URL:
            return _url(str(raw))
        if kind is FieldType.EMAIL:
            return normalize_email(str(raw))
        if kind is FieldType.PHONE:
            return normalize_phone(str(raw), default_region)
        if kind is FieldType.LINK:
            return clean_text(str(raw))
    except ValidationError as error:
        raise ValidationError(field.key, error.template, **error.params) from None
    except (ValueError, InvalidOperation, TypeError):
        raise _bad(field, QT_TRANSLATE_NOOP(
            "Validation", "“{value}” is not a valid value for this field"), raw) from None
    raise AssertionError(kind)


def _length(field: FieldDef, value: str, limit: int) -> str:
    if len(value) > limit:
        raise _bad(field, QT_TRANSLATE_NOOP("Validation", "Too long (at most {value})"), limit)
    return value


def _integer(raw: Any) -> int:
    if isinstance(raw, bool):
        raise ValueError(raw)
    if isinstance(raw, int):
        return raw
    value = Decimal(str(raw).replace(",", "").replace("，", "").strip())
    if value != value.to_integral_value():
        raise ValueError(raw)
    return int(value)


def _decimal(raw: Any) -> Decimal:
    if isinstance(raw, float):
        raise TypeError("money and decimals never travel as float")
    value = Decimal(str(raw).replace(",", "").replace("，", "").strip())
    if not value.is_finite():
        raise ValueError(raw)
    return value


def _money(raw: Any) -> dict[str, str]:
    if isinstance(raw, Mapping):
        amount, currency = raw.get("amount"), str(raw.get("currency") or "CNY")
    else:
        text = str(raw).strip().replace("¥", "").replace("￥", "").replace("$", "")
        parts = text.split()
        currency = "CNY"
        if len(parts) == 2 and parts[1].isalpha():
            text, currency = parts[0], parts[1]
        elif len(parts) == 2 and parts[0].isalpha():
            currency, text = parts[0], parts[1]
        amount = text
    currency = currency.upper()
    if not re.fullmatch(r"[A-Z]{3}", currency):
        raise ValueError(currency)
    return {"amount": str(_decimal(amount).quantize(Decimal("0.01"))), "currency": currency}


def _date(raw: Any) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw).strip().replace("/", "-").replace(".", "-")
    text = re.sub(r"[年月]", "-", text).replace("日", "")
    return date.fromisoformat("-".join(part.zfill(2) for part in text.split("-")))


def _datetime(raw: Any) -> str:
    value = raw if isinstance(raw, datetime) else datetime.fromisoformat(str(raw).strip())
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_TRUE = {"1", "true", "yes", "y", "x", "✓", "是", "对", "有"}
_FALSE = {"0", "false", "no", "n", "否", "无", "没有"}


def _bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(raw)


def _choice(field: FieldDef, raw: str) -> str:
    wanted = clean_text(raw).casefold()
    for choice in field.choices:
        if wanted in (choice.key.casefold(), choice.title.casefold(),
                      choice.title_zh.casefold()):
            return choice.key
    raise ValidationError(field.key, QT_TRANSLATE_NOOP(
        "Validation", "“{value}” is not one of this field's choices"), value=raw)


def _url(raw: str) -> str:
    text = clean_text(raw)
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE):
        text = "https://" + text
    parts = urlsplit(text)
    if not parts.netloc or "." not in parts.netloc or " " in text:
        raise ValueError(raw)
    return text


def display(field: FieldDef, value: Any, chinese: bool = False) -> str:
    """Plain text of a stored value (lists, export, history)."""
    if value is None or value == [] or value == "":
        return ""
    if field.type is FieldType.MONEY and isinstance(value, Mapping):
        return f"{value.get('amount', '')} {value.get('currency', '')}"
    if field.type is FieldType.CHECKBOX:
        return ("是" if value else "否") if chinese else ("Yes" if value else "No")
    if field.type is FieldType.PICKLIST:
        return field.choice_title(str(value), chinese)
    if field.type is FieldType.MULTI_PICKLIST and isinstance(value, list):
        return "; ".join(field.choice_title(str(v), chinese) for v in value)
    return str(value)


def rename_choice(field: FieldDef, key: str, title: str, title_zh: str) -> FieldDef:
    """A renamed choice keeps its key, so every stored value keeps meaning the same thing."""
    choices = tuple(replace(c, title=title, title_zh=title_zh) if c.key == key else c
                    for c in field.choices)
    return replace(field, choices=choices)
