"""Backups as a service: before every migration or bulk operation (``backup_before``),
daily on start, listed for the Backups dialog, restored at the next start.

A restore never swaps the file under an open engine: ``schedule_restore`` leaves a marker
next to the database and the app applies it at start, before anything opens the file (the
command line's ``desk-crm restore`` does the same with nothing open)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desk_crm.store import backup, integrity
from desk_crm.store.backup import BackupInfo
from desk_crm.store.database import Database

log = logging.getLogger("desk_crm.services")
DAILY = timedelta(days=1)


def restore_marker(database: Path) -> Path:
    return database.with_name(database.name + ".restore-pending")


def apply_pending_restore(database: Path, key: str | None = None) -> Path | None:
    """At start, with nothing open: put the scheduled backup in place. Returns the path the
    replaced file was moved to (kept), or None when no restore was pending."""
    marker = restore_marker(database)
    if not marker.exists():
        return None
    source = Path(marker.read_text(encoding="utf-8").strip())
    try:
        aside = backup.restore_file(source, database, key)
    finally:
        marker.unlink(missing_ok=True)  # a failed restore must not retry forever
    log.info("restored %s from %s; previous file kept as %s", database, source, aside)
    return aside


class BackupService:
    def __init__(self, database: Database) -> None:
        self._database = database

    @property
    def folder(self) -> Path:
        return self._database.backups_dir

    @property
    def key(self) -> str | None:
        """The open database's passphrase (None when not encrypted); for the UI's
        encryption job, which must re-encrypt backups with it."""
        return self._database.key

    def backup_before(self, reason: str) -> Path:
        """Call before a bulk operation (import, merge, bulk edit, encryption change)."""
        return self._take(f"before-{reason}")

    def backup_now(self) -> Path:
        return self._take("manual")

    def daily_if_due(self, now: datetime | None = None) -> Path | None:
        """The daily backup, taken on start when the last backup is older than a day."""
        now = now or datetime.now(UTC)
        age = backup.last_backup_age(self.folder, now)
        if age is not None and age < DAILY:
            return None
        return self._take("daily", now)

    def list(self) -> list[BackupInfo]:
        return backup.list_backups(self.folder)

    def schedule_restore(self, source: Path) -> None:
        """Restore *source* at the next start (checked now, so a damaged copy is refused
        while the user can still choose another)."""
        problems = integrity.quick_check(source, self._database.key) if source.is_file() \
            else ["no such backup"]
        if problems:
            raise backup.BackupDamaged(f"{source}: {problems[0]}")
        restore_marker(self._database.path).write_text(str(source), encoding="utf-8")

    def _take(self, reason: str, now: datetime | None = None) -> Path:
        path = backup.backup_file(self._database.path, self.folder, reason, self._database.key)
        removed = backup.prune(self.folder, now or datetime.now(UTC))
        log.info("backup %s taken; retention removed %d old backups", path.name, len(removed))
        return path
