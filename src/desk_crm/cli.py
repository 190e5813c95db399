"""``desk-crm backup`` and ``desk-crm restore FILE``: the same backup code as the app,
without a window (scripts, cron, support). The passphrase of an encrypted database comes
from the keychain or is asked on the terminal, never from an argument."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path

from desk_crm import crash_reports, security
from desk_crm.paths import AppPaths
from desk_crm.store import backup, encryption


def _key(database: Path) -> str | None:
    if not encryption.is_encrypted(database):
        return None
    key = security.stored_key(database)
    if key is None or not encryption.key_opens(database, key):
        if not sys.stdin.isatty():
            raise SystemExit("desk-crm: the database is encrypted and no keychain entry "
                             "opens it; run this in a terminal to type the passphrase")
        key = getpass.getpass("Passphrase: ")
        if not encryption.key_opens(database, key):
            raise SystemExit("desk-crm: wrong passphrase (nothing was changed)")
    security.remember_secret(key)
    return key


def _folder(paths: AppPaths) -> Path:
    from desk_crm.app import backups_dir
    from desk_crm.settings import Settings

    return backups_dir(paths, Settings(paths.settings_file))


def run_command(args: argparse.Namespace, paths: AppPaths) -> int:
    database = paths.database
    if args.command == "backup":
        if not database.exists():
            print(f"desk-crm: no database at {database}", file=sys.stderr)
            return 1
        folder = _folder(paths)
        copy = backup.backup_file(database, folder, "manual", _key(database))
        backup.prune(folder, datetime.now(UTC))
        print(copy)
        return 0
    source = Path(args.file).expanduser().resolve()
    if not source.is_file():
        print(f"desk-crm: no such backup: {source}", file=sys.stderr)
        return 1
    if crash_reports.running_pid(paths.data_dir) is not None:
        print("desk-crm: Desk CRM is running with this data; close it first", file=sys.stderr)
        return 1
    # Backups share the database's passphrase (a change of passphrase re-keys them).
    key = _key(database) if encryption.is_encrypted(database) else None
    try:
        aside = backup.restore_file(source, database, key)
    except backup.BackupDamaged as error:
        print(f"desk-crm: the backup is damaged (or not under this database's passphrase); "
              f"nothing was changed: {error}",
              file=sys.stderr)
        return 1
    print(f"restored {source} into {database}")
    if aside is not None:
        print(f"the previous database is kept as {aside}")
    return 0
