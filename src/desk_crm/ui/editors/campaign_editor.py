"""The campaign editor: details (type, status, dates, budget, cost, expected revenue, owner),
members, results with a chart, and the change history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.campaigns import KINDS, STATUSES, CampaignDraft, validate_campaign
from desk_crm.domain.errors import ValidationError
from desk_crm.domain.money import CURRENCY_DIGITS, format_amount, parse_amount
from desk_crm.services.bundle import Services
from desk_crm.services.campaigns import CampaignRecord
from desk_crm.ui.campaign_members import MembersTab
from desk_crm.ui.campaign_results import CampaignResultsView
from desk_crm.ui.editors.base import RecordEditor, fill_owner_combo

translate = QCoreApplication.translate
NO_DATE = QDate(2000, 1, 1)  # the minimum of the date edits, shown as "—" (no date)


def kind_titles() -> dict[str, str]:
    return {"email": translate("Campaigns", "E-mail"),
            "event": translate("Campaigns", "Event / trade show"),
            "webinar": translate("Campaigns", "Webinar"),
            "promotion": translate("Campaigns", "Promotion")}


def status_titles() -> dict[str, str]:
    return {"planned": translate("Campaigns", "Planned"),
            "active": translate("Campaigns", "Active"),
            "completed": translate("Campaigns", "Completed")}


def _date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class CampaignEditor(RecordEditor):
    entity = "campaign"

    def __init__(self, services: Services, campaign_id: str | None = None, *,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, campaign_id, parent)
        self.setObjectName("campaignEditor")
        self.resize(1020, 640)
        layout = QVBoxLayout(self)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self._build_details()
        self.members = MembersTab(services, self)
        self.tabs.addTab(self.members, self.tr("&Members"))
        self.results = CampaignResultsView(self)
        self.tabs.addTab(self.results, self.tr("&Results"))
        history_page = QWidget(self)
        history_layout = QVBoxLayout(history_page)
        self.history = QTreeWidget(history_page)
        self.history.setHeaderLabels([self.tr("When / field"), self.tr("Who / from"),
                                      self.tr("What / to")])
        history_layout.addWidget(self.history)
        self.tabs.addTab(history_page, self.tr("&History"))
        bottom = QHBoxLayout()
        self.timestamps = QLabel(self)
        bottom.addWidget(self.timestamps, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close, self)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.init_common(buttons, self.history, self.timestamps, self.banner)
        record = services.campaigns.get(campaign_id) if campaign_id else None
        draft = record.draft if record else CampaignDraft()
        fill_owner_combo(self.owner, services, draft.owner_id, self.tr("(nobody)"),
                         new=self.record_id is None)
        self.load_record(record, draft)
        self._show_related(campaign_id)
        for edit in (self.name, self.budget, self.actual_cost, self.expected_revenue):
            edit.textChanged.connect(self.refresh_state)
        for combo in (self.kind, self.status, self.currency, self.owner):
            combo.currentIndexChanged.connect(self.refresh_state)
        for date_edit in (self.start_date, self.end_date):
            date_edit.dateChanged.connect(self.refresh_state)
        self.notes.textChanged.connect(self.refresh_state)
        self.members.members_changed.connect(self._on_members_members_changed)
        self.members.compose_requested.connect(self._on_members_compose_requested)
        self.record_saved.connect(self._show_related)
        self.name.setFocus()

    def _build_details(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.name = QLineEdit(page)
        self.name.setObjectName("campaignName")
        self.name.setAccessibleName(self.tr("Name"))
        self.name_error = self._error_label(page)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.name_error)
        self.kind = QComboBox(page)
        self.kind.setAccessibleName(self.tr("Type"))
        for code in KINDS:
            self.kind.addItem(kind_titles()[code], code)
        self.status = QComboBox(page)
        self.status.setAccessibleName(self.tr("Status"))
        for code in STATUSES:
            self.status.addItem(status_titles()[code], code)
        form.addRow(self.tr("&Type:"), self.kind)
        form.addRow(self.tr("&Status:"), self.status)
        dates = QHBoxLayout()
        self.start_date = _date_edit(page, "campaignStart")
        self.start_date.setAccessibleName(self.tr("Start date"))
        self.end_date = _date_edit(page, "campaignEnd")
        self.end_date.setAccessibleName(self.tr("End date"))
        dates.addWidget(self.start_date)
        dates.addWidget(QLabel("–", page))
        dates.addWidget(self.end_date)
        dates.addStretch(1)
        dates_label = QLabel(self.tr("&Dates:"), page)
        dates_label.setBuddy(self.start_date)
        form.addRow(dates_label, dates)
        self.dates_error = self._error_label(page)
        form.addRow("", self.dates_error)
        self.currency = QComboBox(page)
        self.currency.setAccessibleName(self.tr("Currency"))
        self.currency.addItems(list(CURRENCY_DIGITS))
        form.addRow(self.tr("C&urrency:"), self.currency)
        self.budget = self._amount_edit(page, self.tr("Budget"))
        self.actual_cost = self._amount_edit(page, self.tr("Actual cost"))
        self.expected_revenue = self._amount_edit(page, self.tr("Expected revenue"))
        form.addRow(self.tr("&Budget:"), self.budget)
        form.addRow(self.tr("Actual &cost:"), self.actual_cost)
        form.addRow(self.tr("E&xpected revenue:"), self.expected_revenue)
        self.amount_error = self._error_label(page)
        form.addRow("", self.amount_error)
        self.owner = QComboBox(page)
        self.owner.setAccessibleName(self.tr("Owner"))
        form.addRow(self.tr("&Owner:"), self.owner)
        self.notes = QPlainTextEdit(page)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        form.addRow(self.tr("N&otes:"), self.notes)
        self.tabs.addTab(page, self.tr("&Campaign"))

    @staticmethod
    def _error_label(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setStyleSheet("color: #c62828")
        label.hide()
        return label

    @staticmethod
    def _amount_edit(parent: QWidget, name: str) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setAccessibleName(name)
        edit.setPlaceholderText("0.00")
        return edit

    # -- RecordEditor ---------------------------------------------------------------------

    def read_draft(self) -> CampaignDraft:
        return CampaignDraft(
            name=self.name.text(), kind=self.kind.currentData() or "email",
            status=self.status.currentData() or "planned",
            start_date=_read_date(self.start_date), end_date=_read_date(self.end_date),
            currency=self.currency.currentText(), budget=_amount(self.budget.text()),
            actual_cost=_amount(self.actual_cost.text()),
            expected_revenue=_amount(self.expected_revenue.text()),
            owner_id=self.owner.currentData(), notes=self.notes.toPlainText())

    def show_draft(self, draft: CampaignDraft) -> None:
        self.name.setText(draft.name)
        self.kind.setCurrentIndex(max(self.kind.findData(draft.kind), 0))
        self.status.setCurrentIndex(max(self.status.findData(draft.status), 0))
        for edit, value in ((self.start_date, draft.start_date),
                            (self.end_date, draft.end_date)):
            edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
        self.currency.setCurrentText(draft.currency)
        for edit, amount in ((self.budget, draft.budget), (self.actual_cost, draft.actual_cost),
                             (self.expected_revenue, draft.expected_revenue)):
            edit.setText(format_amount(amount, draft.currency) if amount else "")
        self.notes.setPlainText(draft.notes)

    def validate_draft(self, draft: CampaignDraft) -> CampaignDraft:
        return validate_campaign(draft)

    def error_labels(self) -> dict[str, QLabel]:
        return {"name": self.name_error, "end_date": self.dates_error,
                "budget": self.amount_error, "actual_cost": self.amount_error,
                "expected_revenue": self.amount_error}

    def window_title(self) -> str:
        return self.name.text().strip() or self.tr("New campaign")

    def save_draft_with_version(self, draft: CampaignDraft,
                                expected_version: int | None) -> CampaignRecord:
        return self.services.campaigns.save(draft, self.record_id, expected_version)

    # -- members and results --------------------------------------------------------------

    @Slot(str)
    def _show_related(self, campaign_id: str | None) -> None:
        self.members.set_campaign(campaign_id)
        self.results.show_figures(self.services.campaigns.results(campaign_id)
                                  if campaign_id else None)

    @Slot()
    def _on_members_members_changed(self) -> None:
        self._show_related(self.record_id)

    @Slot(list)
    def _on_members_compose_requested(self, contact_ids: list) -> None:
        if not self.record_id:
            return
        from desk_crm.ui.email_composer import EmailComposer

        self.composer = EmailComposer(self.services, self.record_id, contact_ids, self)
        self.composer.mails_queued.connect(self._on_members_members_changed)
        self.composer.open()


def _read_date(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == NO_DATE:
        return None
    return date(value.year(), value.month(), value.day())


def _amount(text: str) -> Decimal:
    if not text.strip():
        return Decimal(0)
    try:
        return parse_amount(text)
    except ValidationError:
        return Decimal("NaN")  # validate_campaign reports "Amount must be a number"
