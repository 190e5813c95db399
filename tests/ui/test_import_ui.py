"""The Data menu's dialogs: the import wizard end to end, merge, bulk edit, and undo of
batches and editor saves from the main window."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QWizard

from desk_crm.services.bundle import Services
from desk_crm.ui.bulk_edit_dialog import BulkEditDialog
from desk_crm.ui.duplicates_dialog import DuplicatesDialog
from desk_crm.ui.import_wizard import ERROR_BRUSH
from desk_crm.ui.main_window import MainWindow
from desk_crm.ui.merge_dialog import MergeDialog

from .factories import add_contact

SCREENSHOTS = Path(__file__).resolve().parents[2] / "resources" / "screenshots"
CSV = ("姓名,公司,职务,手机,邮箱,城市\n"
       "张三,星辰科技,销售经理,13800138000,zhang@example.com,北京\n"
       "李四,星辰科技,采购,13900139000,li@example,上海\n"
       "王五,云海贸易,总监,138,wang@example.com,广州\n"
       "赵六,云海贸易,工程师,13700137000,zhao@example.com,深圳\n")


def _save_shot(widget: Any, name: str) -> None:
    if os.environ.get("DESK_CRM_SHOTS"):  # refreshed on request, not on every run
        widget.grab().save(str(SCREENSHOTS / name))


def test_import_wizard_previews_errors_then_imports_and_undo_removes_the_batch(
        qtbot: Any, main_window: MainWindow, services: Services, tmp_path: Path) -> None:
    path = tmp_path / "客户.csv"
    path.write_bytes(CSV.encode("gbk"))
    wizard = main_window.data_actions.open_import()
    qtbot.addWidget(wizard)
    wizard.file_page.path.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping
    targets = [wizard.mapping.table.cellWidget(r, 2).currentData() for r in range(6)]
    assert targets == ["full_name", "company", "title", "mobile", "email", "city"]
    wizard.next()
    table = wizard.preview.table
    assert table.rowCount() == 4
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    email_column = headers.index("Email")
    bad = table.item(1, email_column)
    assert bad.background() == ERROR_BRUSH and bad.toolTip()
    assert table.item(0, email_column).background() != ERROR_BRUSH
    mobile = table.item(2, headers.index("Mobile"))
    assert mobile.background() == ERROR_BRUSH and "138" in mobile.text()
    wizard.resize(1100, 520)
    _save_shot(wizard, "import-preview.png")

    wizard.next()
    page = wizard.report_page
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    assert (page.report.created, page.report.skipped) == (2, 2)
    assert page.skipped.rowCount() == 2
    assert main_window.undo_stack.undoText().startswith("Import")
    assert wizard.button(QWizard.WizardButton.BackButton).isHidden() or \
        not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert main_window.pages["contacts"].count() == 2
    main_window.undo_action.trigger()
    assert main_window.pages["contacts"].count() == 0
    main_window.redo_action.trigger()
    assert main_window.pages["contacts"].count() == 2


def test_merge_dialog_defaults_to_newest_non_empty_and_merges(
        qtbot: Any, main_window: MainWindow, services: Services,
        monkeypatch: pytest.MonkeyPatch) -> None:
    first = add_contact(services, "张", "三", email="zhang@x.org", title="")
    services.contacts.save(replace(services.contacts.get(first.id).draft, city="北京",
                                   notes="老客户"), first.id)
    second = add_contact(services, "Zhang", "San", email="ZHANG@x.org", phone="13800138000",
                         title="销售经理")
    duplicates = DuplicatesDialog(services, main_window)
    qtbot.addWidget(duplicates)
    qtbot.waitUntil(lambda: not duplicates.scanning())
    assert duplicates.model.total() == 1
    dialog = MergeDialog(services, [first.id, second.id], main_window)
    qtbot.addWidget(dialog)
    assert dialog.choices()["title"] == second.id  # the only non-empty value
    assert dialog.choices()["family_name"] == second.id  # the newest
    assert dialog.table.isRowHidden(3)  # no record has a department
    dialog.resize(900, 420)
    _save_shot(dialog, "merge.png")

    def accept_with_first_name(self: MergeDialog) -> int:
        self.groups["family_name"].buttons()[0].setChecked(True)
        self._on_buttons_accepted()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeDialog, "exec", accept_with_first_name)
    assert main_window.data_actions.open_merge([first.id, second.id])
    kept = services.contacts.get(first.id)
    assert (kept.draft.family_name, kept.draft.title) == ("张", "销售经理")
    assert [p.value for p in kept.draft.phones] == ["+8613800138000"]
    assert main_window.pages["contacts"].count() == 1
    main_window.undo_action.trigger()
    assert main_window.pages["contacts"].count() == 2
    main_window.redo_action.trigger()
    assert services.merges.merged_into(second.id) == first.id


def test_bulk_edit_of_selected_rows_is_one_undo_step(
        qtbot: Any, main_window: MainWindow, services: Services,
        monkeypatch: pytest.MonkeyPatch) -> None:
    people = [add_contact(services, "Person", str(i)) for i in range(3)]
    main_window.show_area("contacts")
    page = main_window.pages["contacts"]
    page.reload()
    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.model.index(1, 0), page.table.selectionModel().SelectionFlag.Select
        | page.table.selectionModel().SelectionFlag.Rows)
    assert len(page.selected_record_ids()) == 2

    def tick_city(self: BulkEditDialog) -> int:
        self.checks["city"].setChecked(True)
        self.city.setText("杭州")
        self._on_buttons_accepted()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BulkEditDialog, "exec", tick_city)
    main_window.data_actions.bulk_action.trigger()
    cities = sorted(services.contacts.get(p.id).draft.city for p in people)
    assert cities == ["", "杭州", "杭州"]
    main_window.undo_action.trigger()
    assert [services.contacts.get(p.id).draft.city for p in people] == ["", "", ""]


def test_an_editor_save_is_undone_from_the_main_window(
        qtbot: Any, main_window: MainWindow, services: Services) -> None:
    person = add_contact(services, "Lovelace", "Ada", title="Analyst")
    editor = main_window.open_contact(person.id)
    assert editor is not None
    editor.ui.title.setText("Countess")
    editor.ui.title.textEdited.emit("Countess")
    assert editor.save()
    editor.discard_and_close()
    assert services.contacts.get(person.id).draft.title == "Countess"
    assert main_window.undo_stack.undoText() == "Edit “Ada Lovelace”"
    main_window.undo_action.trigger()
    assert services.contacts.get(person.id).draft.title == "Analyst"
    main_window.redo_action.trigger()
    assert services.contacts.get(person.id).draft.title == "Countess"


def test_import_history_undoes_an_old_import(
        qtbot: Any, main_window: MainWindow, services: Services, tmp_path: Path,
        message_boxes: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
    from desk_crm.services.importer import ImportSettings, open_source

    path = tmp_path / "c.csv"
    path.write_text("Name,Email\nAda,ada@x.org\n", encoding="utf-8")
    source = open_source(path)
    rules = tuple(ColumnRule(t) for t in guess_mapping(IMPORT_ENTITIES["contact"],
                                                       source.headers))
    services.imports.run(source, ImportSettings("contact", rules))
    dialog = main_window.data_actions.open_history()
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 2).text() == "completed"
    message_boxes.reply("question", QMessageBox.StandardButton.Yes)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.table.item(0, 2).text() == "undone", timeout=10_000)
    assert not dialog.undo_button.isEnabled()
    assert main_window.pages["contacts"].count() == 0


def test_import_wizard_lists_and_imports_products(
        qtbot: Any, main_window: MainWindow, services: Services, tmp_path: Path) -> None:
    wizard = main_window.data_actions.open_import()
    qtbot.addWidget(wizard)
    combo = wizard.file_page.entity
    keys = [combo.itemData(i) for i in range(combo.count())]
    assert "product" in keys
    assert combo.itemText(keys.index("product")) == "Products"
    path = tmp_path / "产品.csv"
    path.write_text("产品编码,产品名称,单价,币种\nA-1,服务器,\"12,800\",CNY\nA-2,坏,abc,CNY\n",
                    encoding="utf-8")
    combo.setCurrentIndex(keys.index("product"))
    wizard.file_page.path.setText(str(path))
    wizard.next()
    targets = [wizard.mapping.table.cellWidget(r, 2).currentData() for r in range(4)]
    assert targets == ["code", "name", "default_price", "currency"]
    assert wizard.mapping.key.currentData() == "code"
    wizard.next()
    table = wizard.preview.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    price = headers.index("Default price")
    assert table.item(1, price).background() == ERROR_BRUSH
    assert table.item(0, price).background() != ERROR_BRUSH
    wizard.next()
    page = wizard.report_page
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    assert (page.report.created, page.report.skipped) == (1, 1)
    assert [p.draft.code for p in services.products.list_active()] == ["A-1"]


def test_import_history_resumes_a_cancelled_import_in_the_background(
        qtbot: Any, main_window: MainWindow, services: Services, tmp_path: Path,
        message_boxes: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
    from desk_crm.services.importer import ImportSettings, open_source

    monkeypatch.setattr("desk_crm.services.importer.CHUNK_ROWS", 5)
    done = tmp_path / "done.csv"
    done.write_text("Name,Email\nAda,ada@x.org\n", encoding="utf-8")
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(12)),
                    encoding="utf-8")
    for file, stop in ((path, True), (done, False)):
        source = open_source(file)
        rules = tuple(ColumnRule(t) for t in guess_mapping(IMPORT_ENTITIES["contact"],
                                                           source.headers))
        calls = {"n": 0}

        def cancel(stop: bool = stop, calls: dict[str, int] = calls) -> bool:
            calls["n"] += 1
            return stop and calls["n"] > 7  # inside the second chunk

        services.imports.run(source, ImportSettings("contact", rules), cancelled=cancel)
    dialog = main_window.data_actions.open_history()
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 1).text() == str(done)
    assert not dialog.resume_button.isEnabled()  # a completed import has nothing to resume
    dialog.table.setCurrentCell(1, 0)
    assert dialog.table.item(1, 2).text() == "cancelled"
    assert dialog.resume_button.isEnabled()
    assert [b["created"] for b in services.imports.batches()] == [1, 5]
    message_boxes.reply("information", QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(dialog.batch_resumed, timeout=10_000) as resumed:
        dialog.resume_button.click()
        assert not dialog.resume_button.isEnabled()  # one run at a time
    assert resumed.args == ["contact"]
    assert dialog.last_report is not None and dialog.last_report.created == 7
    assert dialog.table.item(1, 2).text() == "completed"
    assert dialog.table.item(1, 3).text() == "12"
    dialog.table.setCurrentCell(1, 0)
    assert not dialog.resume_button.isEnabled()
    qtbot.waitUntil(lambda: main_window.pages["contacts"].count() == 13, timeout=5_000)
