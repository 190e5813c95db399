"""Fixtures for the widget tests: the main window over a real store, and answered dialogs.

``database`` and ``services`` come from tests/conftest.py (a migrated SQLite file in
tmp_path, services writing as "tester").

A modal message box nobody answers would hang the whole run, so every test here runs with
QMessageBox.question / warning / information / critical replaced by :class:`MessageBoxes`:
a call the test did not queue an answer for fails the test instead of blocking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from desk_crm.services.bundle import Services
from desk_crm.services.records import ContactRecord
from desk_crm.settings import Settings
from desk_crm.store.database import Database
from desk_crm.ui.events import AppEvents
from desk_crm.ui.main_window import MainWindow

from .factories import CHINESE_NAMES, add_contact

StandardButton = QMessageBox.StandardButton
BOX_KINDS = ("question", "warning", "information", "critical")


@dataclass
class MessageBoxes:
    """Records every message box the code under test opens and gives the queued answers."""

    calls: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    answers: dict[str, list[StandardButton]] = field(default_factory=dict)
    discard_everything: bool = False  # set while the fixtures tear windows down

    def reply(self, kind: str, *answers: StandardButton) -> None:
        """Queue the buttons the next *kind* boxes answer with, in order."""
        self.answers.setdefault(kind, []).extend(answers)

    def kinds(self) -> list[str]:
        return [kind for kind, _text in self.calls]

    def box(self, kind: str) -> Callable[..., StandardButton]:
        def fake(_parent: Any, _title: str, text: str, *_args: Any,
                 **_kwargs: Any) -> StandardButton:
            if self.discard_everything:
                return StandardButton.Discard if kind == "question" else StandardButton.Ok
            self.calls.append((kind, text))
            queued = self.answers.get(kind)
            if not queued:
                raise AssertionError(f"unexpected QMessageBox.{kind}: {text!r}")
            return queued.pop(0)

        return fake


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
def many_contacts(services: Services) -> list[ContactRecord]:
    """450 contacts: 445 Latin ("Fam000 Test" …) whose email order is the reverse of their
    name order, and 5 Chinese: 三 is in two given names and one family name."""
    made = [add_contact(services, f"Fam{number:03d}", "Test",
                        email=f"u{444 - number:03d}@example.com",
                        title=f"Title {number % 7}")
            for number in range(445)]
    made.extend(add_contact(services, family, given) for family, given in CHINESE_NAMES)
    return made
