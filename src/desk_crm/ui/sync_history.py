"""Sync > History: every sync run, what went each way and how it ended."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import QT_TRANSLATE_NOOP
from desk_crm.sync.issues import SyncIssues
from desk_crm.ui.sync_status_text import entity_title
from desk_crm.ui.widgets.empty_state import EmptyState

translate = QCoreApplication.translate

# Source texts: translated where shown, after the translator is installed (not at import).
STATUS_TITLES = {
    "ok": QT_TRANSLATE_NOOP("SyncHistory", "Done"),
    "running": QT_TRANSLATE_NOOP("SyncHistory", "Running"),
    "cancelled": QT_TRANSLATE_NOOP("SyncHistory", "Cancelled"),
    "offline": QT_TRANSLATE_NOOP("SyncHistory", "Server not reachable"),
    "auth": QT_TRANSLATE_NOOP("SyncHistory", "Login refused"),
    "failed": QT_TRANSLATE_NOOP("SyncHistory", "Failed"),
}


class SyncHistoryDialog(QDialog):
    def __init__(self, issues: SyncIssues, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncHistoryDialog")
        self.setWindowTitle(self.tr("Sync history"))
        headers = [self.tr("Started"), self.tr("Result"), self.tr("Sent"), self.tr("Received"),
                   self.tr("Conflicts"), self.tr("Refused"), self.tr("Details"),
                   self.tr("Message")]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setAccessibleName(self.tr("Sync runs"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.empty_state = EmptyState(self.table, self.tr("No sync has run yet."))
        locale = QLocale()
        runs = issues.history()
        self.table.setRowCount(len(runs))
        for row, run in enumerate(runs):
            status = (translate("SyncHistory", STATUS_TITLES[run.status])
                      if run.status in STATUS_TITLES else run.status)
            cells = [locale.toString(run.started_at.astimezone(), QLocale.FormatType.ShortFormat),
                     status, str(run.pushed), str(run.pulled),
                     str(run.conflicts), str(run.rejected), counts_text(run.counts),
                     run.message]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(820, 400)


DIRECTION_TITLES = {
    "push": QT_TRANSLATE_NOOP("SyncHistory", "sent"),
    "pull": QT_TRANSLATE_NOOP("SyncHistory", "received"),
}


def counts_text(counts: dict[str, dict[str, int]]) -> str:
    """"contact received: 3 new, 1 changed, 2 deleted, 400 unchanged; …" — a no-op sync
    reads as unchanged records, not as records received."""
    locale = QLocale()
    parts = []
    for key in sorted(counts):
        direction, entity = key.split(":", 1)
        figures = counts[key]
        items = [text.replace("%1", locale.toString(figures.get(name, 0)))
                 for name, text in (
                     ("created", translate("SyncHistory", "%1 new")),
                     ("updated", translate("SyncHistory", "%1 changed")),
                     ("deleted", translate("SyncHistory", "%1 deleted")),
                     ("unchanged", translate("SyncHistory", "%1 unchanged")))
                 if figures.get(name)]
        if items:
            way = translate("SyncHistory", DIRECTION_TITLES.get(direction, direction))
            parts.append(f"{entity_title(entity)} {way}: " + ", ".join(items))
    return "; ".join(parts)
