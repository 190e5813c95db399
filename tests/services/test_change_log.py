"""What each service call leaves in the change log (undo, history and sync read it)."""

from __future__ import annotations

import pytest

from desk_crm.services.bundle import Services, build_services
from desk_crm.store.database import Database
from desk_crm.store.repositories import ListQuery
from helpers.db import change_log, rows
from helpers.drafts import account_draft, contact_draft


def _version_and_updated(database: Database, table: str, record_id: str) -> tuple[int, str]:
    [row] = rows(database, f"SELECT version, updated_at FROM {table} WHERE id = :id",
                 id=record_id)
    return row["version"], row["updated_at"]


def test_creating_an_account_logs_one_insert_with_its_fields(services: Services,
                                                             database: Database) -> None:
    record = services.accounts.save(account_draft(
        "Acme Inc", phone="+1 415 555 2671", tags=("VIP",)))
    [entry] = change_log(database)
    assert (entry["entity"], entry["record_id"], entry["operation"]) == \
        ("account", record.id, "insert")
    assert entry["changes"] == {"name": [None, "Acme Inc"], "phone": [None, "+14155552671"],
                                "tags": [None, ["VIP"]]}
    assert entry["actor"] == "tester"
    assert entry["sync_state"] == "pending"


def test_creating_a_contact_logs_one_insert_with_its_fields(services: Services,
                                                            database: Database) -> None:
    account = services.accounts.save(account_draft("Acme Inc"))
    record = services.contacts.save(contact_draft(
        "张", "三", emails=["Zhang@Example.com"], account_id=account.id))
    [entry] = change_log(database, record.id)
    assert (entry["entity"], entry["operation"]) == ("contact", "insert")
    assert entry["changes"] == {
        "family_name": [None, "张"],
        "given_name": [None, "三"],
        "account_id": [None, account.id],
        "emails": [None, [{"value": "zhang@example.com", "label": "", "primary": True}]],
    }


@pytest.mark.parametrize(("entity", "field", "old", "new"), [
    ("account", "industry", "", "Retail"),
    ("account", "name", "Acme Inc", "Acme Corp"),
    ("contact", "title", "", "经理"),
    ("contact", "given_name", "三", "丰"),
])
def test_an_update_logs_only_the_changed_field_and_bumps_the_version(
        services: Services, database: Database, entity: str, field: str, old: str,
        new: str) -> None:
    service = services.accounts if entity == "account" else services.contacts
    make = account_draft("Acme Inc") if entity == "account" else contact_draft("张", "三")
    record = service.save(make)
    version, updated = _version_and_updated(database, entity, record.id)
    draft = record.draft
    setattr(draft, field, new)
    saved = service.save(draft, record.id, expected_version=version)
    entries = change_log(database, record.id)
    assert [e["operation"] for e in entries] == ["insert", "update"]
    assert entries[-1]["changes"] == {field: [old, new]}
    new_version, new_updated = _version_and_updated(database, entity, record.id)
    assert new_version == saved.version == version + 1
    assert new_updated > updated


@pytest.mark.parametrize("entity", ["account", "contact"])
def test_saving_identical_data_logs_nothing_and_keeps_the_version(
        services: Services, database: Database, entity: str) -> None:
    if entity == "account":
        record = services.accounts.save(account_draft("Acme Inc", tags=("VIP",),
                                                      phone="010 8888 6666"))
        again = services.accounts.save(record.draft, record.id, expected_version=1)
    else:
        record = services.contacts.save(contact_draft(
            emails=["zhang@example.com"], phones=["138 0013 8000"], tags=("VIP",)))
        again = services.contacts.save(record.draft, record.id, expected_version=1)
    assert again.version == 1
    assert again.updated_at == record.updated_at
    assert len(change_log(database, record.id)) == 1


def test_a_contact_edit_that_changes_only_the_spelling_of_a_phone_logs_nothing(
        services: Services, database: Database) -> None:
    record = services.contacts.save(contact_draft(phones=["138 0013 8000"]))
    services.contacts.save(contact_draft(phones=["+86 138-0013-8000"]), record.id)
    assert len(change_log(database, record.id)) == 1
    assert services.contacts.get(record.id).version == 1


@pytest.mark.parametrize("entity", ["account", "contact"])
def test_delete_and_restore_are_logged_and_hide_then_show_the_row(
        services: Services, database: Database, entity: str) -> None:
    service = services.accounts if entity == "account" else services.contacts
    record = service.save(account_draft() if entity == "account" else contact_draft())
    service.delete(record.id)
    assert services.lists.count(ListQuery(entity)) == 0
    assert rows(database, f"SELECT deleted_at IS NOT NULL AS gone FROM {entity}") == \
        [{"gone": 1}]
    service.restore(record.id)
    assert [row.id for row in services.lists.page(ListQuery(entity))] == [record.id]
    entries = change_log(database, record.id)
    assert [e["operation"] for e in entries] == ["insert", "delete", "restore"]
    assert [e["changes"] for e in entries[1:]] == [{}, {}]
    assert service.get(record.id).version == 3


def test_restoring_a_live_record_logs_nothing(services: Services,
                                              database: Database) -> None:
    record = services.contacts.save(contact_draft())
    services.contacts.restore(record.id)
    assert len(change_log(database, record.id)) == 1


def test_every_service_call_has_its_own_mutation_id(services: Services,
                                                    database: Database) -> None:
    account = services.accounts.save(account_draft("Acme Inc"))
    contact = services.contacts.save(contact_draft(account_id=account.id))
    draft = contact.draft
    draft.title = "经理"
    services.contacts.save(draft, contact.id)
    services.contacts.delete(contact.id)
    entries = change_log(database)
    assert len(entries) == 4
    assert len({e["mutation_id"] for e in entries}) == 4


def test_the_actor_of_each_services_bundle_is_recorded(services: Services,
                                                       database: Database) -> None:
    record = services.contacts.save(contact_draft())
    other = build_services(database, actor="李娜")
    draft = record.draft
    draft.title = "经理"
    other.contacts.save(draft, record.id)
    assert [e["actor"] for e in change_log(database, record.id)] == ["tester", "李娜"]
