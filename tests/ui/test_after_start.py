"""A clean start does not read the whole file (its time must not grow with the database):
the shallow check still catches a file whose pages are garbage, and the daily backup runs
after the window shows, its full check of the copy offering a restore when it finds damage."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMainWindow

from desk_crm.services.backups import restore_marker
from desk_crm.services.bundle import build_services
from desk_crm.store import backup
from desk_crm.store.database import open_database
from desk_crm.store.integrity import damage, shallow_check
from desk_crm.ui.after_start import AfterStart
from helpers.drafts import account_draft

from .message_boxes import MessageBoxes, StandardButton


def _store(folder: Path) -> tuple[Any, Any]:
    database = open_database(folder / "crm.sqlite3", folder / "backups")
    services = build_services(database, "tester")
    services.accounts.save(account_draft("Acme"))
    return database, services


def test_the_shallow_check_finds_garbage_pages_without_reading_every_page(
        tmp_path: Path) -> None:
    database, _services = _store(tmp_path)
    database.close()
    path = tmp_path / "crm.sqlite3"
    assert shallow_check(path) == []
    assert damage(path, None, True, thorough=False) == []
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset:offset + 200] = b"\xde\xad\xbe\xef" * 50
    path.write_bytes(bytes(data))
    assert shallow_check(path) != []
    assert damage(path, None, True, thorough=False) != []


def test_the_daily_backup_is_taken_after_the_window_shows(qtbot: Any, tmp_path: Path) -> None:
    database, services = _store(tmp_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    assert backup.list_backups(services.backups.folder) == []
    after = AfterStart(window, services.backups)
    after.start(delay_ms=0)
    qtbot.waitUntil(lambda: after.finished, timeout=10000)
    taken = backup.list_backups(services.backups.folder)
    assert [b.reason for b in taken] == ["daily"]
    # Once a day: the next start within the day takes none.
    again = AfterStart(window, services.backups)
    again.start(delay_ms=0)
    qtbot.waitUntil(lambda: again.finished, timeout=10000)
    assert len(backup.list_backups(services.backups.folder)) == 1
    after.stop()
    database.close()


def test_damage_found_by_the_daily_backup_offers_a_restore_at_next_start(
        qtbot: Any, tmp_path: Path, message_boxes: MessageBoxes,
        monkeypatch: Any) -> None:
    database, services = _store(tmp_path)
    good = services.backups.backup_now()
    # An old good backup, then the live file's copy fails its check.
    monkeypatch.setattr(services.backups, "daily_if_due", lambda: (_ for _ in ()).throw(
        backup.BackupDamaged("the copy of crm.sqlite3 failed its check: page 7 is bad")))
    message_boxes.reply("question", StandardButton.Yes)
    message_boxes.reply("information", StandardButton.Ok)
    window = QMainWindow()
    qtbot.addWidget(window)
    after = AfterStart(window, services.backups)
    after.start(delay_ms=0)
    qtbot.waitUntil(lambda: after.finished, timeout=10000)
    assert message_boxes.kinds() == ["question", "information"]
    assert "page 7 is bad" in message_boxes.calls[0][1]
    assert restore_marker(database.path).read_text(encoding="utf-8") == str(good)
    database.close()


def test_a_stopped_start_takes_no_backup(qtbot: Any, tmp_path: Path) -> None:
    database, services = _store(tmp_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    after = AfterStart(window, services.backups)
    after.start(delay_ms=50)
    after.stop()
    qtbot.wait(200)
    assert backup.list_backups(services.backups.folder) == []
    with sqlite3.connect(database.path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM account").fetchone()[0] == 1
    database.close()
