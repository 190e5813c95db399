"""The loyalty programme settings: name, earning rule (points per unit of a won deal's
amount, in one currency) and the tiers with their thresholds (lifetime points)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.loyalty import EarningRule, ProgrammeDraft, Tier
from desk_crm.domain.money import CURRENCY_DIGITS
from desk_crm.services.bundle import Services
from desk_crm.ui.validation_text import all_messages

DEFAULT_TIERS = (Tier("Member", 0), Tier("Silver", 1000), Tier("Gold", 5000))


class LoyaltySettingsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("loyaltySettings")
        self.setWindowTitle(self.tr("Loyalty programme"))
        self.resize(520, 460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        current = services.loyalty.programme()
        self.active = QCheckBox(self.tr("&Customers earn points for won deals"), self)
        self.active.setChecked(current.active or not current.tiers)  # a new programme: on
        self.name = QLineEdit(current.name, self)
        self.name.setAccessibleName(self.tr("Programme name"))
        self.rate = QLineEdit(str(current.rule.points_per_unit), self)
        self.rate.setAccessibleName(self.tr("Points per unit"))
        self.currency = QComboBox(self)
        self.currency.setAccessibleName(self.tr("Currency"))
        self.currency.addItems(list(CURRENCY_DIGITS))
        self.currency.setCurrentText(current.rule.currency)
        rule = QHBoxLayout()
        rule.addWidget(self.rate)
        rule.addWidget(QLabel(self.tr("points per 1"), self))
        rule.addWidget(self.currency)
        form.addRow(self.active)
        form.addRow(self.tr("&Name:"), self.name)
        rule_label = QLabel(self.tr("&Earning rule:"), self)
        rule_label.setBuddy(self.rate)
        form.addRow(rule_label, rule)
        layout.addLayout(form)
        self.tiers = QTableWidget(0, 2, self)
        self.tiers.setObjectName("loyaltyTiers")
        self.tiers.setAccessibleName(self.tr("Tiers"))
        self.tiers.setHorizontalHeaderLabels([self.tr("Tier"), self.tr("From points")])
        self.tiers.horizontalHeader().setStretchLastSection(True)
        self.tiers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tiers_label = QLabel(self.tr("&Tiers (by points ever earned):"), self)
        tiers_label.setBuddy(self.tiers)  # a label without buddy shows its "&" as text
        layout.addWidget(tiers_label)
        layout.addWidget(self.tiers, 1)
        buttons_row = QHBoxLayout()
        add = QPushButton(self.tr("&Add tier"), self)
        remove = QPushButton(self.tr("&Remove tier"), self)
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addStretch(1)
        layout.addLayout(buttons_row)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #c62828")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        layout.addWidget(self.buttons)
        for tier in current.tiers or DEFAULT_TIERS:
            self._add_row(tier.name, str(tier.threshold))
        add.clicked.connect(lambda: self._add_row("", ""))
        remove.clicked.connect(self._on_remove_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _add_row(self, name: str, threshold: str) -> None:
        row = self.tiers.rowCount()
        self.tiers.insertRow(row)
        self.tiers.setItem(row, 0, QTableWidgetItem(name))
        self.tiers.setItem(row, 1, QTableWidgetItem(threshold))

    @Slot()
    def _on_remove_clicked(self) -> None:
        for row in sorted({i.row() for i in self.tiers.selectedIndexes()}, reverse=True):
            self.tiers.removeRow(row)

    def draft(self) -> ProgrammeDraft:
        try:
            rate = Decimal(self.rate.text().strip() or "0")
        except InvalidOperation:
            rate = Decimal("NaN")
        tiers = []
        for row in range(self.tiers.rowCount()):
            name = self.tiers.item(row, 0).text() if self.tiers.item(row, 0) else ""
            raw = self.tiers.item(row, 1).text() if self.tiers.item(row, 1) else ""
            try:
                threshold = int(raw.strip())
            except ValueError:
                threshold = -1
            tiers.append(Tier(name, threshold))
        return ProgrammeDraft(self.name.text(), EarningRule(self.currency.currentText(), rate),
                              tuple(sorted(tiers, key=lambda t: t.threshold)),
                              self.active.isChecked())

    @Slot()
    def _on_buttons_accepted(self) -> None:
        try:
            self.services.loyalty.save_programme(self.draft())
        except ValidationErrors as errors:
            self.message.setText(all_messages(errors))
            return
        self.accept()
