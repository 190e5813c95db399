"""The one place the SQLite engine is built, so the encrypted driver (SQLCipher) is swapped in
here and nowhere else. Every raw connection (backups, checks, encryption) comes from
:func:`connect_raw` so it gets the same key."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

# Durability: synchronous=FULL (chosen after bench/durability_bench.py; figures and reasoning
# in bench/RESULTS-durability.md). In WAL mode NORMAL never corrupts the file and a crash of
# the *process* loses nothing committed, but a power cut or OS crash may roll back the last
# commits. FULL fsyncs the WAL on every commit so a saved record stays saved. Measured through
# the services on this machine's disk (400 writes, one transaction + change log each):
# NORMAL median 1.37 ms, FULL 1.73 ms (x1.26). Users commit one record per action, so the
# extra fraction of a millisecond (a few ms on slow laptop disks) is invisible; bulk work
# (imports, merges) commits in batches, where one fsync per batch does not matter either.
SYNCHRONOUS = "FULL"

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA cache_size=-32768",
)

SQLITE_HEADER = b"SQLite format 3\x00"


class WrongKey(RuntimeError):
    """The passphrase does not open this encrypted database (nothing was changed)."""


def pragmas() -> tuple[str, ...]:
    return (*PRAGMAS, f"PRAGMA synchronous={SYNCHRONOUS}")


def _apply_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT; the "begin"
    # listener below emits BEGIN itself (SQLAlchemy's documented pysqlite recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in pragmas():
        cursor.execute(pragma)
    cursor.close()


def _begin(connection: Any) -> None:
    # Writes (store/writer.py) take the write lock up front; reads stay deferred.
    options = connection.get_execution_options()
    immediate = options.get("desk_crm_begin_immediate")
    # The level is set per transaction (SQLite refuses to change it inside one), so a
    # pooled connection a sample-data batch used (store/writer.py, durable=False) is back
    # to the durable level for the next writer.
    level = options.get("desk_crm_synchronous", SYNCHRONOUS)
    if immediate:
        connection.exec_driver_sql(f"PRAGMA synchronous={level}")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def sqlcipher_module() -> Any:
    """The SQLCipher DB-API module (sqlcipher3-binary); imported only when a key is used."""
    import sqlcipher3

    return sqlcipher3


def quote_key(key: str) -> str:
    """A passphrase as an SQL string literal for PRAGMA key / rekey / ATTACH ... KEY."""
    return "'" + key.replace("'", "''") + "'"


def connect_raw(database: Path, key: str | None = None) -> Any:
    """A plain DB-API connection (sqlite3, or sqlcipher3 with the key applied)."""
    if key is None:
        return sqlite3.connect(database)
    connection = sqlcipher_module().connect(str(database))
    # A wrong key is an expected answer here (key_opens), not something to print to stderr.
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = {quote_key(key)}")
    return connection


def create_sqlite_engine(database: Path, *, echo: bool = False,
                         key: str | None = None) -> Engine:
    if key is None:
        url: str | URL = f"sqlite:///{database}"
    else:
        # SQLAlchemy's pysqlcipher dialect issues PRAGMA key on each new connection; the URL
        # object quotes the passphrase (any characters) so it never has to be escaped by hand.
        url = URL.create("sqlite+pysqlcipher", password=key, database=str(database))
    engine = create_engine(url, echo=echo, future=True)
    event.listen(engine, "connect", _apply_pragmas)
    # WORKAROUND for https://github.com/python/cpython/issues/54133 (pysqlite defers BEGIN
    # and breaks SAVEPOINT): SQLAlchemy's documented recipe, "Serializable isolation /
    # Savepoints / Transactional DDL" in its SQLite dialect page, emits BEGIN itself.
    event.listen(engine, "begin", _begin)
    return engine


def is_plain_sqlite(database: Path) -> bool:
    """True for an ordinary SQLite file; an SQLCipher file has no readable header."""
    with open(database, "rb") as handle:
        return handle.read(16) == SQLITE_HEADER


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False, future=True)
