"""Encryption at rest with SQLCipher: turning it on for an existing file, unlocking,
changing the passphrase, turning it off. Every conversion writes a new file next to the
database and replaces the database only once the new file checks out, so an interruption
or a wrong passphrase never damages anything."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from desk_crm.store import atomic
from desk_crm.store.engine import (
    WrongKey,
    connect_raw,
    is_plain_sqlite,
    quote_key,
    sqlcipher_module,
)
from desk_crm.store.integrity import COMPANIONS, quick_check

Report = Callable[[int, int, str], None]


def _no_report(_done: int, _total: int, _text: str) -> None:
    return None


def is_encrypted(database: Path) -> bool:
    return database.exists() and database.stat().st_size > 0 and not is_plain_sqlite(database)


def key_opens(database: Path, key: str) -> bool:
    """Does *key* open *database*? Reads only; a wrong key changes nothing."""
    try:
        with closing(connect_raw(database, key)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher_module().DatabaseError:
        return False
    return True


def require_key(database: Path, key: str) -> None:
    if not key_opens(database, key):
        raise WrongKey("the passphrase does not open this database")


def _checkpoint(database: Path, key: str | None) -> None:
    """Fold the WAL into the main file so the export sees every committed row."""
    with closing(connect_raw(database, key)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _export(database: Path, key: str | None, new_key: str | None, report: Report) -> None:
    """Write the whole database into a new file with *new_key* ('' = plain), then swap."""
    report(0, 3, "checkpoint")
    _checkpoint(database, key)
    target = database.with_name(database.name + ".converting")
    for leftover in (target, *(Path(f"{target}{s}") for s in COMPANIONS)):
        leftover.unlink(missing_ok=True)
    report(1, 3, "export")
    connection = sqlcipher_module().connect(str(database))
    try:
        if key is not None:
            connection.execute(f"PRAGMA key = {quote_key(key)}")
        connection.execute(f"ATTACH DATABASE {quote_key(str(target))} AS converted "
                           f"KEY {quote_key(new_key or '')}")
        connection.execute("SELECT sqlcipher_export('converted')")
        connection.execute("DETACH DATABASE converted")
    finally:
        connection.close()
    report(2, 3, "verify")
    problems = quick_check(target, new_key or None)
    if problems:
        target.unlink(missing_ok=True)
        raise RuntimeError(f"the converted copy failed its check: {problems[0]}")
    for suffix in COMPANIONS:
        Path(f"{database}{suffix}").unlink(missing_ok=True)  # folded in by the checkpoint
    # Keep a name on the old file across the swap so its blocks can be overwritten after
    # it (a plain file unlinked by the rename would stay readable on disk).
    old: Path | None = _plaintext_old(database)
    assert old is not None
    if old.exists():
        atomic.shred(old)  # a leftover of a conversion killed before
    try:
        os.link(database, old)
    except OSError:
        old = None  # no hard links here (FAT, some network drives): nothing to shred
    atomic.fsync_file(target)
    os.replace(target, database)
    atomic.fsync_dir(database.parent)
    if old is not None and key is None:
        atomic.shred(old)  # it was plaintext
    elif old is not None:
        old.unlink(missing_ok=True)
    report(3, 3, "done")


def _plaintext_old(database: Path) -> Path:
    return database.with_name(f".{database.name}.old")


def side_copies(database: Path) -> list[Path]:
    """Files beside the database that hold (some of) its data: the copies kept aside by a
    restore or a damage repair, and the leftovers of an interrupted conversion."""
    found = [path for path in database.parent.glob(f"{database.name}.*")
             if not path.name.endswith(("-wal", "-shm", "-journal", ".restore-pending"))]
    found.extend(p for p in (_plaintext_old(database),
                             database.with_name(database.name + ".converting")) if p.exists())
    return sorted(set(found))


def secure_side_copies(database: Path, key: str) -> list[Path]:
    """With encryption on, no plaintext copy stays: every plain side copy is encrypted
    with *key* in place, or, when it cannot be read as a database (damaged), overwritten
    and deleted. Returns what was removed."""
    removed = []
    for path in side_copies(database):
        if not path.is_file() or path.stat().st_size == 0 or not is_plain_sqlite(path):
            continue  # already encrypted (or empty): nothing readable in it
        try:
            encrypt(path, key)
        except Exception:
            for companion in (path, *(Path(f"{path}{s}") for s in (*COMPANIONS, "-journal"))):
                if companion.exists():
                    atomic.shred(companion)
            removed.append(path)
    return removed



def encrypt(database: Path, key: str, report: Report = _no_report) -> None:
    """Encrypt a plain database in place. Nothing may have it open."""
    if not key:
        raise ValueError("an empty passphrase does not encrypt")
    _export(database, None, key, report)


def decrypt(database: Path, key: str, report: Report = _no_report) -> None:
    """Turn encryption off again (the file becomes plain SQLite)."""
    require_key(database, key)
    _export(database, key, None, report)


def change_key(database: Path, old_key: str, new_key: str) -> None:
    """PRAGMA rekey: re-encrypts every page with the new passphrase."""
    if not new_key:
        raise ValueError("an empty passphrase does not encrypt")
    require_key(database, old_key)
    _checkpoint(database, old_key)
    with closing(connect_raw(database, old_key)) as connection:
        connection.execute(f"PRAGMA rekey = {quote_key(new_key)}")
    require_key(database, new_key)


def _backups(backups_dir: Path) -> list[Path]:
    from desk_crm.store.backup import list_backups  # backup imports this module's peers

    return [b.path for b in list_backups(backups_dir)]


def encrypt_with_backups(database: Path, backups_dir: Path, key: str,
                         report: Report = _no_report) -> None:
    """Encrypt the database, every plain backup and every side copy (kept-aside files of
    restores and repairs), so no plaintext copy stays behind."""
    encrypt(database, key, report)
    for copy in _backups(backups_dir):
        if not is_encrypted(copy):
            encrypt(copy, key)
    secure_side_copies(database, key)


def change_key_with_backups(database: Path, backups_dir: Path, old_key: str,
                            new_key: str) -> None:
    """New passphrase for the database and the backups the old one opens (so they stay
    restorable); backups under an even older passphrase are left as they are."""
    change_key(database, old_key, new_key)
    for copy in _backups(backups_dir):
        if is_encrypted(copy) and key_opens(copy, old_key):
            change_key(copy, old_key, new_key)


def decrypt_with_backups(database: Path, backups_dir: Path, key: str,
                         report: Report = _no_report) -> None:
    decrypt(database, key, report)
    for copy in _backups(backups_dir):
        if is_encrypted(copy) and key_opens(copy, key):
            decrypt(copy, key)


def secure_leftovers(database: Path, backups_dir: Path, key: str) -> None:
    """At the start of an encrypted session: finish what a killed encryption left, so no
    plaintext stays (backups not yet converted, side copies, the swapped-out old file)."""
    for copy in _backups(backups_dir):
        if not is_encrypted(copy):
            encrypt(copy, key)
    secure_side_copies(database, key)
