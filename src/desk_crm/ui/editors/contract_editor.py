"""The contract editor: parties, value and the frozen lines of its quote (read-only); term,
billing, renewal and status (editable); the signed file; the renewal reminder. A new
contract is made from an accepted quote chosen here (or preset by the quote editor)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.money import format_money
from desk_crm.services.bundle import Services
from desk_crm.services.contracts import validate_contract
from desk_crm.services.quote_records import ContractDraft, ContractRecord
from desk_crm.store.repositories import ListQuery
from desk_crm.ui.editors.base import RecordEditor
from desk_crm.ui.quote_lists import contract_status_titles
from desk_crm.ui.validation_text import messages_by_field


class ContractEditor(RecordEditor):
    """Signals:
        open_record_requested(str, object, object): open the contract's quote.
    """

    entity = "contract"
    open_record_requested = Signal(str, object, object)

    def __init__(self, services: Services, contract_id: str | None = None, *,
                 quote_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(services, contract_id, parent)
        self.setObjectName("contractEditor")
        self.resize(760, 620)
        self.record: ContractRecord | None = (services.contracts.get(contract_id)
                                              if contract_id else None)
        outer = QVBoxLayout(self)
        self.heading = QLabel(self)
        outer.addWidget(self.heading)
        self.banner = QLabel(self)
        self.banner.setStyleSheet("color: #a00;")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        tabs = QTabWidget(self)
        outer.addWidget(tabs, 1)
        page = QWidget(tabs)
        tabs.addTab(page, self.tr("&Contract"))
        form = QFormLayout(page)
        self.quote = QComboBox(page)
        self.quote.setAccessibleName(self.tr("Accepted quote"))
        self.start = QDateEdit(page)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.term = QSpinBox(page)
        self.term.setRange(1, 120)
        self.term.setSuffix(self.tr(" months"))
        self.billing = QComboBox(page)
        for key, title in (("monthly", self.tr("Monthly")), ("quarterly", self.tr("Quarterly")),
                           ("annually", self.tr("Annually")), ("once", self.tr("Once"))):
            self.billing.addItem(title, key)
        self.notice = QSpinBox(page)
        self.notice.setRange(0, 365)
        self.notice.setSuffix(self.tr(" days"))
        self.status = QComboBox(page)
        for key, title in contract_status_titles().items():
            self.status.addItem(title, key)
        self.auto_renew = QCheckBox(self.tr("Renews &automatically"), page)
        self.end_label = QLabel(page)
        for text, widget in ((self.tr("&Quote:"), self.quote), (self.tr("&Starts:"), self.start),
                             (self.tr("&Term:"), self.term), (self.tr("&Billing:"), self.billing),
                             (self.tr("&Notice period:"), self.notice),
                             (self.tr("S&tatus:"), self.status)):
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(text, widget)
        form.addRow("", self.auto_renew)
        form.addRow(self.tr("Ends:"), self.end_label)
        self.error_label = QLabel(page)
        self.error_label.setStyleSheet("color: #a00;")
        self.error_label.hide()
        form.addRow(self.error_label)
        self.lines = QTableWidget(0, 4, page)
        self.lines.setAccessibleName(self.tr("Contract lines"))
        self.lines.setHorizontalHeaderLabels([self.tr("Description"), self.tr("Quantity"),
                                              self.tr("Unit price"), self.tr("Amount")])
        self.lines.setColumnWidth(0, 320)
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        form.addRow(self.lines)
        files = QHBoxLayout()
        self.signed = QLabel(page)
        self.attach = QPushButton(self.tr("Attach si&gned PDF…"), page)
        self.open_signed = QPushButton(self.tr("&Open signed PDF"), page)
        self.remind = QPushButton(self.tr("Schedule &renewal reminder"), page)
        self.open_quote = QPushButton(self.tr("Open &quote"), page)
        for widget in (self.signed, self.attach, self.open_signed, self.remind,
                       self.open_quote):
            files.addWidget(widget)
        form.addRow(files)
        history = QTreeWidget(tabs)
        history.setHeaderLabels([self.tr("Field"), self.tr("Before"), self.tr("After")])
        tabs.addTab(history, self.tr("Hi&story"))
        self.timestamps = QLabel(self)
        outer.addWidget(self.timestamps)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        outer.addWidget(buttons)
        self.init_common(buttons, history, self.timestamps, self.banner)

        if self.record is None:
            rows = services.lists.page(ListQuery("quote", filters=(
                ("current", "1"), ("status", "accepted"))), limit=500)
            for row in rows:
                self.quote.addItem(f"{row.values['number']} · {row.values['account'] or ''}",
                                   row.id)
            self.quote.setCurrentIndex(max(self.quote.findData(quote_id), 0))
            draft = ContractDraft(date.today())
        else:
            self.quote.addItem(self.record.number, self.record.quote_id)
            self.quote.setEnabled(False)
            draft = self.record.draft
        self.load_record(self.record, draft)
        self._show_state()
        for spin in (self.term, self.notice):
            spin.valueChanged.connect(self._on_input_changed)
        for combo in (self.quote, self.billing, self.status):
            combo.currentIndexChanged.connect(self._on_input_changed)
        self.start.dateChanged.connect(self._on_input_changed)
        self.auto_renew.toggled.connect(self._on_input_changed)
        self.attach.clicked.connect(self._on_attach_clicked)
        self.open_signed.clicked.connect(self._on_open_signed_clicked)
        self.remind.clicked.connect(self._on_remind_clicked)
        self.open_quote.clicked.connect(self._on_open_quote_clicked)

    # -- RecordEditor ---------------------------------------------------------------------

    def read_draft(self) -> ContractDraft:
        return ContractDraft(self.start.date().toPython(), self.term.value(),
                             self.billing.currentData(), self.auto_renew.isChecked(),
                             self.notice.value(), self.status.currentData())

    def show_draft(self, draft: ContractDraft) -> None:
        self.start.setDate(QDate(draft.start_date))
        self.term.setValue(draft.term_months)
        self.billing.setCurrentIndex(max(self.billing.findData(draft.billing_frequency), 0))
        self.notice.setValue(draft.notice_days)
        self.status.setCurrentIndex(max(self.status.findData(draft.status), 0))
        self.auto_renew.setChecked(draft.auto_renew)

    def validate_draft(self, draft: ContractDraft) -> ContractDraft:
        return validate_contract(draft)

    def extra_errors(self) -> dict[str, str]:
        if self.record is None and self.quote.currentData() is None:
            return {"quote_id": self.tr("Accept a quote first: contracts are made from "
                                        "accepted quotes")}
        return {}

    def error_labels(self) -> dict[str, QLabel]:
        return {name: self.error_label for name in (
            "quote_id", "term_months", "notice_days", "billing_frequency", "status")}

    def save_draft_with_version(self, draft: ContractDraft,
                                expected_version: int | None) -> ContractRecord:
        if self.record is None:
            record = self.services.contracts.from_quote(self.quote.currentData(), draft)
            # Every new contract gets its renewal reminder right away.
            record = self.services.contracts.schedule_reminder(record.id)
        else:
            record = self.services.contracts.save(self.record.id, draft, expected_version)
        self.record = record
        self._show_state()
        return record

    def window_title(self) -> str:
        return (self.tr("Contract %1").replace("%1", self.record.number) if self.record
                else self.tr("New contract"))

    # -- state ----------------------------------------------------------------------------

    def _show_state(self) -> None:
        record = self.record
        for widget in (self.attach, self.open_signed, self.remind, self.open_quote):
            widget.setEnabled(record is not None)
        if record is None:
            new_contract = self.tr("New contract")
            self.heading.setText(f"<h2>{new_contract}</h2>")
            self.signed.setText("")
            self._on_input_changed()
            return
        self.heading.setText(f"<h2>{record.number}</h2>{record.account_name} · "
                             f"{format_money(record.value, record.currency)}")
        self.signed.setText(Path(record.signed_file).name if record.signed_file
                            else self.tr("No signed file yet"))
        self.open_signed.setEnabled(bool(record.signed_file))
        self.lines.setRowCount(len(record.lines))
        for row, line in enumerate(record.lines):
            for column, key in enumerate(("description", "quantity", "unit_price", "total")):
                self.lines.setItem(row, column, QTableWidgetItem(str(line.get(key, ""))))
        self._on_input_changed()

    @Slot()
    def _on_input_changed(self) -> None:
        from desk_crm.domain.quotes import contract_end

        self.end_label.setText(str(contract_end(self.start.date().toPython(),
                                                self.term.value())))
        self.refresh_state()

    def _refresh_record(self, record: ContractRecord) -> None:
        self.record = record
        self.version = record.version
        self._show_state()
        self.record_saved.emit(record.id)

    @Slot()
    def _on_attach_clicked(self) -> None:
        if self.record is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Signed contract"), "",
                                              self.tr("PDF files (*.pdf);;All files (*)"))
        if name:
            try:
                self._refresh_record(self.services.contracts.attach_signed(self.record.id,
                                                                           Path(name)))
            except OSError as error:
                self.show_banner(str(error))

    @Slot()
    def _on_open_signed_clicked(self) -> None:
        path = self.services.contracts.signed_path(self.record) if self.record else None
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @Slot()
    def _on_remind_clicked(self) -> None:
        if self.record is None:
            return
        try:
            self._refresh_record(self.services.contracts.schedule_reminder(self.record.id))
        except (ValidationErrors, ValidationError) as problems:
            self.show_banner("\n".join(messages_by_field(problems).values()))
            return
        self.show_banner(self.tr("A renewal reminder is in the owner's activities."))

    @Slot()
    def _on_open_quote_clicked(self) -> None:
        if self.record is not None and self.record.quote_id:
            self.open_record_requested.emit("quote", self.record.quote_id, {})
