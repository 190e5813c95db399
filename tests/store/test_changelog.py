"""The flush hook: no write to a synced table without a change_log row in the same
transaction, and nothing of a failed transaction left behind."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import StatementError

from desk_crm.services.bundle import Services
from desk_crm.store.changelog import ChangeLogMissing, mutation
from desk_crm.store.database import Database
from desk_crm.store.models import Account, ChangeLogEntry, Contact, User
from helpers.db import change_log, count, rows, scalar
from helpers.drafts import account_draft, contact_draft

UTC_TEXT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")


class Boom(Exception):
    """A failure after the rows were flushed (a bug, a full disk, a cancelled import)."""


def _contact_row() -> Contact:
    return Contact(family_name="张", given_name="三", display_name="张三",
                   sort_name="zhang san",
                   emails=[{"value": "zhang@example.com", "label": "", "primary": True}],
                   phones=[{"value": "+8613800138000", "label": "", "primary": True}],
                   primary_email="zhang@example.com", primary_phone="+8613800138000")


@pytest.mark.parametrize("make_row", [
    lambda: Account(name="Acme", name_sort="acme"),
    _contact_row,
    lambda: User(name="Alice"),
], ids=["account", "contact", "user"])
def test_inserting_a_synced_row_outside_a_mutation_is_refused(database: Database,
                                                              make_row) -> None:
    with database.session_factory() as session:
        session.add(make_row())
        with pytest.raises(ChangeLogMissing):
            session.flush()
    assert count(database, "account") + count(database, "contact") == 0
    assert count(database, "app_user") == 0
    assert count(database, "change_log") == 0


def test_updating_a_synced_row_outside_a_mutation_is_refused(services: Services,
                                                             database: Database) -> None:
    record = services.accounts.save(account_draft("Acme"))
    with database.session_factory() as session:
        account = session.scalars(select(Account).where(Account.id == record.id)).one()
        account.industry = "Retail"
        with pytest.raises(ChangeLogMissing):
            session.commit()
    assert services.accounts.get(record.id).draft.industry == ""
    assert len(change_log(database, record.id)) == 1


def test_a_hard_delete_of_a_synced_row_is_refused(services: Services,
                                                   database: Database) -> None:
    record = services.contacts.save(contact_draft())
    with pytest.raises(ChangeLogMissing), services.context.write() as session:
        session.delete(session.scalars(select(Contact).where(Contact.id == record.id)).one())
        session.flush()
    assert services.contacts.get(record.id).display_name == "张三"
    assert count(database, "contact") == 1
    assert [e["operation"] for e in change_log(database, record.id)] == ["insert"]


def test_a_failure_after_flush_rolls_back_the_row_its_log_and_derived_rows(
        services: Services, database: Database) -> None:
    with pytest.raises(Boom), services.context.write() as session:
        session.add(_contact_row())
        session.flush()
        # The flush really wrote the log entry inside the transaction ...
        assert session.scalar(select(func.count()).select_from(ChangeLogEntry)) == 1
        raise Boom
    # ... and the rollback took it away with the row and the search data.
    for table in ("contact", "change_log", "contact_point", "contact_fts"):
        assert count(database, table) == 0, table


def test_a_failure_in_a_later_write_of_the_same_mutation_undoes_the_earlier_ones(
        services: Services, database: Database) -> None:
    kept = services.accounts.save(account_draft("Kept"))
    with pytest.raises(Boom), services.context.write() as session:
        session.add(Account(name="Gone", name_sort="gone"))
        account = session.scalars(select(Account).where(Account.id == kept.id)).one()
        account.industry = "Changed"
        session.flush()
        raise Boom
    assert services.accounts.get(kept.id).draft.industry == ""
    assert services.accounts.get(kept.id).version == 1
    assert count(database, "account") == 1
    assert count(database, "change_log") == 1


def test_rows_written_in_one_mutation_share_its_id_actor_and_batch(
        database: Database) -> None:
    with mutation(database.session_factory, "importer", batch_id="batch-1") as session:
        account = Account(name="Acme", name_sort="acme")
        session.add(account)
        session.flush()
        session.add(Contact(family_name="Smith", given_name="John",
                            display_name="John Smith", sort_name="smith john",
                            account_id=account.id))
    entries = change_log(database)
    assert [e["entity"] for e in entries] == ["account", "contact"]
    assert len({e["mutation_id"] for e in entries}) == 1
    assert {e["actor"] for e in entries} == {"importer"}
    assert {e["batch_id"] for e in entries} == {"batch-1"}
    assert {e["sync_state"] for e in entries} == {"pending"}


def test_insert_fills_id_times_and_version_one(database: Database) -> None:
    with mutation(database.session_factory, "tester") as session:
        account = Account(name="Acme", name_sort="acme")
        session.add(account)
    [row] = rows(database, "SELECT id, created_at, updated_at, version FROM account")
    assert re.fullmatch(r"[0-9a-f-]{36}", row["id"])
    assert row["version"] == 1
    assert row["created_at"] == row["updated_at"]


def test_bookkeeping_and_derived_columns_are_not_logged(database: Database) -> None:
    with mutation(database.session_factory, "tester") as session:
        session.add(_contact_row())
    [entry] = change_log(database)
    assert set(entry["changes"]) == {"family_name", "given_name", "emails", "phones"}


# -- time -------------------------------------------------------------------------------

def test_times_are_stored_as_utc_text_ending_in_z(services: Services,
                                                  database: Database) -> None:
    services.contacts.save(contact_draft())
    [contact] = rows(database, "SELECT created_at, updated_at FROM contact")
    [entry] = rows(database, "SELECT at FROM change_log")
    for value in (contact["created_at"], contact["updated_at"], entry["at"]):
        assert UTC_TEXT.match(value), value


def test_times_read_back_timezone_aware_in_utc(services: Services) -> None:
    before = datetime.now(UTC)
    record = services.contacts.save(contact_draft())
    again = services.contacts.get(record.id)
    for value in (record.created_at, again.created_at, again.updated_at):
        assert value.utcoffset() == timedelta(0)
        assert before - timedelta(seconds=5) <= value <= datetime.now(UTC)


def test_a_time_in_another_zone_is_stored_as_the_same_instant_in_utc(
        services: Services, database: Database) -> None:
    record = services.accounts.save(account_draft("Acme"))
    beijing = datetime(2026, 1, 2, 8, 30, tzinfo=timezone(timedelta(hours=8)))
    with services.context.write() as session:
        session.scalars(select(Account).where(Account.id == record.id)).one() \
            .deleted_at = beijing
    assert scalar(database, "SELECT deleted_at FROM account") == "2026-01-02T00:30:00.000000Z"
    with database.session_factory() as session:
        stored = session.scalars(select(Account.deleted_at)).one()
    assert stored == beijing
    assert stored.tzinfo == UTC


def test_a_naive_time_is_refused_and_nothing_is_written(services: Services,
                                                        database: Database) -> None:
    record = services.accounts.save(account_draft("Acme"))
    with pytest.raises(StatementError, match="naive datetime"), \
            services.context.write() as session:
        session.scalars(select(Account).where(Account.id == record.id)).one() \
            .deleted_at = datetime(2026, 1, 2, 8, 30)
        session.flush()
    assert scalar(database, "SELECT deleted_at FROM account") is None
    assert len(change_log(database, record.id)) == 1
