"""What every command shares: the passphrase of an encrypted database (environment,
keychain or terminal, never an argument), the chosen backup folder, opening the store,
plain-language failures, and progress lines on stderr."""

from __future__ import annotations

import getpass
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from desk_crm.paths import AppPaths

if TYPE_CHECKING:
    from desk_crm.store.database import Database

PASSPHRASE_VARIABLE = "DESK_CRM_PASSPHRASE"


class CliError(Exception):
    """A refusal with a message for the user; nothing was changed."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def report_failure(name: str, error: BaseException) -> bool:
    """Print a storage failure (disk full, read-only, locked …) as a sentence; False when
    *error* is not one (the caller re-raises it)."""
    from desk_crm.store.failures import explain

    sentence = explain(error)
    if sentence is None:
        return False
    print(f"\n{name}: {sentence}", file=sys.stderr)
    return True


def passphrase(database: Path, backups: Path | None = None) -> str | None:
    """The key of an encrypted *database*, None for a plain one: DESK_CRM_PASSPHRASE
    (scripts), else the keychain, else typed on a terminal. A wrong one is refused."""
    from desk_crm import security
    from desk_crm.store import backup, encryption

    if not encryption.is_encrypted(database):
        return None
    if backups is not None:
        newest = backup.list_backups(backups)
        if newest and not encryption.is_encrypted(newest[0].path):
            raise CliError(f"{database} is damaged (its backups are not encrypted, so it "
                           "was not either); start Desk CRM to restore a backup")
    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given is not None:
        if not encryption.key_opens(database, given):
            raise CliError(f"wrong passphrase in {PASSPHRASE_VARIABLE}: it does not open "
                           f"{database} (nothing was changed)")
        security.remember_secret(given)
        return given
    stored = security.stored_key(database)
    if stored is not None and encryption.key_opens(database, stored):
        security.remember_secret(stored)
        return stored
    if not sys.stdin.isatty():
        raise CliError(f"the database is encrypted: set {PASSPHRASE_VARIABLE}, keep the "
                       "passphrase in the keychain, or run this in a terminal to type it")
    typed = getpass.getpass("Passphrase: ")
    if not encryption.key_opens(database, typed):
        raise CliError("wrong passphrase (nothing was changed)")
    security.remember_secret(typed)
    return typed


def backups_folder(paths: AppPaths) -> Path:
    """The backup folder chosen in Preferences, as the window uses it."""
    from desk_crm import settings as opts
    from desk_crm.settings import Settings

    chosen = Settings(paths.settings_file).get(opts.BACKUP_FOLDER)
    return Path(chosen).expanduser() if chosen else paths.backups_dir


def open_store(paths: AppPaths) -> Database:
    """Open (and migrate) the database as the window does: its passphrase, its backup
    folder, a damage check, and imports a killed process left "running" marked
    interrupted (the caller holds the session lock, so none is really running)."""
    from desk_crm.store.database import DatabaseDamaged, open_database
    from desk_crm.store.integrity import damage

    folder = backups_folder(paths)
    key = passphrase(paths.database, folder)
    from desk_crm.store.backup import list_backups

    problems = damage(paths.database, key, bool(list_backups(folder)))
    if problems:
        raise CliError(f"{paths.database} is damaged ({problems[0]}); start Desk CRM to "
                       "restore a backup, or use desk-crm restore")
    if key is not None:
        from desk_crm.store.encryption import secure_leftovers

        secure_leftovers(paths.database, folder, key)  # e.g. left by a conversion that was killed
    try:
        database = open_database(paths.database, folder, key, check=False)
    except DatabaseDamaged as error:
        raise CliError(str(error)) from error
    mark_interrupted(database)
    return database


def mark_interrupted(database: Database) -> list[str]:
    from desk_crm.services.bundle import build_services

    return build_services(database, "desk-crm").imports.mark_interrupted()


def services_for(database: Database, paths: AppPaths):  # -> Services
    from desk_crm import settings as opts
    from desk_crm.services.bundle import build_services
    from desk_crm.settings import Settings

    settings = Settings(paths.settings_file)
    services = build_services(database, settings.get(opts.CURRENT_USER),
                              settings.get(opts.PHONE_REGION))
    services.users.ensure(settings.get(opts.CURRENT_USER))
    return services


class ProgressLine:
    """``12,000 / 300,000 rows`` on stderr: rewritten in place on a terminal, else one
    line per step at most every few seconds (logs and pipes never get run-together
    lines)."""

    def __init__(self, unit: str = "rows", every: float = 2.0) -> None:
        self._unit = unit
        self._tty = sys.stderr.isatty()
        self._every = every
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int, _text: str = "") -> None:
        line = f"{done:,} / {total:,} {self._unit}" if total else f"{done:,} {self._unit}"
        if self._tty:
            print(f"\r{line}\x1b[K", end="", file=sys.stderr, flush=True)
            self._shown = True
            return
        now = time.monotonic()
        if now - self._last >= self._every or (total and done >= total):
            print(line, file=sys.stderr, flush=True)
            self._last = now

    def end(self) -> None:
        if self._tty and self._shown:
            print(file=sys.stderr, flush=True)
        self._shown = False
