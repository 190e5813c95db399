"""Past imports with their counts and status; an import can be undone as a whole here
long after its undo step left the main window's stack, and a cancelled or failed one can
be resumed where its last committed chunk ended."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.services.bundle import Services
from desk_crm.services.importer import ImportReport
from desk_crm.ui.operations import BackgroundOperation, Progress

translate = QCoreApplication.translate


class ImportHistoryDialog(QDialog):
    """Signals:
        batch_undone(str): the entity whose import was undone.
        batch_resumed(str): the entity whose import was resumed and has written rows.
    """

    batch_undone = Signal(str)
    batch_resumed = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setObjectName("importHistoryDialog")
        self.setWindowTitle(self.tr("Import history"))
        self.resize(820, 380)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setAccessibleName(self.tr("Past imports"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Started"), self.tr("File"), self.tr("Status"), self.tr("Created"),
            self.tr("Updated"), self.tr("Skipped")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.undo_button = QPushButton(self.tr("&Undo import"), self)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.resume_button = QPushButton(self.tr("&Resume import"), self)
        self.resume_button.setToolTip(self.tr(
            "Go on with a cancelled, failed or interrupted import after its last saved rows"))
        buttons.addButton(self.resume_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.resume_button.clicked.connect(self._on_resume_clicked)
        self.operation: BackgroundOperation | None = None
        self.last_report: ImportReport | None = None
        self._resuming: dict[str, Any] = {}
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(self._update_button)
        self.reload()

    def reload(self) -> None:
        self.batches = self._services.imports.batches()
        statuses = {"completed": self.tr("completed"), "cancelled": self.tr("cancelled"),
                    "stopped": self.tr("stopped"), "failed": self.tr("failed"),
                    "undone": self.tr("undone"), "running": self.tr("running"),
                    "interrupted": self.tr("interrupted")}
        self.table.setRowCount(len(self.batches))
        for row, batch in enumerate(self.batches):
            cells = (f"{batch['started_at'].astimezone():%Y-%m-%d %H:%M}", batch["file_name"],
                     statuses.get(batch["status"], batch["status"]), str(batch["created"]),
                     str(batch["updated"]), str(batch["skipped"]))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.batches:
            self.table.setCurrentCell(0, 0)
        self._update_button()

    @Slot()
    def _update_button(self) -> None:
        row = self.table.currentRow()
        busy = self.operation is not None
        self.undo_button.setEnabled(not busy and 0 <= row < len(self.batches)
                                    and self.batches[row]["status"] not in ("undone",
                                                                            "running"))
        self.resume_button.setEnabled(not busy and 0 <= row < len(self.batches)
                                      and bool(self.batches[row]["resumable"]))

    @Slot()
    def _on_undo_clicked(self) -> None:
        batch = self.batches[self.table.currentRow()]
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Undo the import of “%1”? Created records are deleted and updated "
                    "ones get their earlier values back.").replace("%1", batch["file_name"]))
        if answer != QMessageBox.StandardButton.Yes:
            return
        changes = self._services.changes
        # Set-based, but a 300k-row import still takes seconds: never on the UI thread.
        self.operation = BackgroundOperation(
            self, lambda _progress: changes.undo_batch(batch["id"]),
            title=self.tr("Undoing import"))
        self.operation.succeeded.connect(
            lambda result: self._on_undo_succeeded(batch["entity"], result))
        self.operation.failed.connect(self._on_undo_failed)
        self.operation.cancelled.connect(self._on_operation_cancelled)
        self._update_button()
        self.operation.start()

    def _on_undo_succeeded(self, entity: str, result: Any) -> None:
        self._operation_ended()
        if result.conflicts:
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "%1 fields were changed after the import and were left as they are.")
                .replace("%1", str(result.conflicts)))
        self.batch_undone.emit(entity)

    @Slot(object)
    def _on_undo_failed(self, error: Any) -> None:
        from desk_crm.store.failures import explain

        self._operation_ended()
        sentence = explain(error)
        QMessageBox.warning(self, self.windowTitle(), self.tr(
            "The import could not be undone; nothing was changed: %1").replace(
            "%1", translate("Failures", sentence) if sentence else str(error)))

    @Slot()
    def _on_resume_clicked(self) -> None:
        batch = self.batches[self.table.currentRow()]
        imports = self._services.imports
        started = time.monotonic()

        def work(progress: Progress) -> ImportReport:
            def report(done: int, total: int, _text: str) -> None:
                elapsed = max(time.monotonic() - started, 0.001)
                progress.report(done, total, translate(
                    "ImportHistoryDialog", "%1 of %2 rows, %3 rows/s")
                    .replace("%1", str(done)).replace("%2", str(total))
                    .replace("%3", f"{done / elapsed:.0f}"))

            return imports.resume(batch["id"], report=report,
                                  cancelled=lambda: progress.cancelled)

        self._resuming = batch
        self.operation = BackgroundOperation(self, work, title=self.tr("Resuming import"))
        self.operation.succeeded.connect(self._on_operation_succeeded)
        self.operation.failed.connect(self._on_operation_failed)
        self.operation.cancelled.connect(self._on_operation_cancelled)
        self._update_button()
        self.operation.start()

    def _operation_ended(self) -> None:
        self.operation = None
        self.reload()

    @Slot(object)
    def _on_operation_succeeded(self, report: ImportReport) -> None:
        self.last_report = report
        self._operation_ended()
        if report.created or report.updated:
            self.batch_resumed.emit(self._resuming["entity"])
        # Cancel inside the service ends the run with status "cancelled" (still resumable).
        first = (self.tr("Import cancelled again; it can be resumed later.")
                 if report.status == "cancelled" else self.tr("Import resumed."))
        QMessageBox.information(self, self.windowTitle(), first + " " + self.tr(
            "Created %1, updated %2, skipped %3.")
            .replace("%1", str(report.created)).replace("%2", str(report.updated))
            .replace("%3", str(report.skipped)))

    @Slot(object)
    def _on_operation_failed(self, error: Any) -> None:
        self._operation_ended()
        QMessageBox.warning(self, self.windowTitle(), self.tr(
            "The import could not be resumed: %1").replace("%1", str(error)))

    @Slot()
    def _on_operation_cancelled(self) -> None:
        self._operation_ended()
