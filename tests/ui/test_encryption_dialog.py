"""File > Encryption turns a choice into a job for the re-open loop; the job converts the
database and its backups and returns the key to open them with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desk_crm.services.bundle import Services
from desk_crm.store import encryption
from desk_crm.store.database import Database
from desk_crm.ui.encryption_dialog import choose_job
from desk_crm.ui.operations import Progress
from desk_crm.ui.passphrase_dialog import PassphraseDialog
from helpers.drafts import account_draft

from .message_boxes import MessageBoxes, StandardButton

pytest.importorskip("sqlcipher3")


def _type_new_passphrase(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    def fake_exec(dialog: PassphraseDialog) -> int:
        dialog.passphrase_edit.setText(text)
        dialog.confirm_edit.setText(text)
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PassphraseDialog, "exec", fake_exec)


def test_encrypt_job_converts_database_and_backups(
        qtbot: Any, services: Services, database: Database, message_boxes: MessageBoxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    services.accounts.save(account_draft("Acme"))
    copy = services.backups.backup_now()
    message_boxes.reply("warning", StandardButton.Yes)
    _type_new_passphrase(monkeypatch, "new passphrase")
    job = choose_job(None, database.path, services.backups.folder, None)
    assert job is not None
    # Before any passphrase is asked for, the user reads that a lost one is lost for good.
    assert message_boxes.calls[0][0] == "warning"
    assert "cannot be recovered" in message_boxes.calls[0][1]
    database.close()  # the re-open loop closes the store before running the job
    assert job.work(Progress(lambda *_: None)) == "new passphrase"
    assert encryption.is_encrypted(database.path) and encryption.is_encrypted(copy)
    assert encryption.key_opens(database.path, "new passphrase")


def test_declining_makes_no_job(qtbot: Any, services: Services, database: Database,
                                message_boxes: MessageBoxes) -> None:
    message_boxes.reply("warning", StandardButton.No)
    assert choose_job(None, database.path, services.backups.folder, None) is None
    assert not encryption.is_encrypted(database.path)


def test_mismatched_repeat_keeps_ok_disabled(qtbot: Any) -> None:
    dialog = PassphraseDialog(None, title="t", prompt="p", confirm=True)
    qtbot.addWidget(dialog)
    dialog.passphrase_edit.setText("one")
    dialog.confirm_edit.setText("two")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert dialog.error_label.text() == "The two passphrases differ."
    dialog.confirm_edit.setText("one")
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_turning_encryption_off_asks_twice(qtbot: Any, tmp_path: Path,
                                          message_boxes: MessageBoxes,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    clicked: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        off = next(b for b in box.buttons() if "off" in b.text())
        monkeypatch.setattr(box, "clickedButton", lambda: off)
        clicked.append(off.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    message_boxes.reply("warning", StandardButton.No)
    assert choose_job(None, tmp_path / "crm.sqlite3", tmp_path, "key") is None
    assert clicked == ["&Turn encryption off…"]
    assert message_boxes.kinds() == ["warning"]
