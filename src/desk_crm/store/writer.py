"""The one writer path: every write transaction of the process goes through here.

* A process-wide lock, so two threads of this app (the UI thread and a background job)
  never race for SQLite's write lock: the second one waits here, in Python, instead of
  failing. Re-entrant, because a service may call another service's write inside its own.
* ``BEGIN IMMEDIATE``: the transaction takes SQLite's write lock when it starts. A
  deferred BEGIN that reads first and writes later cannot wait for a concurrent writer
  (SQLite answers "database is locked" at once, whatever busy_timeout says, to avoid a
  deadlock); an immediate one waits busy_timeout, and nothing done before it can be lost.
* If another *process* holds the lock longer than busy_timeout, the BEGIN is retried a few
  times; then :class:`DatabaseBusy` says so in words, and nothing has been written.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

log = logging.getLogger("desk_crm.store")

IMMEDIATE = "desk_crm_begin_immediate"  # execution options read by engine._begin
SYNCHRONOUS = "desk_crm_synchronous"
RETRIES = 3
RETRY_PAUSE_S = 0.5

_lock = threading.RLock()


class DatabaseBusy(RuntimeError):
    """Another program kept the database file locked; nothing was written."""

    def __init__(self) -> None:
        super().__init__("the database file is in use by another program; nothing was "
                         "saved, try again in a moment")


def is_busy(error: BaseException) -> bool:
    text = str(getattr(error, "orig", error)).lower()
    return "database is locked" in text or "database is busy" in text


def lock() -> threading.RLock:
    """The writers' lock (held for the whole transaction by :func:`begin_write`)."""
    return _lock


def begin_write(session: Session, *, sleep: Callable[[float], None] = time.sleep,
                durable: bool = True) -> None:
    """Start *session*'s transaction as an immediate one, retrying while SQLite is busy.

    ``durable=False`` (sample data only): synchronous=NORMAL for this transaction, no fsync
    per commit. In WAL mode that never corrupts the file; a power cut may lose the last
    commits, which for generated sample data means making them again."""
    options: dict[str, object] = {IMMEDIATE: True}
    if not durable:
        options[SYNCHRONOUS] = "NORMAL"
    for attempt in range(RETRIES + 1):
        try:
            session.connection(execution_options=options)
            return
        except OperationalError as error:
            if not is_busy(error) or attempt == RETRIES:
                if is_busy(error):
                    raise DatabaseBusy() from error
                raise
            log.warning("database busy, retrying the write (%d of %d)", attempt + 1, RETRIES)
            session.rollback()
            sleep(RETRY_PAUSE_S * (attempt + 1))
