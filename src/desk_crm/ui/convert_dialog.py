"""Convert a lead: choose a new or existing account, optionally an opportunity, see what
will be created, then one service call does it all or nothing."""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.money import CURRENCY_DIGITS, format_money, parse_amount
from desk_crm.services.bundle import Services
from desk_crm.services.errors import RecordNotFound, StaleRecord
from desk_crm.services.sales_records import ConversionResult, LeadRecord
from desk_crm.ui.validation_text import all_messages, message
from desk_crm.ui.widgets.account_picker import AccountPicker


class ConvertLeadDialog(QDialog):
    def __init__(self, services: Services, lead: LeadRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.lead = lead
        self.result_ids: ConversionResult | None = None
        self.setObjectName("convertLeadDialog")
        self.setWindowTitle(self.tr("Convert lead “%1”").replace("%1", lead.display_name))
        layout = QVBoxLayout(self)

        account_box = QGroupBox(self.tr("Account"), self)
        account_layout = QFormLayout(account_box)
        self.new_account = QRadioButton(self.tr("Create a &new account"), account_box)
        self.account_name = QLineEdit(lead.draft.company or lead.display_name, account_box)
        self.account_name.setAccessibleName(self.tr("New account name"))
        self.existing_account = QRadioButton(self.tr("Add to an &existing account"),
                                             account_box)
        self.account_picker = AccountPicker(services.lists, account_box)
        group = QButtonGroup(self)
        group.addButton(self.new_account)
        group.addButton(self.existing_account)
        self.new_account.setChecked(True)
        account_layout.addRow(self.new_account, self.account_name)
        account_layout.addRow(self.existing_account, self.account_picker)
        layout.addWidget(account_box)

        contact = QLabel(self.tr("A contact “%1” is created at that account with the "
                                 "lead's email and phone.").replace("%1", lead.display_name),
                         self)
        contact.setWordWrap(True)
        layout.addWidget(contact)

        self.opportunity_box = QGroupBox(self.tr("Create an &opportunity"), self)
        self.opportunity_box.setCheckable(True)
        self.opportunity_box.setChecked(True)
        form = QFormLayout(self.opportunity_box)
        self.opportunity_name = QLineEdit(self.opportunity_box)
        self.opportunity_name.setAccessibleName(self.tr("Opportunity name"))
        self.opportunity_name.setText(lead.draft.company or lead.display_name)
        form.addRow(self.tr("Na&me:"), self.opportunity_name)
        amount_row = QHBoxLayout()
        self.amount = QLineEdit(self.opportunity_box)
        self.amount.setAccessibleName(self.tr("Amount"))
        self.amount.setPlaceholderText("0.00")
        self.currency = QComboBox(self.opportunity_box)
        self.currency.setAccessibleName(self.tr("Currency"))
        self.currency.addItems(list(CURRENCY_DIGITS))
        amount_row.addWidget(self.amount, 1)
        amount_row.addWidget(self.currency)
        amount_label = QLabel(self.tr("&Amount:"), self.opportunity_box)
        amount_label.setBuddy(self.amount)
        form.addRow(amount_label, amount_row)
        self.close_date = QDateEdit(QDate.currentDate().addMonths(3), self.opportunity_box)
        self.close_date.setCalendarPopup(True)
        self.close_date.setDisplayFormat("yyyy-MM-dd")
        self.close_date.setAccessibleName(self.tr("Expected close date"))
        form.addRow(self.tr("E&xpected close:"), self.close_date)
        self.stage = QComboBox(self.opportunity_box)
        self.stage.setAccessibleName(self.tr("Stage"))
        for stage in services.pipeline.stages():
            if stage.kind == "open":
                self.stage.addItem(f"{stage.name} ({stage.probability} %)", stage.id)
        form.addRow(self.tr("&Stage:"), self.stage)
        layout.addWidget(self.opportunity_box)

        self.summary = QLabel(self)
        self.summary.setObjectName("conversionSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("background: palette(alternate-base); padding: 6px;")
        layout.addWidget(self.summary)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.convert_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.convert_button.setText(self.tr("&Convert"))
        self.buttons.accepted.connect(self.convert)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        for edit in (self.account_name, self.opportunity_name, self.amount):
            edit.textChanged.connect(self.refresh)
        for button in (self.new_account, self.existing_account):
            button.toggled.connect(self.refresh)
        self.account_picker.account_changed.connect(self.refresh)
        self.opportunity_box.toggled.connect(self.refresh)
        self.currency.currentIndexChanged.connect(self.refresh)
        self.stage.currentIndexChanged.connect(self.refresh)
        self.refresh()

    # -- what will happen -----------------------------------------------------------------

    def amount_value(self) -> Decimal:
        text = self.amount.text().strip()
        return parse_amount(text) if text else Decimal(0)

    def problems(self) -> list[str]:
        found = []
        if self.new_account.isChecked() and not self.account_name.text().strip():
            found.append(self.tr("Name the new account"))
        if self.existing_account.isChecked() and self.account_picker.account_id() is None:
            found.append(self.tr("Pick an account from the suggestions"))
        if self.opportunity_box.isChecked():
            if not self.opportunity_name.text().strip():
                found.append(self.tr("Name the opportunity"))
            try:
                self.amount_value()
            except ValidationError as problem:
                found.append(message(problem))
            if self.stage.currentData() is None:
                found.append(self.tr("There is no open pipeline stage"))
        return found

    @Slot()
    def refresh(self) -> None:
        self.account_name.setEnabled(self.new_account.isChecked())
        self.account_picker.setEnabled(self.existing_account.isChecked())
        problems = self.problems()
        self.error.setText("\n".join(problems))
        self.convert_button.setEnabled(not problems)
        lines = []
        if self.new_account.isChecked():
            lines.append(self.tr("a new account “%1”")
                         .replace("%1", html.escape(self.account_name.text().strip())))
        else:
            lines.append(self.tr("the contact joins the account “%1”")
                         .replace("%1", html.escape(self.account_picker.edit.text())))
        lines.append(self.tr("a contact “%1”").replace("%1", html.escape(
            self.lead.display_name)))
        if self.opportunity_box.isChecked():
            try:
                amount = format_money(self.amount_value(), self.currency.currentText())
            except ValidationError:
                amount = "?"
            lines.append(self.tr("an opportunity “%1” of %2 in %3")
                         .replace("%1", html.escape(self.opportunity_name.text().strip()))
                         .replace("%2", amount).replace("%3", self.stage.currentText()))
        self.summary.setText(self.tr("Converting creates:") + "<ul>"
                             + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")

    @Slot()
    def convert(self) -> None:
        if self.problems():
            return
        create = self.opportunity_box.isChecked()
        qdate = self.close_date.date()
        try:
            self.result_ids = self.services.leads.convert(
                self.lead.id,
                account_name=self.account_name.text() if self.new_account.isChecked() else "",
                account_id=(self.account_picker.account_id()
                            if self.existing_account.isChecked() else None),
                create_opportunity=create, opportunity_name=self.opportunity_name.text(),
                amount=self.amount_value() if create else Decimal(0),
                currency=self.currency.currentText(),
                close_date=date(qdate.year(), qdate.month(), qdate.day()) if create else None,
                stage_id=self.stage.currentData() if create else None,
                expected_version=self.lead.version)
        except ValidationErrors as problems:
            self.error.setText(all_messages(problems))
            return
        except StaleRecord:
            self.error.setText(self.tr("The lead changed since it was opened; "
                                       "close and reopen it."))
            return
        except RecordNotFound:
            self.error.setText(self.tr("The lead or the chosen account was deleted."))
            return
        self.accept()

