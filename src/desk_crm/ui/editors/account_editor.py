"""The account editor: company details, and the account's contacts on their own tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QTimer, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMessageBox, QWidget

from desk_crm.domain.drafts import AccountDraft, validate_account
from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.phones import format_phone
from desk_crm.domain.tags import format_tags, normalize_tags
from desk_crm.services.bundle import Services
from desk_crm.services.duplicates import PossibleDuplicate
from desk_crm.services.records import AccountRecord
from desk_crm.store.repositories import ListQuery
from desk_crm.ui.columns import contact_columns
from desk_crm.ui.editors.base import RecordEditor, fill_owner_combo
from desk_crm.ui.forms.ui_account_editor import Ui_AccountEditor
from desk_crm.ui.list_model import PagedTableModel
from desk_crm.ui.points_tab import PointsTab
from desk_crm.ui.widgets.account_insight import AccountInsightTab
from desk_crm.ui.widgets.timeline import ActivitiesTab

DUPLICATE_DELAY_MS = 300  # typing pause before the duplicate check runs


class AccountEditor(RecordEditor):
    """Signals:
        contact_requested(str, object): open a contact (id, or None for a new one at
            this account).
        open_record_requested(str, object, object): open an activity (or a new one).
    """

    entity = "account"
    contact_requested = Signal(object, object)
    open_record_requested = Signal(str, object, object)

    def __init__(self, services: Services, account_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, account_id, parent)
        self.ui = Ui_AccountEditor()
        self.ui.setupUi(self)
        self.init_common(self.ui.buttons, self.ui.historyTree, self.ui.timestamps,
                         self.ui.banner)
        record: AccountRecord | None = None
        if account_id is not None:
            record = services.accounts.get(account_id)
            draft = record.draft
        else:
            draft = AccountDraft()
        fill_owner_combo(self.ui.owner, services, draft.owner_id, self.tr("(nobody)"),
                         new=self.record_id is None)
        self.load_record(record, draft)
        self.install_custom_fields(self.ui.tabs, self.ui.historyTab)
        self.contacts_model: PagedTableModel | None = None
        self._setup_contacts_tab(account_id)
        if record is None:
            self.ui.tabs.setTabEnabled(self.ui.tabs.indexOf(self.ui.historyTab), False)
        self.activities_tab = ActivitiesTab(services, "account", self.tr("&Activities (%1)"),
                                            self)
        self.activities_tab.install(self.ui.tabs, self.ui.historyTab)
        self.activities_tab.set_record(account_id)
        self.activities_tab.open_record_requested.connect(self.open_record_requested)
        self.record_saved.connect(self.activities_tab.set_record)
        self.points_tab = PointsTab(services, "account", self)
        self.points_tab.install(self.ui.tabs, self.ui.historyTab)
        self.points_tab.set_record(account_id)
        self.record_saved.connect(self.points_tab.set_record)
        # Insight: lifecycle, RFM, ABC, lifetime value, churn risk, retention task.
        self.insight_tab = AccountInsightTab(services, self)
        self.insight_tab.install(self.ui.tabs, self.ui.historyTab)
        self.insight_tab.set_record(account_id)
        self.insight_tab.open_record_requested.connect(self.open_record_requested)
        self.insight_tab.task_created.connect(lambda _id: self.activities_tab.reload())
        self.record_saved.connect(self.insight_tab.set_record)
        for edit in (self.ui.name, self.ui.industry, self.ui.website, self.ui.phone,
                     self.ui.email, self.ui.street, self.ui.city, self.ui.region,
                     self.ui.postalCode, self.ui.country, self.ui.tags):
            edit.textChanged.connect(self.refresh_state)
        self.ui.notes.textChanged.connect(self.refresh_state)
        self.ui.owner.currentIndexChanged.connect(self.refresh_state)
        self.record_saved.connect(self._on_record_saved)
        self._add_csat_label(account_id)
        # Warn as the company is typed (another account with this name in this city, or
        # this e-mail, phone or web domain), once typing pauses.
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(DUPLICATE_DELAY_MS)
        self._duplicate_timer.timeout.connect(self.check_duplicates)
        for edit in (self.ui.name, self.ui.city, self.ui.email, self.ui.phone,
                     self.ui.website):
            edit.textChanged.connect(self._duplicate_timer.start)
        self.ui.name.setFocus()

    def _add_csat_label(self, account_id: str | None) -> None:
        """Service desk: the average customer-satisfaction score of the account's tickets,
        above the timestamps."""
        self.csat_label = QLabel(self)
        self.csat_label.setObjectName("accountCsat")
        layout = self.ui.timestamps.parentWidget().layout()
        layout.insertWidget(layout.indexOf(self.ui.timestamps),  # type: ignore[attr-defined]
                            self.csat_label)
        average, count = (self.services.tickets.account_csat(account_id) if account_id
                          else (None, 0))
        self.csat_label.setText(
            self.tr("Customer satisfaction: %1 / 5 from %2 tickets")
            .replace("%1", f"{average:.1f}").replace("%2", str(count))
            if average is not None else self.tr("Customer satisfaction: no feedback yet"))
        self.csat_label.setAccessibleName(self.csat_label.text())

    def _setup_contacts_tab(self, account_id: str | None) -> None:
        tab = self.ui.tabs.indexOf(self.ui.contactsTab)
        if account_id is None:
            self.ui.tabs.setTabEnabled(tab, False)
            return
        columns = tuple(c for c in contact_columns(self.services.default_region)
                        if c.key in ("name", "title", "email", "phone", "city"))
        self.contacts_model = PagedTableModel(
            self.services.lists, columns,
            ListQuery("contact", filters=(("account_id", account_id),)), parent=self)
        view = self.ui.contactsView
        view.setModel(self.contacts_model)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        for position, column in enumerate(columns):
            view.setColumnWidth(position, column.width)
        view.activated.connect(self._on_contacts_view_activated)
        self.ui.addContactButton.clicked.connect(
            lambda: self.contact_requested.emit(None, (self.record_id, self.ui.name.text())))
        self.ui.tabs.setTabText(tab, self.tr("&Contacts (%1)")
                                .replace("%1", str(self.contacts_model.rowCount())))

    def refresh_activities(self) -> None:
        self.activities_tab.reload()

    def refresh_contacts(self) -> None:
        if self.contacts_model is not None:
            self.contacts_model.reload()
            tab = self.ui.tabs.indexOf(self.ui.contactsTab)
            self.ui.tabs.setTabText(tab, self.tr("&Contacts (%1)")
                                    .replace("%1", str(self.contacts_model.rowCount())))

    @Slot(QModelIndex)
    def _on_contacts_view_activated(self, index: QModelIndex) -> None:
        assert self.contacts_model is not None
        contact_id = self.contacts_model.record_id(index.row())
        if contact_id:
            self.contact_requested.emit(contact_id, None)

    @Slot(str)
    def _on_record_saved(self, _account_id: str) -> None:
        if self.record_id and self.contacts_model is None:
            self._setup_contacts_tab(self.record_id)
            self.ui.tabs.setTabEnabled(self.ui.tabs.indexOf(self.ui.contactsTab), True)
            self.ui.tabs.setTabEnabled(self.ui.tabs.indexOf(self.ui.historyTab), True)

    # -- RecordEditor ---------------------------------------------------------------------

    def read_draft(self) -> AccountDraft:
        return AccountDraft(
            name=self.ui.name.text(), industry=self.ui.industry.text(),
            website=self.ui.website.text(), phone=self.ui.phone.text(),
            email=self.ui.email.text(), street=self.ui.street.text(),
            city=self.ui.city.text(), region=self.ui.region.text(),
            postal_code=self.ui.postalCode.text(), country=self.ui.country.text(),
            tags=normalize_tags(self.ui.tags.text()), owner_id=self.ui.owner.currentData(),
            notes=self.ui.notes.toPlainText(),
        )

    def show_draft(self, draft: AccountDraft) -> None:
        self.ui.name.setText(draft.name)
        self.ui.industry.setText(draft.industry)
        self.ui.website.setText(draft.website)
        self.ui.phone.setText(format_phone(draft.phone, self.services.default_region)
                              if draft.phone else "")
        self.ui.email.setText(draft.email)
        self.ui.street.setText(draft.street)
        self.ui.city.setText(draft.city)
        self.ui.region.setText(draft.region)
        self.ui.postalCode.setText(draft.postal_code)
        self.ui.country.setText(draft.country)
        self.ui.tags.setText(format_tags(draft.tags))
        self.ui.notes.setPlainText(draft.notes)

    def validate_draft(self, draft: AccountDraft) -> AccountDraft:
        return validate_account(draft, self.services.default_region)

    def is_dirty(self) -> bool:
        try:
            return self.validate_draft(self.read_draft()) != self.validate_draft(
                self._saved_draft)
        except ValueError:
            return self.read_draft() != self._saved_draft

    def save_draft_with_version(self, draft: AccountDraft,
                                expected_version: int | None) -> Any:
        return self.services.accounts.save(draft, self.record_id, expected_version)

    def possible_duplicates(self) -> list[PossibleDuplicate]:
        draft = self.read_draft()
        try:
            draft = self.validate_draft(draft)
        except (ValidationErrors, ValueError):
            pass  # check what is typed so far
        if not draft.name.strip():
            return []
        return self.services.duplicates.check_account(draft, exclude_id=self.record_id)

    @Slot()
    def check_duplicates(self) -> None:
        self._duplicate_timer.stop()
        found = self.possible_duplicates()
        if found:
            self.show_banner(self.tr("Possible duplicate: %1 already exists.")
                             .replace("%1", ", ".join(d.display_name for d in found[:3])))
        else:
            self.show_banner("")

    def save(self, overwrite: bool = False) -> bool:
        """A new account that probably exists already is saved only when the user says so."""
        if self.record_id is None and not overwrite:
            found = self.possible_duplicates()
            if found:
                answer = QMessageBox.question(
                    self, self.window_title(),
                    self.tr("%1 probably exists already.\n\nSave a new account anyway?")
                    .replace("%1", ", ".join(d.display_name for d in found[:3])),
                    QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Cancel)
                if answer != QMessageBox.StandardButton.Save:
                    return False
        return super().save(overwrite)

    def error_labels(self) -> dict[str, QLabel]:
        return {"name": self.ui.nameError, "website": self.ui.websiteError,
                "phone": self.ui.phoneError, "email": self.ui.emailError}

    def window_title(self) -> str:
        return self.ui.name.text().strip() or self.tr("New account")

    def field_title(self, field: str) -> str:
        titles = {
            "name": self.tr("Name"), "industry": self.tr("Industry"),
            "website": self.tr("Website"), "phone": self.tr("Phone"),
            "email": self.tr("Email"), "street": self.tr("Street"), "city": self.tr("City"),
            "region": self.tr("Province / state"), "postal_code": self.tr("Postal code"),
            "country": self.tr("Country"), "tags": self.tr("Tags"),
            "owner_id": self.tr("Owner"), "notes": self.tr("Notes"),
        }
        return titles.get(field, field)
