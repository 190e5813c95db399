"""File > Backups: the list of backups (date, reason, size), "Back up now", choosing the
backup folder, and restoring one. A restore is applied at the next start, before anything
opens the database, so the file is never swapped under open connections; the dialog offers
to restart right away."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm import settings as opts
from desk_crm.services.backups import BackupService
from desk_crm.settings import Settings
from desk_crm.store.backup import BackupDamaged, BackupInfo
from desk_crm.ui.widgets.empty_state import EmptyState

translate = QCoreApplication.translate
log = logging.getLogger("desk_crm.ui")


class BackupsDialog(QDialog):
    restore_scheduled = Signal(object)  # Path of the backup

    def __init__(self, backups: BackupService, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backups = backups
        self._settings = settings
        self.setWindowTitle(self.tr("Backups"))
        self.setObjectName("backupsDialog")
        self.resize(640, 420)
        self.folder_label = QLabel(self)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Reason"),
                                              self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.empty_state = EmptyState(self.table, self.tr(
            "No backups yet. Desk CRM backs the database up once a day and before every "
            "upgrade; Back up now makes one at once."))
        self.backup_button = QPushButton(self.tr("&Back up now"), self)
        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        self.folder_button = QPushButton(self.tr("Choose &folder…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.folder_button):
            row.addWidget(button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        self._rows: list[BackupInfo] = self._backups.list()
        self.folder_label.setText(self.tr("Folder: %1").replace("%1", str(self._backups.folder)))
        self.table.setRowCount(len(self._rows))
        locale = QLocale()
        for row, backup in enumerate(self._rows):
            when = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
            size = QTableWidgetItem(locale.formattedDataSize(backup.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, QTableWidgetItem(when))
            self.table.setItem(row, 1, QTableWidgetItem(self._reason_text(backup.reason)))
            self.table.setItem(row, 2, size)
        self.table.resizeColumnsToContents()
        if self._rows:
            self.table.selectRow(0)
        self._update_buttons()

    def _reason_text(self, reason: str) -> str:
        if reason == "daily":
            return self.tr("Daily")
        if reason == "manual":
            return self.tr("Manual")
        if reason.startswith("before-migration-"):
            return self.tr("Before upgrading the database from %1").replace(
                "%1", reason.removeprefix("before-migration-"))
        if reason.startswith("before-"):
            event = reason.removeprefix("before-")
            events = {"import": self.tr("an import"), "merge": self.tr("a merge"),
                      "bulk-edit": self.tr("a bulk edit"), "restore": self.tr("a restore"),
                      "encryption-change": self.tr("changing the encryption")}
            return self.tr("Before %1").replace("%1", events.get(event, event))
        return reason

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    @Slot()
    def _on_backup_button_clicked(self) -> None:
        self._backups.backup_now()
        self.reload()

    @Slot()
    def _on_folder_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"),
                                                  str(self._backups.folder))
        if not folder:
            return
        self._settings.set(opts.BACKUP_FOLDER, folder)
        QMessageBox.information(self, self.tr("Backups"), self.tr(
            "New backups go to %1 from the next start of Desk CRM.").replace("%1", folder))

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        when = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(self, self.tr("Restore backup"), self.tr(
            "Replace the current data with the backup of %1?\n\nThe current database file is "
            "kept next to it, not deleted. Desk CRM restores the backup when it starts "
            "again.").replace("%1", when))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._backups.schedule_restore(backup.path)
        except BackupDamaged as error:
            log.warning("refused to restore %s: %s", backup.path, error)
            QMessageBox.warning(self, self.tr("Restore backup"), self.tr(
                "This backup is damaged and cannot be restored. Choose another one."))
            return
        answer = QMessageBox.question(self, self.tr("Restore backup"), self.tr(
            "Restore the backup now? Open windows close and the data is re-opened. "
            "Otherwise it is restored at the next start."))
        if answer == QMessageBox.StandardButton.Yes:
            self.accept()
            self.restore_scheduled.emit(Path(backup.path))
