"""``desk-crm restore FILE``: replace the database with a backup. The backup is copied and
fully checked first and what it holds is shown; the current file is kept aside only once
the replacement is complete, and never deleted."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk_crm.cli.common import CliError, backups_folder, passphrase
from desk_crm.paths import AppPaths

NAME = "restore"


def add_parser(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
               common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(NAME, parents=[common], help="replace the database with "
                                 "a backup (no window); the current file is kept aside")
    parser.add_argument("file", help="the backup file to restore")
    parser.add_argument("--yes", action="store_true",
                        help="do not ask for confirmation (scripts)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from desk_crm.store import backup, encryption
    from desk_crm.store.integrity import describe_counts, row_counts

    database = paths.database
    source = Path(args.file).expanduser().resolve()
    if not source.is_file():
        raise CliError(f"no such backup: {source}")
    # Backups share the database's passphrase (a change of passphrase re-keys them).
    key = passphrase(database, backups_folder(paths)) if database.exists() else None
    if not database.exists() and encryption.is_encrypted(source):
        key = passphrase(source)  # nothing to take the passphrase from but the backup
    problems = backup.backup_problems(source, key)
    if problems:
        raise CliError(f"the backup is damaged (or not under this database's passphrase); "
                       f"nothing was changed: {problems[0]}")
    holds = describe_counts(row_counts(source, key))
    now = describe_counts(row_counts(database, key)) if database.exists() and \
        not backup.backup_problems(database, key) else "nothing readable"
    print(f"{source.name} holds {holds}.\nThe current database holds {now}.")
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("add --yes to restore without a terminal to confirm on")
        if input("Restore it? The current file is kept aside. [y/N] ").strip().lower() \
                not in ("y", "yes"):
            print("nothing was changed")
            return 1
    try:
        aside = backup.restore_file(source, database, key)
    except backup.BackupDamaged as error:
        raise CliError(f"the backup is damaged; nothing was changed: {error}") from error
    print(f"restored {source} into {database}")
    if aside is not None:
        print(f"the previous database is kept as {aside}")
    return 0
