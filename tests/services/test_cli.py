"""desk-crm backup / desk-crm restore FILE: no window, same backup code as the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk_crm.app import main
from desk_crm.services.bundle import build_services
from desk_crm.store.database import open_database
from helpers.db import sqlite_file_rows
from helpers.drafts import account_draft

pytestmark = pytest.mark.usefixtures("restore_logging")


def _store(data: Path, name: str) -> None:
    database = open_database(data / "crm.sqlite3", data / "backups")
    build_services(database, "tester").accounts.save(account_draft(name))
    database.close()


def test_backup_then_restore_on_the_command_line(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    _store(tmp_path, "Before")
    assert main(["--data-dir", str(tmp_path), "backup"]) == 0
    copy = Path(capsys.readouterr().out.strip())
    assert copy.parent == tmp_path / "backups"
    _store(tmp_path, "After")
    # --data-dir after the command, like every other command accepts it
    assert main(["restore", str(copy), "--yes", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "holds accounts: 1" in out and "current database holds accounts: 2" in out
    assert "kept as" in out
    assert sqlite_file_rows(tmp_path / "crm.sqlite3", "SELECT name FROM account") == [
        ("Before",)]
    assert len(list(tmp_path.glob("crm.sqlite3.replaced-*"))) == 1


def test_restore_refuses_a_damaged_file_and_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _store(tmp_path, "Kept")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    assert main(["--data-dir", str(tmp_path), "restore", str(bad), "--yes"]) == 1
    assert "damaged" in capsys.readouterr().err
    assert sqlite_file_rows(tmp_path / "crm.sqlite3", "SELECT name FROM account") == [
        ("Kept",)]
