"""Find duplicates: background scan with progress and Stop, every group paged with its true
count, the threshold slider with estimated precision/recall, explanations, "Not a
duplicate", account merge, and the merge dialog's distinguishing column headers."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.services.bundle import Services
from desk_crm.ui.account_merge_dialog import AccountMergeDialog
from desk_crm.ui.duplicate_groups_model import PAGE, DuplicateGroupsModel, GroupRow
from desk_crm.ui.duplicates_dialog import DuplicatesDialog
from desk_crm.ui.main_window import MainWindow
from desk_crm.ui.merge_dialog import MergeDialog


def _person(services: Services, family: str, given: str, email: str = "",
            account_id: str | None = None) -> str:
    return services.contacts.save(ContactDraft(
        family_name=family, given_name=given, city="北京", street="朝阳区建国路88号",
        postal_code="100020", account_id=account_id,
        emails=(ContactPoint(email, primary=True),) if email else ())).id


def _scanned(qtbot: Any, main_window: MainWindow) -> DuplicatesDialog:
    dialog = main_window.data_actions.open_duplicates()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.scanning(), timeout=10000)
    return dialog


def test_scan_lists_groups_with_probability_and_explains_them(
        qtbot: Any, main_window: MainWindow, services: Services) -> None:
    _person(services, "张", "三")
    _person(services, "Zhang", "San")
    _person(services, "Li", "Si")
    dialog = main_window.data_actions.open_duplicates()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.scan_finished, timeout=10000) as finished:
        pass
    assert finished.args == [1]
    qtbot.waitUntil(lambda: not dialog.scanning())
    model = dialog.model
    assert model.index(0, 0).data().endswith("%")
    assert float(model.index(0, 0).data().split()[0]) >= 90
    names = model.index(0, 1).data()
    assert "张三" in names and "San Zhang" in names
    assert dialog.status.text() == "1 groups found."
    assert "precision" in dialog.quality.text()
    pair = dialog.explanation.topLevelItem(0)
    assert "↔" in pair.text(0)
    rows = {pair.child(i).text(0): pair.child(i).text(1) for i in range(pair.childCount())}
    assert rows["Family name"] == "same pinyin, other characters"
    assert rows["Address, postcode, city"] == "the same"
    assert dialog.merge_button.isEnabled() and dialog.dismiss_button.isEnabled()
    assert dialog.progress.isHidden() and dialog.stop_button.isHidden()


def test_stop_ends_the_scan_without_results(qtbot: Any, main_window: MainWindow,
                                            services: Services) -> None:
    _person(services, "张", "三")
    _person(services, "Zhang", "San")
    dialog = main_window.data_actions.open_duplicates()
    qtbot.addWidget(dialog)
    assert dialog.scanning() and dialog.stop_button.isVisible()
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: not dialog.scanning())
    assert dialog.model.rowCount() == 0
    assert dialog.status.text() == "Scan stopped."
    dialog.scan_button.click()
    qtbot.waitUntil(lambda: not dialog.scanning(), timeout=10000)
    assert dialog.model.rowCount() == 1


def test_not_a_duplicate_is_remembered_and_the_slider_regroups(
        qtbot: Any, main_window: MainWindow, services: Services) -> None:
    _person(services, "张", "三")
    _person(services, "Zhang", "San")
    _person(services, "Smith", "John", "john@example.org")
    _person(services, "Smith", "Jonh", "john@example.org")
    dialog = _scanned(qtbot, main_window)
    assert dialog.model.total() == 2
    dialog.threshold.setValue(50)
    assert dialog.model.total() == 2 and "precision" in dialog.quality.text()
    dialog.groups.selectRow(0)
    dismissed = dialog.model.row(0).members
    dialog.dismiss_button.click()
    assert dialog.model.total() == 1
    assert dialog.model.row(0).members != dismissed
    again = _scanned(qtbot, main_window)
    assert again.model.total() == 1
    assert again.model.row(0).members != dismissed


def test_the_groups_model_pages_counts_and_sorts(qtbot: Any, qtmodeltester: Any) -> None:
    calls: list[list[str]] = []

    def names(_entity: str, ids: list[str]) -> list[str]:
        calls.append(ids)
        return [f"N{i}" for i in ids]

    model = DuplicateGroupsModel(names)
    rows = [GroupRow("contact", (f"{i}a", f"{i}b", *((f"{i}c",) if i % 3 == 0 else ())),
                     0.5 + (i % 50) / 100) for i in range(450)]
    model.set_groups(rows)
    assert model.total() == 450 and model.rowCount() == PAGE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE
    assert model.index(0, 1).data().startswith("N")
    assert model.index(1, 1).data()
    assert len(calls) == 1  # the names of a page come in one query
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 2).data() == "3"
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.row(0).probability == min(r.probability for r in rows)
    qtmodeltester.check(model)


def _accept_defaults(dialog: AccountMergeDialog) -> int:
    dialog._on_buttons_accepted()
    return QDialog.DialogCode.Accepted


def test_account_groups_merge_and_undo(qtbot: Any, main_window: MainWindow,
                                       services: Services,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    old = services.accounts.save(AccountDraft(name="Northwind Traders Ltd")).id
    new = services.accounts.save(AccountDraft(name="Northwind Traders Limited")).id
    person = services.contacts.save(ContactDraft(family_name="Wu", account_id=new)).id
    dialog = _scanned(qtbot, main_window)
    dialog.entity.setCurrentIndex(dialog.entity.findData("account"))
    qtbot.waitUntil(lambda: not dialog.scanning() and dialog.model.rowCount() == 1)
    assert dialog.model.index(0, 0).data() == "100 %"
    assert not dialog.threshold.isEnabled()
    monkeypatch.setattr(AccountMergeDialog, "exec", _accept_defaults)
    dialog.merge_button.click()
    assert services.merges.merged_into(new) == old
    assert services.contacts.get(person).draft.account_id == old
    qtbot.waitUntil(lambda: not dialog.scanning())
    assert dialog.model.rowCount() == 0
    main_window.undo_action.trigger()
    assert services.contacts.get(person).draft.account_id == new


def test_merge_dialog_headers_tell_same_named_records_apart(
        qtbot: Any, services: Services) -> None:
    account = services.accounts.save(AccountDraft(name="星辰科技")).id
    first = _person(services, "张", "三", "zhang@x.org", account)
    second = _person(services, "张", "三", "z3@y.org")
    dialog = MergeDialog(services, [first, second])
    qtbot.addWidget(dialog)
    headers = [dialog.table.horizontalHeaderItem(i).text() for i in range(2)]
    assert headers[0] != headers[1]
    assert "zhang@x.org" in headers[0] and "星辰科技" in headers[0] and "created" in headers[0]
    assert "z3@y.org" in headers[1]
