"""Make a contract from an accepted quote: term, billing, renewal, the signed PDF; the
renewal reminder is scheduled for the owner right away."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.money import format_money
from desk_crm.services.bundle import Services
from desk_crm.services.quote_records import ContractDraft, ContractRecord, QuoteRecord
from desk_crm.ui.validation_text import messages_by_field


class ContractDialog(QDialog):
    def __init__(self, services: Services, quote: QuoteRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.quote = quote
        self.contract: ContractRecord | None = None
        self.setObjectName("contractDialog")
        self.setWindowTitle(self.tr("Contract from %1").replace("%1", quote.label))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%1 · value %2").replace("%1", quote.account_name).replace(
            "%2", format_money(quote.totals.grand_total, quote.draft.currency)), self))
        self.start = QDateEdit(QDate(date.today()), self)
        self.start.setCalendarPopup(True)
        self.term = QSpinBox(self)
        self.term.setRange(1, 120)
        self.term.setValue(12)
        self.term.setSuffix(self.tr(" months"))
        self.billing = QComboBox(self)
        for key, title in (("monthly", self.tr("Monthly")), ("quarterly", self.tr("Quarterly")),
                           ("annually", self.tr("Annually")), ("once", self.tr("Once"))):
            self.billing.addItem(title, key)
        self.billing.setCurrentIndex(2)
        self.auto_renew = QCheckBox(self.tr("Renews &automatically"), self)
        self.notice = QSpinBox(self)
        self.notice.setRange(0, 365)
        self.notice.setValue(30)
        self.notice.setSuffix(self.tr(" days"))
        self.status = QComboBox(self)
        for key, title in (("draft", self.tr("Draft")), ("active", self.tr("Active"))):
            self.status.addItem(title, key)
        self.status.setCurrentIndex(1)
        self.file = QLineEdit(self)
        self.file.setPlaceholderText(self.tr("Signed PDF (optional)"))
        self.file.setAccessibleName(self.tr("Signed PDF"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file)
        file_row.addWidget(browse)
        for text, widget in ((self.tr("&Starts:"), self.start), (self.tr("&Term:"), self.term),
                             (self.tr("&Billing:"), self.billing),
                             (self.tr("&Notice period:"), self.notice),
                             (self.tr("S&tatus:"), self.status)):
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(text, widget)
        form.addRow("", self.auto_renew)
        form.addRow(self.tr("Signed &file:"), file_row)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #a00;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def draft(self) -> ContractDraft:
        return ContractDraft(self.start.date().toPython(), self.term.value(),
                             self.billing.currentData(), self.auto_renew.isChecked(),
                             self.notice.value(), self.status.currentData())

    @Slot()
    def _on_browse_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Signed contract"), "",
                                              self.tr("PDF files (*.pdf);;All files (*)"))
        if name:
            self.file.setText(name)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        try:
            contract = self.services.contracts.from_quote(self.quote.id, self.draft())
            if self.file.text().strip():
                contract = self.services.contracts.attach_signed(
                    contract.id, Path(self.file.text().strip()))
            self.contract = self.services.contracts.schedule_reminder(contract.id)
        except (ValidationErrors, ValidationError) as problems:
            self.error.setText("\n".join(messages_by_field(problems).values()))
            return
        except OSError as error:
            self.error.setText(str(error))
            return
        self.accept()
