"""Settings → SLA policies: business calendar (time zone, working days and hours,
holidays), first-response and resolution targets per priority, the default policy, and the
accounts that use a policy of their own."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal, InvalidOperation
from zoneinfo import available_timezones

from PySide6.QtCore import QTime, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.tickets import DEFAULT_TARGETS, PRIORITIES, SlaPolicyDraft
from desk_crm.services.bundle import Services
from desk_crm.ui.ticket_columns import priority_titles
from desk_crm.ui.validation_text import messages_by_field
from desk_crm.ui.widgets.account_picker import AccountPicker


def hours_text(minutes: int) -> str:
    return f"{Decimal(minutes) / 60:.2f}".rstrip("0").rstrip(".")



def canonical_zones() -> list[str]:
    """Area/City zones and UTC: the aliases zoneinfo also lists ("Japan", "PRC", "Zulu",
    "localtime", "Etc/GMT+8") name the same clocks again and read as untranslated words."""
    return sorted(zone for zone in available_timezones()
                  if ("/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/")))
                  or zone == "UTC")

class SlaPolicyDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("slaPolicyDialog")
        self.setWindowTitle(self.tr("SLA policies"))
        self.resize(900, 620)
        self._policy_id: str | None = None
        self._version: int | None = None
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.policies = QListWidget(self)
        self.policies.setObjectName("slaPolicies")
        self.policies.setAccessibleName(self.tr("Policies"))
        left.addWidget(self.policies, 1)
        self.new_button = QPushButton(self.tr("&New policy"), self)
        self.delete_button = QPushButton(self.tr("De&lete"), self)
        left.addWidget(self.new_button)
        left.addWidget(self.delete_button)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("slaName")
        self.name.setAccessibleName(self.tr("Policy name"))
        form.addRow(self.tr("&Name:"), self.name)
        self.is_default = QCheckBox(self.tr("&Default policy (accounts without their own)"),
                                    self)
        form.addRow("", self.is_default)
        self.timezone = QComboBox(self)
        self.timezone.setObjectName("slaTimezone")
        self.timezone.setAccessibleName(self.tr("Time zone"))
        self.timezone.addItems(canonical_zones())
        form.addRow(self.tr("&Time zone:"), self.timezone)
        days = QHBoxLayout()
        self.workdays: list[QCheckBox] = []
        for title in (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                      self.tr("Fri"), self.tr("Sat"), self.tr("Sun")):
            box = QCheckBox(title, self)
            days.addWidget(box)
            self.workdays.append(box)
        form.addRow(self.tr("Working days:"), days)
        hours = QHBoxLayout()
        self.day_start = QTimeEdit(self)
        self.day_start.setAccessibleName(self.tr("Day starts"))
        self.day_end = QTimeEdit(self)
        self.day_end.setAccessibleName(self.tr("Day ends"))
        for widget in (self.day_start, self.day_end):
            widget.setDisplayFormat("HH:mm")
        hours.addWidget(self.day_start)
        hours.addWidget(QLabel("–", self))
        hours.addWidget(self.day_end)
        hours.addStretch(1)
        hours_label = QLabel(self.tr("&Hours:"), self)
        hours_label.setBuddy(self.day_start)  # a layout cannot be a buddy: its first field
        form.addRow(hours_label, hours)
        self.holidays = QPlainTextEdit(self)
        self.holidays.setObjectName("slaHolidays")
        self.holidays.setAccessibleName(self.tr("Holidays"))
        self.holidays.setPlaceholderText(self.tr("One date per line, e.g. 2026-10-01"))
        self.holidays.setTabChangesFocus(True)
        self.holidays.setMaximumHeight(90)
        form.addRow(self.tr("Hol&idays:"), self.holidays)
        self.targets = QTableWidget(len(PRIORITIES), 2, self)
        self.targets.setObjectName("slaTargets")
        self.targets.setAccessibleName(self.tr("Targets in business hours"))
        self.targets.setHorizontalHeaderLabels([self.tr("First response (h)"),
                                                self.tr("Resolution (h)")])
        self.targets.setVerticalHeaderLabels([priority_titles()[p] for p in PRIORITIES])
        self.targets.horizontalHeader().setStretchLastSection(True)
        self.targets.setColumnWidth(0, 160)
        self.targets.setMaximumHeight(150)
        form.addRow(self.tr("Tar&gets:"), self.targets)
        right.addLayout(form)
        accounts_row = QHBoxLayout()
        self.account_picker = AccountPicker(services.lists, self)
        self.assign_button = QPushButton(self.tr("&Use for account"), self)
        self.unassign_button = QPushButton(self.tr("&Remove account"), self)
        accounts_row.addWidget(self.account_picker, 1)
        accounts_row.addWidget(self.assign_button)
        accounts_row.addWidget(self.unassign_button)
        right.addWidget(QLabel(self.tr("Accounts that use this policy:"), self))
        self.accounts = QListWidget(self)
        self.accounts.setObjectName("slaAccounts")
        self.accounts.setAccessibleName(self.tr("Accounts that use this policy"))
        self.accounts.setMaximumHeight(90)
        right.addWidget(self.accounts)
        right.addLayout(accounts_row)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        right.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close, self)
        right.addWidget(self.buttons)
        layout.addLayout(right, 3)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(
            self._on_save_clicked)
        self.buttons.rejected.connect(self.accept)  # lists reload after any change
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.assign_button.clicked.connect(self._on_assign_button_clicked)
        self.unassign_button.clicked.connect(self._on_unassign_button_clicked)
        self.policies.currentRowChanged.connect(self._on_policies_current_row_changed)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.policies.blockSignals(True)
        self.policies.clear()
        for record in self.services.sla_policies.list():
            text = record.draft.name + (self.tr(" (default)") if record.draft.is_default else "")
            item = QListWidgetItem(text, self.policies)
            item.setData(256, record.id)
        self.policies.blockSignals(False)
        ids = [self.policies.item(row).data(256) for row in range(self.policies.count())]
        if select in ids:
            self.policies.setCurrentRow(ids.index(select))
        elif ids:
            self.policies.setCurrentRow(0)
        else:
            self._show(None, SlaPolicyDraft(name=self.tr("Standard"), is_default=True))

    def _show(self, policy_id: str | None, draft: SlaPolicyDraft,
              version: int | None = None) -> None:
        self._policy_id, self._version = policy_id, version
        self.name.setText(draft.name)
        self.is_default.setChecked(draft.is_default)
        if self.timezone.findText(draft.timezone) < 0:  # an alias a policy already uses
            self.timezone.addItem(draft.timezone)
        self.timezone.setCurrentText(draft.timezone)
        for day, box in enumerate(self.workdays):
            box.setChecked(day in draft.workdays)
        self.day_start.setTime(QTime(draft.day_start.hour, draft.day_start.minute))
        self.day_end.setTime(QTime(draft.day_end.hour, draft.day_end.minute))
        self.holidays.setPlainText("\n".join(day.isoformat() for day in draft.holidays))
        targets = {**DEFAULT_TARGETS, **(draft.targets or {})}
        for row, priority in enumerate(PRIORITIES):
            for column, minutes in enumerate(targets[priority]):
                self.targets.setItem(row, column, QTableWidgetItem(hours_text(minutes)))
        self.accounts.clear()
        if policy_id is not None:
            for account_id, name in self.services.sla_policies.accounts_of(policy_id):
                item = QListWidgetItem(name, self.accounts)
                item.setData(256, account_id)
        for widget in (self.assign_button, self.unassign_button, self.delete_button):
            widget.setEnabled(policy_id is not None)
        self.error.clear()

    def read_draft(self) -> SlaPolicyDraft:
        """The form as a draft; unreadable dates or hours raise ValidationError."""
        holidays = []
        for line in self.holidays.toPlainText().split():
            try:
                holidays.append(date.fromisoformat(line.strip()))
            except ValueError:
                raise ValidationError("holidays", QT_TRANSLATE_NOOP(
                    "Validation", "“{value}” is not a date (YYYY-MM-DD)"), value=line) from None
        targets: dict[str, tuple[int, int]] = {}
        for row, priority in enumerate(PRIORITIES):
            values = []
            for column in range(2):
                item = self.targets.item(row, column)
                try:
                    values.append(int(Decimal((item.text() if item else "").strip()) * 60))
                except InvalidOperation:
                    raise ValidationError("targets", QT_TRANSLATE_NOOP(
                        "Validation", "Targets must be positive")) from None
            targets[priority] = (values[0], values[1])
        start, end = self.day_start.time(), self.day_end.time()
        return SlaPolicyDraft(
            name=self.name.text(), is_default=self.is_default.isChecked(),
            timezone=self.timezone.currentText(),
            workdays=tuple(day for day, box in enumerate(self.workdays) if box.isChecked()),
            day_start=time(start.hour(), start.minute()), day_end=time(end.hour(), end.minute()),
            holidays=tuple(holidays), targets=targets)

    @Slot()
    def _on_save_clicked(self) -> bool:
        try:
            record = self.services.sla_policies.save(self.read_draft(), self._policy_id,
                                                     self._version)
        except (ValidationError, ValidationErrors) as problem:
            self.error.setText("\n".join(messages_by_field(problem).values()))
            return False
        # New targets or hours move the deadlines of running tickets.
        self.services.tickets.refresh_sla(everything=True)
        self.reload(select=record.id)
        return True

    @Slot(int)
    def _on_policies_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        record = self.services.sla_policies.get(self.policies.item(row).data(256))
        self._show(record.id, record.draft, record.version)

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.policies.clearSelection()
        self._show(None, SlaPolicyDraft(name=self.tr("New policy")))
        self.name.setFocus()
        self.name.selectAll()

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        if self._policy_id is not None:
            self.services.sla_policies.delete(self._policy_id)
            self.services.tickets.refresh_sla(everything=True)
            self.reload()

    @Slot()
    def _on_assign_button_clicked(self) -> None:
        account_id = self.account_picker.account_id()
        if self._policy_id is not None and account_id is not None:
            self.services.sla_policies.assign_account(account_id, self._policy_id)
            self.services.tickets.refresh_sla(everything=True)
            self.account_picker.clear()
            self.reload(select=self._policy_id)

    @Slot()
    def _on_unassign_button_clicked(self) -> None:
        item = self.accounts.currentItem()
        if item is not None and self._policy_id is not None:
            self.services.sla_policies.assign_account(item.data(256), None)
            self.services.tickets.refresh_sla(everything=True)
            self.reload(select=self._policy_id)
