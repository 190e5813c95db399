"""The lead editor: person, company, source, status, owner, notes; the score with its
reasons; a warning when the email or phone is already known; and the conversion."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QWidget

from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.leads import EDITABLE_STATUSES, LEAD_SOURCES, LeadDraft, validate_lead
from desk_crm.domain.names import display_name
from desk_crm.domain.phones import format_phone
from desk_crm.domain.scoring import LeadFacts, ScoreReason, score_lead
from desk_crm.services.bundle import Services
from desk_crm.services.sales_records import LeadRecord
from desk_crm.ui.columns import local_time
from desk_crm.ui.editors.base import RecordEditor, fill_owner_combo
from desk_crm.ui.forms.ui_lead_editor import Ui_LeadEditor
from desk_crm.ui.sales_columns import source_titles, status_titles
from desk_crm.ui.widgets.campaign_combo import add_campaign_picker, fill_campaigns

DUPLICATE_DELAY_MS = 300


class LeadEditor(RecordEditor):
    """Signals:
        open_record_requested(str, object, object): open another record (entity, id,
            preset) — a duplicate, or what the lead was converted into.
    """

    entity = "lead"
    open_record_requested = Signal(str, object, object)

    def __init__(self, services: Services, lead_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, lead_id, parent)
        self.ui = Ui_LeadEditor()
        self.ui.setupUi(self)
        self.init_common(self.ui.buttons, self.ui.historyTree, self.ui.timestamps,
                         self.ui.banner)
        self.rules = services.leads.scoring_rules()
        self.record: LeadRecord | None = None
        self._activity_count = 0
        for code in ("", *LEAD_SOURCES):
            self.ui.source.addItem(source_titles()[code] or self.tr("(unknown)"), code)
        for code in EDITABLE_STATUSES:
            self.ui.status.addItem(status_titles()[code], code)
        draft = LeadDraft()
        if lead_id is not None:
            self.record = services.leads.get(lead_id)
            draft = self.record.draft
            self._activity_count = services.leads.activity_count(lead_id)
        if draft.status == "converted":
            self.ui.status.addItem(status_titles()["converted"], "converted")
        fill_owner_combo(self.ui.owner, services, draft.owner_id, self.tr("(nobody)"),
                         new=self.record_id is None)
        self.load_record(self.record, draft)
        self.install_custom_fields(self.ui.tabs, self.ui.historyTab)
        if self.record is None:
            self.ui.tabs.setTabEnabled(self.ui.tabs.indexOf(self.ui.historyTab), False)

        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(DUPLICATE_DELAY_MS)
        self._duplicate_timer.timeout.connect(self.check_duplicates)
        for edit in (self.ui.familyName, self.ui.givenName, self.ui.company, self.ui.title,
                     self.ui.email, self.ui.phone, self.ui.city, self.ui.country):
            edit.textChanged.connect(self.refresh_state)
        self.ui.email.textChanged.connect(self._duplicate_timer.start)
        self.ui.phone.textChanged.connect(self._duplicate_timer.start)
        self.ui.notes.textChanged.connect(self.refresh_state)
        for combo in (self.ui.source, self.ui.status, self.ui.owner):
            combo.currentIndexChanged.connect(self.refresh_state)
        self.ui.companySize.valueChanged.connect(self.refresh_state)
        self.ui.convertButton.clicked.connect(self.convert)
        QShortcut(QKeySequence("Ctrl+Shift+V"), self, activated=self.convert)
        self.ui.convertedBanner.linkActivated.connect(self._on_link_activated)
        self.ui.duplicateWarning.linkActivated.connect(self._on_link_activated)
        self._show_conversion()
        self.check_duplicates()
        self.ui.familyName.setFocus()

    # -- score, duplicates, conversion ----------------------------------------------------

    def refresh_state(self) -> None:
        super().refresh_state()
        if not self._loading and hasattr(self, "rules"):
            self._show_score()

    def _show_score(self) -> None:
        draft = self.read_draft()
        score = score_lead(LeadFacts(
            source=draft.source, company_size=draft.company_size,
            activity_count=self._activity_count, email=draft.email.strip(),
            phone=draft.phone.strip(), company=draft.company.strip(),
            title=draft.title.strip()), self.rules)
        self.ui.scoreValue.setText(str(score.total))
        reasons = [self._reason_text(reason) for reason in score.reasons]
        self.ui.scoreReasons.setText("\n".join(reasons) if reasons
                                     else self.tr("No points yet"))

    def _reason_text(self, reason: ScoreReason) -> str:
        """"+20 转介绍": the reason in the UI language."""
        value = reason.value
        if reason.kind == "source":
            text = source_titles().get(str(value), str(value))
        elif reason.kind == "size":
            text = self.tr("%1+ employees").replace("%1", str(value))
        elif reason.kind == "activities":
            text = (self.tr("1 activity") if value == 1
                    else self.tr("%1 activities").replace("%1", str(value)))
        else:
            text = {"email": self.tr("has email"), "phone": self.tr("has phone"),
                    "company": self.tr("has company"),
                    "title": self.tr("has title")}.get(str(value), reason.text)
        return f"{reason.points:+d} {text}"

    @Slot()
    def check_duplicates(self) -> None:
        """Warn (never block) when a contact or another lead uses this email or phone."""
        matches = self.services.leads.find_duplicates(
            self.ui.email.text(), self.ui.phone.text(), exclude_id=self.record_id)
        if not matches:
            self.ui.duplicateWarning.setVisible(False)
            return
        kinds = {"contact": self.tr("contact"), "lead": self.tr("lead")}
        links = ", ".join(
            f'<a href="{m.entity}:{m.record_id}">{html.escape(m.display_name)}</a> '
            f"({kinds.get(m.entity, m.entity)}, {html.escape(m.matched_on)})"
            for m in matches[:4])
        self.ui.duplicateWarning.setText(self.tr("Possible duplicate: %1").replace("%1", links))
        self.ui.duplicateWarning.setVisible(True)

    @Slot()
    def convert(self) -> None:
        """Open the convert dialog (saving first what was typed); afterwards the editor
        turns read-only and links to what the lead became."""
        if self.record is not None and self.record.converted:
            return
        if self.record_id is None or self.is_dirty():
            if not self.save_button.isEnabled() or not self.save():
                return
        from desk_crm.ui.convert_dialog import ConvertLeadDialog

        assert self.record_id is not None
        dialog = ConvertLeadDialog(self.services, self.services.leads.get(self.record_id),
                                   self)
        self.convert_dialog = dialog
        dialog.finished.connect(self._on_convert_dialog_finished)
        dialog.open()

    @Slot(int)
    def _on_convert_dialog_finished(self, code: int) -> None:
        if code != QDialog.DialogCode.Accepted or self.record_id is None:
            return
        self.record = self.services.leads.get(self.record_id)
        self._loading = True
        try:
            if self.ui.status.findData("converted") < 0:
                self.ui.status.addItem(status_titles()["converted"], "converted")
        finally:
            self._loading = False
        self.load_record(self.record, self.record.draft)
        self._show_conversion()
        self.record_saved.emit(self.record_id)

    def _show_conversion(self) -> None:
        record = self.record
        converted = record is not None and record.converted
        self.ui.convertButton.setVisible(not converted)
        if record is None or not converted:
            self.ui.convertedBanner.setVisible(False)
            return
        links = [f'<a href="account:{record.account_id}">{html.escape(record.account_name)}'
                 "</a>",
                 f'<a href="contact:{record.contact_id}">{html.escape(record.contact_name)}'
                 "</a>"]
        if record.opportunity_id:
            links.append(f'<a href="opportunity:{record.opportunity_id}">'
                         f"{html.escape(record.opportunity_name)}</a>")
        when = local_time(record.converted_at)
        self.ui.convertedBanner.setText(
            self.tr("Converted %1 into %2. This lead is read-only.")
            .replace("%1", when).replace("%2", ", ".join(links)))
        self.ui.convertedBanner.setVisible(True)
        for widget in self.ui.detailsTab.findChildren(QWidget):
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(True)
            elif not isinstance(widget, QLabel):
                widget.setEnabled(False)
        self.ui.notes.setEnabled(True)
        self.ui.notes.setReadOnly(True)
        self.save_button.setVisible(False)

    @Slot(str)
    def _on_link_activated(self, link: str) -> None:
        entity, _sep, record_id = link.partition(":")
        if entity and record_id:
            self.open_record_requested.emit(entity, record_id, {})

    # -- RecordEditor ---------------------------------------------------------------------

    def read_draft(self) -> LeadDraft:
        size = self.ui.companySize.value()
        base = self.record.draft if self.record is not None else LeadDraft()
        return LeadDraft(
            family_name=self.ui.familyName.text(), given_name=self.ui.givenName.text(),
            company=self.ui.company.text(), title=self.ui.title.text(),
            email=self.ui.email.text(), phone=self.ui.phone.text(),
            source=self.ui.source.currentData() or "",
            status=self.ui.status.currentData() or "new",
            company_size=size if size > 0 else None, street=base.street,
            city=self.ui.city.text(), region=base.region, postal_code=base.postal_code,
            country=self.ui.country.text(), owner_id=self.ui.owner.currentData(),
            notes=self.ui.notes.toPlainText(),
            campaign_id=self.campaign.currentData() if hasattr(self, "campaign") else None,
        )

    def show_draft(self, draft: LeadDraft) -> None:
        if not hasattr(self, "campaign"):  # built on first show: the form has no row for it
            self.campaign = add_campaign_picker(self.ui.detailsGrid, self.ui.detailsTab,
                                                self.services, draft.campaign_id)
            self.campaign.currentIndexChanged.connect(self.refresh_state)
        fill_campaigns(self.campaign, self.services, draft.campaign_id)
        self.ui.familyName.setText(draft.family_name)
        self.ui.givenName.setText(draft.given_name)
        self.ui.company.setText(draft.company)
        self.ui.title.setText(draft.title)
        self.ui.email.setText(draft.email)
        self.ui.phone.setText(format_phone(draft.phone, self.services.default_region)
                              if draft.phone else "")
        self.ui.source.setCurrentIndex(max(self.ui.source.findData(draft.source), 0))
        self.ui.status.setCurrentIndex(max(self.ui.status.findData(draft.status), 0))
        self.ui.companySize.setValue(draft.company_size or 0)
        self.ui.city.setText(draft.city)
        self.ui.country.setText(draft.country)
        self.ui.notes.setPlainText(draft.notes)
        if hasattr(self, "rules"):
            self._show_score()

    def validate_draft(self, draft: LeadDraft) -> LeadDraft:
        converted = self.record is not None and self.record.converted
        return validate_lead(draft, self.services.default_region, allow_converted=converted)

    def is_dirty(self) -> bool:
        try:
            return self.validate_draft(self.read_draft()) != self.validate_draft(
                self._saved_draft)
        except (ValidationErrors, ValueError):
            return self.read_draft() != self._saved_draft

    def save_draft_with_version(self, draft: LeadDraft, expected_version: int | None) -> Any:
        record = self.services.leads.save(draft, self.record_id, expected_version)
        self.record = record
        self.ui.scoreValue.setText(str(record.score))
        return record

    def error_labels(self) -> dict[str, QLabel]:
        return {"family_name": self.ui.familyNameError,
                "email": self.ui.emailError, "phone": self.ui.phoneError,
                "status": self.ui.statusError}

    def window_title(self) -> str:
        name = display_name(self.ui.familyName.text(), self.ui.givenName.text())
        return name or self.tr("New lead")

    def field_title(self, field: str) -> str:
        titles = {
            "family_name": self.tr("Family name"), "given_name": self.tr("Given name"),
            "company": self.tr("Company"), "title": self.tr("Title"),
            "email": self.tr("Email"), "phone": self.tr("Phone"),
            "source": self.tr("Source"), "status": self.tr("Status"),
            "company_size": self.tr("Company size"), "city": self.tr("City"),
            "country": self.tr("Country"), "owner_id": self.tr("Owner"),
            "notes": self.tr("Notes"), "converted_at": self.tr("Converted"),
            "account_id": self.tr("Account"), "contact_id": self.tr("Contact"),
            "opportunity_id": self.tr("Opportunity"),
        }
        return titles.get(field, field)
