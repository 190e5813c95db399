"""backup_file: a consistent copy of the live database, made with SQLite's backup API."""

from __future__ import annotations

from pathlib import Path

from desk_crm.services.bundle import Services
from desk_crm.store.backup import backup_file
from desk_crm.store.database import Database
from desk_crm.store.models import Account
from desk_crm.store.repositories import ListQuery
from helpers.db import sqlite_file_rows
from helpers.drafts import account_draft, contact_draft


def test_backup_holds_committed_rows_still_in_the_wal(services: Services, database: Database,
                                                      tmp_path: Path) -> None:
    services.accounts.save(account_draft("Acme Inc"))
    services.contacts.save(contact_draft("张", "三"))
    # The engine still has the file open, so the rows live in crm.sqlite3-wal only.
    target = backup_file(database.path, tmp_path / "copies", "manual")
    assert sqlite_file_rows(target, "PRAGMA integrity_check") == [("ok",)]
    assert sqlite_file_rows(target, "SELECT name FROM account") == [("Acme Inc",)]
    assert sqlite_file_rows(target, "SELECT display_name FROM contact") == [("张三",)]
    assert sqlite_file_rows(target, "SELECT COUNT(*) FROM change_log") == [(2,)]


def test_backup_during_a_write_holds_only_what_was_committed(services: Services,
                                                              database: Database,
                                                              tmp_path: Path) -> None:
    services.accounts.save(account_draft("Committed"))
    with services.context.write() as session:
        session.add(Account(name="In flight", name_sort="in flight"))
        session.flush()
        target = backup_file(database.path, tmp_path / "copies", "during-write")
    assert sqlite_file_rows(target, "SELECT name FROM account") == [("Committed",)]
    assert sqlite_file_rows(target, "SELECT COUNT(*) FROM change_log") == [(1,)]
    # ... while the write itself was not disturbed and committed afterwards.
    assert sorted(row.values["name"] for row in services.lists.page(ListQuery("account"))) \
        == ["Committed", "In flight"]


def test_backups_are_named_by_time_and_reason_and_never_overwrite(database: Database,
                                                                  tmp_path: Path) -> None:
    backups = tmp_path / "deep" / "backups"
    first = backup_file(database.path, backups, "before-migration-0002")
    second = backup_file(database.path, backups, "before-migration-0002")
    assert first != second
    assert first.parent == backups
    for target in (first, second):
        assert target.name.startswith("crm-")
        assert target.name.endswith("-before-migration-0002.sqlite3")
        assert sqlite_file_rows(target, "SELECT version_num FROM alembic_version")
