"""Saved segments: a named set of conditions on an entity's fields, tags, activity counts
and dates. This module holds the condition model, its validation and the evaluation rules
(:func:`matches`, pure Python); ``services.segments`` turns the same rules into SQL, and a
test checks both agree.

Rules: text comparisons ignore case (ASCII letters, as SQLite's ``lower``); "contains" is a
substring test; tags compare ignoring case; a date condition on a missing date is false;
"within the last N days" means on or after today − N; counts are whole numbers ≥ 0.
``match`` "all" needs every condition, "any" at least one; a segment without conditions
matches every live record.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from desk_crm.domain.entities import ENTITIES as _ENTITIES
from desk_crm.domain.entities import SEGMENTABLE, EntityDef, age_on
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.fields import FieldDef, FieldType, normalize
from desk_crm.domain.text import clean_text

TEXT, TAGS, REF, DATE, COUNT, TIER = "text", "tags", "ref", "date", "count", "tier"
CHOICE = "choice"  # a declared picklist field: the value is one of its choices
NUMBER = "number"  # a custom integer, decimal or money amount (Decimal comparisons)
FLAG = "flag"  # a custom checkbox
MULTI = "multi"  # a custom multi-select picklist: "contains" a choice
# A custom field's condition name: "custom.<key>" (a custom key may equal a built-in
# condition's name such as "city"; the prefix keeps them apart in saved segments).
CUSTOM = "custom."

# The condition kind of a declared built-in field (domain.fields), by its type: a field
# added to an entity's declaration is a segment condition without more code.
_KIND_OF_TYPE = {FieldType.TEXT: TEXT, FieldType.EMAIL: TEXT, FieldType.PHONE: TEXT,
                 FieldType.URL: TEXT, FieldType.DATE: DATE, FieldType.INTEGER: COUNT,
                 FieldType.PICKLIST: CHOICE}


def _declared_fields(entity: EntityDef) -> dict[str, str]:
    return {f.key: _KIND_OF_TYPE[f.type] for f in entity.live_fields
            if not f.custom and f.type in _KIND_OF_TYPE}


# The condition kind of a custom field, by its type: every type is a condition.
_KIND_OF_CUSTOM = {FieldType.TEXT: TEXT, FieldType.LONG_TEXT: TEXT, FieldType.EMAIL: TEXT,
                   FieldType.PHONE: TEXT, FieldType.URL: TEXT, FieldType.DATE: DATE,
                   FieldType.DATETIME: DATE, FieldType.INTEGER: NUMBER,
                   FieldType.DECIMAL: NUMBER, FieldType.MONEY: NUMBER,
                   FieldType.CHECKBOX: FLAG, FieldType.PICKLIST: CHOICE,
                   FieldType.MULTI_PICKLIST: MULTI, FieldType.LINK: REF}


def custom_condition(key: str) -> str:
    return CUSTOM + key


def declared_field(entity: EntityDef, name: str) -> FieldDef | None:
    """The FieldDef behind a condition name (custom or declared built-in), if any."""
    key = name[len(CUSTOM):] if name.startswith(CUSTOM) else name
    for candidate in entity.fields:
        if candidate.key == key and candidate.custom == name.startswith(CUSTOM):
            return candidate
    return None


def fields_of(entity: EntityDef, include_archived: bool = False) -> dict[str, str]:
    """Condition fields (name -> kind) of an entity declaration with its custom fields
    (``with_custom``): the built-in ones of :data:`FIELDS`, then every custom field —
    archived ones only with *include_archived* (saved segments keep working; the builder
    offers live fields only)."""
    found = dict(FIELDS[entity.key])
    for f in entity.fields:
        if f.custom and (include_archived or not f.archived):
            found[custom_condition(f.key)] = _KIND_OF_CUSTOM[f.type]
    return found


# Segmentable entities and their condition fields (field -> kind) come from the entity
# declarations: the listed segment fields, then the declared built-in fields (demographics).
# The titles live in the UI.
ENTITIES = SEGMENTABLE
FIELDS: dict[str, dict[str, str]] = {
    key: {**dict(_ENTITIES[key].segment_fields), **_declared_fields(_ENTITIES[key])}
    for key in SEGMENTABLE}
RECENT_DAYS = 90  # "recent_activities": activities due or done in the last 90 days

OPERATORS: dict[str, tuple[str, ...]] = {
    TEXT: ("equals", "not_equals", "contains", "starts_with", "is_empty", "not_empty"),
    TAGS: ("has_tag", "lacks_tag", "is_empty", "not_empty"),
    REF: ("is", "is_not", "is_empty", "not_empty"),
    # "years_at_least"/"years_under": at least / under N whole years ago: on a birth date,
    # an age band ("25–34": years_at_least 25 and years_under 35).
    DATE: ("before", "after", "within_days", "older_than_days", "years_at_least",
           "years_under"),
    CHOICE: ("is", "is_not", "is_empty", "not_empty"),
    COUNT: ("at_least", "at_most", "equals"),
    NUMBER: ("equals", "not_equals", "at_least", "at_most", "greater", "less", "is_empty",
             "not_empty"),
    FLAG: ("is_true", "is_false"),
    MULTI: ("includes", "excludes", "is_empty", "not_empty"),
    TIER: ("is", "is_not"),  # the value is a tier's name; "loyalty_points" are points ever earned
}
# A custom date also: "in the next N days" (renewals, birthdays to come) and empty or not.
CUSTOM_DATE_OPS = (*OPERATORS[DATE], "next_days", "is_empty", "not_empty")
NO_VALUE = ("is_empty", "not_empty", "is_true", "is_false")


def operators(kind: str, custom: bool = False) -> tuple[str, ...]:
    """The operators a condition of *kind* offers (custom dates have a few more)."""
    return CUSTOM_DATE_OPS if custom and kind == DATE else OPERATORS[kind]


@dataclass(frozen=True)
class Condition:
    field: str
    op: str
    value: str = ""


@dataclass(frozen=True)
class SegmentDraft:
    name: str = ""
    entity: str = "contact"
    match: str = "all"  # all / any
    conditions: tuple[Condition, ...] = ()
    description: str = ""


def field_kind(entity: str, name: str) -> str:
    return FIELDS[entity][name]


def validate_segment(draft: SegmentDraft, definition: EntityDef | None = None
                     ) -> SegmentDraft:
    """A normalised copy, or ValidationErrors naming every problem. *definition* is the
    entity with its custom fields (``with_custom``, archived ones included); without it
    only built-in conditions are known."""
    errors: list[ValidationError] = []
    name = clean_text(draft.name)
    if not name:
        errors.append(ValidationError("name", QT_TRANSLATE_NOOP(
            "Validation", "Enter a name for the segment")))
    if draft.entity not in ENTITIES:
        errors.append(ValidationError("entity", QT_TRANSLATE_NOOP(
            "Validation", "Unknown record type “{value}”"), value=draft.entity))
        raise ValidationErrors(errors)
    if draft.match not in ("all", "any"):
        errors.append(ValidationError("match", QT_TRANSLATE_NOOP(
            "Validation", "Choose “all” or “any”")))
    conditions = []
    entity = definition if definition is not None else _ENTITIES[draft.entity]
    known = fields_of(entity, include_archived=True)
    for number, condition in enumerate(draft.conditions, start=1):
        kind = known.get(condition.field)
        if kind is None and condition.field.startswith(CUSTOM):
            errors.append(ValidationError("conditions", QT_TRANSLATE_NOOP(
                "Validation", "Condition {number}: the custom field “{value}” was deleted; "
                "remove the condition"), number=number, value=condition.field[len(CUSTOM):]))
            continue
        if kind is None:
            errors.append(ValidationError("conditions", QT_TRANSLATE_NOOP(
                "Validation", "Condition {number}: unknown field “{value}”"),
                number=number, value=condition.field))
            continue
        field = declared_field(entity, condition.field)
        custom = field is not None and field.custom
        if condition.op not in operators(kind, custom):
            errors.append(ValidationError("conditions", QT_TRANSLATE_NOOP(
                "Validation", "Condition {number}: “{value}” does not apply to this field"),
                number=number, value=condition.op))
            continue
        value = clean_text(condition.value)
        if condition.op in NO_VALUE:
            value = ""
        elif kind == DATE and condition.op in ("before", "after"):
            try:
                value = date.fromisoformat(value).isoformat()
            except ValueError:
                errors.append(ValidationError("conditions", QT_TRANSLATE_NOOP(
                    "Validation", "Condition {number}: “{value}” is not a date "
                    "(YYYY-MM-DD)"), number=number, value=value))
                continue
        elif kind in (CHOICE, MULTI) and not value:
            errors.append(ValidationError("conditions", QT_TRANSLATE_NOOP(
                "Validation", "Condition {number}: enter a value"), number=number))
            continue
        elif kind in (CHOICE, MULTI) and field is not None:
            try:
                picked = normalize(replace(field, type=FieldType.PICKLIST, required=False),
                                   value)
                value = str(picked)
            except ValidationError:
                errors.append(ValidationError("conditions", QT_TRANSLATE_NOOP(
                    "Validation", "Condition {number}: “{value}” is not one of this field's "
                    "choices"), number=number, value=value))
                continue
        elif kind == NUMBER:
            try:
                amount = Decimal(value.replace(",", "").replace("，", ""))
                if not amount.is_finite():
                    raise InvalidOperation(value)
            except InvalidOperation:
                errors.append(ValidationError("conditions", QT_TRANSLATE_NOOP(
                    "Validation", "Condition {number}: “{value}” is not a number"),
                    number=number, value=value))
                continue
            value = str(amount)
        elif kind in (DATE, COUNT):
            if not value.isdigit():
                errors.append(ValidationError("conditions", QT_TRANSLATE_NOOP(
                    "Validation", "Condition {number}: “{value}” is not a whole number"),
                    number=number, value=value))
                continue
            value = str(int(value))
        elif not value and kind != TEXT:
            errors.append(ValidationError("conditions", QT_TRANSLATE_NOOP(
                "Validation", "Condition {number}: enter a value"), number=number))
            continue
        conditions.append(Condition(condition.field, condition.op, value))
    if errors:
        raise ValidationErrors(errors)
    return replace(draft, name=name, description=clean_text(draft.description),
                   conditions=tuple(conditions))


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def condition_holds(kind: str, condition: Condition, value: Any, today: date) -> bool:
    op, wanted = condition.op, condition.value
    if kind == TEXT:
        text = str(value or "").lower()
        text_tests: dict[str, Callable[[], bool]] = {
            "equals": lambda: text == wanted.lower(),
            "not_equals": lambda: text != wanted.lower(),
            "contains": lambda: wanted.lower() in text,
            "starts_with": lambda: text.startswith(wanted.lower()),
            "is_empty": lambda: text == "",
            "not_empty": lambda: text != ""}
        return text_tests[op]()
    if kind == TAGS:
        tags = {str(tag).lower() for tag in (value or ())}
        tag_tests: dict[str, Callable[[], bool]] = {
            "has_tag": lambda: wanted.lower() in tags,
            "lacks_tag": lambda: wanted.lower() not in tags,
            "is_empty": lambda: not tags, "not_empty": lambda: bool(tags)}
        return tag_tests[op]()
    if kind == REF:
        ref_tests: dict[str, Callable[[], bool]] = {
            "is": lambda: bool(value == wanted), "is_not": lambda: bool(value != wanted),
            "is_empty": lambda: not value, "not_empty": lambda: bool(value)}
        return ref_tests[op]()
    if kind == DATE:
        day = _day(value)
        if op in NO_VALUE:
            return (day is None) == (op == "is_empty")
        if day is None:
            return False
        if op == "next_days":
            return today <= day <= today + timedelta(days=int(wanted))
        if op == "before":
            return day < date.fromisoformat(wanted)
        if op == "after":
            return day > date.fromisoformat(wanted)
        if op in ("years_at_least", "years_under"):
            old_enough = age_on(day, today) >= int(wanted)
            return old_enough if op == "years_at_least" else not old_enough
        limit = today - timedelta(days=int(wanted))
        return day >= limit if op == "within_days" else day < limit
    if kind == CHOICE:
        choice_tests: dict[str, Callable[[], bool]] = {
            "is": lambda: bool(value == wanted), "is_not": lambda: bool(value != wanted),
            "is_empty": lambda: not value, "not_empty": lambda: bool(value)}
        return choice_tests[op]()
    if kind == FLAG:
        return bool(value) == (op == "is_true")
    if kind == MULTI:
        chosen = list(value or ())
        multi_tests: dict[str, Callable[[], bool]] = {
            "includes": lambda: wanted in chosen, "excludes": lambda: wanted not in chosen,
            "is_empty": lambda: not chosen, "not_empty": lambda: bool(chosen)}
        return multi_tests[op]()
    if kind == NUMBER:
        amount = value.get("amount") if isinstance(value, Mapping) else value
        if op in NO_VALUE:
            return (amount is None or amount == "") == (op == "is_empty")
        if amount is None or amount == "":
            return op == "not_equals"
        have, bound = Decimal(str(amount)), Decimal(wanted)
        number_tests: dict[str, bool] = {
            "equals": have == bound, "not_equals": have != bound, "at_least": have >= bound,
            "at_most": have <= bound, "greater": have > bound, "less": have < bound}
        return number_tests[op]
    if kind == TIER:  # *value* is the record's tier name
        return bool(value == wanted) if op == "is" else bool(value != wanted)
    number = int(value or 0)
    return {"at_least": number >= int(wanted), "at_most": number <= int(wanted),
            "equals": number == int(wanted)}[op]


def matches(segment: SegmentDraft, values: Mapping[str, Any], today: date,
            definition: EntityDef | None = None) -> bool:
    """Whether a record with *values* (condition name -> value; a custom field's under
    ``custom.<key>``) belongs to *segment*."""
    if not segment.conditions:
        return True
    kinds = fields_of(definition if definition is not None else _ENTITIES[segment.entity],
                      include_archived=True)
    results = (condition_holds(kinds[c.field], c, values.get(c.field), today)
               for c in segment.conditions)
    return all(results) if segment.match == "all" else any(results)
