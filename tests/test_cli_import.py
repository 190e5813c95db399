"""``desk-crm import``: the import service from the command line, as a scripted job runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk_crm.services.bundle import build_services
from desk_crm.store.database import open_database
from desk_crm.store.repositories import ListQuery

ROWS = ("姓名,手机,邮箱\n"
        "张三,13800138000,zhang.san@example.com\n"
        "李四,not-a-phone,li.si@example.com\n"
        "John Smith,+1 415 555 0100,john@example.com\n")


def _import(data_dir: Path, file: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "desk_crm", "import", "--entity", "contacts",
                           "--match", "email", "--mode", "upsert", str(file),
                           "--data-dir", str(data_dir), *extra],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def gbk_file(tmp_path: Path) -> Path:
    path = tmp_path / "contacts.csv"
    path.write_bytes(ROWS.encode("gbk"))
    return path


def test_import_from_the_command_line_creates_then_updates(tmp_path: Path,
                                                           gbk_file: Path) -> None:
    data = tmp_path / "data"
    first = _import(data, gbk_file)
    assert first.returncode == 0, first.stderr
    assert "created 2, updated 0, skipped 1" in first.stdout
    second = _import(data, gbk_file, "--strict", "--report", str(tmp_path / "report.csv"))
    assert second.returncode == 2  # a row was skipped and --strict was given
    assert "created 0, updated 2, skipped 1" in second.stdout
    report = (tmp_path / "report.csv").read_text(encoding="utf-8-sig")
    assert "not-a-phone" in report
    database = open_database(data / "crm.sqlite3", data / "backups")
    try:
        services = build_services(database, "tester")
        assert services.lists.count(ListQuery("contact")) == 2  # upsert made no duplicate
        assert services.lists.count(ListQuery("contact", search="张三")) == 1
    finally:
        database.close()
    assert list((data / "backups").glob("*import*"))  # a backup was taken first


def test_an_unreadable_file_exits_1_with_a_message(tmp_path: Path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\x00\x01not a workbook")
    result = _import(tmp_path / "data", junk)
    assert result.returncode == 1
    assert "junk.xlsx" in result.stderr


def test_the_command_line_maps_address_2_and_birth_date(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email,Address 2,Birth Date\n"
                    "王芳,wang@example.com,Room 5,1990/07/01\n", encoding="utf-8")
    data = tmp_path / "data"
    done = _import(data, path)
    assert done.returncode == 0, done.stderr
    database = open_database(data / "crm.sqlite3", data / "backups")
    try:
        services = build_services(database, "tester")
        record = services.lists.page(ListQuery("contact"))[0].id
        values = services.fields.values("contact", record)
        assert (values["street2"], values["birth_date"]) == ("Room 5", "1990-07-01")
    finally:
        database.close()
