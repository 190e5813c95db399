"""Custom fields with a real django-crm 1.35 (issue 17 item 4): definitions pushed and pulled,
values through the same three-way merge and conflict queue as built-in fields, and picklist
choices renamed on either side. Each test has an organisation of its own."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.helpers.db import scalar

from desk_crm.domain.drafts import ContactDraft
from desk_crm.domain.fields import Choice, FieldType
from desk_crm.services.bundle import build_services
from desk_crm.services.custom_fields import NewField
from desk_crm.store.database import open_database
from desk_crm.sync.engine import RetryPolicy, SyncEngine
from desk_crm.sync.issues import THEIRS, SyncIssues

pytestmark = pytest.mark.djcrm

LEVELS = (Choice("gold", "Gold", "金卡"), Choice("silver", "Silver", "银卡"))
# Every type of our model; the last four have no place on django-crm.
TYPES = {
    "note": FieldType.TEXT, "story": FieldType.LONG_TEXT, "visits": FieldType.INTEGER,
    "ratio": FieldType.DECIMAL, "met_on": FieldType.DATE, "vip": FieldType.CHECKBOX,
    "level": FieldType.PICKLIST, "homepage": FieldType.URL, "alt_email": FieldType.EMAIL,
    "mobile": FieldType.PHONE,
    "budget": FieldType.MONEY, "call_at": FieldType.DATETIME,
    "hobbies": FieldType.MULTI_PICKLIST, "partner": FieldType.LINK,
}
SERVER_TYPES = {"note": "text", "story": "textarea", "visits": "number", "ratio": "number",
                "met_on": "date", "vip": "checkbox", "level": "dropdown", "homepage": "text",
                "alt_email": "text", "mobile": "text"}
VALUES: dict[str, Any] = {
    "note": "重要客户", "story": "第一行\n第二行", "visits": 42, "ratio": "12.375",
    "met_on": "2026-03-01", "vip": True, "level": "gold", "homepage": "https://example.cn/a",
    "alt_email": "zhang@example.cn", "mobile": "+8613800138000",
    "budget": {"amount": "1200.50", "currency": "CNY"}, "call_at": "2026-03-01T08:30:00Z",
    "hobbies": ["golf"],
}


def sync(database, adapter) -> Any:
    report = SyncEngine(database.session_factory, adapter, sleep=lambda _s: None,
                        retry=RetryPolicy(attempts=3, base_delay=0.01)).run()
    assert report.status == "ok", report.message
    return report


def remote_id(database, record_id: str) -> str:
    return str(scalar(database, "SELECT remote_id FROM sync_link WHERE record_id=:r",
                      r=record_id))


def make_fields(services) -> None:
    for key, kind in TYPES.items():
        services.fields.create(NewField(
            "contact", key.replace("_", " ").title(), kind, key=key,
            choices=LEVELS if kind is FieldType.PICKLIST else (
                (Choice("golf", "Golf"),) if kind is FieldType.MULTI_PICKLIST else ()),
            link_entity="account" if kind is FieldType.LINK else None))


def server_definitions(server) -> dict[str, dict[str, Any]]:
    answer = server("GET", "/api/custom-fields/?target_model=Contact&include_counts=false")
    return {d["key"]: d for d in answer["definitions"]}


def test_every_type_round_trips_where_the_server_can_hold_it(database, services, server,
                                                           tmp_path: Path):
    make_fields(services)
    zhang = services.fields.save_with(
        "contact", lambda: services.contacts.save(ContactDraft(family_name="张", given_name="三")),
        VALUES)
    report = sync(database, server.adapter())
    # Money, date-time, multi-select and link stay local, and are listed.
    assert sorted(report.local_fields) == [
        "contact.budget (money)", "contact.call_at (datetime)",
        "contact.hobbies (multi_picklist)", "contact.partner (link)"]
    definitions = server_definitions(server)
    assert {k: d["field_type"] for k, d in definitions.items()} == SERVER_TYPES
    assert definitions["level"]["options"] == [{"value": "gold", "label": "Gold"},
                                               {"value": "silver", "label": "Silver"}]
    stored = server("GET", f"/api/contacts/{remote_id(database, zhang.id)}/")[
        "contact_obj"]["custom_fields"]
    assert stored == {"note": "重要客户", "story": "第一行\n第二行", "visits": 42.0,
                      "ratio": 12.375, "met_on": "2026-03-01", "vip": True, "level": "gold",
                      "homepage": "https://example.cn/a", "alt_email": "zhang@example.cn",
                      "mobile": "+8613800138000"}
    # A second run finds nothing to do: the server's floats read back as our values.
    again = sync(database, server.adapter())
    assert again.pushed == 0 and again.pulled == 0 and again.conflicts == 0

    # The server's user edits values; they come back through the merge.
    server("PATCH", f"/api/contacts/{remote_id(database, zhang.id)}/",
           {"custom_fields": {"visits": 43, "vip": False, "note": "服务器改的",
                              "ratio": "0.5"}})
    report = sync(database, server.adapter())
    assert report.pulled == 1 and report.conflicts == 0
    values = services.fields.values("contact", zhang.id)
    assert (values["visits"], values["vip"], values["note"], values["ratio"]) == (
        43, False, "服务器改的", "0.5")
    assert values["budget"] == {"amount": "1200.50", "currency": "CNY"}  # local-only kept
    # The pull wrote through the change log: the edit is in the record's history.
    assert scalar(database, "SELECT count(*) FROM change_log WHERE record_id=:r AND "
                  "actor='sync'", r=zhang.id) >= 1

    # Another desk with an empty database gets the definitions and the values.
    other = open_database(tmp_path / "other.sqlite3", tmp_path / "other-backups")
    try:
        sync(other, server.adapter())
        theirs = build_services(other, actor="tester")
        made = {f.key: f.type for f in theirs.fields.definitions("contact")}
        assert made == {"note": FieldType.TEXT, "story": FieldType.LONG_TEXT,
                        "visits": FieldType.DECIMAL, "ratio": FieldType.DECIMAL,
                        "met_on": FieldType.DATE, "vip": FieldType.CHECKBOX,
                        "level": FieldType.PICKLIST, "homepage": FieldType.TEXT,
                        "alt_email": FieldType.TEXT, "mobile": FieldType.TEXT}
        record = scalar(other, "SELECT id FROM contact WHERE family_name='张'")
        pulled = theirs.fields.values("contact", record)
        assert (pulled["visits"], pulled["ratio"], pulled["met_on"], pulled["level"],
                pulled["story"]) == ("43", "0.5", "2026-03-01", "gold", "第一行\n第二行")
        assert theirs.fields.entity("contact").field("level").choice_title("gold") == "Gold"
    finally:
        other.close()


def test_a_custom_field_edited_on_both_sides_is_a_conflict(database, services, server):
    services.fields.create(NewField("contact", "Visits", FieldType.INTEGER, key="visits"))
    services.fields.create(NewField("contact", "Note", FieldType.TEXT, key="note"))
    li = services.fields.save_with(
        "contact", lambda: services.contacts.save(ContactDraft(family_name="李", given_name="四")),
        {"visits": 1, "note": "a"})
    sync(database, server.adapter())
    server("PATCH", f"/api/contacts/{remote_id(database, li.id)}/",
           {"custom_fields": {"visits": 5, "note": "theirs"}})
    services.fields.save_values("contact", li.id, {"visits": 9})
    report = sync(database, server.adapter())
    assert report.conflicts == 1
    issues = SyncIssues(services.context)
    (issue,) = issues.open_issues()
    assert issue.fields == {"custom.visits": {"base": 1, "mine": 9, "theirs": 5}}
    # The field changed only there was taken; the conflict waits for the user.
    assert services.fields.values("contact", li.id)["note"] == "theirs"
    issues.resolve(issue.pk, {"custom.visits": THEIRS})
    assert services.fields.values("contact", li.id)["visits"] == 5
    sync(database, server.adapter())
    stored = server("GET", f"/api/contacts/{remote_id(database, li.id)}/")[
        "contact_obj"]["custom_fields"]
    assert stored["visits"] == 5 and stored["note"] == "theirs"
    assert not issues.open_issues()


def test_picklist_choices_renamed_on_either_side_keep_the_data(database, services, server):
    services.fields.create(NewField("contact", "Level", FieldType.PICKLIST, key="level",
                                    choices=LEVELS))
    wang = services.fields.save_with(
        "contact", lambda: services.contacts.save(ContactDraft(family_name="王", given_name="五")),
        {"level": "silver"})
    sync(database, server.adapter())
    # Renamed here: the server's option label follows, the value stays "silver".
    services.fields.set_choices("contact", "level", (
        Choice("gold", "Gold", "金卡"), Choice("silver", "Platinum", "白金卡")))
    sync(database, server.adapter())
    definition = server_definitions(server)["level"]
    assert definition["options"] == [{"value": "gold", "label": "Gold"},
                                     {"value": "silver", "label": "Platinum"}]
    # Renamed there (and a choice added): ours follows.
    server("PUT", f"/api/custom-fields/{definition['id']}/",
           {"label": "Customer level", "options": [
               {"value": "gold", "label": "Premium"}, {"value": "silver", "label": "Platinum"},
               {"value": "bronze", "label": "Bronze"}]})
    sync(database, server.adapter())
    field = services.fields.entity("contact").field("level")
    assert field.title == "Customer level"
    assert [(c.key, c.title, c.title_zh) for c in field.choices] == [
        ("gold", "Premium", "金卡"), ("silver", "Platinum", "白金卡"), ("bronze", "Bronze", "")]
    assert services.fields.values("contact", wang.id)["level"] == "silver"
    stored = server("GET", f"/api/contacts/{remote_id(database, wang.id)}/")[
        "contact_obj"]["custom_fields"]
    assert stored == {"level": "silver"}


def test_a_field_made_on_the_server_comes_with_its_values(database, services, server):
    made = server("POST", "/api/custom-fields/", {
        "target_model": "Contact", "key": "region_code", "label": "Region code",
        "field_type": "text"})
    assert made["key"] == "region_code"
    server("POST", "/api/contacts/", {"first_name": "六", "last_name": "赵",
                                      "email": "zhao@srv.example",
                                      "custom_fields": {"region_code": "华东"}})
    sync(database, server.adapter())
    (field,) = services.fields.definitions("contact")
    assert (field.key, field.type, field.title) == ("region_code", FieldType.TEXT,
                                                    "Region code")
    record = scalar(database, "SELECT id FROM contact WHERE family_name='赵'")
    assert services.fields.values("contact", record)["region_code"] == "华东"


def test_decimal_values_keep_their_digits(database, services, server):
    services.fields.create(NewField("contact", "Ratio", FieldType.DECIMAL, key="ratio"))
    zhou = services.fields.save_with(
        "contact", lambda: services.contacts.save(ContactDraft(family_name="周", given_name="七")),
        {"ratio": "1234567.891"})
    sync(database, server.adapter())
    stored = server("GET", f"/api/contacts/{remote_id(database, zhou.id)}/")[
        "contact_obj"]["custom_fields"]
    assert Decimal(str(stored["ratio"])) == Decimal("1234567.891")
    assert sync(database, server.adapter()).pushed == 0
