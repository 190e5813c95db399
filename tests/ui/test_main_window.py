"""The main window: areas, search as you type, delete with undo, shortcuts, and the names
assistive technology reads out."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from desk_crm.services.bundle import Services
from desk_crm.services.errors import RecordNotFound
from desk_crm.services.records import ContactRecord
from desk_crm.settings import Settings
from desk_crm.store.database import Database
from desk_crm.ui.editors.account_editor import AccountEditor
from desk_crm.ui.editors.contact_editor import ContactEditor
from desk_crm.ui.events import AppEvents
from desk_crm.ui.list_page import SEARCH_DELAY_MS
from desk_crm.ui.main_window import MainWindow

from .chinese_input import press_characters
from .factories import CHINESE_NAMES, add_account, add_contact
from .message_boxes import MessageBoxes

Button = QMessageBox.StandardButton
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def people(services: Services) -> list[ContactRecord]:
    """12 Latin contacts (Fam000 … Fam011) and the 5 Chinese ones."""
    made = [add_contact(services, f"Fam{n:03d}", "Test") for n in range(12)]
    made.extend(add_contact(services, family, given) for family, given in CHINESE_NAMES)
    add_account(services, "Northwind Traders")
    add_account(services, "上海瑞丰贸易有限公司")
    return made


def test_it_opens_on_contacts_and_ctrl_digits_switch_areas(
        qtbot: Any, people: list[ContactRecord], shown_window: MainWindow) -> None:
    window = shown_window
    assert window.current_area() == "contacts"
    assert window.count_label.text() == "Contacts: 17"

    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.current_area() == "accounts"
    assert window.stack.currentWidget() is window.pages["accounts"]
    assert window.nav.currentItem().text() == "Accounts"
    assert window.count_label.text() == "Accounts: 2"
    assert window.pages["accounts"].table.hasFocus()  # arrows and Delete work at once

    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert window.current_area() == "contacts"
    assert window.stack.currentWidget() is window.pages["contacts"]
    assert window.count_label.text() == "Contacts: 17"
    assert window.pages["contacts"].table.hasFocus()


def test_clicking_an_area_in_the_sidebar_shows_it(
        qtbot: Any, people: list[ContactRecord], shown_window: MainWindow) -> None:
    window = shown_window
    item = window.nav.item(list(window.pages).index("accounts"))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.nav.visualItemRect(item).center())
    assert window.stack.currentWidget() is window.pages["accounts"]


def test_the_search_box_filters_as_you_type(
        qtbot: Any, people: list[ContactRecord], shown_window: MainWindow) -> None:
    window = shown_window
    page = window.pages["contacts"]
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert page.search.hasFocus()

    qtbot.keyClicks(page.search, "fam01")
    assert page.model.rowCount() == 17  # not on every key press: after a pause
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=SEARCH_DELAY_MS * 10)
    assert {page.model.index(row, 0).data() for row in range(2)} == {
        "Test Fam010", "Test Fam011"}
    assert window.count_label.text() == "Contacts: 2"

    page.search.clear()
    press_characters(page.search, "三")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=SEARCH_DELAY_MS * 10)
    assert {page.model.index(row, 0).data() for row in range(3)} == {"张三", "李三丰", "三好"}

    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter: now, and on to the list
    assert page.table.hasFocus()
    assert page.table.currentIndex().row() == 0


def test_delete_key_deletes_the_selected_row_and_undo_brings_it_back(
        qtbot: Any, services: Services, people: list[ContactRecord],
        shown_window: MainWindow) -> None:
    window = shown_window
    page = window.pages["contacts"]
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(3, 0))
    doomed = page.current_record_id()
    assert doomed == people[3].id
    assert not window.undo_button.isVisible()

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 16
    assert page.model.row_of(doomed) is None
    # The cursor rests on the next record, so a second Delete does not hit row 0.
    assert page.current_record_id() == people[4].id
    with pytest.raises(RecordNotFound):
        services.contacts.get(doomed)
    assert window.undo_button.isVisible()
    assert window.undo_hint.text() == "Deleted “Test Fam003”."
    assert window.count_label.text() == "Contacts: 16"

    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 17
    assert page.model.row_of(doomed) == 3
    assert services.contacts.get(doomed).display_name == "Test Fam003"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo
    assert page.model.rowCount() == 16
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # undo
    assert page.model.rowCount() == 17
    assert window.undo_stack.canRedo()


def test_ctrl_delete_deletes_an_account(
        qtbot: Any, services: Services, people: list[ContactRecord],
        shown_window: MainWindow) -> None:
    window = shown_window
    window.show_area("accounts")
    page = window.pages["accounts"]
    page.table.setCurrentIndex(page.model.index(0, 0))
    account_id = page.current_record_id()
    assert account_id is not None
    qtbot.keyClick(page.table, Qt.Key.Key_Delete, CTRL)
    assert page.model.rowCount() == 1
    assert window.undo_action.text() == "&Undo Delete “Northwind Traders”"
    window.undo_action.trigger()
    assert services.accounts.get(account_id).draft.name == "Northwind Traders"


def test_deleting_a_record_closes_its_editor(
        qtbot: Any, people: list[ContactRecord], shown_window: MainWindow) -> None:
    window = shown_window
    editor = window.open_contact(people[0].id)
    assert editor is not None
    window.delete_record("contact", people[0].id)
    qtbot.waitUntil(lambda: not window.findChildren(ContactEditor))


def test_enter_opens_the_current_record_once(
        qtbot: Any, people: list[ContactRecord], shown_window: MainWindow) -> None:
    window = shown_window
    page = window.pages["contacts"]
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(1, 0))
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    [editor] = window.findChildren(ContactEditor)
    assert editor.record_id == people[1].id
    # Opening the same record again raises the open editor instead of a second one.
    assert window.open_contact(people[1].id) is editor
    assert len(window.findChildren(ContactEditor)) == 1


def test_new_record_follows_the_area(
        qtbot: Any, shown_window: MainWindow) -> None:
    window = shown_window
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert len(window.findChildren(ContactEditor)) == 1
    window.show_area("accounts")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert len(window.findChildren(AccountEditor)) == 1


def test_closing_the_window_with_an_unsaved_editor_asks_first(
        qtbot: Any, people: list[ContactRecord], shown_window: MainWindow,
        message_boxes: MessageBoxes) -> None:
    window = shown_window
    editor = window.open_contact(people[0].id)
    assert editor is not None
    qtbot.keyClicks(editor.ui.title, "CEO")
    message_boxes.reply("question", Button.Cancel)
    window.close()
    assert message_boxes.kinds() == ["question"]
    assert window.isVisible()
    assert editor.isVisible()


def test_closing_the_window_with_an_unsaved_new_record_asks_first(
        qtbot: Any, shown_window: MainWindow, services: Services,
        message_boxes: MessageBoxes) -> None:
    window = shown_window
    editor = window.open_contact(None)
    assert editor is not None
    qtbot.keyClicks(editor.ui.familyName, "Unsaved")
    message_boxes.reply("question", Button.Cancel)
    window.close()
    assert message_boxes.kinds() == ["question"]
    assert window.isVisible()

    message_boxes.reply("question", Button.Save)
    with qtbot.waitSignal(editor.record_saved) as saved:
        window.close()
    assert not window.isVisible()
    assert services.contacts.get(saved.args[0]).display_name == "Unsaved"


def test_a_record_deleted_elsewhere_is_reported_not_deleted_twice(
        people: list[ContactRecord], main_window: MainWindow, services: Services,
        message_boxes: MessageBoxes) -> None:
    services.contacts.delete(people[0].id)
    message_boxes.reply("information", Button.Ok, Button.Ok)
    main_window.delete_record("contact", people[0].id)
    assert main_window.open_contact(people[0].id) is None
    assert message_boxes.calls == [("information", "That record no longer exists.")] * 2
    assert not main_window.undo_stack.canUndo()


def test_the_window_remembers_its_area_and_sort_order(
        qtbot: Any, people: list[ContactRecord], services: Services,
        main_window: MainWindow, ui_settings: Settings, app_events: AppEvents,
        database: Database) -> None:
    main_window.show_area("accounts")
    header = main_window.pages["contacts"].table.horizontalHeader()
    header.setSortIndicator(3, Qt.SortOrder.DescendingOrder)  # email, descending
    assert main_window.close()

    again = MainWindow(services, ui_settings, app_events, database.path)
    qtbot.addWidget(again)
    assert again.current_area() == "accounts"
    model = again.pages["contacts"].model
    assert model.query.sort_key == "email"
    assert model.query.descending


def window_actions(window: MainWindow) -> dict[str, QAction]:
    actions = {a.text(): a for a in window.actions()}
    for action in (window.undo_action, window.redo_action):
        actions[action.text()] = action
    return actions


def test_every_action_has_a_shortcut_and_no_two_share_one(main_window: MainWindow) -> None:
    actions = window_actions(main_window)
    # Help > About is the one command without a key, as in most applications.
    missing = [text for text, action in actions.items()
               if action.shortcut().isEmpty() and text != "&About Desk CRM"]
    assert missing == []
    assert {"&New", "&Open", "&Delete", "&Undo", "&Redo", "&Find"} <= set(actions)
    owners: dict[str, str] = {}
    for text, action in actions.items():
        for shortcut in action.shortcuts():
            key = shortcut.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in owners, f"{key} is both {owners[key]} and {text}"
            owners[key] = text
    assert {"Ctrl+1", "Ctrl+2", "Ctrl+Z", "Ctrl+F", "Ctrl+N", "Ctrl+O"} <= set(owners)


def _menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found += _menu_actions(action.menu())
        elif not action.isSeparator():
            found.append(action)
    return found


def test_no_two_window_wide_commands_share_a_key(main_window: MainWindow) -> None:
    """Menu commands of every area and the window's own actions: one key, one command
    (page actions limited to their own page may reuse a key on another page)."""
    commands: list[QAction] = list(main_window.actions())
    for menu_action in main_window.menuBar().actions():
        if menu_action.menu() is not None:
            commands += _menu_actions(menu_action.menu())
    commands += [action for action in main_window.findChildren(QAction)
                 if action.shortcutContext() in (Qt.ShortcutContext.WindowShortcut,
                                                 Qt.ShortcutContext.ApplicationShortcut)]
    owners: dict[str, QAction] = {}
    for action in dict.fromkeys(commands):
        for shortcut in action.shortcuts():
            key = shortcut.toString(QKeySequence.SequenceFormat.PortableText)
            other = owners.setdefault(key, action)
            assert other is action, f"{key} is both {other.text()!r} and {action.text()!r}"
    # A page's own keys work while focus is in that page, where every window-wide key works
    # too: Qt calls such a pair ambiguous and runs neither.
    for name, page in main_window.pages.items():
        for action in page.findChildren(QAction):
            if action in owners.values():
                continue
            for shortcut in action.shortcuts():
                key = shortcut.toString(QKeySequence.SequenceFormat.PortableText)
                assert key not in owners, (
                    f"{key} is {owners[key].text()!r} and {action.text()!r} on {name}")


def test_named_widgets_have_accessible_names(main_window: MainWindow) -> None:
    window = main_window
    assert window.nav.accessibleName() == "Areas"
    assert window.undo_button.accessibleName()
    assert window.count_label.accessibleName()
    for name, page in window.pages.items():
        assert page.accessibleName(), name
        if not hasattr(page, "table"):  # board, forecast, My day: their own widgets
            continue
        assert page.search.accessibleName(), name
        assert page.table.accessibleName(), name
        assert page.search.objectName() and page.table.objectName()
    assert window.pages["contacts"].table.accessibleName() == "Contacts list"
    assert window.pages["accounts"].search.accessibleName() == "Search Accounts"


def test_about_names_the_data_file(main_window: MainWindow, database: Database,
                                   message_boxes: MessageBoxes) -> None:
    message_boxes.reply("about", Button.Ok)
    about = window_actions(main_window)["&About Desk CRM"]
    about.trigger()
    [(kind, text)] = message_boxes.calls
    assert kind == "about"
    assert str(database.path) in text
