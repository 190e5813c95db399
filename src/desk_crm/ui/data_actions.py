"""The Data menu of the main window: import, export of the current list, duplicates and
merge, bulk edit of the selection. Each write lands on the main window's undo stack as a
ChangeLogCommand, undone through the change log."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from desk_crm.domain.errors import ValidationErrors
from desk_crm.services.bulk import BulkChanges, BulkRun
from desk_crm.services.exporter import ExportColumn
from desk_crm.services.importer import ImportReport
from desk_crm.store.repositories import ListQuery
from desk_crm.ui.account_merge_dialog import AccountMergeDialog
from desk_crm.ui.bulk_edit_dialog import BulkEditDialog
from desk_crm.ui.duplicates_dialog import DuplicatesDialog
from desk_crm.ui.import_history import ImportHistoryDialog
from desk_crm.ui.import_wizard import ImportWizard
from desk_crm.ui.merge_dialog import MergeDialog
from desk_crm.ui.operations import BackgroundOperation, OperationCancelled, Progress
from desk_crm.ui.undo import ChangeLogCommand
from desk_crm.ui.validation_text import message

if TYPE_CHECKING:
    from desk_crm.ui.main_window import MainWindow

BULK_ENTITIES = ("contact", "account", "lead")


class DataActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.import_action = self._action(self.tr("&Import…"), "Ctrl+I", self.open_import)
        self.history_action = self._action(self.tr("Import &history…"), "Ctrl+Shift+H",
                                           self.open_history)
        self.export_action = self._action(self.tr("&Export list…"), "Ctrl+Shift+X",
                                          self.export_current)
        self.duplicates_action = self._action(self.tr("Find &duplicates…"),
                                              "Ctrl+Shift+D", self.open_duplicates)
        self.merge_action = self._action(self.tr("&Merge selected records…"), "Ctrl+Shift+M",
                                         self.merge_selected)
        self.bulk_action = self._action(self.tr("&Bulk edit selected…"), "Ctrl+Shift+E",
                                        self.bulk_edit)
        self.bulk_dialog: BulkEditDialog | None = None  # the last one (tests answer it)
        self.bulk_operation: BackgroundOperation | None = None

    def _action(self, text: str, shortcut: str, slot: Any) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def populate(self, menu: QMenu) -> None:
        for action in (self.import_action, self.history_action, self.export_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.duplicates_action, self.merge_action, self.bulk_action):
            menu.addAction(action)

    def _push(self, text: str, entity: str, batch_id: str, **kwargs: Any) -> None:
        window = self._window
        window.undo_stack.push(ChangeLogCommand(text, window.services.changes, window.events,
                                                entity, batch_id=batch_id, **kwargs))
        window.events.records_changed.emit(entity, "")

    # -- import / export ------------------------------------------------------------------

    @Slot()
    def open_import(self) -> ImportWizard:
        wizard = ImportWizard(self._window.services, self._window.settings, self._window)
        wizard.import_finished.connect(self._on_wizard_import_finished)
        wizard.show()
        return wizard

    @Slot()
    def open_history(self) -> ImportHistoryDialog:
        dialog = ImportHistoryDialog(self._window.services, self._window)
        dialog.batch_undone.connect(
            lambda entity: self._window.events.records_changed.emit(entity, ""))
        dialog.batch_resumed.connect(
            lambda entity: self._window.events.records_changed.emit(entity, ""))
        dialog.show()
        return dialog

    @Slot(object)
    def _on_wizard_import_finished(self, report: ImportReport) -> None:
        if report.created or report.updated:
            entity = self._window.services.imports.batches(1)[0]["entity"]
            self._push(self.tr("Import of %1 rows").replace(
                "%1", str(report.created + report.updated)), entity, report.batch_id)

    @Slot()
    def export_current(self) -> None:
        page = self._window.current_page()
        model = getattr(page, "model", None)
        if model is None or not hasattr(model, "query"):
            return
        formats = self.tr("CSV (UTF-8) (*.csv);;Excel workbook (*.xlsx)")
        if page.entity == "contact":
            formats += ";;" + self.tr("vCard address book (*.vcf)")
        name, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export list"), f"{page.entity}s.csv", formats)
        if not name:
            return
        header = page.table.horizontalHeader()
        # Visible columns in the order the user arranged them.
        visible = sorted((header.visualIndex(i), column) for i, column in
                         enumerate(model.columns) if not header.isSectionHidden(i))
        columns = [ExportColumn(c.key, c.title, c.format) for _, c in visible]
        # Custom fields travel with the export even while their list columns are hidden.
        shown = {c.key for c in columns}
        columns += [ExportColumn(c.key, c.title, c.format)
                    for c in getattr(page, "declared_columns", tuple)() if c.key not in shown]
        query, exports = model.query, self._window.services.exports

        contacts = self._window.services.contacts

        def work(progress: Progress) -> int:
            if name.lower().endswith(".vcf"):
                return exports.export_vcards(query, Path(name), contacts.get,
                                             report=progress.report,
                                             cancelled=lambda: progress.cancelled)
            return exports.export(query, columns, Path(name), report=progress.report,
                                  cancelled=lambda: progress.cancelled)

        operation = BackgroundOperation(self._window, work, title=self.tr("Exporting"))
        operation.succeeded.connect(self._on_export_succeeded)
        operation.start()

    @Slot(object)
    def _on_export_succeeded(self, count: int) -> None:
        self._window.statusBar().showMessage(
            self.tr("Exported %1 rows.").replace("%1", str(count)), 8000)

    # -- duplicates, merge, bulk edit ------------------------------------------------------

    @Slot()
    def open_duplicates(self) -> DuplicatesDialog:
        dialog = DuplicatesDialog(self._window.services, self._window)
        # A merged group leaves the list at once; a new scan of everything is the
        # user's choice (Scan again), not a side effect of every merge.
        dialog.merge_requested.connect(
            lambda ids: self.open_merge(ids) and dialog.records_merged(ids))
        dialog.account_merge_requested.connect(
            lambda ids: self.merge_accounts(ids) and dialog.reload())
        dialog.show()
        return dialog

    @Slot()
    def merge_selected(self) -> None:
        page = self._window.current_page()
        ids = page.selected_record_ids() if hasattr(page, "selected_record_ids") else []
        if getattr(page, "entity", "") == "account" and len(ids) >= 2:
            self.merge_accounts(ids)
            return
        if getattr(page, "entity", "") != "contact" or len(ids) < 2:
            QMessageBox.information(self._window, self.tr("Merge contacts"),
                                    self.tr("Select two or more contacts to merge."))
            return
        self.open_merge(ids)

    def open_merge(self, ids: list[str]) -> bool:
        dialog = MergeDialog(self._window.services, ids, self._window)
        if dialog.exec() != MergeDialog.DialogCode.Accepted:
            return False
        merges = self._window.services.merges
        survivor, losers = dialog.survivor_id, dialog.loser_ids
        self._push(self.tr("Merge %1 contacts").replace("%1", str(len(ids))), "contact",
                   dialog.batch_id,
                   after_redo=lambda batch: merges.relink(survivor, losers, batch))
        return True

    def merge_accounts(self, ids: list[str]) -> bool:
        """Merge a group of accounts field by field (AccountMergeDialog): the kept one gets
        the chosen values, the others' contacts and related records move to it."""
        dialog = AccountMergeDialog(self._window.services, ids, self._window)
        if dialog.exec() != AccountMergeDialog.DialogCode.Accepted:
            return False
        merges = self._window.services.merges
        survivor, losers = dialog.survivor_id, dialog.loser_ids
        self._push(self.tr("Merge %1 accounts").replace("%1", str(len(ids))), "account",
                   dialog.batch_id,
                   after_redo=lambda batch: merges.relink(survivor, losers, batch, "account"))
        self._window.events.records_changed.emit("contact", "")  # their account changed
        return True

    @Slot()
    def bulk_edit(self) -> None:
        page = self._window.current_page()
        entity = getattr(page, "entity", "")
        if entity not in BULK_ENTITIES or not hasattr(page, "selected_record_ids"):
            return
        query: ListQuery = page.model.query
        everything = _all_rows_selected(page)
        # Ctrl+A on a huge list: never turn a million selected rows into a Python list.
        ids = [] if everything else page.selected_record_ids()
        matching = None
        if everything or not query.is_unfiltered:
            matching = self._window.services.lists.count(query)
        if not ids and not matching:
            return
        dialog = BulkEditDialog(self._window.services, entity, ids, self._window,
                                matching=matching)
        self.bulk_dialog = dialog
        if dialog.exec() != BulkEditDialog.DialogCode.Accepted:
            return
        if dialog.all_rows:
            self.bulk_edit_all(entity, query, dialog.changes(), matching or 0)
        elif dialog.batch_id:
            self._push(self.tr("Edit %1 records").replace("%1", str(len(ids))), entity,
                       dialog.batch_id)

    def bulk_edit_all(self, entity: str, query: ListQuery, changes: BulkChanges,
                      total: int) -> BackgroundOperation:
        """Every row the list's query matches, in chunks of one transaction each under one
        batch id, in the background; Cancel stops after the current chunk and what was
        applied is still one undo step."""
        services = self._window.services

        def work(progress: Progress) -> BulkRun:
            def on_chunk(done: int) -> bool:
                if progress.cancelled:
                    return False
                try:
                    progress.report(done, total, "")
                except OperationCancelled:
                    return False
                return True
            return services.bulk.apply_pages(entity, services.lists.iter_id_pages(query),
                                             changes, on_chunk=on_chunk)

        operation = BackgroundOperation(self._window, work,
                                        title=self.tr("Editing all matching rows"))
        operation.succeeded.connect(lambda run: self._on_bulk_all_finished(entity, run))
        operation.failed.connect(self._on_bulk_all_failed)
        self.bulk_operation = operation
        operation.start()
        return operation

    def _on_bulk_all_finished(self, entity: str, run: BulkRun) -> None:
        if run.done:
            self._push(self.tr("Edit %1 records").replace("%1", str(run.done)), entity,
                       run.batch_id)
        if run.cancelled:
            self._window.statusBar().showMessage(
                self.tr("Stopped after %1 rows; Undo reverts them.").replace(
                    "%1", str(run.done)), 8000)

    @Slot(object)
    def _on_bulk_all_failed(self, error: object) -> None:
        text = ("\n".join(message(e) for e in error.errors)
                if isinstance(error, ValidationErrors) else str(error))
        QMessageBox.warning(self._window, self.tr("Bulk edit"), text)


def _all_rows_selected(page: Any) -> bool:
    """Ctrl+A: one selection range from the first to the last row (cheap at any size)."""
    rows = page.model.rowCount()
    selection = page.table.selectionModel().selection()
    return rows > 1 and any(r.top() == 0 and r.bottom() == rows - 1 for r in selection)
