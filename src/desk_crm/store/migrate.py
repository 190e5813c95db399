"""Brings a database file to the current schema, taking a backup first when it changes one."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from desk_crm.store import derived
from desk_crm.store.backup import backup_file

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a file needs migrating: importing it costs every start
# ~0.3 s, and a file at the head needs none of it.
log = logging.getLogger("desk_crm.store")
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
_REVISION = re.compile(r'^revision\s*=\s*"([^"]+)"', re.MULTILINE)


class DatabaseTooNew(RuntimeError):
    """The file was written by a newer Desk CRM; this build must not touch it."""

    def __init__(self, database: Path, revision: str) -> None:
        super().__init__(
            f"{database} was created by a newer version of Desk CRM (schema {revision}). "
            "Install that version or newer to open it; this version will not change the file.")
        self.database = database
        self.revision = revision


@dataclass(frozen=True)
class MigrationReport:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The revision of the file last in chain order: file names begin with their place in
    the chain (tests/store/test_migrations.py checks that this is Alembic's head)."""
    newest = max(VERSIONS_DIR.glob("[0-9][0-9][0-9]_*.py"))
    found = _REVISION.search(newest.read_text(encoding="utf-8"))
    assert found is not None, newest
    return found.group(1)


def is_known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return any(script.revision == revision for script in scripts.walk_revisions())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, database: Path, backups_dir: Path,
            target: str = "head", key: str | None = None) -> MigrationReport:
    before = current_revision(engine)
    wanted = head_revision() if target == "head" else target
    if before is not None and before != wanted and not is_known_revision(before):
        raise DatabaseTooNew(database, before)
    backup = None
    if before != wanted and before is not None:
        backup = backup_file(database, backups_dir, f"before-migration-{before}", key)
        log.info("backed up %s to %s before migrating", database, backup)
    if before != wanted:
        from alembic import command

        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
            if wanted == head_revision():
                fill_empty_search_indexes(connection)
        log.info("migrated %s from %s to %s", database, before, wanted)
    return MigrationReport(before, wanted, backup)


def fill_empty_search_indexes(connection: Connection) -> list[str]:
    """Index the rows of every entity whose search table is empty but whose table is not.

    Migrations create search tables empty (they must not run today's indexing code, whose
    columns may not exist yet at their revision); once the file is at head the live
    definitions in ``derived.SEARCH_INDEXES`` fill them. A migration that changes what an
    entity's index holds empties its table (``DELETE FROM x_fts``) and this refills it.
    Returns the entities rebuilt."""
    tables = {row[0] for row in connection.execute(
        text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
    stale = []
    for entity, index in derived.SEARCH_INDEXES.items():
        if index.fts_table not in tables or index.table not in tables:
            continue
        indexed = connection.execute(text(f"SELECT 1 FROM {index.fts_table} LIMIT 1")).first()
        live = connection.execute(text(f"SELECT 1 FROM {index.table} "
                                       "WHERE deleted_at IS NULL LIMIT 1")).first()
        if indexed is None and live is not None:
            stale.append(entity)
    if stale:
        derived.rebuild(connection, stale)
        log.info("filled the search index of %s", ", ".join(stale))
    return stale
