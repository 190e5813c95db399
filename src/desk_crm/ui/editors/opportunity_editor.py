"""The opportunity editor: account and contact, amount with the weighted amount live,
stage and probability, won/lost with a reason, and the time spent in each stage."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal, Slot
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QTreeWidgetItem, QWidget

from desk_crm.domain.errors import ValidationError
from desk_crm.domain.money import CURRENCY_DIGITS, format_amount, format_money, parse_amount
from desk_crm.domain.opportunities import OpportunityDraft, validate_opportunity
from desk_crm.domain.pipeline import effective_probability, is_closed, weighted_amount
from desk_crm.services.bundle import Services
from desk_crm.services.sales_records import OpportunityRecord, StageRecord, StageSpan
from desk_crm.store.repositories import ListQuery
from desk_crm.ui.columns import local_time
from desk_crm.ui.editors.base import RecordEditor, fill_owner_combo
from desk_crm.ui.forms.ui_opportunity_editor import Ui_OpportunityEditor
from desk_crm.ui.validation_text import message
from desk_crm.ui.widgets.account_picker import AccountPicker
from desk_crm.ui.widgets.campaign_combo import add_campaign_picker, fill_campaigns

translate = QCoreApplication.translate
NOT_A_NUMBER = Decimal("NaN")
MAX_CONTACTS = 200


def format_duration(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return (translate("Duration", "%1 d %2 h").replace("%1", str(days))
                .replace("%2", str(hours)))
    if hours:
        return (translate("Duration", "%1 h %2 min").replace("%1", str(hours))
                .replace("%2", str(minutes)))
    return translate("Duration", "%1 min").replace("%1", str(minutes))


class OpportunityEditor(RecordEditor):
    """Signals:
        open_record_requested(str, object, object): open another record.
    """

    entity = "opportunity"
    open_record_requested = Signal(str, object, object)

    def __init__(self, services: Services, opportunity_id: str | None = None, *,
                 account: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, opportunity_id, parent)
        self.ui = Ui_OpportunityEditor()
        self.ui.setupUi(self)
        self.account_picker = AccountPicker(services.lists, self)
        self.ui.accountLayout.addWidget(self.account_picker)
        self.ui.accountLabel.setBuddy(self.account_picker.edit)
        self.init_common(self.ui.buttons, self.ui.historyTree, self.ui.timestamps,
                         self.ui.banner)
        self.ui.currency.addItems(list(CURRENCY_DIGITS))
        self.record: OpportunityRecord | None = None
        draft = OpportunityDraft(account_id=account[0] if account else None)
        if opportunity_id is not None:
            self.record = services.opportunities.get(opportunity_id)
            draft = self.record.draft
        self.stages: dict[str, StageRecord] = {}
        for stage in services.pipeline.stages(include_inactive=True):
            # An inactive stage is offered only to the opportunity still in it.
            if stage.active or stage.id == draft.stage_id:
                self.stages[stage.id] = stage
                self.ui.stage.addItem(f"{stage.name} ({stage.probability} %)", stage.id)
        if not draft.stage_id and self.stages:
            draft = OpportunityDraft(**{**draft.__dict__,
                                        "stage_id": next(iter(self.stages))})
        self._current_stage = draft.stage_id
        fill_owner_combo(self.ui.owner, services, draft.owner_id, self.tr("(nobody)"),
                         new=self.record_id is None)
        account_name = self.record.account_name if self.record else (
            account[1] if account else "")
        self.account_picker.set_account(draft.account_id, account_name)
        self._fill_contacts(draft.account_id, draft.contact_id)
        self.load_record(self.record, draft)
        self.install_custom_fields(self.ui.tabs, self.ui.historyTab)
        if self.record is None:
            for tab in (self.ui.historyTab, self.ui.stagesTab):
                self.ui.tabs.setTabEnabled(self.ui.tabs.indexOf(tab), False)
        else:
            self.show_stage_history(services.opportunities.stage_history(self.record.id))

        for edit in (self.ui.name, self.ui.amountEdit, self.ui.probability, self.ui.nextStep,
                     self.ui.outcomeReason):
            edit.textChanged.connect(self.refresh_state)
        self.ui.notes.textChanged.connect(self.refresh_state)
        for combo in (self.ui.currency, self.ui.owner, self.ui.contact, self.ui.stage):
            combo.currentIndexChanged.connect(self.refresh_state)
        self.ui.closeDateEdit.dateChanged.connect(self.refresh_state)
        self.ui.noCloseDate.toggled.connect(self._on_no_close_date_toggled)
        self.ui.stage.activated.connect(self._on_stage_activated)
        self.account_picker.account_changed.connect(self._on_account_changed)
        self.ui.name.setFocus()

    # -- helpers --------------------------------------------------------------------------

    def _fill_contacts(self, account_id: str | None, contact_id: str | None) -> None:
        combo = self.ui.contact
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(none)"), None)
        if account_id:
            rows = self.services.lists.page(
                ListQuery("contact", filters=(("account_id", account_id),)),
                limit=MAX_CONTACTS)
            for row in rows:
                combo.addItem(row.values["name"], row.id)
        if contact_id and combo.findData(contact_id) < 0 and self.record is not None:
            combo.addItem(self.record.contact_name, contact_id)
        combo.setCurrentIndex(max(combo.findData(contact_id), 0))
        combo.blockSignals(False)

    def show_stage_history(self, spans: list[StageSpan]) -> None:
        tree = self.ui.stageHistoryTree
        tree.clear()
        for span in spans:
            tree.addTopLevelItem(QTreeWidgetItem([
                span.stage_name, local_time(span.entered_at),
                local_time(span.left_at) if span.left_at else self.tr("(current)"),
                format_duration(span.duration)]))
        for column in range(4):
            tree.resizeColumnToContents(column)

    def stage(self) -> StageRecord | None:
        return self.stages.get(self.ui.stage.currentData() or "")

    def _amount(self) -> Decimal:
        text = self.ui.amountEdit.text().strip()
        if not text:
            return Decimal(0)
        try:
            return parse_amount(text)
        except ValidationError:
            return NOT_A_NUMBER

    def _probability(self) -> Decimal | None:
        text = self.ui.probability.text().strip().rstrip("%").strip()
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            return NOT_A_NUMBER

    def refresh_state(self) -> None:
        super().refresh_state()
        self._show_weighted()

    def _show_weighted(self) -> None:
        stage = self.stage()
        amount, override = self._amount(), self._probability()
        currency = self.ui.currency.currentText()
        closed = stage is not None and is_closed(stage.kind)
        self.ui.outcomeReason.setEnabled(closed or bool(self.ui.outcomeReason.text()))
        if stage is None or not amount.is_finite() or (override is not None
                                                      and not override.is_finite()):
            self.ui.weighted.setText("—")
            return
        percent = effective_probability(stage.probability, override)
        try:
            weighted = weighted_amount(amount, percent, currency)
            self.ui.weighted.setText(self.tr("%1 (%2 % of %3)")
                                     .replace("%1", format_money(weighted, currency))
                                     .replace("%2", str(percent))
                                     .replace("%3", format_money(amount, currency)))
        except (ValidationError, InvalidOperation):
            self.ui.weighted.setText("—")

    # -- slots ----------------------------------------------------------------------------

    @Slot(int)
    def _on_stage_activated(self, _index: int) -> None:
        """The user picked a stage: a won/lost one asks for the reason (Cancel keeps the
        stage it was in); any new stage drops a probability override."""
        stage = self.stage()
        if stage is None or stage.id == self._current_stage:
            return
        if is_closed(stage.kind):
            question = (self.tr("Why was this opportunity won?") if stage.kind == "won"
                        else self.tr("Why was this opportunity lost?"))
            reason, ok = QInputDialog.getText(self, stage.name, question,
                                              QLineEdit.EchoMode.Normal,
                                              self.ui.outcomeReason.text())
            if not ok or not reason.strip():
                self.ui.stage.setCurrentIndex(self.ui.stage.findData(self._current_stage))
                return
            self.ui.outcomeReason.setText(reason.strip())
        else:
            self.ui.outcomeReason.clear()
        self.ui.probability.clear()
        self._current_stage = stage.id
        self.refresh_state()

    @Slot()
    def _on_account_changed(self) -> None:
        self._fill_contacts(self.account_picker.account_id(), self.ui.contact.currentData())
        self.refresh_state()

    @Slot(bool)
    def _on_no_close_date_toggled(self, checked: bool) -> None:
        self.ui.closeDateEdit.setEnabled(not checked)
        self.refresh_state()

    # -- RecordEditor ---------------------------------------------------------------------

    def read_draft(self) -> OpportunityDraft:
        close = None
        if not self.ui.noCloseDate.isChecked():
            qdate = self.ui.closeDateEdit.date()
            close = date(qdate.year(), qdate.month(), qdate.day())
        lead_id = self.record.draft.lead_id if self.record is not None else None
        return OpportunityDraft(
            name=self.ui.name.text(), account_id=self.account_picker.account_id(),
            contact_id=self.ui.contact.currentData(), amount=self._amount(),
            currency=self.ui.currency.currentText(), close_date=close,
            stage_id=self.ui.stage.currentData() or "", probability=self._probability(),
            owner_id=self.ui.owner.currentData(), next_step=self.ui.nextStep.text(),
            outcome_reason=self.ui.outcomeReason.text(), notes=self.ui.notes.toPlainText(),
            lead_id=lead_id,
            campaign_id=self.campaign.currentData() if hasattr(self, "campaign") else None,
        )

    def show_draft(self, draft: OpportunityDraft) -> None:
        if not hasattr(self, "campaign"):  # built on first show: the form has no row for it
            self.campaign = add_campaign_picker(self.ui.detailsGrid, self.ui.detailsTab,
                                                self.services, draft.campaign_id)
            self.campaign.currentIndexChanged.connect(self.refresh_state)
        fill_campaigns(self.campaign, self.services, draft.campaign_id)
        self.ui.name.setText(draft.name)
        self.ui.currency.setCurrentText(draft.currency)
        self.ui.amountEdit.setText(format_amount(draft.amount, draft.currency)
                                   if draft.amount else "")
        no_date = draft.close_date is None and self.record is not None
        close = draft.close_date or (date.today() + timedelta(days=90))
        self.ui.closeDateEdit.setDate(QDate(close.year, close.month, close.day))
        self.ui.noCloseDate.setChecked(no_date)
        self.ui.closeDateEdit.setEnabled(not no_date)
        self.ui.stage.setCurrentIndex(max(self.ui.stage.findData(draft.stage_id), 0))
        self.ui.probability.setText("" if draft.probability is None
                                    else str(draft.probability))
        self.ui.nextStep.setText(draft.next_step)
        self.ui.outcomeReason.setText(draft.outcome_reason)
        self.ui.notes.setPlainText(draft.notes)

    def validate_draft(self, draft: OpportunityDraft) -> OpportunityDraft:
        return validate_opportunity(draft)

    def extra_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        text = self.ui.amountEdit.text().strip()
        if text:
            try:
                parse_amount(text)
            except ValidationError as problem:
                errors["amount"] = message(problem)
        if self._probability() is not None and not self._probability().is_finite():
            errors["probability"] = self.tr("Type a percentage such as 65 or 72.5")
        if self.account_picker.is_unresolved():
            errors["account_id"] = self.tr("Pick an account from the suggestions, "
                                           "or clear the field")
        stage = self.stage()
        if stage is not None and is_closed(stage.kind) \
                and not self.ui.outcomeReason.text().strip():
            errors["outcome_reason"] = (self.tr("Say why it was won") if stage.kind == "won"
                                        else self.tr("Say why it was lost"))
        return errors

    def save_draft_with_version(self, draft: OpportunityDraft,
                                expected_version: int | None) -> Any:
        record = self.services.opportunities.save(draft, self.record_id, expected_version)
        self.record = record
        self._current_stage = record.draft.stage_id
        self.ui.tabs.setTabEnabled(self.ui.tabs.indexOf(self.ui.stagesTab), True)
        self.show_stage_history(self.services.opportunities.stage_history(record.id))
        return record

    def error_labels(self) -> dict[str, QLabel]:
        # One label per field: two fields sharing a label would blank each other's message.
        return {"name": self.ui.nameError, "amount": self.ui.amountError,
                "account_id": self.ui.accountError,
                "stage_id": self.ui.stageError, "probability": self.ui.probabilityError,
                "outcome_reason": self.ui.outcomeReasonError}

    def window_title(self) -> str:
        return self.ui.name.text().strip() or self.tr("New opportunity")

    def field_title(self, field: str) -> str:
        titles = {
            "name": self.tr("Name"), "account_id": self.tr("Account"),
            "contact_id": self.tr("Primary contact"), "amount_minor": self.tr("Amount"),
            "currency": self.tr("Currency"), "close_date": self.tr("Expected close"),
            "stage_id": self.tr("Stage"), "probability": self.tr("Probability"),
            "owner_id": self.tr("Owner"), "next_step": self.tr("Next step"),
            "outcome_reason": self.tr("Won/lost reason"), "closed_at": self.tr("Closed"),
            "notes": self.tr("Notes"), "lead_id": self.tr("Lead"),
        }
        return titles.get(field, field)
