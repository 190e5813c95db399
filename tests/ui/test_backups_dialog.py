"""File > Backups: lists backups, backs up now, schedules a restore and asks the window to
re-open the store; an unhandled exception writes a crash report and the app goes on."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from desk_crm import app as app_module
from desk_crm.services.backups import restore_marker
from desk_crm.services.bundle import Services
from desk_crm.ui.backups_dialog import BackupsDialog
from desk_crm.ui.main_window import MainWindow
from helpers.drafts import account_draft

from .message_boxes import MessageBoxes, StandardButton


def test_dialog_lists_backups_and_backs_up_now(qtbot: Any, services: Services,
                                               ui_settings: Any) -> None:
    services.backups.backup_before("import")
    dialog = BackupsDialog(services.backups, ui_settings)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Before an import"
    dialog.backup_button.click()
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "Manual"
    assert dialog.table.item(0, 2).text()  # a size


def test_restore_from_the_dialog_reopens_the_store(qtbot: Any, main_window: MainWindow,
                                                    services: Services,
                                                    message_boxes: MessageBoxes) -> None:
    services.accounts.save(account_draft("Acme"))
    services.backups.backup_now()
    requested: list[object] = []
    main_window.reopen_requested.connect(requested.append)
    main_window._on_backups_triggered()
    dialog = main_window.findChild(BackupsDialog)
    assert dialog is not None
    message_boxes.reply("question", StandardButton.Yes, StandardButton.Yes)
    dialog.restore_button.click()
    assert restore_marker(main_window.database_path).exists()
    assert requested == [None]
    assert not main_window.isVisible()


def test_unhandled_exception_writes_a_report_shows_details_and_app_goes_on(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, Path | None]] = []
    monkeypatch.setattr("desk_crm.ui.error_dialog.show_unexpected_error",
                        lambda error, details, report=None: shown.append((details, report)))
    monkeypatch.setattr(app_module, "_log_dir", tmp_path)
    try:
        raise ValueError("boom")
    except ValueError:
        app_module._excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert len(shown) == 1
    details, report = shown[0]
    assert "ValueError: boom" in details
    assert report is not None and "ValueError: boom" in report.read_text(encoding="utf-8")
