"""Ctrl+K: search every entity from anywhere, pick a result with the keys, open it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desk_crm.services.bundle import Services
from desk_crm.ui.editors.account_editor import AccountEditor
from desk_crm.ui.editors.contact_editor import ContactEditor
from desk_crm.ui.global_search import HitRole
from desk_crm.ui.main_window import MainWindow

from .factories import add_account, add_contact


def _type(qtbot: Any, window: MainWindow, text: str) -> None:
    box = window.global_search
    with qtbot.waitSignal(box.results_shown, timeout=5000):
        box.setText(text)  # Chinese cannot be key-clicked: set it, as an input method does


def test_ctrl_k_finds_across_entities_and_enter_opens_the_chosen_record(
        qtbot: Any, shown_window: MainWindow, services: Services) -> None:
    add_contact(services, "华", "晨", email="hua@northwind.example")
    account = add_account(services, "华晨汽车")
    qtbot.keyClick(shown_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    box = shown_window.global_search
    assert box.hasFocus()
    _type(qtbot, shown_window, "华")
    rows = [box.popup.item(row) for row in range(box.popup.count())]
    hits = [item.data(HitRole) for item in rows]
    assert box.popup.isVisible()
    assert hits[0] is None and hits[2] is None  # group headers: Contacts, Accounts
    assert [rows[0].text(), rows[2].text()] == ["Contacts", "Accounts"]
    assert box.popup.currentRow() == 1  # the first hit is chosen
    qtbot.keyClick(box, Qt.Key.Key_Down)  # skips the header
    assert box.popup.currentItem().data(HitRole) == ("account", account.id)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    editor = next(e for e in shown_window.findChildren(AccountEditor) if e.isVisible())
    assert editor.record_id == account.id
    assert not box.popup.isVisible()


def test_double_click_opens_and_a_stale_answer_is_dropped(
        qtbot: Any, shown_window: MainWindow, services: Services) -> None:
    contact = add_contact(services, "Jensen", "Nina")
    box = shown_window.global_search
    box._query.start(lambda: [])  # would show "No matches"...
    box._query.drop()  # ...but a newer question came since
    assert box.wait_for_search()
    qtbot.wait(50)  # the outcome is delivered, and dropped
    assert not box.popup.isVisible()
    _type(qtbot, shown_window, "jens")
    item = box.popup.item(1)
    box.popup.itemDoubleClicked.emit(item)
    editor = next(e for e in shown_window.findChildren(ContactEditor) if e.isVisible())
    assert editor.record_id == contact.id


def test_no_match_says_so_and_escape_closes(qtbot: Any, shown_window: MainWindow) -> None:
    box = shown_window.global_search
    box.setFocus()
    _type(qtbot, shown_window, "zzqx")
    assert box.popup.item(0).text() == "No matches"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.popup.isVisible()
