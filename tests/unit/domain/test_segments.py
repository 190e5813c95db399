from datetime import UTC, date, datetime

import pytest

from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.segments import Condition, SegmentDraft, matches, validate_segment

TODAY = date(2026, 11, 23)
RECORD = {"city": "Shanghai", "tags": ["VIP", "Key"], "owner_id": "u1",
          "created_at": datetime(2026, 10, 1, tzinfo=UTC), "recent_activities": 3,
          "title": ""}


@pytest.mark.parametrize(("field", "op", "value", "expected"), [
    ("city", "equals", "shanghai", True),
    ("city", "contains", "ANG", True),
    ("city", "starts_with", "Bei", False),
    ("title", "is_empty", "", True),
    ("tags", "has_tag", "vip", True),
    ("tags", "lacks_tag", "key", False),
    ("owner_id", "is", "u1", True),
    ("owner_id", "is_not", "u1", False),
    ("created_at", "within_days", "60", True),  # 2026-10-01 >= 2026-09-24
    ("created_at", "within_days", "30", False),
    ("created_at", "older_than_days", "30", True),
    ("created_at", "before", "2026-10-02", True),
    ("created_at", "after", "2026-10-01", False),
    ("recent_activities", "at_least", "3", True),
    ("recent_activities", "at_most", "2", False),
])
def test_each_operator(field: str, op: str, value: str, expected: bool) -> None:
    segment = validate_segment(SegmentDraft("s", "contact", "all",
                                            (Condition(field, op, value),)))
    assert matches(segment, RECORD, TODAY) is expected


def test_all_and_any() -> None:
    yes, no = Condition("city", "equals", "Shanghai"), Condition("city", "equals", "Paris")
    assert not matches(SegmentDraft("s", "contact", "all", (yes, no)), RECORD, TODAY)
    assert matches(SegmentDraft("s", "contact", "any", (yes, no)), RECORD, TODAY)
    assert matches(SegmentDraft("s", "contact"), RECORD, TODAY)


def test_validation_lists_every_problem() -> None:
    with pytest.raises(ValidationErrors) as caught:
        validate_segment(SegmentDraft(" ", "contact", "all", (
            Condition("nope", "equals", "x"), Condition("city", "at_least", "1"),
            Condition("created_at", "before", "yesterday"),
            Condition("recent_activities", "at_least", "many"))))
    messages = [str(e) for e in caught.value.errors]
    assert messages == [
        "Enter a name for the segment", "Condition 1: unknown field “nope”",
        "Condition 2: “at_least” does not apply to this field",
        "Condition 3: “yesterday” is not a date (YYYY-MM-DD)",
        "Condition 4: “many” is not a whole number"]
    cleaned = validate_segment(SegmentDraft(" VIPs ", "account", "any", (
        Condition("recent_activities", "at_least", " 007 "),
        Condition("city", "is_empty", "ignored"))))
    assert cleaned.name == "VIPs"
    assert cleaned.conditions == (Condition("recent_activities", "at_least", "7"),
                                  Condition("city", "is_empty", ""))


def test_a_loyalty_tier_condition_compares_tier_names() -> None:
    from desk_crm.domain.segments import TIER, Condition, condition_holds

    today = date(2026, 11, 23)
    assert condition_holds(TIER, Condition("loyalty_tier", "is", "gold"), "gold", today)
    assert not condition_holds(TIER, Condition("loyalty_tier", "is", "gold"), "silver", today)
    assert condition_holds(TIER, Condition("loyalty_tier", "is_not", "gold"), "silver", today)


def test_custom_fields_are_conditions_of_every_type() -> None:
    from datetime import timedelta

    from desk_crm.domain.entities import ENTITIES, with_custom
    from desk_crm.domain.fields import Choice, FieldDef, FieldType, Storage
    from desk_crm.domain.segments import fields_of

    def custom(key: str, kind: FieldType, archived: bool = False) -> FieldDef:
        return FieldDef(key, kind, key.title(), storage=Storage.CUSTOM, custom=True,
                        choices=(Choice("go", "Go", "围棋"),), archived=archived)

    contact = with_custom(ENTITIES["contact"], (
        custom("budget", FieldType.MONEY), custom("hobbies", FieldType.MULTI_PICKLIST),
        custom("vip", FieldType.CHECKBOX), custom("renewal", FieldType.DATE),
        custom("old", FieldType.TEXT, archived=True)))
    assert "custom.old" not in fields_of(contact)
    assert fields_of(contact, include_archived=True)["custom.old"] == "text"
    today = date(2026, 6, 1)
    draft = validate_segment(SegmentDraft("S", "contact", "all", (
        Condition("custom.budget", "at_least", "1,000"),
        Condition("custom.hobbies", "includes", "围棋"),
        Condition("custom.vip", "is_true", "ignored"),
        Condition("custom.renewal", "next_days", "30"),
        Condition("custom.old", "contains", "x"))), contact)
    assert [c.value for c in draft.conditions] == ["1000", "go", "", "30", "x"]
    values = {"custom.budget": {"amount": "1000.00", "currency": "CNY"},
              "custom.hobbies": ["go"], "custom.vip": True,
              "custom.renewal": (today + timedelta(days=30)).isoformat(), "custom.old": "xy"}
    assert matches(draft, values, today, contact)
    assert not matches(draft, {**values, "custom.renewal": "2026-05-31"}, today, contact)
    assert not matches(draft, {**values, "custom.budget": None}, today, contact)
    with pytest.raises(ValidationErrors) as raised:
        validate_segment(SegmentDraft("S", "contact", "all", (
            Condition("custom.gone", "contains", "x"),
            Condition("custom.budget", "at_least", "lots"))), contact)
    templates = [e.template for e in raised.value.errors]
    assert "was deleted" in templates[0] and "is not a number" in templates[1]
