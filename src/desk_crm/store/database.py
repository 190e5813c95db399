"""An open store: engine, session factory with the change-log and derived-table hooks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from desk_crm.store import changelog, derived
from desk_crm.store.engine import create_sqlite_engine, make_session_factory
from desk_crm.store.integrity import quick_check
from desk_crm.store.migrate import MigrationReport, upgrade


@dataclass
class Database:
    path: Path
    engine: Engine
    session_factory: sessionmaker[Session]
    migration: MigrationReport
    backups_dir: Path
    key: str | None = None  # the SQLCipher passphrase of an encrypted file, else None

    def close(self) -> None:
        self.engine.dispose()


class DatabaseDamaged(RuntimeError):
    """PRAGMA quick_check failed: the file is refused before anything writes to it."""

    def __init__(self, database: Path, problems: list[str]) -> None:
        super().__init__(f"{database} is damaged: {problems[0]}")
        self.database = database
        self.problems = problems


def open_database(path: Path, backups_dir: Path, key: str | None = None, *,
                  check: bool = True) -> Database:
    """Create or open *path*, migrate it to the current schema, install the write hooks.
    *key* opens (or creates) an SQLCipher-encrypted file. An existing file is checked first
    (PRAGMA quick_check) unless the caller just did (*check* False)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if check and path.exists():
        problems = quick_check(path, key)
        if problems:
            raise DatabaseDamaged(path, problems)
    engine = create_sqlite_engine(path, key=key)
    try:
        report = upgrade(engine, path, backups_dir, key=key)
    except BaseException:
        engine.dispose()  # a refused or failed migration must not keep the file open
        raise
    factory = make_session_factory(engine)
    changelog.install(factory)
    derived.install(factory)
    _configure_every_mapper()
    return Database(path, engine, factory, report, backups_dir, key)


def _configure_every_mapper() -> None:
    """SQLAlchemy configures mappers lazily, all of them again whenever a new one was
    imported: done on the first query of a model a page imports late, that cost ~110 ms on
    the UI thread (the first show of Segments). Done here, once, before any window."""
    from sqlalchemy.orm import configure_mappers

    from desk_crm.store import all_models  # noqa: F401  (every mapped class)

    configure_mappers()
