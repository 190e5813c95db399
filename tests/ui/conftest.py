"""Fixtures for the widget tests: the main window over a real store, and answered dialogs.

``database`` and ``services`` come from tests/conftest.py (a migrated SQLite file in
tmp_path, services writing as "tester").

A modal message box nobody answers would hang the whole run, so every test here runs with
QMessageBox.question / warning / information / critical / about replaced by ``message_boxes``
(:class:`MessageBoxes`): a box the test queued no answer for fails the test instead of
blocking it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import shiboken6
from PySide6.QtWidgets import QDialog, QMessageBox

from desk_crm.services.bundle import Services
from desk_crm.services.records import ContactRecord
from desk_crm.settings import Settings
from desk_crm.store.database import Database
from desk_crm.ui.events import AppEvents
from desk_crm.ui.main_window import MainWindow
from helpers.stalls import stall_probe  # noqa: F401  (a fixture for every UI test)

from .factories import CHINESE_NAMES, add_contact
from .message_boxes import BOX_KINDS, MessageBoxes

D = TypeVar("D", bound=QDialog)


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()
    for kind in BOX_KINDS:
        monkeypatch.setattr(QMessageBox, kind, staticmethod(boxes.box(kind)))
    return boxes


@pytest.fixture
def app_events() -> AppEvents:
    return AppEvents()


@pytest.fixture
def ui_settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def main_window(qtbot: Any, services: Services, ui_settings: Settings,
                app_events: AppEvents, database: Database,
                message_boxes: MessageBoxes) -> MainWindow:
    """MainWindow(services, Settings(tmp_path/"settings.ini"), AppEvents(), database.path),
    not shown; closed by pytest-qt after the test."""
    window = MainWindow(services, ui_settings, app_events, database.path)

    def before_close(_window: MainWindow) -> None:
        # Editors a test left with unsaved input are thrown away without asking.
        message_boxes.discard_everything = True

    qtbot.addWidget(window, before_close_func=before_close)
    return window


@pytest.fixture
def shown_window(qtbot: Any, main_window: MainWindow) -> MainWindow:
    """The main window on screen and active, so shortcuts and visibility work."""
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    return main_window


@pytest.fixture
def show_dialog(qtbot: Any, message_boxes: MessageBoxes) -> Iterator[Callable[[D], D]]:
    """Shows a dialog (an editor) on screen and closes it after the test if it is still
    there. Not qtbot.addWidget: editors delete themselves on close, and pytest-qt would
    then call close() on a deleted object."""
    shown: list[QDialog] = []

    def show(dialog: D) -> D:
        shown.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    yield show
    message_boxes.discard_everything = True
    for dialog in shown:
        if shiboken6.isValid(dialog):
            dialog.close()
            dialog.deleteLater()


@pytest.fixture
def many_contacts(services: Services) -> list[ContactRecord]:
    """450 contacts: 445 Latin ("Fam000 Test" …) whose email order is the reverse of their
    name order, then 5 Chinese (zh…@ emails sort last): 三 is in two given names and one
    family name."""
    made = [add_contact(services, f"Fam{number:03d}", "Test",
                        email=f"u{444 - number:03d}@example.com",
                        title=f"Title {number % 7}")
            for number in range(445)]
    made.extend(add_contact(services, family, given, email=f"zh{number}@example.cn")
                for number, (family, given) in enumerate(CHINESE_NAMES))
    return made
