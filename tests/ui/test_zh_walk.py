"""Every area, every main-menu action (with the dialog it opens) and an editor of every
kind, in zh_CN over a Chinese demo database: no visible English text that is not data
(tests/helpers/english_text.py says what counts). Message boxes the walk raises are read
too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from desk_crm.services.bundle import Services
from desk_crm.services.demo import DemoBuilder
from desk_crm.settings import Settings
from desk_crm.store.database import Database
from desk_crm.store.repositories import ListQuery
from desk_crm.ui.events import AppEvents
from desk_crm.ui.main_window import MainWindow
from desk_crm.ui.registry import EDITORS
from desk_crm.ui.translations import install_translations
from helpers.english_text import data_words, findings, visible_texts
from helpers.stall_walk import menu_actions

from .message_boxes import MessageBoxes


@pytest.fixture
def zh_cn(qapp: Any) -> Iterator[None]:
    installed = install_translations(qapp, "zh_CN")
    assert len(installed) == 2, "qtbase and desk_crm zh_CN catalogues"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def _tabs_of(widget: QWidget) -> list[QTabWidget]:
    return [tabs for tabs in widget.findChildren(QTabWidget) if tabs.isVisible()]


class Reader:
    """Collects what each step shows, tab by tab; judged at the end, when every record
    the walk made (the current user, opened on first use) is in the data."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, str]] = []  # (place, where, text)
        self.places = 0

    def _add(self, texts: Any, place: str) -> None:
        self.seen.extend((place, where, text) for where, text in texts)

    def findings(self, data: set[str]) -> list[str]:
        return [line for place, where, text in self.seen
                for line in findings([(where, text)], data, place)]

    def read(self, widget: QWidget, place: str) -> None:
        self.places += 1
        self._add(visible_texts(widget), place)
        for tabs in _tabs_of(widget):
            current = tabs.currentIndex()
            for index in range(tabs.count()):
                if index != current and tabs.isTabEnabled(index):
                    tabs.setCurrentIndex(index)
                    QApplication.processEvents()
                    self._add(visible_texts(tabs.currentWidget()),
                              f"{place} › {tabs.tabText(index)}")
            tabs.setCurrentIndex(current)


@pytest.mark.slow
def test_every_window_in_zh_cn_shows_no_english(
        qtbot: Any, zh_cn: None, services: Services, database: Database, tmp_path: Any,
        message_boxes: MessageBoxes) -> None:
    services.data_language.ensure_defaults("zh_CN", QCoreApplication.translate)
    DemoBuilder(services).build(accounts=12, contacts=30)
    message_boxes.discard_everything = True
    window = MainWindow(services, Settings(tmp_path / "settings.ini"), AppEvents(),
                        database.path)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    reader = Reader()

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        reader.read(modal, f"{step_name[0]} › {modal.windowTitle()}")
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()

    step_name = [""]
    closer = QTimer()
    closer.setInterval(150)
    closer.timeout.connect(close_modal)
    closer.start()
    try:
        for key in list(window.pages):
            step_name[0] = f"area {key}"
            window.show_area(key)
            qtbot.wait(250)
            reader.read(window, step_name[0])
        window.show_area("contacts")
        page = window.current_page()
        page.table.selectRow(0)
        for name, action in menu_actions(window):
            if action.text().replace("&", "") in ("Quit", "Encryption…"):
                continue
            step_name[0] = name
            before = set(QApplication.topLevelWidgets())
            action.trigger()
            qtbot.wait(300)
            for widget in set(QApplication.topLevelWidgets()) - before:
                if shiboken6.isValid(widget) and widget.isVisible() and widget is not window:
                    reader.read(widget, f"{name} › {widget.windowTitle()}")
                    widget.close()
        for spec in EDITORS:
            try:
                rows = services.lists.page(ListQuery(spec.entity), limit=1)
            except KeyError:  # no list of its own (contracts open from Renewals)
                continue
            if not rows:
                continue
            step_name[0] = f"editor {spec.entity}"
            editor = window.open_record(spec.entity, rows[0].id)
            assert editor is not None
            qtbot.wait(250)
            reader.read(editor, step_name[0])
            editor.discard_and_close()
    finally:
        closer.stop()
    reader.seen.extend(("message box", kind, text) for kind, text in message_boxes.calls)
    assert reader.places > len(window.pages) + 30
    unique = sorted(set(reader.findings(data_words(database.path))))
    assert not unique, f"{len(unique)} English texts in zh_CN:\n" + "\n".join(unique)


def test_the_reader_finds_english_but_not_data_names_or_codes(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

    from helpers.english_text import english_words

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.addWidget(QLabel("保存 Save changes", root))
    layout.addWidget(QPushButton("导出 PNG(&G)…", root))
    layout.addWidget(QLabel("负责人：Tom Becker <tom@example.com>", root))
    root.show()
    qtbot.waitExposed(root)
    found = findings(visible_texts(root), {"tom", "becker"}, "test")
    assert found == ["test: QLabel : '保存 Save changes' (Save, changes)"], found
    assert english_words("Asia/Shanghai", set()) == []
    assert english_words("格式 {seq}", set()) == []
    assert english_words("Ctrl+Shift+K", set()) == []
