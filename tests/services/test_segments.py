"""Saved segments: stored with history, compiled to SQL that agrees with the domain's
Python rules, usable as a list filter and as id pages for bulk edit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desk_crm.domain.entities import years_before
from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.segments import FIELDS, Condition, SegmentDraft, matches
from desk_crm.services.bulk import BulkChanges
from desk_crm.services.bundle import Services
from desk_crm.services.exporter import ExportColumn
from desk_crm.store.repositories import ListQuery
from helpers.drafts import account_draft, contact_draft

TODAY = date.today()


def _contacts(services: Services) -> dict[str, str]:
    acme = services.accounts.save(account_draft("Acme")).id
    made = {}
    for family, city, tags, account in (("Li", "Shanghai", ("VIP",), acme),
                                        ("Wang", "Beijing", (), None),
                                        ("Zhao", "shanghai", ("vip", "new"), None),
                                        ("Chen", "", (), acme)):
        made[family] = services.contacts.save(contact_draft(
            family, "X", city=city, tags=tags, account_id=account)).id
    return made


def test_save_list_count_and_matching_ids(services: Services) -> None:
    made = _contacts(services)
    draft = SegmentDraft("Shanghai VIPs", "contact", "all", (
        Condition("city", "equals", "SHANGHAI"), Condition("tags", "has_tag", "vip")))
    saved = services.segments.save(draft)
    assert [s.name for s in services.segments.list_segments()] == ["Shanghai VIPs"]
    assert services.segments.get(saved.id).draft.conditions == draft.conditions
    assert services.segments.count(saved.id) == 2
    assert set(services.segments.matching_ids(saved.id, "contact", page_size=1)) == {
        made["Li"], made["Zhao"]}
    with pytest.raises(ValidationError):
        services.segments.save(SegmentDraft("Shanghai VIPs", "contact"))
    services.segments.delete(saved.id)
    assert services.segments.list_segments() == []


@pytest.mark.parametrize("conditions", [
    (Condition("city", "contains", "hai"),),
    (Condition("city", "is_empty"),),
    (Condition("tags", "lacks_tag", "VIP"),),
    (Condition("account_id", "not_empty"),),
    (Condition("created_at", "within_days", "3"),),
    (Condition("created_at", "older_than_days", "3"),),
    (Condition("recent_activities", "at_most", "0"),),
    (Condition("display_name", "starts_with", "w"), Condition("city", "equals", "")),
])
def test_sql_agrees_with_the_python_rules(services: Services,
                                          conditions: tuple[Condition, ...]) -> None:
    _contacts(services)
    for match in ("all", "any"):
        draft = SegmentDraft(f"s {match} {conditions}", "contact", match, conditions)
        saved = services.segments.save(draft)
        expected = set()
        for row in services.lists.page(ListQuery("contact"), limit=100):
            record = services.contacts.get(row.id)
            values = {"city": record.draft.city, "tags": record.draft.tags,
                      "account_id": record.draft.account_id, "created_at": TODAY,
                      "display_name": record.display_name, "recent_activities": 0}
            if matches(saved.draft, values, TODAY):
                expected.add(row.id)
        assert set(services.segments.matching_ids(saved.id)) == expected


def test_a_segment_filters_a_list_and_drives_export_and_bulk_edit(
        services: Services, tmp_path: Path) -> None:
    made = _contacts(services)
    saved = services.segments.save(SegmentDraft("At Acme", "contact", "all", (
        Condition("account_id", "not_empty"),)))
    assert services.segments.refresh(saved.id) == 2
    query = ListQuery("contact", filters=(("segment_id", saved.id),))
    assert services.lists.count(query) == 2
    assert {row.id for row in services.lists.page(query)} == {made["Li"], made["Chen"]}
    exported = services.exports.export(query, [ExportColumn("name", "Name", str)],
                                       tmp_path / "segment.csv")
    assert exported == 2
    run = services.bulk.apply_pages("contact", services.lists.iter_id_pages(query),
                                    BulkChanges(city="Hangzhou"))
    assert run.done == 2
    assert services.contacts.get(made["Chen"]).draft.city == "Hangzhou"
    assert services.contacts.get(made["Wang"]).draft.city == "Beijing"


def test_account_segments_count_contacts_and_won_deals(services: Services) -> None:
    _contacts(services)
    services.accounts.save(account_draft("Empty Co"))
    saved = services.segments.save(SegmentDraft("Has people", "account", "all", (
        Condition("contacts", "at_least", "2"), Condition("won_deals", "equals", "0"))))
    assert services.segments.count(saved.id) == 1


def _with_demographics(services: Services) -> dict[str, str]:
    """Contacts aged 17, 25, 34 and 35 today, with and without a gender (declared
    built-in fields written through the one generic write)."""
    made = {}
    for family, age, gender in (("Teen", 17, "female"), ("Young", 25, "male"),
                                ("Edge", 34, "female"), ("Older", 35, "")):
        record_id = services.contacts.save(contact_draft(family, "X")).id
        birth = years_before(TODAY, age)
        services.fields.save_values("contact", record_id,
                                    {"birth_date": birth.isoformat(), "gender": gender})
        made[family] = record_id
    return made


def test_declared_demographic_fields_are_segment_conditions() -> None:
    assert FIELDS["contact"]["birth_date"] == "date"
    assert FIELDS["contact"]["gender"] == "choice"
    assert FIELDS["contact"]["income_band"] == "choice"
    assert "street2" in FIELDS["contact"]


@pytest.mark.parametrize(("conditions", "expected"), [
    ((Condition("birth_date", "years_at_least", "25"),
      Condition("birth_date", "years_under", "35")), {"Young", "Edge"}),
    ((Condition("birth_date", "years_under", "18"),), {"Teen"}),
    ((Condition("gender", "is", "女"),), {"Teen", "Edge"}),  # a choice by its Chinese title
    ((Condition("gender", "is_not", "Female"),), {"Young", "Older"}),
    ((Condition("gender", "is_empty"),), {"Older"}),
])
def test_age_bands_and_choices_in_sql_agree_with_python(
        services: Services, conditions: tuple[Condition, ...], expected: set[str]) -> None:
    made = _with_demographics(services)
    saved = services.segments.save(SegmentDraft(f"d {conditions}", "contact", "all",
                                                conditions))
    names = {record_id: family for family, record_id in made.items()}
    found = {names[i] for i in services.segments.matching_ids(saved.id)}
    assert found == expected
    by_python = set()
    for family, record_id in made.items():
        record = _demographics(services, record_id)
        if matches(saved.draft, record, TODAY):
            by_python.add(family)
    assert by_python == expected


def _demographics(services: Services, record_id: str) -> dict[str, object]:
    from desk_crm.store.models import Contact

    with services.context.read() as session:
        row = session.get(Contact, session.query(Contact.pk).filter(
            Contact.id == record_id).scalar())
        assert row is not None
        return {"birth_date": row.birth_date, "gender": row.gender}


def test_a_choice_condition_refuses_a_value_that_is_no_choice(services: Services) -> None:
    with pytest.raises(ValidationErrors):
        services.segments.save(SegmentDraft("bad", "contact", "all", (
            Condition("gender", "is", "robot"),)))
