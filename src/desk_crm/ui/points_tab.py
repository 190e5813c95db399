"""The points tab of the account and contact editors: balance, tier (and how far to the
next), the ledger, and "Redeem…"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.services.bundle import Services
from desk_crm.ui.columns import local_time
from desk_crm.ui.validation_text import all_messages

translate = QCoreApplication.translate


def entry_kind_titles() -> dict[str, str]:
    return {"earned": translate("Loyalty", "Earned"), "redeemed": translate("Loyalty", "Redeemed"),
            "reversed": translate("Loyalty", "Reversed"),
            "adjusted": translate("Loyalty", "Adjusted")}


class PointsTab(QWidget):
    def __init__(self, services: Services, entity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.entity = entity
        self.record_id: str | None = None
        self.setObjectName("pointsTab")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("pointsSummary")
        self.redeem_button = QPushButton(self.tr("&Redeem points…"), self)
        top.addWidget(self.summary, 1)
        top.addWidget(self.redeem_button)
        layout.addLayout(top)
        self.ledger = QTableWidget(0, 4, self)
        self.ledger.setAccessibleName(self.tr("Points ledger"))
        self.ledger.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"),
                                               self.tr("Points"), self.tr("Balance / note")])
        self.ledger.horizontalHeader().setStretchLastSection(True)
        self.ledger.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.ledger, 1)
        self.redeem_button.clicked.connect(self._on_redeem_button_clicked)

    def install(self, tabs: QTabWidget, before: QWidget) -> None:
        tabs.insertTab(tabs.indexOf(before), self, self.tr("&Points"))

    @Slot(str)
    def set_record(self, record_id: str | None) -> None:
        self.record_id = record_id
        self.reload()

    def reload(self) -> None:
        self.redeem_button.setEnabled(self.record_id is not None)
        if self.record_id is None:
            self.summary.setText(self.tr("Save first to collect points."))
            self.ledger.setRowCount(0)
            return
        status = self.services.loyalty.status(self.entity, self.record_id)
        text = self.tr("Balance: %1 points · Tier: %2").replace("%1", str(status.balance)) \
            .replace("%2", status.tier.name if status.tier else "—")
        if status.next_tier is not None:
            text += self.tr(" · %1 more to %2").replace(
                "%1", str(status.next_tier.threshold - status.earned)).replace(
                "%2", status.next_tier.name)
        self.summary.setText(text)
        titles = entry_kind_titles()
        self.ledger.setRowCount(len(status.entries))
        for row, entry in enumerate(status.entries):
            for column, value in enumerate((local_time(entry.at), titles.get(entry.kind,
                                            entry.kind), f"{entry.points:+d}",
                                            f"{entry.balance_after} · {entry.note}")):
                self.ledger.setItem(row, column, QTableWidgetItem(value))

    @Slot()
    def _on_redeem_button_clicked(self) -> None:
        if self.record_id is None:
            return
        balance = self.services.loyalty.status(self.entity, self.record_id).balance
        points, ok = QInputDialog.getInt(self, self.tr("Redeem points"), self.tr(
            "Points to redeem (balance %1):").replace("%1", str(balance)), 1, 1, 1_000_000_000)
        if not ok:
            return
        note, ok = QInputDialog.getText(self, self.tr("Redeem points"),
                                        self.tr("For what (optional):"))
        if not ok:
            return
        try:
            self.services.loyalty.redeem(self.entity, self.record_id, points, note)
        except (ValidationError, ValidationErrors) as problem:
            QMessageBox.warning(self, self.tr("Redeem points"), all_messages(problem))
        self.reload()
