"""Backups: before operations, daily, retention (7 daily, 4 weekly), restore at next start."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desk_crm.services.backups import apply_pending_restore, restore_marker
from desk_crm.services.bundle import Services
from desk_crm.store import backup
from desk_crm.store.backup import BackupDamaged, BackupInfo, to_keep
from desk_crm.store.database import Database, open_database
from helpers.db import sqlite_file_rows
from helpers.drafts import account_draft


def test_backup_before_names_the_reason_and_holds_the_data(services: Services) -> None:
    services.accounts.save(account_draft("Acme"))
    path = services.backups.backup_before("import contacts.csv")
    listed = services.backups.list()
    assert [b.path for b in listed] == [path]
    assert listed[0].reason == "before-import-contacts.csv"
    assert listed[0].size > 0
    assert sqlite_file_rows(path, "SELECT name FROM account") == [("Acme",)]


def test_daily_backup_only_when_the_last_is_older_than_a_day(services: Services) -> None:
    assert services.backups.daily_if_due() is not None
    assert services.backups.daily_if_due() is None
    assert services.backups.daily_if_due(datetime.now(UTC) + timedelta(days=1, minutes=1))


def _fake(days_ago: float, now: datetime) -> BackupInfo:
    taken = now - timedelta(days=days_ago)
    return BackupInfo(Path(f"{days_ago}"), taken, "daily", 1)


def test_retention_keeps_last_day_then_7_daily_then_4_weekly() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    # One backup every 6 hours for 90 days, newest first.
    backups = [_fake(hours / 24, now) for hours in range(0, 90 * 24, 6)]
    kept = sorted(float(str(p)) for p in to_keep(backups, now))
    # Now is Monday 23 Nov 12:00 UTC. Last 24 h: all five. Then the newest of each of the
    # 7 most recent days (23rd back to 17th, 18:00 each), then the newest of each of the 4
    # most recent ISO weeks not already covered by those days (16th, 15th, 8th, 1st).
    assert kept == [0.0, 0.25, 0.5, 0.75, 1.0, 1.75, 2.75, 3.75, 4.75, 5.75,
                    6.75, 7.75, 14.75, 21.75]


def test_prune_deletes_only_what_retention_drops(services: Services) -> None:
    folder = services.backups.folder
    old = services.backups.backup_now()
    for days in range(1, 60):
        copy = folder / old.name.replace(old.name[4:24], (datetime.now(UTC) - timedelta(
            days=days)).strftime("%Y%m%dT%H%M%S%f")[:20])
        copy.write_bytes(old.read_bytes())
    before = len(backup.list_backups(folder))
    services.backups.backup_now()
    after = backup.list_backups(folder)
    assert before == 60
    assert 8 <= len(after) <= 13


def test_scheduled_restore_applies_at_next_start_and_keeps_the_current_file(
        tmp_path: Path, services: Services, database: Database) -> None:
    services.accounts.save(account_draft("Before"))
    saved = services.backups.backup_now()
    services.accounts.save(account_draft("After"))
    services.backups.schedule_restore(saved)
    database.close()
    aside = apply_pending_restore(database.path)
    assert aside is not None and aside.exists()
    assert not restore_marker(database.path).exists()
    assert sqlite_file_rows(database.path, "SELECT name FROM account") == [("Before",)]
    assert sorted(sqlite_file_rows(aside, "SELECT name FROM account")) == [("After",),
                                                                            ("Before",)]
    reopened = open_database(database.path, tmp_path / "backups")
    reopened.close()


def test_a_damaged_backup_is_refused_and_nothing_changes(services: Services,
                                                          tmp_path: Path) -> None:
    broken = tmp_path / "crm-20260101T000000000000Z-daily.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    with pytest.raises(BackupDamaged):
        services.backups.schedule_restore(broken)
    assert not restore_marker(tmp_path / "crm.sqlite3").exists()


def test_a_missing_backup_is_never_restored_as_an_empty_database(
        services: Services, database: Database, tmp_path: Path) -> None:
    services.accounts.save(account_draft("Kept"))
    with pytest.raises(BackupDamaged):
        services.backups.schedule_restore(tmp_path / "nowhere.sqlite3")
    database.close()
    with pytest.raises(BackupDamaged):
        backup.restore_file(tmp_path / "nowhere.sqlite3", database.path)
    assert not (tmp_path / "nowhere.sqlite3").exists()
    assert sqlite_file_rows(database.path, "SELECT name FROM account") == [("Kept",)]
