"""The engine every connection comes from: WAL, enforced foreign keys, waiting on locks."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desk_crm.services.bundle import Services
from desk_crm.store.database import Database
from desk_crm.store.models import Account
from desk_crm.store.repositories import ListQuery
from helpers.db import sqlite_file_rows
from helpers.drafts import account_draft


@pytest.mark.parametrize(("pragma", "expected"), [
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
])
def test_every_pooled_connection_has_the_pragma(database: Database, pragma: str,
                                                expected: object) -> None:
    # Two connections open at once: the pool must hand out a second, fresh connection.
    with database.engine.connect() as first, database.engine.connect() as second:
        assert first.exec_driver_sql(f"PRAGMA {pragma}").scalar_one() == expected
        assert second.exec_driver_sql(f"PRAGMA {pragma}").scalar_one() == expected


def test_connections_wait_for_a_lock_instead_of_failing_at_once(database: Database) -> None:
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one() >= 1000


def test_the_file_itself_is_in_wal_mode(database: Database) -> None:
    # WAL is persistent in the file header, so any other reader sees it too.
    assert sqlite_file_rows(database.path, "PRAGMA journal_mode") == [("wal",)]


def test_foreign_keys_are_enforced_on_raw_writes(database: Database) -> None:
    with pytest.raises(IntegrityError), database.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO contact_point(contact_id, kind, value) "
            "VALUES ('no-such-contact', 'email', 'x@example.com')"))
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM contact_point")).scalar_one() == 0


def test_lists_can_be_read_while_a_write_is_in_progress(services: Services) -> None:
    services.accounts.save(account_draft("Committed"))
    with services.context.write() as session:
        session.add(Account(name="In flight", name_sort="in flight"))
        session.flush()
        # WAL: the reader neither waits for the writer nor sees its uncommitted row.
        assert services.lists.count(ListQuery("account")) == 1
    assert services.lists.count(ListQuery("account")) == 2
