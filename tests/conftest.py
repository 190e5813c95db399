"""Fixtures shared by every test folder: a real, migrated SQLite file per test and the
services over it. Plain function-scoped fixtures, so each test starts from an empty store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_crm.services.bundle import Services, build_services
from desk_crm.store.database import Database, open_database


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """For tests that call logging_setup.configure(): put the desk_crm handlers back."""
    import logging

    logger = logging.getLogger("desk_crm")
    handlers, level = list(logger.handlers), logger.level
    yield
    for handler in logger.handlers:
        handler.close()
    logger.handlers[:] = handlers
    logger.setLevel(level)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A new database file in tmp_path, migrated to head, with the write hooks installed."""
    opened = open_database(tmp_path / "crm.sqlite3", tmp_path / "backups")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def services(database: Database) -> Services:
    """Every service over ``database``, writing as the user "tester" (region CN)."""
    return build_services(database, actor="tester")
