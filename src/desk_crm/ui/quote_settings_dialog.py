"""Settings → Quotes: numbering patterns, the discount approval threshold, renewal
reminders, the company on documents, default terms, and who may approve discounts."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.services.bundle import Services
from desk_crm.services.quote_settings import APPROVER, QuoteSettings
from desk_crm.ui.validation_text import messages_by_field


class QuoteSettingsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("quoteSettingsDialog")
        self.setWindowTitle(self.tr("Quotes"))
        self.resize(560, 560)
        current = services.quote_settings.get()
        form = QFormLayout(self)
        self.pattern = QLineEdit(current.number_pattern, self)
        self.contract_pattern = QLineEdit(current.contract_pattern, self)
        self.threshold = QLineEdit(str(current.approval_threshold), self)
        self.reminder = QSpinBox(self)
        self.reminder.setRange(0, 365)
        self.reminder.setValue(current.renewal_reminder_days)
        self.reminder.setSuffix(self.tr(" days before the notice deadline"))
        self.company = QLineEdit(current.company_name, self)
        self.address = QLineEdit(current.company_address, self)
        self.terms = QPlainTextEdit(current.default_terms, self)
        self.terms.setTabChangesFocus(True)
        self.terms.setMaximumHeight(90)
        self.approvers = QListWidget(self)
        for user in services.users.list_active():
            item = QListWidgetItem(user.name, self.approvers)
            item.setData(Qt.ItemDataRole.UserRole, user.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = APPROVER in services.quote_settings.roles(user.id)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        for text, widget in (
                (self.tr("Quote &numbers:"), self.pattern),
                (self.tr("C&ontract numbers:"), self.contract_pattern),
                (self.tr("&Approval above discount %:"), self.threshold),
                (self.tr("&Renewal reminder:"), self.reminder),
                (self.tr("&Company:"), self.company), (self.tr("A&ddress:"), self.address),
                (self.tr("Default &terms:"), self.terms),
                (self.tr("A&pprovers:"), self.approvers)):
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(text, widget)
        form.addRow("", QLabel(self.tr("Patterns use {seq} and {year}, e.g. "
                                       "Q-{year}-{seq:05d}."), self))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #a00;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._current = current

    def read_settings(self) -> QuoteSettings:
        try:
            threshold = Decimal(self.threshold.text().replace("%", "").strip())
        except InvalidOperation:
            threshold = Decimal(-1)
        return replace(self._current, number_pattern=self.pattern.text().strip(),
                       contract_pattern=self.contract_pattern.text().strip(),
                       approval_threshold=threshold,
                       renewal_reminder_days=self.reminder.value(),
                       company_name=self.company.text().strip(),
                       company_address=self.address.text().strip(),
                       default_terms=self.terms.toPlainText().strip())

    @Slot()
    def _on_buttons_accepted(self) -> None:
        try:
            self.services.quote_settings.save(self.read_settings())
        except (ValidationErrors, ValidationError) as problems:
            self.error.setText("\n".join(messages_by_field(problems).values()))
            return
        for row in range(self.approvers.count()):
            item = self.approvers.item(row)
            user_id = item.data(Qt.ItemDataRole.UserRole)
            roles = set(self.services.quote_settings.roles(user_id))
            if item.checkState() == Qt.CheckState.Checked:
                roles.add(APPROVER)
            else:
                roles.discard(APPROVER)
            self.services.quote_settings.set_roles(user_id, sorted(roles))
        self.accept()
