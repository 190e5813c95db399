"""Past imports with their counts and status; an import can be undone as a whole here
long after its undo step left the main window's stack."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
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


class ImportHistoryDialog(QDialog):
    """Signals:
        batch_undone(str): the entity whose import was undone.
    """

    batch_undone = Signal(str)

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
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(self._update_button)
        self.reload()

    def reload(self) -> None:
        self.batches = self._services.imports.batches()
        statuses = {"completed": self.tr("completed"), "cancelled": self.tr("cancelled"),
                    "stopped": self.tr("stopped"), "failed": self.tr("failed"),
                    "undone": self.tr("undone"), "running": self.tr("running")}
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
        self.undo_button.setEnabled(0 <= row < len(self.batches)
                                    and self.batches[row]["status"] != "undone")

    @Slot()
    def _on_undo_clicked(self) -> None:
        batch = self.batches[self.table.currentRow()]
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Undo the import of “%1”? Created records are deleted and updated "
                    "ones get their earlier values back.").replace("%1", batch["file_name"]))
        if answer != QMessageBox.StandardButton.Yes:
            return
        result = self._services.changes.undo_batch(batch["id"])
        if result.conflicts:
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "%1 fields were changed after the import and were left as they are.")
                .replace("%1", str(result.conflicts)))
        self.batch_undone.emit(batch["entity"])
        self.reload()
