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


def test_export_on_the_command_line_writes_custom_fields(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv

    from desk_crm.domain.fields import Choice, FieldType
    from desk_crm.services.custom_fields import NewField

    database = open_database(tmp_path / "crm.sqlite3", tmp_path / "backups")
    services = build_services(database, "tester")
    services.fields.create(NewField("account", "Tier", FieldType.PICKLIST,
                                    choices=(Choice("a", "Tier A"),)))
    services.fields.create(NewField("account", "Budget", FieldType.MONEY))
    record = services.accounts.save(account_draft("Acme")).id
    services.fields.save_values("account", record, {"tier": "a", "budget": "1200 USD"})
    database.close()
    out = tmp_path / "accounts.csv"
    assert main(["export", "--entity", "accounts", "-o", str(out),
                 "--data-dir", str(tmp_path)]) == 0
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0][-2:] == ["Tier", "Budget"]
    assert rows[1][-2:] == ["Tier A", "1200.00 USD"]
    assert "exported 1 accounts" in capsys.readouterr().out
