"""A full disk, for real: a 24 MB tmpfs mounted for the test (root only; skipped, saying
why, elsewhere). An import that fills it stops with a sentence the user understands, the
database stays whole with every committed chunk, the batch can be resumed once there is
room; a backup onto the full disk leaves nothing listed and nothing half-written."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_crm.app import main
from desk_crm.store import backup
from desk_crm.store.database import open_database
from desk_crm.store.failures import DISK_FULL, explain
from desk_crm.store.integrity import consistency_problems
from helpers.db import sqlite_file_rows

pytestmark = pytest.mark.usefixtures("restore_logging")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path, leave: int) -> Path:
    """A ballast file that leaves about *leave* bytes free."""
    stat = os.statvfs(folder)
    ballast = folder / "ballast"
    ballast.write_bytes(b"\0" * max(stat.f_bavail * stat.f_frsize - leave, 0))
    return ballast


def test_an_import_that_fills_the_disk_says_so_and_keeps_everything_committed(
        small_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = small_disk / "data"
    database = open_database(data / "crm.sqlite3", tmp_path / "backups-elsewhere")
    database.close()
    (data / "config").mkdir()
    (data / "config" / "settings.ini").write_text(
        f"[user]\nbackup_folder={tmp_path / 'backups-elsewhere'}\n", encoding="utf-8")
    people = tmp_path / "people.csv"
    people.write_text("Name,Email,Notes\n" + "".join(
        f"张{i},p{i}@example.com,{'x' * 50}\n" for i in range(10_000)), encoding="utf-8")
    ballast = _fill(small_disk, 2_000_000)
    code = main(["import", str(people), "--entity", "contacts", "--data-dir", str(data)])
    err = capsys.readouterr().err
    assert code == 1
    assert "The disk is full" in err and "Traceback" not in err
    assert consistency_problems(data / "crm.sqlite3") == []
    (status, done), = sqlite_file_rows(data / "crm.sqlite3",
                                       "SELECT status, rows_done FROM import_batch")
    live, = sqlite_file_rows(data / "crm.sqlite3", "SELECT COUNT(*) FROM contact")
    assert status == "failed" and live[0] == done > 0  # whole chunks, nothing half-saved
    ballast.unlink()
    batch, = sqlite_file_rows(data / "crm.sqlite3", "SELECT id FROM import_batch")
    assert main(["import", "--resume", batch[0], "--data-dir", str(data)]) == 0, \
        capsys.readouterr().err
    assert sqlite_file_rows(data / "crm.sqlite3", "SELECT COUNT(*) FROM contact") == [
        (10_000,)]


def test_a_backup_onto_a_full_disk_leaves_nothing_listed(small_disk: Path,
                                                          tmp_path: Path) -> None:
    ballast = _fill(small_disk, 100_000)
    big = open_database(tmp_path / "big.sqlite3", tmp_path / "b")
    with big.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE filler (x)")
        connection.exec_driver_sql("INSERT INTO filler SELECT randomblob(1000) FROM "
                                   "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                   "FROM n WHERE i < 3000) SELECT i FROM n)")
    big.close()
    with pytest.raises(Exception) as caught:
        backup.backup_file(tmp_path / "big.sqlite3", small_disk / "backups", "manual")
    assert explain(caught.value) == DISK_FULL
    assert backup.list_backups(small_disk / "backups") == []
    assert [p.name for p in (small_disk / "backups").iterdir()] == []  # no half copy
    ballast.unlink()
