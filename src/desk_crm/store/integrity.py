"""Is a database file healthy? Quick check at start, full checks for the crash test and
restores, and moving a damaged file aside (never deleting it)."""

from __future__ import annotations

import shutil
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from desk_crm.store import sales_models  # noqa: F401 - registers the sales tables' mappers
from desk_crm.store.engine import connect_raw
from desk_crm.store.models import Base, entity_of

# SQLite keeps these next to a WAL database; they belong to the file and move with it.
COMPANIONS = ("-wal", "-shm")


def quick_check(database: Path, key: str | None = None) -> list[str]:
    """Problems found by PRAGMA quick_check (fast: no index contents); [] when healthy.
    A file that is not a database at all gives one problem, never an exception."""
    if not database.exists():
        return []
    try:
        with closing(connect_raw(database, key)) as connection:
            found = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    except Exception as error:
        return [str(error) or type(error).__name__]
    return [] if found == ["ok"] else found


def consistency_problems(database: Path, key: str | None = None) -> list[str]:
    """integrity_check, foreign_key_check and the change-log rule: every synced row's
    ``version`` equals the number of its change_log rows (insert = 1, each update,
    delete or restore adds one), so history and the data never disagree."""
    problems: list[str] = []
    with closing(connect_raw(database, key)) as connection:
        result = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            problems.extend(f"integrity: {line}" for line in result)
        for row in connection.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"foreign key: {row}")
        logged = dict(((entity, record), count) for entity, record, count in connection.execute(
            "SELECT entity, record_id, COUNT(*) FROM change_log GROUP BY entity, record_id"))
        for mapper in Base.registry.mappers:
            entity = entity_of(mapper.class_)
            if entity is None:
                continue
            table = mapper.class_.__tablename__
            for record, version in connection.execute(f"SELECT id, version FROM {table}"):
                if logged.get((entity, record), 0) != version:
                    problems.append(f"{entity} {record}: version {version}, "
                                    f"{logged.get((entity, record), 0)} change_log rows")
    return problems


def move_aside(database: Path, label: str = "damaged") -> Path:
    """Rename *database* (and its -wal/-shm) to ``<name>.<label>-<time>``; returns the new
    path. Nothing is deleted: the user or support may still recover data from it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = database.with_name(f"{database.name}.{label}-{stamp}")
    for suffix in COMPANIONS:
        companion = Path(f"{database}{suffix}")
        if companion.exists():
            shutil.move(companion, Path(f"{target}{suffix}"))
    shutil.move(database, target)
    return target
