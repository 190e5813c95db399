"""Custom fields on django-crm 1.35: definitions and values, in our vocabulary.

The server keeps one ``custom_field_definition`` row per organisation, target model and key
(``/api/custom-fields/``: ``key``, ``label``, ``field_type`` of text, textarea, number,
dropdown, date, checkbox; dropdown ``options`` as ``{value, label}`` pairs; ``is_active``,
deleting only deactivates; key, target and type cannot change after creation). Values live
in each record's ``custom_fields`` JSON object, which list rows and detail answers carry and
creates and PATCHes accept; a PATCH keeps the keys it leaves out, ``null`` removes one, and a
key without an active definition is dropped silently. Numbers are stored as floats.

Ours travel under the same key (both sides spell keys ``[a-z][a-z0-9_]*``). In the engine a
custom value is the field ``custom.<key>`` with its local stored value (text, an integer, a
decimal as exact text, an ISO date, a boolean, a choice key), so the three-way merge and the
conflict queue treat it like a built-in field. A picklist's choice key is the dropdown's
option value, its title the option's label: renaming a choice on either side renames it on
the other and keeps the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from desk_crm.domain.fields import FieldDef, FieldType

PREFIX = "custom."

# Our entities -> the server's target_model.
TARGETS = {"account": "Account", "contact": "Contact", "lead": "Lead",
           "opportunity": "Opportunity", "ticket": "Case", "quote": "Estimate"}

# Our types -> the server's field_type; a type not here stays local (LOCAL_ONLY).
TYPE_OUT: dict[FieldType, str] = {
    FieldType.TEXT: "text", FieldType.LONG_TEXT: "textarea", FieldType.INTEGER: "number",
    FieldType.DECIMAL: "number", FieldType.DATE: "date", FieldType.CHECKBOX: "checkbox",
    FieldType.PICKLIST: "dropdown",
    # Plain text on the server; normalised here (https://, lower-cased, E.164).
    FieldType.URL: "text", FieldType.EMAIL: "text", FieldType.PHONE: "text",
}
# No place on the server: money (a number loses its currency), date-time, several choices
# in one field, a link to a record.
LOCAL_ONLY = (FieldType.MONEY, FieldType.DATETIME, FieldType.MULTI_PICKLIST, FieldType.LINK)
# A definition made on the server becomes one of ours of this type.
TYPE_IN: dict[str, FieldType] = {
    "text": FieldType.TEXT, "textarea": FieldType.LONG_TEXT, "number": FieldType.DECIMAL,
    "date": FieldType.DATE, "checkbox": FieldType.CHECKBOX, "dropdown": FieldType.PICKLIST,
}


@dataclass(frozen=True)
class RemoteFieldDef:
    remote_id: str
    entity: str                              # ours ("contact")
    key: str
    label: str
    field_type: str                          # the server's
    options: tuple[tuple[str, str], ...]     # (value, label) of a dropdown
    active: bool = True
    order: int = 0


def field_name(key: str) -> str:
    return PREFIX + key


def custom_key(name: str) -> str | None:
    return name[len(PREFIX):] if name.startswith(PREFIX) else None


def fits(local: FieldType, remote_type: str) -> bool:
    """Whether a server definition of *remote_type* can hold our field of type *local*."""
    return TYPE_OUT.get(local) == remote_type


def definition_from(entity: str, row: Mapping[str, Any]) -> RemoteFieldDef:
    options = tuple((str(o.get("value")), str(o.get("label") or o.get("value")))
                    for o in row.get("options") or () if isinstance(o, Mapping))
    return RemoteFieldDef(str(row["id"]), entity, str(row["key"]), str(row.get("label") or ""),
                          str(row.get("field_type") or ""), options,
                          bool(row.get("is_active", True)), int(row.get("display_order") or 0))


def definition_body(entity: str, field: FieldDef) -> dict[str, Any]:
    """The POST body for one of our fields (callers check TYPE_OUT first)."""
    body: dict[str, Any] = {"target_model": TARGETS[entity], "key": field.key,
                            "label": field.title, "field_type": TYPE_OUT[field.type],
                            "is_required": False, "display_order": field.position}
    if field.type is FieldType.PICKLIST:
        body["options"] = options_of(field)
    return body


def options_of(field: FieldDef) -> list[dict[str, str]]:
    return [{"value": c.key, "label": c.title} for c in field.choices]


def number_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def value_in(field: FieldDef, raw: Any) -> Any:
    """A server value in our stored form (what ``services.custom_fields`` keeps)."""
    if raw is None or raw == "":
        return None
    kind = field.type
    if kind is FieldType.CHECKBOX:
        return bool(raw)
    if kind in (FieldType.INTEGER, FieldType.DECIMAL):
        if isinstance(raw, bool):
            return None
        try:
            number = Decimal(str(raw))     # str(float) is its shortest exact spelling
        except InvalidOperation:
            return str(raw)
        if kind is FieldType.INTEGER:
            return int(number) if number == number.to_integral_value() else number_text(number)
        return number_text(number)
    if kind is FieldType.DATE:
        return str(raw)[:10]
    return str(raw)


def value_out(field: FieldDef, value: Any) -> Any:
    """Our stored value as the server takes it: numbers as exact text (the server parses
    text itself, so no float is made here), dates as ISO text, None removes the key."""
    if value is None or value == "" or value == []:
        return None
    if field.type is FieldType.DECIMAL:
        return number_text(Decimal(str(value)))
    if field.type is FieldType.DATE and isinstance(value, date):
        return value.isoformat()
    return value


def values_in(fields: tuple[FieldDef, ...], row: Mapping[str, Any]) -> dict[str, Any]:
    stored = row.get("custom_fields")
    stored = stored if isinstance(stored, Mapping) else {}
    return {field_name(f.key): value_in(f, stored.get(f.key)) for f in fields}


def values_out(fields: tuple[FieldDef, ...], values: Mapping[str, Any]) -> dict[str, Any]:
    """``{"custom_fields": {...}}`` for the custom values present in *values* (a partial
    update sends only what changed; the server keeps the rest)."""
    out = {f.key: value_out(f, values[field_name(f.key)])
           for f in fields if field_name(f.key) in values}
    return {"custom_fields": out} if out else {}
