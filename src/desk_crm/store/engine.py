"""The one place the SQLite engine is built, so an encrypted driver can be swapped in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

# WAL lets readers (lists, reports) run while a worker writes. synchronous=NORMAL in WAL
# mode keeps the database consistent on power loss and may lose only the last commits;
# the reliability issue measures FULL against it before changing this.
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA cache_size=-32768",
)


def _apply_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT; the "begin"
    # listener below emits BEGIN itself (SQLAlchemy's documented pysqlite recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def create_sqlite_engine(database: Path, *, echo: bool = False) -> Engine:
    engine = create_engine(f"sqlite:///{database}", echo=echo, future=True)
    event.listen(engine, "connect", _apply_pragmas)
    # WORKAROUND: pysqlite does not emit BEGIN itself in autocommit mode; this is the
    # recipe from SQLAlchemy's "Serializable isolation / Savepoints / Transactional DDL".
    event.listen(engine, "begin", _begin)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False, future=True)
