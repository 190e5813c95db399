"""Find duplicates: background scan with progress and Stop, scores listed, account merge."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.services.bundle import Services
from desk_crm.ui.account_merge_dialog import AccountMergeDialog
from desk_crm.ui.main_window import MainWindow

from .factories import add_contact


def test_scan_lists_contact_groups_with_score(qtbot: Any, main_window: MainWindow,
                                              services: Services) -> None:
    add_contact(services, "张", "三")
    add_contact(services, "Zhang", "San")
    add_contact(services, "Li", "Si")
    dialog = main_window.data_actions.open_duplicates()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.scan_finished, timeout=5000) as finished:
        pass
    assert finished.args == [1]
    qtbot.waitUntil(lambda: not dialog.scanning())
    text = dialog.groups.item(0).text()
    assert text.startswith("100% match") and "张三" in text and "San Zhang" in text
    assert dialog.merge_button.isEnabled()
    assert dialog.progress.isHidden() and dialog.stop_button.isHidden()


def test_stop_ends_the_scan_without_results(qtbot: Any, main_window: MainWindow,
                                            services: Services) -> None:
    add_contact(services, "张", "三")
    add_contact(services, "Zhang", "San")
    dialog = main_window.data_actions.open_duplicates()
    qtbot.addWidget(dialog)
    assert dialog.scanning() and dialog.stop_button.isVisible()
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: not dialog.scanning())
    assert dialog.groups.count() == 0
    assert dialog.status.text() == "Scan stopped."
    dialog.scan_button.click()
    qtbot.waitUntil(lambda: not dialog.scanning())
    assert dialog.groups.count() == 1


def _accept_defaults(dialog: AccountMergeDialog) -> int:
    dialog._on_buttons_accepted()
    return QDialog.DialogCode.Accepted


def test_account_groups_merge_and_undo(qtbot: Any, main_window: MainWindow,
                                       services: Services,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    old = services.accounts.save(AccountDraft(name="Northwind Traders Ltd")).id
    new = services.accounts.save(AccountDraft(name="Northwind Traders Limited")).id
    person = services.contacts.save(ContactDraft(family_name="Wu", account_id=new)).id
    dialog = main_window.data_actions.open_duplicates()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.scanning())
    dialog.entity.setCurrentIndex(dialog.entity.findData("account"))
    qtbot.waitUntil(lambda: not dialog.scanning() and dialog.groups.count() == 1)
    assert dialog.groups.item(0).text().startswith("100% match")
    # The group opens the field-by-field merge dialog; accepted with its defaults.
    monkeypatch.setattr(AccountMergeDialog, "exec", _accept_defaults)
    dialog.merge_button.click()
    assert services.merges.merged_into(new) == old
    assert services.contacts.get(person).draft.account_id == old
    qtbot.waitUntil(lambda: not dialog.scanning())
    assert dialog.groups.count() == 0
    main_window.undo_action.trigger()
    assert services.contacts.get(person).draft.account_id == new
