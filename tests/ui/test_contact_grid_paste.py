"""The contacts grid like a spreadsheet: email/phone cells validated, Enter moves down,
Ctrl+V pastes a tab-separated block in one transaction and one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desk_crm.services.bundle import Services
from desk_crm.ui.main_window import MainWindow

from .factories import add_contact


def _column(page: Any, key: str) -> int:
    return [c.key for c in page.model.columns].index(key)


def _editor(page: Any) -> QLineEdit:
    editors = [w for w in page.table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert editors, "no cell editor open"
    return editors[-1]


def _page(window: MainWindow) -> Any:
    window.show_area("contacts")
    page = window.pages["contacts"]
    page.reload()
    return page


def _row_of(page: Any, record_id: str) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.record_id(r) == record_id)


def test_email_cell_is_validated_and_enter_moves_down(
        qtbot: Any, shown_window: MainWindow, services: Services, monkeypatch: Any) -> None:
    ada = add_contact(services, "Lovelace", "Ada", email="ada@example.com")
    add_contact(services, "Turing", "Alan")
    page = _page(shown_window)
    warnings: list[str] = []
    monkeypatch.setattr("desk_crm.ui.contact_grid.QMessageBox.warning",
                        lambda parent, title, text: warnings.append(text))
    row = _row_of(page, ada.id)
    page.table.setCurrentIndex(page.model.index(row, _column(page, "email")))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    _editor(page).setText("not an email")
    qtbot.keyClick(_editor(page), Qt.Key.Key_Return)
    assert warnings, "a bad email must be refused with its message"
    assert services.contacts.get(ada.id).draft.emails[0].value == "ada@example.com"
    row = _row_of(page, ada.id)
    assert page.table.currentIndex().row() == row  # a refused value does not move on
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    _editor(page).setText("countess@example.com")
    qtbot.keyClick(_editor(page), Qt.Key.Key_Return)
    assert services.contacts.get(ada.id).draft.emails[0].value == "countess@example.com"
    assert page.table.currentIndex().row() == row + 1


def test_ctrl_v_pastes_a_block_in_one_undo_step_and_reports_bad_cells(
        qtbot: Any, shown_window: MainWindow, services: Services) -> None:
    people = [add_contact(services, f"Person{i}", "X", title="Old") for i in range(3)]
    page = _page(shown_window)
    rows = sorted(_row_of(page, p.id) for p in people)
    first = page.model.record_id(rows[0])
    page.table.setCurrentIndex(page.model.index(rows[0], _column(page, "title")))
    page.table.setFocus()
    # title, email, phone columns follow each other in the grid
    assert _column(page, "email") == _column(page, "title") + 1
    QApplication.clipboard().setText(
        "Boss\tboss@example.com\t13800138000\r\n"
        "Clerk\tnot-an-email\t\r\n"
        "Chief\tchief@example.com\t\r\n")
    qtbot.keyClick(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    ids = [page.model.record_id(r) for r in rows]
    assert services.contacts.get(ids[0]).draft.title == "Boss"
    assert services.contacts.get(ids[0]).draft.emails[0].value == "boss@example.com"
    assert services.contacts.get(ids[0]).draft.phones
    assert services.contacts.get(ids[1]).draft.title == "Clerk"
    assert services.contacts.get(ids[1]).draft.emails == ()
    assert services.contacts.get(ids[2]).draft.title == "Chief"
    report = page.paste_report
    assert report is not None and report.isVisible()
    assert "Row 2" in report.text() and "Email" in report.text()
    report.accept()
    assert shown_window.undo_stack.undoText() == "Paste cells"
    shown_window.undo_action.trigger()
    assert first is not None
    assert [services.contacts.get(i).draft.title for i in ids] == ["Old"] * 3
    assert services.contacts.get(ids[0]).draft.emails == ()
