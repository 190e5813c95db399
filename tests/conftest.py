"""Shared fixtures: a migrated store in a temp folder and the services over it."""

from __future__ import annotations

import pytest

from desk_crm.services.bundle import build_services
from desk_crm.store.database import open_database


@pytest.fixture
def database(tmp_path):  # a migrated store in a temp folder
    db = open_database(tmp_path / "crm.sqlite3", tmp_path / "backups")
    yield db
    db.close()


@pytest.fixture
def services(database):
    return build_services(database, actor="tester")
