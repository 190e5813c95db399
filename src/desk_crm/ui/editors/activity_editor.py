"""The activity editor: kind, subject, due time and duration, reminder, repeat rule, the
record it belongs to, owner, notes and the done flag. Times are shown in local time and
stored in UTC."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from desk_crm.domain.activities import ActivityDraft, validate_activity
from desk_crm.domain.errors import ValidationErrors
from desk_crm.services.activity_records import ActivityRecord
from desk_crm.services.bundle import Services
from desk_crm.ui.editors.base import RecordEditor, fill_owner_combo
from desk_crm.ui.forms.ui_activity_editor import Ui_ActivityEditor
from desk_crm.ui.widgets.account_picker import AccountPicker

# Reminder choices: key -> time before the due time (None: none / custom).
REMINDER_OFFSETS: dict[str, timedelta | None] = {
    "none": None, "at_due": timedelta(0), "15m": timedelta(minutes=15),
    "1h": timedelta(hours=1), "1d": timedelta(days=1), "custom": None,
}


# The preset length of a logged call, selected in the editor so typing replaces it.
LOGGED_CALL_MINUTES = 5


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))  # local time


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


def next_full_hour(now: datetime) -> datetime:
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


class ActivityEditor(RecordEditor):
    """Signals:
        open_record_requested(str, object, object): open the linked record (entity, id,
            preset).
    """

    entity = "activity"
    open_record_requested = Signal(str, object, object)

    def __init__(self, services: Services, activity_id: str | None = None, *,
                 preset: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, activity_id, parent)
        preset = preset or {}
        self.ui = Ui_ActivityEditor()
        self.ui.setupUi(self)
        self.account_picker = AccountPicker(services.lists, self)
        self.ui.accountHostLayout.addWidget(self.account_picker)
        self.ui.accountLabel.setBuddy(self.account_picker.edit)
        self.init_common(self.ui.buttons, self.ui.historyTree, self.ui.timestamps,
                         self.ui.banner)
        kinds = (("task", self.tr("Task")), ("call", self.tr("Call")),
                 ("meeting", self.tr("Meeting")), ("email", self.tr("Email note")))
        for key, title in kinds:
            self.ui.kind.addItem(title, key)
        reminders = (("none", self.tr("No reminder")), ("at_due", self.tr("At the due time")),
                     ("15m", self.tr("15 minutes before")), ("1h", self.tr("1 hour before")),
                     ("1d", self.tr("1 day before")), ("custom", self.tr("At a set time")))
        for key, title in reminders:
            self.ui.reminder.addItem(title, key)
        rules = (("", self.tr("Does not repeat")), ("daily", self.tr("Every day")),
                 ("weekly", self.tr("Every week")), ("monthly", self.tr("Every month")))
        for key, title in rules:
            self.ui.recurrence.addItem(title, key)
        self.ui.hasDue.setText(self.tr("on"))

        # The specific record (contact, lead, opportunity) it belongs to; account apart.
        self._link: tuple[str, str | None, str] = ("", None, "")
        record: ActivityRecord | None = None
        if activity_id is not None:
            record = services.activities.get(activity_id)
            draft = record.draft
            if record.link_entity and record.link_entity != "account":
                self._link = (record.link_entity, record.link_id, record.link_name)
            account_name = record.account_name
        else:
            draft, account_name = self._new_draft(preset)
        fill_owner_combo(self.ui.owner, services, draft.owner_id, self.tr("(nobody)"),
                         new=self.record_id is None)
        self.account_picker.set_account(draft.account_id, account_name)
        self.load_record(record, draft)
        if record is None:
            self.ui.tabs.setTabEnabled(self.ui.tabs.indexOf(self.ui.historyTab), False)

        for edit in (self.ui.subject, self.account_picker.edit):
            edit.textChanged.connect(self.refresh_state)
        for combo in (self.ui.kind, self.ui.reminder, self.ui.recurrence, self.ui.owner):
            combo.currentIndexChanged.connect(self.refresh_state)
        for edit in (self.ui.dueAt, self.ui.remindAt):
            edit.dateTimeChanged.connect(self.refresh_state)
        self.ui.duration.valueChanged.connect(self.refresh_state)
        self.ui.hasDue.toggled.connect(self.refresh_state)
        self.ui.done.toggled.connect(self.refresh_state)
        self.ui.notes.textChanged.connect(self.refresh_state)
        self.account_picker.account_changed.connect(self.refresh_state)
        self.ui.linkClear.clicked.connect(self._on_link_clear_clicked)
        self._set_tab_order()
        if preset.get("logged"):  # what is left to say about a logged call: how long
            self.ui.duration.setFocus()
            self.ui.duration.selectAll()
        else:
            self.ui.subject.setFocus()

    def _new_draft(self, preset: dict[str, Any]) -> tuple[ActivityDraft, str]:
        draft = ActivityDraft(kind=preset.get("kind", "task"),
                              due_at=next_full_hour(datetime.now(UTC)),
                              owner_id=preset.get("owner_id"),
                              subject=preset.get("subject", ""))
        if preset.get("logged"):  # a call logged after it happened: done, now, its length
            draft.done = True
            draft.due_at = datetime.now(UTC).replace(second=0, microsecond=0)
            draft.duration_minutes = LOGGED_CALL_MINUTES
        account_name = ""
        link = preset.get("link")
        if link:
            entity, record_id, name = link
            if entity == "account":
                draft.account_id, account_name = record_id, name
            else:
                setattr(draft, f"{entity}_id", record_id)
                self._link = (entity, record_id, name)
        account = preset.get("account")
        if account and draft.account_id is None:
            draft.account_id, account_name = account
        return draft, account_name

    def _set_tab_order(self) -> None:
        chain = [self.ui.kind, self.ui.done, self.ui.subject, self.ui.hasDue, self.ui.dueAt,
                 self.ui.duration, self.ui.reminder, self.ui.remindAt, self.ui.recurrence,
                 self.ui.linkClear, self.account_picker.edit, self.account_picker.clear_button,
                 self.ui.owner, self.ui.notes, self.ui.buttons]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- RecordEditor ---------------------------------------------------------------------

    def read_draft(self) -> ActivityDraft:
        due = from_qdatetime(self.ui.dueAt.dateTime()) if self.ui.hasDue.isChecked() else None
        choice = self.ui.reminder.currentData()
        remind: datetime | None = None
        if choice == "custom":
            remind = from_qdatetime(self.ui.remindAt.dateTime())
        elif choice not in (None, "none") and due is not None:
            remind = due - (REMINDER_OFFSETS[choice] or timedelta(0))
        links = {f"{entity}_id": None for entity in ("contact", "lead", "opportunity")}
        if self._link[0]:
            links[f"{self._link[0]}_id"] = self._link[1]
        return ActivityDraft(
            kind=self.ui.kind.currentData() or "task", subject=self.ui.subject.text(),
            notes=self.ui.notes.toPlainText(), due_at=due,
            duration_minutes=self.ui.duration.value(), remind_at=remind,
            recurrence=self.ui.recurrence.currentData() or "",
            done=self.ui.done.isChecked(), owner_id=self.ui.owner.currentData(),
            account_id=self.account_picker.account_id(), **links)

    def show_draft(self, draft: ActivityDraft) -> None:
        self.ui.kind.setCurrentIndex(max(self.ui.kind.findData(draft.kind), 0))
        self.ui.subject.setText(draft.subject)
        self.ui.done.setChecked(draft.done)
        self.ui.hasDue.setChecked(draft.due_at is not None)
        self.ui.dueAt.setDateTime(to_qdatetime(draft.due_at or next_full_hour(
            datetime.now(UTC))))
        self.ui.duration.setValue(draft.duration_minutes)
        choice = "none"
        if draft.remind_at is not None:
            choice = "custom"
            if draft.due_at is not None:
                for key, offset in REMINDER_OFFSETS.items():
                    if offset is not None and draft.due_at - draft.remind_at == offset:
                        choice = key
                        break
            self.ui.remindAt.setDateTime(to_qdatetime(draft.remind_at))
        else:
            self.ui.remindAt.setDateTime(self.ui.dueAt.dateTime())
        self.ui.reminder.setCurrentIndex(self.ui.reminder.findData(choice))
        self.ui.recurrence.setCurrentIndex(max(self.ui.recurrence.findData(draft.recurrence),
                                               0))
        self.ui.notes.setPlainText(draft.notes)
        self._show_link()

    def validate_draft(self, draft: ActivityDraft) -> ActivityDraft:
        return validate_activity(draft)

    def refresh_state(self) -> None:
        self.ui.dueAt.setEnabled(self.ui.hasDue.isChecked())
        self.ui.remindAt.setVisible(self.ui.reminder.currentData() == "custom")
        super().refresh_state()

    def is_dirty(self) -> bool:
        try:
            return self.validate_draft(self.read_draft()) != self.validate_draft(
                self._saved_draft)
        except (ValidationErrors, ValueError):
            return self.read_draft() != self._saved_draft

    def save_draft_with_version(self, draft: ActivityDraft,
                                expected_version: int | None) -> Any:
        return self.services.activities.save(draft, self.record_id, expected_version)

    def error_labels(self) -> dict[str, QLabel]:
        return {"subject": self.ui.subjectError, "due_at": self.ui.dueError,
                "duration_minutes": self.ui.dueError, "remind_at": self.ui.reminderError,
                "recurrence": self.ui.recurrenceError, "account_id": self.ui.accountError}

    def extra_errors(self) -> dict[str, str]:
        if self.account_picker.is_unresolved():
            return {"account_id": self.tr("Pick an account from the suggestions, "
                                          "or clear the field")}
        return {}

    def window_title(self) -> str:
        return self.ui.subject.text().strip() or self.tr("New activity")

    def field_title(self, field: str) -> str:
        titles = {
            "kind": self.tr("Kind"), "subject": self.tr("Subject"), "notes": self.tr("Notes"),
            "due_at": self.tr("Due"), "duration_minutes": self.tr("Duration"),
            "remind_at": self.tr("Reminder"), "recurrence": self.tr("Repeat"),
            "done_at": self.tr("Done"), "owner_id": self.tr("Owner"),
            "account_id": self.tr("Account"), "contact_id": self.tr("Contact"),
            "lead_id": self.tr("Lead"), "opportunity_id": self.tr("Opportunity"),
            "series_id": self.tr("Series"),
        }
        return titles.get(field, field)

    # -- the linked record ----------------------------------------------------------------

    def _show_link(self) -> None:
        entity, _record_id, name = self._link
        names = {"contact": self.tr("Contact"), "lead": self.tr("Lead"),
                 "opportunity": self.tr("Opportunity")}
        if entity:
            self.ui.linkName.setText(f"{names.get(entity, entity)}: {name}")
        else:
            self.ui.linkName.setText(self.tr("(no contact, lead or opportunity)"))
        self.ui.linkClear.setEnabled(bool(entity))

    @Slot()
    def _on_link_clear_clicked(self) -> None:
        self._link = ("", None, "")
        self._show_link()
        self.refresh_state()
