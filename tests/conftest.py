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


# WORKAROUND: PySide6 6.12 can abort the interpreter while it finalises after the tests
# ("none_dealloc"/"bool_dealloc: ... refcount error in a C extension") once many Qt objects
# lived in worker threads. Every test has run and been reported by then; leave without
# finalisation so the exit status is the tests' own.
_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


def pytest_unconfigure(config: pytest.Config) -> None:
    if _EXIT_STATUS:
        import os
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])
