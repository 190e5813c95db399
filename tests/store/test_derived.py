"""The full-text index and the contact_point table follow every write in the same flush."""

from __future__ import annotations

from typing import Any

from desk_crm.services.bundle import Services
from desk_crm.store import derived
from desk_crm.store.database import Database
from desk_crm.store.repositories import ListQuery
from helpers.db import rows
from helpers.drafts import account_draft, contact_draft


def _points(database: Database, contact_id: str) -> list[tuple[str, str]]:
    return [(r["kind"], r["value"]) for r in rows(
        database, "SELECT kind, value FROM contact_point WHERE contact_id = :id "
                  "ORDER BY pk", id=contact_id)]


def _found(services: Services, entity: str, search: str) -> list[str]:
    return [row.id for row in services.lists.page(ListQuery(entity, search=search))]


def test_saving_a_contact_indexes_its_normalised_emails_and_phones(
        services: Services, database: Database) -> None:
    record = services.contacts.save(contact_draft(
        emails=["Zhang@Example.com", "zs@example.org"], phones=["138 0013 8000"]))
    assert _points(database, record.id) == [("email", "zhang@example.com"),
                                            ("email", "zs@example.org"),
                                            ("phone", "+8613800138000")]


def test_an_edit_replaces_the_old_search_terms_and_points(services: Services,
                                                          database: Database) -> None:
    record = services.contacts.save(contact_draft("张", "三", emails=["old@example.com"]))
    draft = record.draft
    draft.given_name = "丰"
    draft.emails = contact_draft(emails=["new@example.com"]).emails
    services.contacts.save(draft, record.id)
    assert _found(services, "contact", "张三") == []
    assert _found(services, "contact", "张丰") == [record.id]
    assert _found(services, "contact", "old") == []
    assert _found(services, "contact", "new") == [record.id]
    assert _points(database, record.id) == [("email", "new@example.com")]


def test_delete_drops_and_restore_brings_back_the_derived_rows(services: Services,
                                                               database: Database) -> None:
    record = services.contacts.save(contact_draft(emails=["zhang@example.com"]))
    account = services.accounts.save(account_draft("北京科技有限公司"))
    services.contacts.delete(record.id)
    services.accounts.delete(account.id)
    assert _found(services, "contact", "张") == []
    assert _found(services, "account", "北京") == []
    assert _points(database, record.id) == []
    services.contacts.restore(record.id)
    services.accounts.restore(account.id)
    assert _found(services, "contact", "张") == [record.id]
    assert _found(services, "account", "北京") == [account.id]
    assert _points(database, record.id) == [("email", "zhang@example.com")]


def _derived_snapshot(database: Database) -> dict[str, Any]:
    return {
        "contact_fts": rows(database, "SELECT rowid, body FROM contact_fts ORDER BY rowid"),
        "account_fts": rows(database, "SELECT rowid, body FROM account_fts ORDER BY rowid"),
        "contact_point": sorted((r["contact_id"], r["kind"], r["value"]) for r in rows(
            database, "SELECT contact_id, kind, value FROM contact_point")),
    }


def test_rebuild_from_the_rows_gives_what_the_flush_hook_wrote(services: Services,
                                                                database: Database) -> None:
    account = services.accounts.save(account_draft(
        "Acme Inc", phone="+1 415 555 2671", website="acme.example", tags=("VIP", "重点"),
        city="San Francisco"))
    services.contacts.save(contact_draft(
        "欧阳", "娜娜", emails=["nana@example.com"], phones=["138 0013 8000", "020-8888-6666转12"],
        tags=("客户",), city="广州", account_id=account.id))
    services.contacts.save(contact_draft("Zola", "Émile", title="Écrivain"))
    gone = services.contacts.save(contact_draft("李", "四", emails=["li@example.com"]))
    services.contacts.delete(gone.id)
    written_by_hooks = _derived_snapshot(database)
    assert written_by_hooks["contact_fts"] and written_by_hooks["contact_point"]
    with database.engine.begin() as connection:
        derived.rebuild(connection, list(derived.SEARCH_INDEXES))
    assert _derived_snapshot(database) == written_by_hooks
