"""``desk-crm backup``: a backup now, into the chosen backup folder, encrypted like the
database; prints its path."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from desk_crm.cli.common import CliError, backups_folder, passphrase
from desk_crm.paths import AppPaths

NAME = "backup"


def add_parser(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
               common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(NAME, parents=[common], help="back up the database now "
                                 "(no window) and print the backup's path")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    from desk_crm.store import backup

    database = paths.database
    if not database.exists():
        raise CliError(f"no database at {database}")
    folder = backups_folder(paths)
    copy = backup.backup_file(database, folder, "manual", passphrase(database, folder))
    backup.prune(folder, datetime.now(UTC))
    print(copy)
    return 0
