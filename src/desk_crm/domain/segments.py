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
from typing import Any

from desk_crm.domain.entities import ENTITIES as _ENTITIES
from desk_crm.domain.entities import SEGMENTABLE, EntityDef, age_on
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.fields import FieldType, normalize
from desk_crm.domain.text import clean_text

TEXT, TAGS, REF, DATE, COUNT, TIER = "text", "tags", "ref", "date", "count", "tier"
CHOICE = "choice"  # a declared picklist field: the value is one of its choices

# The condition kind of a declared built-in field (domain.fields), by its type: a field
# added to an entity's declaration is a segment condition without more code.
_KIND_OF_TYPE = {FieldType.TEXT: TEXT, FieldType.EMAIL: TEXT, FieldType.PHONE: TEXT,
                 FieldType.URL: TEXT, FieldType.DATE: DATE, FieldType.INTEGER: COUNT,
                 FieldType.PICKLIST: CHOICE}


def _declared_fields(entity: EntityDef) -> dict[str, str]:
    return {f.key: _KIND_OF_TYPE[f.type] for f in entity.live_fields
            if not f.custom and f.type in _KIND_OF_TYPE}


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
    TIER: ("is", "is_not"),  # the value is a tier's name; "loyalty_points" are points ever earned
}
NO_VALUE = ("is_empty", "not_empty")


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


def validate_segment(draft: SegmentDraft) -> SegmentDraft:
    """A normalised copy, or ValidationErrors naming every problem."""
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
    for number, condition in enumerate(draft.conditions, start=1):
        kind = FIELDS[draft.entity].get(condition.field)
        if kind is None:
            errors.append(ValidationError("conditions", QT_TRANSLATE_NOOP(
                "Validation", "Condition {number}: unknown field “{value}”"),
                number=number, value=condition.field))
            continue
        if condition.op not in OPERATORS[kind]:
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
        elif kind == CHOICE and not value:
            errors.append(ValidationError("conditions", QT_TRANSLATE_NOOP(
                "Validation", "Condition {number}: enter a value"), number=number))
            continue
        elif kind == CHOICE:
            try:
                value = str(normalize(_ENTITIES[draft.entity].field(condition.field), value))
            except ValidationError:
                errors.append(ValidationError("conditions", QT_TRANSLATE_NOOP(
                    "Validation", "Condition {number}: “{value}” is not one of this field's "
                    "choices"), number=number, value=value))
                continue
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
        if day is None:
            return False
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
    if kind == TIER:  # *value* is the record's tier name
        return bool(value == wanted) if op == "is" else bool(value != wanted)
    number = int(value or 0)
    return {"at_least": number >= int(wanted), "at_most": number <= int(wanted),
            "equals": number == int(wanted)}[op]


def matches(segment: SegmentDraft, values: Mapping[str, Any], today: date) -> bool:
    """Whether a record with *values* (field -> value) belongs to *segment*."""
    if not segment.conditions:
        return True
    results = (condition_holds(field_kind(segment.entity, c.field), c, values.get(c.field),
                               today) for c in segment.conditions)
    return all(results) if segment.match == "all" else any(results)
