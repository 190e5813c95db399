"""demo_bulk: the set-based demo writes store what the services' ORM path stores for the
same drafts: rows, change-log rows (fields, old/new values), versions, search, contact
points."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desk_crm.domain.activities import ActivityDraft
from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.services.bundle import Services, build_services
from desk_crm.services.demo_bulk import write_accounts, write_activities, write_contacts
from desk_crm.store.database import Database, open_database
from helpers.db import change_log, rows

# Columns both paths fill differently by nature (new ids, the clock, the row number).
VOLATILE = {"pk", "id", "created_at", "updated_at", "account_id", "contact_id", "owner_id"}


def _drafts(owner: str) -> tuple[list[AccountDraft], list[ContactDraft], list[ActivityDraft]]:
    accounts = [AccountDraft(name="上海申通物流有限公司", phone="021 6234 5678", city="上海",
                             tags=("VIP",), owner_id=owner, notes="重点客户"),
                AccountDraft(name="Acme Tools GmbH", email="INFO@acme.example",
                             website="https://acme.example", owner_id=owner)]
    contacts = [ContactDraft(family_name="王", given_name="芳", title="经理",
                             emails=(ContactPoint("Wang.Fang@Acme.example", "work", True),),
                             phones=(ContactPoint("138 0013 8000", "mobile", True),),
                             tags=("VIP",), owner_id=owner),
                ContactDraft(family_name="Smith", given_name="Anna",
                             phones=(ContactPoint("+1 415 555 2671", "work", True),),
                             owner_id=owner)]
    due = datetime(2026, 11, 2, 9, tzinfo=UTC)
    activities = [ActivityDraft(kind="call", subject="电话跟进：王芳", due_at=due,
                                duration_minutes=15, done=True, owner_id=owner),
                  ActivityDraft(kind="meeting", subject="Demo for Anna", due_at=due,
                                remind_at=due - timedelta(minutes=15), owner_id=owner)]
    return accounts, contacts, activities


def _fill(services: Services, bulk: bool) -> None:
    owner = services.users.ensure("Li Lei", "li.lei@example.com").id
    accounts, contacts, activities = _drafts(owner)
    done_at = datetime(2026, 11, 2, 9, 15, tzinfo=UTC)
    if bulk:
        account_ids = write_accounts(services.context, accounts)
        contact_ids = [r.id for r in write_contacts(services.context, contacts)]
        write_activities(services.context, [(activities[0], done_at), (activities[1], None)])
    else:
        account_ids = [services.accounts.save(d).id for d in accounts]
        contact_ids = [services.contacts.save(d).id for d in contacts]
        services.activities.save(activities[0], now=done_at)
        services.activities.save(activities[1])
    assert len(account_ids) == 2 and len(contact_ids) == 2


def _stored(database: Database, table: str) -> list[dict[str, object]]:
    return [{k: v for k, v in row.items() if k not in VOLATILE}
            for row in rows(database, f"SELECT * FROM {table} ORDER BY pk")]


@pytest.fixture
def pair(services: Services, database: Database,
         tmp_path: Path) -> tuple[Database, Database]:
    other = open_database(tmp_path / "orm" / "crm.sqlite3", tmp_path / "orm" / "backups")
    _fill(services, bulk=True)
    _fill(build_services(other, actor="tester"), bulk=False)
    yield database, other
    other.close()


def test_bulk_rows_equal_the_service_rows(pair: tuple[Database, Database]) -> None:
    bulk, orm = pair
    for table in ("account", "contact", "activity"):
        assert _stored(bulk, table) == _stored(orm, table), table
    assert rows(bulk, "SELECT kind, value FROM contact_point ORDER BY kind, value") == \
        rows(orm, "SELECT kind, value FROM contact_point ORDER BY kind, value")
    for fts in ("contact_fts", "account_fts", "activity_fts"):
        assert rows(bulk, f"SELECT body FROM {fts} ORDER BY rowid") == \
            rows(orm, f"SELECT body FROM {fts} ORDER BY rowid"), fts


def test_bulk_change_log_equals_the_service_change_log(pair: tuple[Database, Database]) -> None:
    bulk, orm = pair

    def logged(database: Database) -> list[tuple[object, ...]]:
        return [(e["entity"], e["operation"], sorted(
            (k, v) for k, v in e["changes"].items()
            if k not in ("account_id", "contact_id", "owner_id")))
            for e in change_log(database) if e["entity"] != "user"]

    assert logged(bulk) == logged(orm)
    # The change-log rule: a record's version is the number of its change-log rows.
    for table in ("account", "contact", "activity"):
        assert rows(bulk, f"SELECT id FROM {table} t WHERE version != (SELECT COUNT(*) "
                          "FROM change_log c WHERE c.record_id = t.id)") == []
