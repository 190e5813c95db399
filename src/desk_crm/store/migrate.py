"""Brings a database file to the current schema, taking a backup first when it changes one."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from desk_crm.store import derived
from desk_crm.store.backup import backup_file

log = logging.getLogger("desk_crm.store")
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


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
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str) -> bool:
    scripts = ScriptDirectory.from_config(alembic_config())
    return any(script.revision == revision for script in scripts.walk_revisions())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, database: Path, backups_dir: Path,
            target: str = "head", key: str | None = None) -> MigrationReport:
    config = alembic_config()
    before = current_revision(engine)
    if before is not None and not is_known_revision(before):
        raise DatabaseTooNew(database, before)
    wanted = head_revision() if target == "head" else target
    backup = None
    if before != wanted and before is not None:
        backup = backup_file(database, backups_dir, f"before-migration-{before}", key)
        log.info("backed up %s to %s before migrating", database, backup)
    if before != wanted:
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
