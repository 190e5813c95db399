"""Bulk edit of "All N matching rows": offered after Ctrl+A (or on a filtered list), run in
the background in chunks, undone as one step."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from desk_crm.services.bundle import Services
from desk_crm.ui.bulk_edit_dialog import BulkEditDialog
from desk_crm.ui.main_window import MainWindow

from .factories import add_contact


def test_ctrl_a_offers_all_matching_rows_and_runs_them_in_the_background(
        qtbot: Any, main_window: MainWindow, services: Services,
        monkeypatch: pytest.MonkeyPatch) -> None:
    people = [add_contact(services, "Person", str(i)) for i in range(4)]
    main_window.show_area("contacts")
    page = main_window.pages["contacts"]
    page.reload()
    page.table.selectAll()
    seen: list[str] = []

    def choose_all(self: BulkEditDialog) -> int:
        seen.append(self.scope_all.text())
        assert self.scope_all.isChecked()  # nothing listed one by one: all is the choice
        self.checks["city"].setChecked(True)
        self.city.setText("杭州")
        self._on_buttons_accepted()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BulkEditDialog, "exec", choose_all)
    main_window.data_actions.bulk_action.trigger()
    operation = main_window.data_actions.bulk_operation
    assert operation is not None and seen == ["A&ll 4 matching rows"]
    with qtbot.waitSignal(operation.succeeded, timeout=10_000):
        pass
    assert [services.contacts.get(p.id).draft.city for p in people] == ["杭州"] * 4
    assert main_window.undo_stack.undoText() == "Edit 4 records"
    main_window.undo_action.trigger()
    assert [services.contacts.get(p.id).draft.city for p in people] == [""] * 4


def test_the_dialog_offers_no_choice_without_a_filter_or_select_all(
        qtbot: Any, services: Services) -> None:
    person = add_contact(services, "Lovelace", "Ada")
    dialog = BulkEditDialog(services, "contact", [person.id])
    qtbot.addWidget(dialog)
    assert dialog.scope_all.isHidden() and dialog.scope_selected.isChecked()
    filtered = BulkEditDialog(services, "contact", [person.id], matching=7)
    qtbot.addWidget(filtered)
    assert not filtered.scope_all.isHidden() and filtered.scope_selected.isChecked()
    filtered.scope_all.setChecked(True)
    filtered.checks["city"].setChecked(True)
    filtered.city.setText("Paris")
    filtered._on_buttons_accepted()
    assert filtered.all_rows and filtered.batch_id is None
    assert services.contacts.get(person.id).draft.city == ""  # the caller applies it
