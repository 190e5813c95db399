"""What the storage layer's failures mean to a user: a full disk, a read-only folder, a
database another program holds, a wrong passphrase. ``explain`` turns such an exception
(raw sqlite3, SQLAlchemy's wrapper, or OSError) into one sentence the user can act on;
anything else gives None so the caller shows its own message."""

from __future__ import annotations

import errno
import sqlite3

from desk_crm.domain.errors import QT_TRANSLATE_NOOP

DISK_FULL = QT_TRANSLATE_NOOP(
    "Failures", "The disk is full. Nothing was half-saved: free some space and try again.")
READ_ONLY = QT_TRANSLATE_NOOP(
    "Failures", "The data folder is read-only, so nothing could be saved. Choose a folder "
    "you can write to, or ask for write permission.")
LOCKED = QT_TRANSLATE_NOOP(
    "Failures", "Another program is using the database right now. Nothing was changed; "
    "close it or wait a moment, then try again.")
CANNOT_OPEN = QT_TRANSLATE_NOOP(
    "Failures", "The database file cannot be opened (missing folder or no permission).")
WRONG_PASSPHRASE = QT_TRANSLATE_NOOP(
    "Failures", "Wrong passphrase: it does not open this database. Nothing was changed.")

_SQLITE_TEXTS = (
    ("database or disk is full", DISK_FULL),
    ("disk i/o error", DISK_FULL),  # what SQLite reports when a write hits ENOSPC mid-page
    ("readonly database", READ_ONLY),
    ("read-only", READ_ONLY),
    ("database is locked", LOCKED),
    ("database table is locked", LOCKED),
    ("unable to open database file", CANNOT_OPEN),
)
_ERRNOS = {errno.ENOSPC: DISK_FULL, errno.EROFS: READ_ONLY, errno.EACCES: READ_ONLY,
           errno.EPERM: READ_ONLY}
if hasattr(errno, "EDQUOT"):
    _ERRNOS[errno.EDQUOT] = DISK_FULL


def explain(error: BaseException) -> str | None:
    """The sentence for *error* or for the exception it wraps; None when not a storage
    failure this module knows."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        found = _one(current)
        if found is not None:
            return found
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return None


def _one(error: BaseException) -> str | None:
    from desk_crm.store.engine import WrongKey

    if isinstance(error, WrongKey):
        return WRONG_PASSPHRASE
    if isinstance(error, OSError) and error.errno in _ERRNOS:
        return _ERRNOS[error.errno]
    if isinstance(error, sqlite3.Error) or type(error).__module__.startswith(
            ("sqlalchemy", "sqlcipher3")):
        text = str(error).lower()
        for needle, sentence in _SQLITE_TEXTS:
            if needle in text:
                return sentence
    return None
