"""Copies of the database file made with SQLite's online backup API (consistent even while
the app has the file open, unlike a plain file copy of a WAL database), their retention,
and restoring one. An encrypted database gives encrypted backups (same key)."""

from __future__ import annotations

import re
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desk_crm.store import atomic
from desk_crm.store.engine import connect_raw
from desk_crm.store.integrity import COMPANIONS, copy_problems, set_aside
from desk_crm.store.integrity import quick_check as quick_check  # re-exported for callers

NAME = re.compile(r"^crm-(\d{8}T\d{12}Z)-(.+)\.sqlite3$")
STAMP = "%Y%m%dT%H%M%S%fZ"
KEEP_ALL_FOR = timedelta(days=1)
KEEP_DAILY = 7
KEEP_WEEKLY = 4


class BackupDamaged(RuntimeError):
    """The chosen backup fails its check; the current database was left as it was."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # UTC
    reason: str
    size: int


def backup_file(source: Path, backups_dir: Path, reason: str, key: str | None = None) -> Path:
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime(STAMP)
    reason = re.sub(r"[^A-Za-z0-9_.-]+", "-", reason).strip("-") or "manual"
    target = backups_dir / f"crm-{stamp}-{reason}.sqlite3"
    copy_database(source, target, key)
    return target


def copy_database(source: Path, target: Path, key: str | None = None) -> None:
    """SQLite's backup API from *source* into *target*; both use *key* (SQLCipher backs up
    page by page between databases with the same key, so the copy is encrypted too).

    Atomic: the copy is written under a temporary name, checked (integrity_check, schema
    present), fsynced and only then renamed to *target*. A kill mid-copy leaves a hidden
    temporary file (removed later), never a *target* that rolls back to an empty file."""
    if not source.is_file():
        raise FileNotFoundError(source)  # connecting would create an empty database
    temporary = atomic.temporary_name(target)
    try:
        with closing(connect_raw(source, key)) as src, \
                closing(connect_raw(temporary, key)) as dst:
            src.backup(dst)
            # One file, nothing beside it: a rollback journal for the copy, not WAL.
            dst.execute("PRAGMA journal_mode=DELETE")
        problems = copy_problems(temporary, key)
        if problems:
            raise BackupDamaged(f"the copy of {source.name} failed its check: {problems[0]}")
        atomic.commit(temporary, target)
    finally:
        for leftover in (temporary, *(Path(f"{temporary}{s}") for s in
                                      ("-journal", *COMPANIONS))):
            leftover.unlink(missing_ok=True)


def info(path: Path) -> BackupInfo | None:
    match = NAME.match(path.name)
    if match is None:
        return None
    taken = datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC)
    return BackupInfo(path, taken, match.group(2), path.stat().st_size)


def looks_complete(path: Path) -> bool:
    """Cheap test a listed backup must pass: not empty, no hot rollback journal beside it
    (a copy killed mid-write by an older version rolls back to an empty file)."""
    try:
        return path.stat().st_size > 0 and not Path(f"{path}-journal").exists()
    except OSError:
        return False


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """Complete backups in *backups_dir*, newest first; other files there are ignored."""
    if not backups_dir.is_dir():
        return []
    found = [info(path) for path in backups_dir.glob("crm-*.sqlite3") if looks_complete(path)]
    return sorted((b for b in found if b is not None), key=lambda b: b.taken_at, reverse=True)


def backup_problems(path: Path, key: str | None = None) -> list[str]:
    """Why *path* cannot be restored ([] when it can): missing, empty, a hot journal beside
    it, integrity_check failing, or no Desk CRM schema in it."""
    if not path.is_file() or path.stat().st_size == 0:
        return [f"{path.name}: no such backup, or it is empty"]
    if Path(f"{path}-journal").exists():
        return [f"{path.name} was not written completely (a journal is left beside it)"]
    return copy_problems(path, key)


def newest_good(backups_dir: Path, key: str | None = None) -> BackupInfo | None:
    """The newest backup that passes :func:`backup_problems`."""
    return next((b for b in list_backups(backups_dir) if not backup_problems(b.path, key)),
                None)


def last_backup_age(backups_dir: Path, now: datetime) -> timedelta | None:
    backups = list_backups(backups_dir)
    return now - backups[0].taken_at if backups else None


def to_keep(backups: list[BackupInfo], now: datetime) -> set[Path]:
    """Retention: everything from the last 24 hours (so the backup before this morning's
    import survives the one before this afternoon's), then the newest backup of each of the
    7 most recent days, then the newest of each of the 4 most recent ISO weeks before them."""
    keep: set[Path] = set()
    days: dict[object, BackupInfo] = {}
    weeks: dict[object, BackupInfo] = {}
    for backup in backups:  # newest first: the first seen per day/week is the newest
        if now - backup.taken_at <= KEEP_ALL_FOR:
            keep.add(backup.path)
        day = backup.taken_at.date()
        if day not in days and len(days) < KEEP_DAILY:
            days[day] = backup
            keep.add(backup.path)
            continue
        week = backup.taken_at.isocalendar()[:2]
        if day not in days and week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks[week] = backup
            keep.add(backup.path)
    return keep


def prune(backups_dir: Path, now: datetime) -> list[Path]:
    """Delete backups the retention policy no longer keeps; returns what was deleted."""
    backups = list_backups(backups_dir)
    keep = to_keep(backups, now)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    atomic.remove_leftovers(backups_dir)
    return removed


def restore_file(backup: Path, database: Path, key: str | None = None,
                 label: str = "replaced") -> Path | None:
    """Put *backup* in place of *database* while nothing has the database open. Returns the
    path the current file was kept under (never deleted), or None when there was none.

    Order matters for a kill at any moment: the replacement is first copied next to the
    database and checked (integrity_check, schema present); only then is the current file
    linked under its kept name and the checked copy renamed over it in one step. The
    database's name therefore always holds either the old data or the complete backup."""
    problems = backup_problems(backup, key)
    if problems:
        raise BackupDamaged(problems[0])
    staged = atomic.temporary_name(database)
    try:
        copy_database(backup, staged, key)
        aside = set_aside(database, label, key) if database.exists() else None
        atomic.commit(staged, database)
    finally:
        staged.unlink(missing_ok=True)
    return aside
