"""The contact editor: names, company, several emails and phones, address, tags, owner."""

from __future__ import annotations

import itertools
import re
from typing import Any

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from desk_crm.domain.drafts import ContactDraft, validate_contact
from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.linkage.record import PersonRecord
from desk_crm.domain.names import display_name
from desk_crm.domain.phones import format_phone
from desk_crm.domain.tags import format_tags, normalize_tags
from desk_crm.services.bundle import Services
from desk_crm.services.records import ContactRecord
from desk_crm.ui.editors.base import RecordEditor, fill_owner_combo
from desk_crm.ui.forms.ui_contact_editor import Ui_ContactEditor
from desk_crm.ui.points_tab import PointsTab
from desk_crm.ui.widgets.account_insight import ContactLifecycleLabel
from desk_crm.ui.widgets.account_picker import AccountPicker
from desk_crm.ui.widgets.email_flags import EmailFlags
from desk_crm.ui.widgets.point_list import PointListEditor
from desk_crm.ui.widgets.timeline import ActivitiesTab

DUPLICATE_DELAY_MS = 300  # typing pause before the duplicate check runs
POINT_FIELD = re.compile(r"^(emails|phones)\[(\d+)\]$")


class ContactEditor(RecordEditor):
    """Signals:
        open_record_requested(str, object, object): open an activity (or a new one).
    """

    entity = "contact"
    open_record_requested = Signal(str, object, object)

    def __init__(self, services: Services, contact_id: str | None = None, *,
                 account: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, contact_id, parent)
        self.ui = Ui_ContactEditor()
        self.ui.setupUi(self)
        self.account_picker = AccountPicker(services.lists, self)
        self.ui.accountHostLayout.addWidget(self.account_picker)
        self.ui.accountLabel.setBuddy(self.account_picker.edit)
        self.emails = PointListEditor("email", self)
        self.ui.emailsHostLayout.addWidget(self.emails)
        self.phones = PointListEditor("phone", self)
        self.ui.phonesHostLayout.addWidget(self.phones)
        self.ui.emailsLabel.setBuddy(self.emails)
        self.email_flags = EmailFlags(self)
        self.ui.emailsHostLayout.addWidget(self.email_flags)
        self.ui.phonesLabel.setBuddy(self.phones)
        self.init_common(self.ui.buttons, self.ui.historyTree, self.ui.timestamps,
                         self.ui.banner)
        self._set_tab_order()

        record: ContactRecord | None = None
        if contact_id is not None:
            record = services.contacts.get(contact_id)
            draft = record.draft
        else:
            draft = ContactDraft(account_id=account[0] if account else None)
        fill_owner_combo(self.ui.owner, services, draft.owner_id, self.tr("(nobody)"),
                         new=self.record_id is None)
        account_name = record.account_name if record else (account[1] if account else "")
        self.account_picker.set_account(draft.account_id, account_name)
        self.load_record(record, draft)
        self.install_custom_fields(self.ui.tabs, self.ui.historyTab)
        if record is None:
            self.ui.historyTree.setEnabled(False)
            self.ui.tabs.setTabEnabled(self.ui.tabs.indexOf(self.ui.historyTab), False)
        self.activities_tab = ActivitiesTab(services, "contact", self.tr("A&ctivities (%1)"),
                                            self)
        self.activities_tab.install(self.ui.tabs, self.ui.historyTab)
        self.activities_tab.set_record(contact_id)
        self.activities_tab.open_record_requested.connect(self.open_record_requested)
        self.record_saved.connect(self.activities_tab.set_record)
        self.points_tab = PointsTab(services, "contact", self)
        self.points_tab.install(self.ui.tabs, self.ui.historyTab)
        self.points_tab.set_record(contact_id)
        self.record_saved.connect(self.points_tab.set_record)
        self.email_flags.changed.connect(self.refresh_state)
        # Insight: the lifecycle stage (its account's, or its own without an account).
        self.lifecycle_label = ContactLifecycleLabel(services, self)
        layout = self.ui.timestamps.parentWidget().layout()
        layout.insertWidget(layout.indexOf(self.ui.timestamps),  # type: ignore[attr-defined]
                            self.lifecycle_label)
        self.lifecycle_label.set_record(contact_id)
        self.record_saved.connect(self.lifecycle_label.set_record)

        for edit in (self.ui.familyName, self.ui.givenName, self.ui.title, self.ui.department,
                     self.ui.street, self.ui.city, self.ui.region, self.ui.postalCode,
                     self.ui.country, self.ui.tags):
            edit.textChanged.connect(self.refresh_state)
        self.ui.notes.textChanged.connect(self.refresh_state)
        self.ui.owner.currentIndexChanged.connect(self.refresh_state)
        self.account_picker.account_changed.connect(self.refresh_state)
        self.emails.edited.connect(self.refresh_state)
        self.phones.edited.connect(self.refresh_state)
        self.emails.edited.connect(self._on_points_edited)
        self.phones.edited.connect(self._on_points_edited)
        # The probabilistic check as names and address are typed, once typing pauses.
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(DUPLICATE_DELAY_MS)
        self._duplicate_timer.timeout.connect(self._on_points_edited)
        for edit in (self.ui.familyName, self.ui.givenName, self.ui.street, self.ui.city,
                     self.ui.postalCode):
            edit.textChanged.connect(self._duplicate_timer.start)
        self.ui.familyName.setFocus()

    def refresh_activities(self) -> None:
        self.activities_tab.reload()

    def _set_tab_order(self) -> None:
        chain = [self.ui.familyName, self.ui.givenName, self.ui.title, self.ui.department,
                 self.account_picker.edit, self.account_picker.clear_button, self.emails,
                 self.phones, self.ui.street, self.ui.city, self.ui.region,
                 self.ui.postalCode, self.ui.country, self.ui.tags, self.ui.owner,
                 self.ui.notes, self.ui.buttons]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- RecordEditor ---------------------------------------------------------------------

    def read_draft(self) -> ContactDraft:
        return ContactDraft(
            family_name=self.ui.familyName.text(), given_name=self.ui.givenName.text(),
            title=self.ui.title.text(), department=self.ui.department.text(),
            account_id=self.account_picker.account_id(),
            emails=self.emails.points(), phones=self.phones.points(),
            street=self.ui.street.text(), city=self.ui.city.text(),
            region=self.ui.region.text(), postal_code=self.ui.postalCode.text(),
            country=self.ui.country.text(), tags=normalize_tags(self.ui.tags.text()),
            owner_id=self.ui.owner.currentData(), notes=self.ui.notes.toPlainText(),
            email_opt_out=self.email_flags.opt_out(),
            email_bounced_at=self.email_flags.bounced_at(),
        )

    def show_draft(self, draft: ContactDraft) -> None:
        self.ui.familyName.setText(draft.family_name)
        self.ui.givenName.setText(draft.given_name)
        self.ui.title.setText(draft.title)
        self.ui.department.setText(draft.department)
        self.emails.set_points(draft.emails)
        region = self.services.default_region
        self.phones.set_points(tuple(
            type(p)(format_phone(p.value, region), p.label, p.primary) for p in draft.phones))
        self.ui.street.setText(draft.street)
        self.ui.city.setText(draft.city)
        self.ui.region.setText(draft.region)
        self.ui.postalCode.setText(draft.postal_code)
        self.ui.country.setText(draft.country)
        self.ui.tags.setText(format_tags(draft.tags))
        self.ui.notes.setPlainText(draft.notes)
        self.email_flags.set_flags(draft.email_opt_out, draft.email_bounced_at)

    def validate_draft(self, draft: ContactDraft) -> ContactDraft:
        return validate_contact(draft, self.services.default_region)

    def is_dirty(self) -> bool:
        # Compare what would be saved, so reformatting a phone is not an unsaved change.
        try:
            current = self.validate_draft(self.read_draft())
            saved = self.validate_draft(self._saved_draft)
        except (ValidationErrors, ValueError):
            return self.read_draft() != self._saved_draft
        return current != saved

    def save_draft_with_version(self, draft: ContactDraft,
                                expected_version: int | None) -> Any:
        return self.services.contacts.save(draft, self.record_id, expected_version)

    def error_labels(self) -> dict[str, QLabel]:
        return {"family_name": self.ui.nameError, "given_name": self.ui.nameError,
                "account_id": self.ui.accountError, "emails": self.ui.emailsError,
                "phones": self.ui.phonesError}

    def mark_point_rows(self, errors: dict[str, str]) -> None:
        bad: dict[str, set[int]] = {"emails": set(), "phones": set()}
        for field in errors:
            match = POINT_FIELD.match(field)
            if match:
                bad[match.group(1)].add(int(match.group(2)))
        self.emails.mark_invalid(bad["emails"])
        self.phones.mark_invalid(bad["phones"])

    def extra_errors(self) -> dict[str, str]:
        if self.account_picker.is_unresolved():
            return {"account_id": self.tr("Pick an account from the suggestions, "
                                          "or clear the field")}
        return {}

    def window_title(self) -> str:
        name = display_name(self.ui.familyName.text(), self.ui.givenName.text())
        return name or self.tr("New contact")

    def field_title(self, field: str) -> str:
        titles = {
            "family_name": self.tr("Family name"), "given_name": self.tr("Given name"),
            "title": self.tr("Title"), "department": self.tr("Department"),
            "account_id": self.tr("Account"), "emails": self.tr("Emails"),
            "phones": self.tr("Phones"), "street": self.tr("Street"), "city": self.tr("City"),
            "region": self.tr("Province / state"), "postal_code": self.tr("Postal code"),
            "country": self.tr("Country"), "tags": self.tr("Tags"),
            "owner_id": self.tr("Owner"), "notes": self.tr("Notes"),
            "email_opt_out": self.tr("No marketing e-mail"),
            "email_bounced_at": self.tr("E-mail bounced"),
        }
        return titles.get(field, field)

    @Slot()
    def _on_points_edited(self) -> None:
        """Warn (do not block) when this is probably a contact already in the database
        (probabilistic match on name, address, e-mail, phone), or when another contact
        already uses one of its emails or phones."""
        self._duplicate_timer.stop()
        draft = self.read_draft()
        try:
            draft = self.validate_draft(draft)
        except (ValidationErrors, ValueError):
            pass  # check what is typed so far; the save shows the problems
        if not (draft.family_name or draft.given_name or draft.emails or draft.phones):
            self.show_banner("")
            return
        record = PersonRecord(
            self.record_id or "", draft.family_name, draft.given_name, draft.street,
            getattr(draft, "street2", "") or "", draft.postal_code, draft.city, draft.region,
            str(getattr(draft, "birth_date", "") or ""),
            emails=tuple(p.value for p in draft.emails),
            phones=tuple(p.value for p in draft.phones))
        likely = self.services.duplicates.check_contact(record, exclude_id=self.record_id)
        if likely:
            names = ", ".join(
                self.tr("%1 (%2 %)").replace("%1", h.display_name)
                .replace("%2", f"{h.probability * 100:.0f}") for h in likely[:3])
            self.show_banner(self.tr("Possible duplicate: %1 is probably this person.")
                             .replace("%1", names))
            return
        hints = self.services.contacts.find_duplicates(
            [p.value for p in draft.emails], [p.value for p in draft.phones],
            exclude_id=self.record_id)
        if hints:
            names = ", ".join(f"{h.display_name} ({h.matched_on})" for h in hints[:3])
            self.show_banner(self.tr("Possible duplicate: the same email or phone is already "
                                     "used by %1.").replace("%1", names))
        else:
            self.show_banner("")
