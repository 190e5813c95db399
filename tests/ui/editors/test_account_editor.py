"""The account editor: details with live validation, and the account's contacts on their
own tab, from which a new contact starts already linked to the account."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desk_crm.services.bundle import Services
from desk_crm.services.records import AccountRecord
from desk_crm.ui.editors.account_editor import AccountEditor
from desk_crm.ui.editors.contact_editor import ContactEditor
from desk_crm.ui.main_window import MainWindow

from ..factories import add_account, add_contact


def contacts_tab_text(editor: AccountEditor) -> str:
    return editor.ui.tabs.tabText(editor.ui.tabs.indexOf(editor.ui.contactsTab))


def make_northwind(services: Services) -> AccountRecord:
    account = add_account(services, "Northwind Traders", city="Seattle")
    for given in ("Ann", "Bob", "Cy"):
        add_contact(services, "Miller", given, account_id=account.id)
    add_contact(services, "Elsewhere", "Eve")  # not at this account
    return account


def test_contacts_tab_shows_the_accounts_contacts(services: Services,
                                                  show_dialog: Any) -> None:
    account = make_northwind(services)
    editor = show_dialog(AccountEditor(services, account.id))
    assert contacts_tab_text(editor) == "&Contacts (3)"
    assert editor.ui.tabs.isTabEnabled(editor.ui.tabs.indexOf(editor.ui.contactsTab))
    model = editor.contacts_model
    assert model is not None
    assert model.rowCount() == 3
    assert editor.ui.contactsView.model() is model
    names = {model.index(row, 0).data() for row in range(model.rowCount())}
    assert names == {"Ann Miller", "Bob Miller", "Cy Miller"}


def test_a_new_account_has_no_contacts_or_history_yet(services: Services,
                                                      show_dialog: Any) -> None:
    editor = show_dialog(AccountEditor(services, None))
    tabs = editor.ui.tabs
    assert not tabs.isTabEnabled(tabs.indexOf(editor.ui.contactsTab))
    assert not tabs.isTabEnabled(tabs.indexOf(editor.ui.historyTab))
    assert editor.contacts_model is None
    assert not editor.save_button.isEnabled()


def test_account_fields_are_validated_live(qtbot: Any, services: Services,
                                           show_dialog: Any) -> None:
    editor = show_dialog(AccountEditor(services, None))
    # An untouched new form shows no red text yet, but cannot be saved.
    assert editor.ui.nameError.text() == ""
    assert not editor.save_button.isEnabled()
    qtbot.keyClicks(editor.ui.industry, "x")
    assert editor.ui.nameError.text() == "Account name is required"
    editor.ui.industry.clear()
    qtbot.keyClicks(editor.ui.name, "Contoso")
    assert not editor.ui.nameError.isVisible()
    assert editor.save_button.isEnabled()
    qtbot.keyClicks(editor.ui.phone, "999")
    qtbot.keyClicks(editor.ui.website, "not a site")
    assert editor.ui.phoneError.isVisible()
    assert editor.ui.websiteError.isVisible()
    assert "spaces" in editor.ui.websiteError.text()
    assert not editor.save_button.isEnabled()
    editor.ui.phone.clear()
    editor.ui.website.setText("contoso.com")
    assert not editor.ui.phoneError.isVisible()
    assert not editor.ui.websiteError.isVisible()
    with qtbot.waitSignal(editor.record_saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert services.accounts.get(saved.args[0]).draft.website == "https://contoso.com"


def test_new_contact_at_this_account_opens_a_linked_contact_editor(
        qtbot: Any, main_window: MainWindow, services: Services) -> None:
    account = make_northwind(services)
    editor = main_window.open_account(account.id)
    assert isinstance(editor, AccountEditor)
    qtbot.waitExposed(editor)
    editor.ui.tabs.setCurrentWidget(editor.ui.contactsTab)
    assert main_window.findChildren(ContactEditor) == []

    qtbot.mouseClick(editor.ui.addContactButton, Qt.MouseButton.LeftButton)
    [contact_editor] = main_window.findChildren(ContactEditor)
    assert contact_editor.account_picker.account_id() == account.id
    assert contact_editor.account_picker.edit.text() == "Northwind Traders"
    assert contact_editor.record_id is None
    assert not contact_editor.ui.accountError.isVisible()

    qtbot.keyClicks(contact_editor.ui.familyName, "Miller")
    qtbot.keyClicks(contact_editor.ui.givenName, "Dan")
    with qtbot.waitSignal(contact_editor.record_saved) as saved:
        qtbot.mouseClick(contact_editor.save_button, Qt.MouseButton.LeftButton)
    assert services.contacts.get(saved.args[0]).draft.account_id == account.id
    # The open account editor hears about the new contact through the app events.
    assert contacts_tab_text(editor) == "&Contacts (4)"
    assert editor.contacts_model is not None
    assert editor.contacts_model.rowCount() == 4


def test_activating_a_contact_in_the_tab_opens_it(
        qtbot: Any, main_window: MainWindow, services: Services) -> None:
    account = make_northwind(services)
    editor = main_window.open_account(account.id)
    assert editor is not None and editor.contacts_model is not None
    first_id = editor.contacts_model.record_id(0)
    editor.ui.contactsView.activated.emit(editor.contacts_model.index(0, 0))
    [contact_editor] = main_window.findChildren(ContactEditor)
    assert contact_editor.record_id == first_id
    assert contact_editor.account_picker.edit.text() == "Northwind Traders"


def test_a_new_account_like_one_in_the_same_city_warns_and_asks_before_saving(
        qtbot: Any, services: Services, show_dialog: Any, message_boxes: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    existing = add_account(services, "Northwind Traders Ltd", city="Seattle")
    editor = show_dialog(AccountEditor(services))
    qtbot.keyClicks(editor.ui.name, "Northwind Traders Limited")
    qtbot.keyClicks(editor.ui.city, "seattle")
    qtbot.waitUntil(lambda: editor.ui.banner.isVisible(), timeout=3000)
    assert "Northwind Traders Ltd" in editor.ui.banner.text()
    message_boxes.reply("question", QMessageBox.StandardButton.Cancel)
    assert not editor.save()
    assert editor.record_id is None
    message_boxes.reply("question", QMessageBox.StandardButton.Save)
    assert editor.save()
    assert editor.record_id not in (None, existing.id)
    assert message_boxes.kinds() == ["question", "question"]


def test_the_same_name_in_another_city_saves_without_asking(
        qtbot: Any, services: Services, show_dialog: Any) -> None:
    add_account(services, "Contoso Pharma", city="Basel")
    editor = show_dialog(AccountEditor(services))
    qtbot.keyClicks(editor.ui.name, "Contoso Pharmaceuticals")
    qtbot.keyClicks(editor.ui.city, "Lyon")
    editor.check_duplicates()
    assert not editor.ui.banner.isVisible()
    assert editor.save()
