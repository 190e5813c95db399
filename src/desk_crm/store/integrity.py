"""Is a database file healthy? Quick check at start, full checks for the crash test and
restores, and moving a damaged file aside (never deleting it)."""

from __future__ import annotations

import os
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


# The tables whose live rows a restore shows before the user confirms it.
COUNTED = (("account", "accounts"), ("contact", "contacts"), ("lead", "leads"),
           ("opportunity", "opportunities"), ("activity", "activities"),
           ("ticket", "tickets"), ("quote", "quotes"), ("product", "products"))


def copy_problems(database: Path, key: str | None = None) -> list[str]:
    """What keeps *database* from replacing the live file: PRAGMA integrity_check (every
    page and index, unlike quick_check) and the Desk CRM schema being there. A file that
    opens but has no tables (an interrupted copy rolled back) is not a database to use."""
    try:
        with closing(connect_raw(database, key)) as connection:
            found = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if found != ["ok"]:
                return found
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" not in tables or "change_log" not in tables:
                return ["it holds no Desk CRM data (no schema)"]
    except Exception as error:
        return [str(error) or type(error).__name__]
    return []


def has_schema(database: Path, key: str | None = None) -> bool:
    try:
        with closing(connect_raw(database, key)) as connection:
            return connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                      "AND name = 'alembic_version'").fetchone() is not None
    except Exception:
        return False


def row_counts(database: Path, key: str | None = None) -> dict[str, int]:
    """Live rows per kind of record (those tables that exist), for a restore's question."""
    counts: dict[str, int] = {}
    with closing(connect_raw(database, key)) as connection:
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table, label in COUNTED:
            if table in tables:
                counts[label] = connection.execute(
                    f"SELECT COUNT(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
    return counts


def describe_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{label}: {count:,}" for label, count in counts.items() if count) \
        or "no records"


def shallow_check(database: Path, key: str | None = None) -> list[str]:
    """What a clean start checks, in a time that does not grow with the file: the header
    and the schema parse, and the root page of every table can be read. Every page is read
    by quick_check after an unclean exit, and by the daily backup's check of its copy
    (which runs after the window shows)."""
    if not database.exists():
        return []
    try:
        with closing(connect_raw(database, key)) as connection:
            tables = [row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")]
            for table in tables:
                connection.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchall()
    except Exception as error:
        return [str(error) or type(error).__name__]
    return []


def damage(database: Path, key: str | None, backups_exist: bool, *,
           thorough: bool = True) -> list[str]:
    """Start-up check: quick_check problems (only the shallow check unless *thorough*),
    and an empty file or one without the schema while backups exist (a copy that rolled
    back to nothing must not open as a new, empty CRM while the user's data sits in the
    backups)."""
    if not database.exists():
        return []
    if database.stat().st_size == 0:
        return ["the database file is empty (0 bytes)"] if backups_exist else []
    problems = quick_check(database, key) if thorough else shallow_check(database, key)
    if problems:
        return problems
    if backups_exist and not has_schema(database, key):
        return ["the database file holds no data (no schema) although backups exist"]
    return []


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


def _checkpoint(database: Path, key: str | None) -> None:
    """Fold a WAL into the main file where it can be read (a damaged file cannot)."""
    if not Path(f"{database}-wal").exists():
        return
    try:
        with closing(connect_raw(database, key)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception:
        return


def set_aside(database: Path, label: str = "replaced", key: str | None = None) -> Path:
    """Keep *database* under ``<name>.<label>-<time>`` while its name stays taken, so the
    caller can rename a replacement over it in one step (a kill in between leaves the old
    data under both names, never under neither). A hard link where the file system has
    them, else a synced copy; its WAL is folded in first or moved with it."""
    from desk_crm.store import atomic  # atomic has no store imports; avoids a cycle later

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = database.with_name(f"{database.name}.{label}-{stamp}")
    _checkpoint(database, key)
    try:
        os.link(database, target)
    except OSError:
        shutil.copy2(database, target)
        atomic.fsync_file(target)
    for suffix in (*COMPANIONS, "-journal"):
        companion = Path(f"{database}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{suffix}"))
    atomic.fsync_dir(database.parent)
    return target


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
