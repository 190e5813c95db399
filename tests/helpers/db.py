"""Raw looks at the database file, bypassing the ORM, so tests see what is really stored."""

from __future__ import annotations

import importlib
import json
import pkgutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, text

from desk_crm.store.database import Database


def rows(database: Database, sql: str, **params: Any) -> list[dict[str, Any]]:
    with database.engine.connect() as connection:
        return [dict(row) for row in connection.execute(text(sql), params).mappings()]


def scalar(database: Database, sql: str, **params: Any) -> Any:
    with database.engine.connect() as connection:
        return connection.execute(text(sql), params).scalar_one()


def count(database: Database, table: str) -> int:
    return int(scalar(database, f"SELECT COUNT(*) FROM {table}"))


def change_log(database: Database, record_id: str | None = None) -> list[dict[str, Any]]:
    """change_log rows in write order, ``changes`` decoded from its JSON text."""
    sql = "SELECT * FROM change_log"
    if record_id is not None:
        sql += " WHERE record_id = :record_id"
    found = rows(database, sql + " ORDER BY seq", record_id=record_id)
    for row in found:
        row["changes"] = json.loads(row["changes"])
    return found


def sqlite_file_rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Read any SQLite file with the plain driver (backups, files not opened by the app)."""
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


@contextmanager
def captured_sql(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """Every statement (and its parameters) the engine sends while the block runs."""
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any,
                _context: Any, _executemany: bool) -> None:
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", capture)


def import_all_models() -> None:
    """Register every table module of ``desk_crm.store`` on ``Base.metadata``, as the
    migration environment does, so metadata comparisons see the whole schema."""
    import desk_crm.store as store

    for module in pkgutil.iter_modules(store.__path__, f"{store.__name__}."):
        if not module.name.endswith(".migrations"):
            importlib.import_module(module.name)
