"""Start-up safety: a damaged file is offered a restore (and kept), an encrypted file is
unlocked from the keychain or by passphrase (wrong ones refused), a crash is mentioned once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtWidgets import QDialog, QMainWindow

from desk_crm import crash_reports, security
from desk_crm.services.bundle import build_services
from desk_crm.store.database import open_database
from desk_crm.store.integrity import quick_check
from desk_crm.ui import startup
from desk_crm.ui.passphrase_dialog import PassphraseDialog
from helpers.db import sqlite_file_rows
from helpers.drafts import account_draft
from helpers.keyrings import MemoryKeyring, NoKeyring

from .message_boxes import MessageBoxes, StandardButton


def _make_store(folder: Path, *names: str) -> Path:
    database = open_database(folder / "crm.sqlite3", folder / "backups")
    services = build_services(database, "tester")
    for name in names:
        services.accounts.save(account_draft(name))
    services.backups.backup_now()
    database.close()
    return folder / "crm.sqlite3"


def _corrupt(path: Path) -> None:
    """Overwrite the pages after the header with garbage: still 'SQLite format 3'."""
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset:offset + 200] = b"\xde\xad\xbe\xef" * 50
    path.write_bytes(bytes(data))


def test_a_damaged_database_is_restored_from_the_latest_good_backup(
        tmp_path: Path, message_boxes: MessageBoxes) -> None:
    database = _make_store(tmp_path, "Acme", "Globex")
    _corrupt(database)
    assert quick_check(database) != []
    message_boxes.reply("question", StandardButton.Yes)
    message_boxes.reply("information", StandardButton.Ok)
    startup.check_or_restore(database, tmp_path / "backups", None)
    assert quick_check(database) == []
    assert sorted(sqlite_file_rows(database, "SELECT name FROM account")) == [("Acme",),
                                                                              ("Globex",)]
    kept = list(tmp_path.glob("crm.sqlite3.damaged-*"))
    assert len(kept) == 1 and quick_check(kept[0]) != []  # moved aside, not deleted
    assert "damaged" in message_boxes.calls[0][1]


def test_refusing_the_restore_stops_the_start_and_changes_nothing(
        tmp_path: Path, message_boxes: MessageBoxes) -> None:
    database = _make_store(tmp_path, "Acme")
    _corrupt(database)
    before = database.read_bytes()
    message_boxes.reply("question", StandardButton.No)
    with pytest.raises(startup.StartCancelled):
        startup.check_or_restore(database, tmp_path / "backups", None)
    assert database.read_bytes() == before


def test_a_damaged_database_without_backups_is_left_alone(
        tmp_path: Path, message_boxes: MessageBoxes) -> None:
    database = _make_store(tmp_path, "Acme")
    shutil.rmtree(tmp_path / "backups")
    _corrupt(database)
    message_boxes.reply("critical", StandardButton.Ok)
    with pytest.raises(startup.StartCancelled):
        startup.check_or_restore(database, tmp_path / "backups", None)
    assert database.exists()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def encrypted_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("sqlcipher3")
    from desk_crm.store import encryption

    folder = tmp_path_factory.mktemp("encrypted")
    database = _make_store(folder, "Acme")
    encryption.encrypt(database, "s3cret pass")
    return database


def _answers(monkeypatch: pytest.MonkeyPatch, *answers: tuple[str, bool]) -> list[str]:
    """PassphraseDialog.exec answers with the queued (passphrase, remember); returns the
    error texts the dialogs showed."""
    queue = list(answers)
    errors: list[str] = []

    def fake_exec(dialog: PassphraseDialog) -> int:
        errors.append(dialog.error_label.text())
        if not queue:
            return QDialog.DialogCode.Rejected
        text, remember = queue.pop(0)
        dialog.passphrase_edit.setText(text)
        dialog.remember_box.setChecked(remember)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PassphraseDialog, "exec", fake_exec)
    return errors


def test_unlock_asks_again_after_a_wrong_passphrase_and_remembers_the_right_one(
        qtbot: Any, tmp_path: Path, encrypted_template: Path, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "crm.sqlite3"
    shutil.copyfile(encrypted_template, database)
    before = database.read_bytes()
    errors = _answers(monkeypatch, ("wrong", False), ("s3cret pass", True))
    assert startup.unlock(database) == "s3cret pass"
    assert errors[0] == "" and "Wrong passphrase" in errors[1]
    assert database.read_bytes() == before  # the wrong try changed nothing
    assert list(memory_keyring.store.values()) == ["s3cret pass"]
    # Next start: the keychain opens it without a dialog.
    _answers(monkeypatch)
    assert startup.unlock(database) == "s3cret pass"


def test_unlock_without_a_keychain_falls_back_to_asking(
        qtbot: Any, tmp_path: Path, encrypted_template: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: MessageBoxes) -> None:
    database = tmp_path / "crm.sqlite3"
    shutil.copyfile(encrypted_template, database)
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        _answers(monkeypatch, ("s3cret pass", True))
        message_boxes.reply("information", StandardButton.Ok)
        assert startup.unlock(database) == "s3cret pass"
        assert "no keychain" in message_boxes.calls[0][1]
        _answers(monkeypatch)  # cancelled
        with pytest.raises(startup.StartCancelled):
            startup.unlock(database)
    finally:
        keyring.set_keyring(previous)
    assert security.stored_key(database) is None


def test_plain_database_needs_no_passphrase(tmp_path: Path) -> None:
    assert startup.unlock(_make_store(tmp_path)) is None


def test_a_crash_is_mentioned_once_at_the_next_start(qtbot: Any, tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    report = crash_reports.write_report(tmp_path, "Traceback: boom")
    text = startup.mention_last_crash(window, tmp_path, unclean=True)
    assert str(report) in text
    assert window.statusBar().currentMessage() == text
    assert startup.mention_last_crash(window, tmp_path, unclean=False) == ""


def test_a_session_that_died_is_noticed(tmp_path: Path) -> None:
    assert crash_reports.begin_session(tmp_path) is False
    (tmp_path / crash_reports.SESSION).write_text("999999999")  # a pid that is gone
    assert crash_reports.begin_session(tmp_path) is True
    crash_reports.end_session(tmp_path)
    assert crash_reports.begin_session(tmp_path) is False


def test_a_scheduled_restore_of_a_vanished_backup_is_reported_and_data_kept(
        tmp_path: Path, message_boxes: MessageBoxes) -> None:
    from desk_crm.services.backups import restore_marker

    database = _make_store(tmp_path, "Acme")
    restore_marker(database).write_text(str(tmp_path / "gone.sqlite3"), encoding="utf-8")
    message_boxes.reply("warning", StandardButton.Ok)
    assert startup.apply_restore(database, None) is False
    assert not restore_marker(database).exists()
    assert sqlite_file_rows(database, "SELECT name FROM account") == [("Acme",)]


def test_a_destroyed_header_with_plain_backups_goes_to_the_restore_offer(
        tmp_path: Path, message_boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch) -> None:
    database = _make_store(tmp_path, "Acme")
    data = bytearray(database.read_bytes())
    data[:100] = b"\x00" * 100  # no "SQLite format 3" any more: looks encrypted
    database.write_bytes(bytes(data))
    _answers(monkeypatch)  # a passphrase dialog would be answered "Cancel"
    assert startup.unlock(database, tmp_path / "backups") is None
    message_boxes.reply("question", StandardButton.Yes)
    message_boxes.reply("information", StandardButton.Ok)
    startup.check_or_restore(database, tmp_path / "backups", None)
    assert sqlite_file_rows(database, "SELECT name FROM account") == [("Acme",)]
