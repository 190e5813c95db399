"""Editing contacts in place in the list: F2/Enter edit, Tab moves on, Esc cancels."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from desk_crm.services.bundle import Services
from desk_crm.ui.main_window import MainWindow

from .factories import add_contact


def _column(page: Any, key: str) -> int:
    return [c.key for c in page.model.columns].index(key)


def _editor(page: Any) -> QLineEdit:
    editors = [w for w in page.table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert editors, "no cell editor open"
    return editors[-1]


def test_f2_edits_a_cell_tab_saves_and_moves_and_undo_restores(
        qtbot: Any, shown_window: MainWindow, services: Services) -> None:
    person = add_contact(services, "Lovelace", "Ada", title="Analyst")
    window = shown_window
    window.show_area("contacts")
    page = window.pages["contacts"]
    page.reload()
    title = page.model.index(0, _column(page, "title"))
    page.table.setCurrentIndex(title)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    assert page.table.state() == QAbstractItemView.State.EditingState
    editor = _editor(page)
    editor.setText("Countess")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert services.contacts.get(person.id).draft.title == "Countess"
    assert page.table.currentIndex().column() == title.column() + 1
    assert window.undo_stack.undoText() == "Edit “Ada Lovelace”"
    window.undo_action.trigger()
    assert services.contacts.get(person.id).draft.title == "Analyst"


def test_enter_edits_an_editable_cell_and_esc_cancels(
        qtbot: Any, shown_window: MainWindow, services: Services) -> None:
    person = add_contact(services, "Lovelace", "Ada")
    window = shown_window
    window.show_area("contacts")
    page = window.pages["contacts"]
    page.reload()
    page.table.setCurrentIndex(page.model.index(0, _column(page, "city")))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.table.state() == QAbstractItemView.State.EditingState
    editor = _editor(page)
    editor.setText("伦敦")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert page.table.state() != QAbstractItemView.State.EditingState
    assert services.contacts.get(person.id).draft.city == ""
    assert not page.model.flags(page.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
