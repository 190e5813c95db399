"""An open store: engine, session factory with the change-log and derived-table hooks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from desk_crm.store import changelog, derived
from desk_crm.store.engine import create_sqlite_engine, make_session_factory
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


def open_database(path: Path, backups_dir: Path, key: str | None = None) -> Database:
    """Create or open *path*, migrate it to the current schema, install the write hooks.
    *key* opens (or creates) an SQLCipher-encrypted file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_sqlite_engine(path, key=key)
    try:
        report = upgrade(engine, path, backups_dir, key=key)
    except BaseException:
        engine.dispose()  # a refused or failed migration must not keep the file open
        raise
    factory = make_session_factory(engine)
    changelog.install(factory)
    derived.install(factory)
    return Database(path, engine, factory, report, backups_dir, key)
