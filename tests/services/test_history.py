"""HistoryService: who changed a record, when, and from what, newest first."""

from __future__ import annotations

from desk_crm.services.bundle import Services, build_services
from desk_crm.services.records import FieldChange
from desk_crm.store.database import Database
from helpers.drafts import account_draft, contact_draft


def test_history_lists_changes_newest_first(services: Services, database: Database) -> None:
    record = services.contacts.save(contact_draft("张", "三", emails=["zs@example.com"]))
    draft = record.draft
    draft.title = "经理"
    draft.city = "北京"
    build_services(database, actor="李娜").contacts.save(draft, record.id)
    services.contacts.delete(record.id)
    history = services.history.for_record("contact", record.id)
    assert [(h.operation, h.actor) for h in history] == [
        ("delete", "tester"), ("update", "李娜"), ("insert", "tester")]
    assert history[1].changes == (FieldChange("city", "", "北京"),
                                  FieldChange("title", "", "经理"))
    assert history[2].changes == (
        FieldChange("emails", None, [{"value": "zs@example.com", "label": "",
                                      "primary": True}]),
        FieldChange("family_name", None, "张"),
        FieldChange("given_name", None, "三"),
    )
    assert history[0].changes == ()
    times = [h.at for h in history]
    assert times == sorted(times, reverse=True)
    assert all(t.tzinfo is not None for t in times)


def test_history_is_per_record_and_per_entity(services: Services) -> None:
    first = services.contacts.save(contact_draft("张", "三"))
    services.contacts.save(contact_draft("李", "四"))
    account = services.accounts.save(account_draft("Acme Inc"))
    assert len(services.history.for_record("contact", first.id)) == 1
    assert services.history.for_record("account", first.id) == []
    assert [h.changes for h in services.history.for_record("account", account.id)] == \
        [(FieldChange("name", None, "Acme Inc"),)]


def test_history_limit_keeps_the_newest_entries(services: Services) -> None:
    record = services.accounts.save(account_draft("Acme"))
    for number in range(1, 4):
        draft = record.draft
        draft.industry = f"Industry {number}"
        services.accounts.save(draft, record.id)
    latest = services.history.for_record("account", record.id, limit=2)
    assert [h.changes[0].new for h in latest] == ["Industry 3", "Industry 2"]


def test_history_of_an_unknown_record_is_empty(services: Services) -> None:
    assert services.history.for_record("contact", "no-such-id") == []
