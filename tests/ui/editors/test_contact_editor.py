"""The contact editor driven like a user: typing, live validation at the field, Save,
the question before unsaved input is thrown away, history, and a record saved elsewhere."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import ContactDraft
from desk_crm.services.bundle import Services
from desk_crm.services.records import ContactRecord
from desk_crm.ui.editors.contact_editor import ContactEditor
from desk_crm.ui.events import AppEvents
from desk_crm.ui.main_window import MainWindow

from ..chinese_input import commit_text, press_characters
from ..factories import add_account, add_contact
from ..message_boxes import MessageBoxes

Button = QMessageBox.StandardButton


@pytest.fixture
def open_editor(services: Services, show_dialog: Any) -> Any:
    """Shows a ContactEditor (new, or for a contact id) the way a user sees it."""

    def make(contact_id: str | None = None) -> ContactEditor:
        return show_dialog(ContactEditor(services, contact_id))

    return make


@pytest.fixture
def zhang(services: Services) -> ContactRecord:
    return add_contact(services, "张", "三", email="zhang.san@example.com",
                       phone="13800138000", title="经理")


def click_save(qtbot: Any, editor: ContactEditor) -> None:
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def test_new_contact_typed_and_saved_appears_in_the_contacts_list(
        qtbot: Any, main_window: MainWindow, services: Services,
        app_events: AppEvents) -> None:
    page = main_window.pages["contacts"]
    assert page.model.rowCount() == 0
    editor = main_window.open_contact(None)
    assert editor is not None
    qtbot.waitExposed(editor)
    assert not editor.save_button.isEnabled()  # no name yet
    assert not editor.ui.nameError.isVisible()  # but an untouched form shows no red text

    qtbot.keyClicks(editor.ui.familyName, "Smith")
    assert not editor.ui.nameError.isVisible()
    qtbot.keyClicks(editor.ui.givenName, "Anna")
    qtbot.keyClicks(editor.emails.value_edit(0), "Anna.Smith@Example.com")
    assert editor.save_button.isEnabled()
    assert editor.windowTitle() == "Anna Smith *"

    with qtbot.waitSignal(editor.record_saved) as saved, \
            qtbot.waitSignal(app_events.records_changed) as changed:
        click_save(qtbot, editor)
    contact_id = saved.args[0]
    assert changed.args == ["contact", contact_id]
    stored = services.contacts.get(contact_id)
    assert (stored.draft.family_name, stored.draft.given_name) == ("Smith", "Anna")
    assert stored.draft.emails == (ContactPoint("anna.smith@example.com", "", True),)
    assert page.model.rowCount() == 1
    assert page.model.row_of(contact_id) == 0
    assert page.model.index(0, 0).data() == "Anna Smith"
    qtbot.waitUntil(lambda: not main_window.findChildren(ContactEditor))  # closed on save


def test_a_chinese_name_from_an_input_method_is_saved(
        qtbot: Any, open_editor: Any, services: Services) -> None:
    editor = open_editor()
    commit_text(editor.ui.familyName, "欧阳")
    press_characters(editor.ui.givenName, "娜娜")
    commit_text(editor.ui.title, "销售总监")
    assert editor.windowTitle() == "欧阳娜娜 *"
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.record_saved) as saved:
        click_save(qtbot, editor)
    stored = services.contacts.get(saved.args[0])
    assert stored.display_name == "欧阳娜娜"
    assert stored.draft.title == "销售总监"


def test_an_invalid_email_is_marked_at_the_field_and_blocks_save(
        qtbot: Any, open_editor: Any) -> None:
    editor = open_editor()
    qtbot.keyClicks(editor.ui.familyName, "Smith")
    assert editor.save_button.isEnabled()
    email = editor.emails.value_edit(0)
    qtbot.keyClicks(email, "anna@")
    assert editor.ui.emailsError.isVisible()
    assert "not a valid email address" in editor.ui.emailsError.text()
    assert editor.ui.emailsError.accessibleName() == editor.ui.emailsError.text()
    assert email.styleSheet()  # the bad row is highlighted
    assert not editor.save_button.isEnabled()

    qtbot.keyClicks(email, "example.com")
    assert not editor.ui.emailsError.isVisible()
    assert editor.ui.emailsError.text() == ""
    assert email.styleSheet() == ""
    assert editor.save_button.isEnabled()


def test_a_wrong_phone_is_marked_at_the_field_and_blocks_save(
        qtbot: Any, open_editor: Any) -> None:
    editor = open_editor()
    press_characters(editor.ui.familyName, "李")
    phone = editor.phones.value_edit(0)
    qtbot.keyClicks(phone, "12345")
    assert editor.ui.phonesError.isVisible()
    assert "12345" in editor.ui.phonesError.text()
    assert not editor.save_button.isEnabled()
    assert not editor.ui.emailsError.isVisible()

    phone.clear()
    qtbot.keyClicks(phone, "138 0013 8000")
    assert not editor.ui.phonesError.isVisible()
    assert editor.save_button.isEnabled()


def test_a_second_bad_email_row_is_the_one_highlighted(qtbot: Any, open_editor: Any) -> None:
    editor = open_editor()
    qtbot.keyClicks(editor.ui.familyName, "Smith")
    qtbot.keyClicks(editor.emails.value_edit(0), "anna@example.com")
    add = next(b for b in editor.emails.findChildren(QPushButton) if b.text() == "Add email")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert editor.emails.row_count() == 2
    qtbot.keyClicks(editor.emails.value_edit(1), "not an address")
    assert editor.emails.value_edit(0).styleSheet() == ""
    assert editor.emails.value_edit(1).styleSheet()
    assert not editor.save_button.isEnabled()


def test_a_name_is_required(qtbot: Any, open_editor: Any) -> None:
    editor = open_editor()
    qtbot.keyClicks(editor.ui.familyName, "X")
    assert editor.save_button.isEnabled()
    qtbot.keyClick(editor.ui.familyName, Qt.Key.Key_Backspace)
    assert editor.ui.nameError.isVisible()
    assert editor.ui.nameError.text() == "Enter a family or given name"
    assert not editor.save_button.isEnabled()


def test_an_unchanged_existing_contact_cannot_be_saved(
        qtbot: Any, open_editor: Any, zhang: ContactRecord) -> None:
    editor = open_editor(zhang.id)
    assert editor.ui.familyName.text() == "张"
    assert editor.phones.value_edit(0).text() == "138 0013 8000"  # shown in national format
    assert not editor.save_button.isEnabled()
    assert not editor.is_dirty()
    qtbot.keyClicks(editor.ui.department, "Sales")
    assert editor.save_button.isEnabled()
    assert editor.windowTitle() == "张三 *"


@pytest.mark.parametrize("close", ["close", "escape"])
def test_closing_with_unsaved_changes_asks_cancel_keeps_discard_closes(
        qtbot: Any, open_editor: Any, services: Services, zhang: ContactRecord,
        message_boxes: MessageBoxes, close: str) -> None:
    editor = open_editor(zhang.id)
    qtbot.keyClicks(editor.ui.department, "Sales")

    def try_to_close() -> None:
        if close == "close":
            editor.close()
        else:
            qtbot.keyClick(editor, Qt.Key.Key_Escape)

    message_boxes.reply("question", Button.Cancel)
    try_to_close()
    assert message_boxes.calls == [("question", "Save your changes before closing?")]
    assert editor.isVisible()
    assert editor.ui.department.text() == "Sales"

    message_boxes.reply("question", Button.Discard)
    with qtbot.waitSignal(editor.destroyed):
        try_to_close()
    assert message_boxes.kinds() == ["question", "question"]
    assert services.contacts.get(zhang.id).draft.department == ""  # nothing was saved


def test_closing_with_unsaved_changes_and_answering_save_saves(
        qtbot: Any, open_editor: Any, services: Services, zhang: ContactRecord,
        message_boxes: MessageBoxes) -> None:
    editor = open_editor(zhang.id)
    qtbot.keyClicks(editor.ui.department, "Sales")
    message_boxes.reply("question", Button.Save)
    with qtbot.waitSignal(editor.record_saved):
        editor.close()
    assert message_boxes.kinds() == ["question"]
    assert services.contacts.get(zhang.id).draft.department == "Sales"


def test_closing_with_invalid_input_and_answering_save_keeps_the_editor(
        qtbot: Any, open_editor: Any, zhang: ContactRecord,
        message_boxes: MessageBoxes) -> None:
    editor = open_editor(zhang.id)
    qtbot.keyClicks(editor.emails.value_edit(0), "@@")
    message_boxes.reply("question", Button.Save)
    message_boxes.reply("warning", Button.Ok)
    editor.close()
    assert message_boxes.calls[1] == ("warning", "Correct the marked fields first.")
    assert editor.isVisible()


def test_closing_without_changes_does_not_ask(
        qtbot: Any, open_editor: Any, zhang: ContactRecord,
        message_boxes: MessageBoxes) -> None:
    editor = open_editor(zhang.id)
    # Retyping the same phone in another format is no change.
    phone = editor.phones.value_edit(0)
    phone.clear()
    qtbot.keyClicks(phone, "+86 138-0013-8000")
    with qtbot.waitSignal(editor.destroyed):
        editor.close()
    assert message_boxes.calls == []


def test_history_tab_lists_who_changed_what(
        qtbot: Any, open_editor: Any, services: Services, zhang: ContactRecord) -> None:
    draft = zhang.draft
    draft.title = "总经理"
    services.contacts.save(draft, zhang.id, zhang.version)
    editor = open_editor(zhang.id)
    tabs = editor.ui.tabs
    assert tabs.isTabEnabled(tabs.indexOf(editor.ui.historyTab))
    tree = editor.ui.historyTree
    assert tree.topLevelItemCount() == 2
    newest, oldest = tree.topLevelItem(0), tree.topLevelItem(1)
    assert [newest.text(1), oldest.text(1)] == ["tester", "tester"]
    assert [newest.text(2), oldest.text(2)] == ["changed", "created"]
    changes = {newest.child(n).text(0): (newest.child(n).text(1), newest.child(n).text(2))
               for n in range(newest.childCount())}
    assert changes["Title"] == ("经理", "总经理")
    assert "Version 2" in editor.ui.timestamps.text()


def test_a_new_contact_has_no_history_tab(open_editor: Any) -> None:
    editor = open_editor()
    assert not editor.ui.tabs.isTabEnabled(editor.ui.tabs.indexOf(editor.ui.historyTab))
    assert editor.ui.historyTree.topLevelItemCount() == 0


def test_saving_over_a_change_made_elsewhere_asks_and_save_overwrites(
        qtbot: Any, open_editor: Any, services: Services, zhang: ContactRecord,
        message_boxes: MessageBoxes) -> None:
    editor = open_editor(zhang.id)
    elsewhere = zhang.draft
    elsewhere.title = "副总"
    services.contacts.save(elsewhere, zhang.id, zhang.version)  # another window, same record
    editor.ui.title.clear()
    commit_text(editor.ui.title, "董事长")

    message_boxes.reply("question", Button.Save)
    with qtbot.waitSignal(editor.record_saved):
        click_save(qtbot, editor)
    assert len(message_boxes.calls) == 1
    assert message_boxes.calls[0][0] == "question"
    assert "Someone saved this record after you opened it" in message_boxes.calls[0][1]
    stored = services.contacts.get(zhang.id)
    assert stored.draft.title == "董事长"
    assert stored.version == 3


def test_saving_over_a_change_made_elsewhere_can_be_cancelled(
        qtbot: Any, open_editor: Any, services: Services, zhang: ContactRecord,
        message_boxes: MessageBoxes) -> None:
    editor = open_editor(zhang.id)
    elsewhere = zhang.draft
    elsewhere.title = "副总"
    services.contacts.save(elsewhere, zhang.id, zhang.version)
    qtbot.keyClicks(editor.ui.department, "Board")

    message_boxes.reply("question", Button.Cancel)
    with qtbot.assertNotEmitted(editor.record_saved):
        click_save(qtbot, editor)
    assert message_boxes.kinds() == ["question"]
    assert editor.isVisible()
    assert editor.save_button.isEnabled()
    assert services.contacts.get(zhang.id).draft.title == "副总"


def test_saving_a_contact_deleted_meanwhile_warns(
        qtbot: Any, open_editor: Any, services: Services, zhang: ContactRecord,
        message_boxes: MessageBoxes) -> None:
    editor = open_editor(zhang.id)
    services.contacts.delete(zhang.id)
    qtbot.keyClicks(editor.ui.department, "Board")
    message_boxes.reply("warning", Button.Ok)
    with qtbot.assertNotEmitted(editor.record_saved):
        click_save(qtbot, editor)
    assert message_boxes.kinds() == ["warning"]
    assert "deleted while you edited it" in message_boxes.calls[0][1]
    assert editor.isVisible()


def test_an_email_another_contact_uses_shows_a_duplicate_banner(
        qtbot: Any, open_editor: Any, zhang: ContactRecord) -> None:
    editor = open_editor()
    qtbot.keyClicks(editor.ui.familyName, "Zhang")
    qtbot.keyClicks(editor.emails.value_edit(0), "ZHANG.SAN@example.com")
    assert editor.ui.banner.isVisible()
    assert "张三" in editor.ui.banner.text()
    assert editor.save_button.isEnabled()  # a warning, not a block


def test_the_account_is_picked_from_suggestions_typed_text_alone_is_not_enough(
        qtbot: Any, open_editor: Any, services: Services) -> None:
    northwind = add_account(services, "Northwind Traders", city="Seattle")
    northern = add_account(services, "Northern Lights")
    add_account(services, "Contoso")
    editor = open_editor()
    qtbot.keyClicks(editor.ui.familyName, "Miller")
    picker = editor.account_picker
    picker.edit.setFocus()
    qtbot.keyClicks(picker.edit, "north")
    qtbot.waitUntil(lambda: picker.suggestions() == ["Northern Lights",
                                                     "Northwind Traders — Seattle"])
    assert editor.ui.accountError.isVisible()  # text that names no account yet
    assert not editor.save_button.isEnabled()

    popup = picker._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.account_id() == northwind.id
    assert not editor.ui.accountError.isVisible()
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.record_saved) as saved:
        click_save(qtbot, editor)
    stored = services.contacts.get(saved.args[0])
    assert stored.draft.account_id == northwind.id != northern.id
    assert stored.account_name == "Northwind Traders"


def test_no_account_clears_the_link(qtbot: Any, open_editor: Any,
                                    services: Services) -> None:
    account = add_account(services, "Northwind Traders")
    contact = add_contact(services, "Miller", "Ann", account_id=account.id)
    editor = open_editor(contact.id)
    assert editor.account_picker.edit.text() == "Northwind Traders"
    qtbot.mouseClick(editor.account_picker.clear_button, Qt.MouseButton.LeftButton)
    assert editor.account_picker.account_id() is None
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.record_saved):
        click_save(qtbot, editor)
    assert services.contacts.get(contact.id).draft.account_id is None


def test_a_person_already_in_the_database_is_flagged_as_the_name_is_typed(
        qtbot: Any, open_editor: Any, services: Services) -> None:
    services.contacts.save(ContactDraft(family_name="Smith", given_name="Johanna",
                                        street="12 Oak Road", city="Dover",
                                        postal_code="2600"))
    editor = open_editor()
    qtbot.keyClicks(editor.ui.familyName, "Smiht")
    qtbot.keyClicks(editor.ui.givenName, "Johanna")
    qtbot.keyClicks(editor.ui.postalCode, "2600")
    qtbot.keyClicks(editor.ui.street, "12 Oak Rd")
    qtbot.waitUntil(lambda: editor.ui.banner.isVisible(), timeout=3000)
    assert "Johanna Smith" in editor.ui.banner.text()
    assert "probably this person" in editor.ui.banner.text()
    assert editor.save_button.isEnabled()  # a warning, not a block
