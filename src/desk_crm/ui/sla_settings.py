"""Settings → SLA policies: per policy the business calendar (time zone, working windows
per weekday, holidays and extra working days), the first-response and resolution targets
per priority, the warning percentage, the default policy and the accounts that use a policy
of their own; beside it a live preview of the calendar and of a ticket's deadlines.

Saving goes through SlaPolicyService.save in a BackgroundOperation (progress, Cancel):
one transaction with the change log, which also moves the deadlines of running tickets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from zoneinfo import available_timezones

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.sla import DEFAULT_WARN_PERCENT
from desk_crm.domain.tickets import (
    DEFAULT_TARGETS,
    PRIORITIES,
    SlaPolicyDraft,
    policy_week,
    validate_policy,
)
from desk_crm.services.bundle import Services
from desk_crm.services.errors import StaleRecord
from desk_crm.services.ticket_records import SlaPolicyRecord
from desk_crm.ui.operations import BackgroundOperation, Progress
from desk_crm.ui.sla_days_editor import DaysEditor
from desk_crm.ui.sla_preview import SlaPreview
from desk_crm.ui.sla_week_editor import WeekEditor
from desk_crm.ui.ticket_columns import priority_titles
from desk_crm.ui.validation_text import messages_by_field
from desk_crm.ui.widgets.account_picker import AccountPicker

ID_ROLE = 256
PREVIEW_DELAY_MS = 150  # redraw the preview once typing pauses


def hours_text(minutes: int) -> str:
    return f"{Decimal(minutes) / 60:.2f}".rstrip("0").rstrip(".")



def canonical_zones() -> list[str]:
    """Area/City zones and UTC: the aliases zoneinfo also lists ("Japan", "PRC", "Zulu",
    "localtime", "Etc/GMT+8") name the same clocks again and read as untranslated words."""
    return sorted(zone for zone in available_timezones()
                  if ("/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/")))
                  or zone == "UTC")

class SlaPolicyDialog(QDialog):
    """Signals:
        policy_saved(str): the id of the policy just saved.
    """

    policy_saved = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("slaPolicyDialog")
        self.setWindowTitle(self.tr("SLA policies"))
        self.resize(1180, 680)
        self._policy_id: str | None = None
        self._version: int | None = None
        self._saving: BackgroundOperation | None = None
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        policies_label = QLabel(self.tr("&Policies:"), self)
        self.policies = QListWidget(self)
        self.policies.setObjectName("slaPolicies")
        self.policies.setAccessibleName(self.tr("Policies"))
        self.policies.setMinimumWidth(170)
        policies_label.setBuddy(self.policies)
        left.addWidget(policies_label)
        left.addWidget(self.policies, 1)
        self.new_button = QPushButton(self.tr("&New policy"), self)
        self.delete_button = QPushButton(self.tr("De&lete"), self)
        for button in (self.new_button, self.delete_button):
            button.setAutoDefault(False)
            left.addWidget(button)
        layout.addLayout(left, 1)
        middle = QVBoxLayout()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("slaTabs")
        self.tabs.setAccessibleName(self.tr("Policy settings"))
        self.tabs.addTab(self._policy_tab(), self.tr("Po&licy and targets"))
        self.week = WeekEditor(self)
        self.tabs.addTab(self.week, self.tr("&Working hours"))
        self.days = DaysEditor(self)
        self.tabs.addTab(self.days, self.tr("Holi&days"))
        middle.addWidget(self.tabs, 1)
        self.error = QLabel(self)
        self.error.setObjectName("slaError")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        middle.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close, self)
        middle.addWidget(self.buttons)
        layout.addLayout(middle, 3)
        self.preview = SlaPreview(self)
        self.preview.setObjectName("slaPreview")
        layout.addWidget(self.preview, 2)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        for index in range(self.tabs.count()):  # Alt+1…3 reach the tabs from anywhere
            shortcut = QShortcut(QKeySequence(f"Alt+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.tabs.setCurrentIndex(i))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(
            self._on_save_clicked)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setShortcut(
            QKeySequence.StandardKey.Save)
        self.buttons.rejected.connect(self.accept)  # lists reload after any change
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.assign_button.clicked.connect(self._on_assign_button_clicked)
        self.unassign_button.clicked.connect(self._on_unassign_button_clicked)
        self.policies.currentRowChanged.connect(self._on_policies_current_row_changed)
        self.week.week_edited.connect(self._on_form_edited)
        self.days.days_edited.connect(self._on_form_edited)
        self.timezone.currentTextChanged.connect(self._on_form_edited)
        self.targets.itemChanged.connect(self._on_form_edited)
        self.warn_percent.valueChanged.connect(self._on_form_edited)
        self.reload()

    def _policy_tab(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        form = QFormLayout()
        self.name = QLineEdit(page)
        self.name.setObjectName("slaName")
        self.name.setAccessibleName(self.tr("Policy name"))
        form.addRow(self.tr("&Name:"), self.name)
        self.is_default = QCheckBox(self.tr("De&fault policy (accounts without their own)"),
                                    page)
        form.addRow("", self.is_default)
        self.timezone = QComboBox(page)
        self.timezone.setObjectName("slaTimezone")
        self.timezone.setAccessibleName(self.tr("Time zone"))
        self.timezone.setEditable(True)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone.addItems(canonical_zones())
        completer = QCompleter(self.timezone.model(), self.timezone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.timezone.setCompleter(completer)
        form.addRow(self.tr("&Time zone:"), self.timezone)
        self.warn_percent = QSpinBox(page)
        self.warn_percent.setObjectName("slaWarnPercent")
        self.warn_percent.setAccessibleName(self.tr("Warn when this share of a target is used"))
        self.warn_percent.setRange(1, 99)
        self.warn_percent.setSuffix(" %")
        form.addRow(self.tr("Wa&rn at:"), self.warn_percent)
        self.targets = QTableWidget(len(PRIORITIES), 2, page)
        self.targets.setObjectName("slaTargets")
        self.targets.setAccessibleName(self.tr("Targets in business hours"))
        self.targets.setHorizontalHeaderLabels([self.tr("First response (h)"),
                                                self.tr("Resolution (h)")])
        self.targets.setVerticalHeaderLabels([priority_titles()[p] for p in PRIORITIES])
        self.targets.horizontalHeader().setStretchLastSection(True)
        self.targets.setColumnWidth(0, 160)
        self.targets.setMaximumHeight(150)
        self.targets.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        form.addRow(self.tr("Tar&gets:"), self.targets)
        column.addLayout(form)
        accounts_label = QLabel(self.tr("A&ccounts that use this policy:"), page)
        self.accounts = QListWidget(page)
        self.accounts.setObjectName("slaAccounts")
        self.accounts.setAccessibleName(self.tr("Accounts that use this policy"))
        self.accounts.setMaximumHeight(90)
        accounts_label.setBuddy(self.accounts)
        column.addWidget(accounts_label)
        column.addWidget(self.accounts)
        accounts_row = QHBoxLayout()
        self.account_picker = AccountPicker(self.services.lists, page)
        self.assign_button = QPushButton(self.tr("&Use for account"), page)
        self.unassign_button = QPushButton(self.tr("Re&move account"), page)
        for button in (self.assign_button, self.unassign_button):
            button.setAutoDefault(False)
        accounts_row.addWidget(self.account_picker, 1)
        accounts_row.addWidget(self.assign_button)
        accounts_row.addWidget(self.unassign_button)
        column.addLayout(accounts_row)
        column.addStretch(1)
        return page

    def reload(self, select: str | None = None) -> None:
        self.policies.blockSignals(True)
        self.policies.clear()
        for record in self.services.sla_policies.list():
            text = record.draft.name + (self.tr(" (default)") if record.draft.is_default else "")
            item = QListWidgetItem(text, self.policies)
            item.setData(ID_ROLE, record.id)
        self.policies.blockSignals(False)
        ids = [self.policies.item(row).data(ID_ROLE) for row in range(self.policies.count())]
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
        self.warn_percent.setValue(draft.warn_percent or DEFAULT_WARN_PERCENT)
        self.week.set_week(policy_week(draft), draft.extra_hours)
        self.days.set_days(draft.holidays, draft.extra_days, draft.day_names)
        targets = {**DEFAULT_TARGETS, **(draft.targets or {})}
        self.targets.blockSignals(True)
        for row, priority in enumerate(PRIORITIES):
            for column, minutes in enumerate(targets[priority]):
                self.targets.setItem(row, column, QTableWidgetItem(hours_text(minutes)))
        self.targets.blockSignals(False)
        self.accounts.clear()
        if policy_id is not None:
            for account_id, name in self.services.sla_policies.accounts_of(policy_id):
                item = QListWidgetItem(name, self.accounts)
                item.setData(ID_ROLE, account_id)
        for widget in (self.assign_button, self.unassign_button, self.delete_button):
            widget.setEnabled(policy_id is not None)
        self.error.clear()
        self.update_preview()

    def read_draft(self) -> SlaPolicyDraft:
        """The form as a draft; unreadable dates, hours or targets raise ValidationError."""
        week = self.week.week()
        extra_hours = self.week.extra()
        holidays, extra_days = self.days.days()
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
        names: dict[date, str] = {day: name for day, name in
                                  [*holidays.items(), *extra_days.items()] if name}
        return SlaPolicyDraft(
            name=self.name.text(), is_default=self.is_default.isChecked(),
            timezone=self.timezone.currentText().strip(), holidays=tuple(holidays),
            targets=targets, week=week, extra_days=tuple(extra_days),
            extra_hours=extra_hours, day_names=names, warn_percent=self.warn_percent.value())

    def _field_widget(self, field: str) -> tuple[int, QWidget | None]:
        """The tab and the input that show problems with *field*."""
        week = self.week.field_widget(field)
        if week is not None:
            return 1, week
        days = self.days.field_widget(field)
        if days is not None:
            return 2, days
        return 0, {"name": self.name, "timezone": self.timezone, "targets": self.targets,
                   "warn_percent": self.warn_percent}.get(field)

    def _show_problem(self, problem: ValidationError | ValidationErrors) -> None:
        messages = messages_by_field(problem)
        self.error.setText("\n".join(messages.values()))
        tab, widget = self._field_widget(next(iter(messages)))
        self.tabs.setCurrentIndex(tab)
        if widget is not None:
            widget.setFocus()

    @Slot()
    def update_preview(self) -> None:
        try:
            draft = self.read_draft()
        except (ValidationError, ValidationErrors) as problem:
            self.preview.show_draft(None, "\n".join(messages_by_field(problem).values()))
            return
        self.preview.show_draft(draft)

    @Slot()
    def _on_form_edited(self) -> None:
        self._preview_timer.start()

    @Slot()
    def _on_save_clicked(self) -> bool:
        """Check the form here (problems at the field at once), then save in a worker: the
        save also recomputes every running ticket's deadline, seconds with many tickets.
        False when the form has a problem or a save is already running."""
        if self._saving is not None:
            return False
        try:
            draft = validate_policy(self.read_draft())
        except (ValidationError, ValidationErrors) as problem:
            self._show_problem(problem)
            return False
        service, policy_id, version = self.services.sla_policies, self._policy_id, \
            self._version

        def work(progress: Progress) -> SlaPolicyRecord:
            def report(done: int, total: int) -> None:
                progress.report(done, total, self.tr("Moving the deadlines of open tickets…"))
            return service.save(draft, policy_id, version, report)

        operation = BackgroundOperation(self, work, title=self.tr("Saving the SLA policy"))
        operation.succeeded.connect(self._on_save_succeeded)
        operation.failed.connect(self._on_save_failed)
        operation.cancelled.connect(self._on_save_cancelled)
        self._saving = operation
        self.error.setText(self.tr("Saving…"))
        operation.start()
        return True

    def _on_save_succeeded(self, record: SlaPolicyRecord) -> None:
        self._saving = None
        self.reload(select=record.id)
        self.policy_saved.emit(record.id)

    def _on_save_failed(self, error: BaseException) -> None:
        self._saving = None
        if isinstance(error, ValidationError | ValidationErrors):
            self._show_problem(error)
        elif isinstance(error, StaleRecord):
            self.error.setText(self.tr("Someone else changed this policy meanwhile; it was "
                                       "not saved. Reopen it to see their version."))
        else:
            self.error.setText(self.tr("The policy was not saved: %1").replace(
                "%1", str(error)))

    def _on_save_cancelled(self) -> None:
        self._saving = None
        self.error.setText(self.tr("Cancelled: the policy was not saved."))

    @Slot(int)
    def _on_policies_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        record = self.services.sla_policies.get(self.policies.item(row).data(ID_ROLE))
        self._show(record.id, record.draft, record.version)

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.policies.clearSelection()
        self._show(None, SlaPolicyDraft(name=self.tr("New policy")))
        self.tabs.setCurrentIndex(0)
        self.name.setFocus()
        self.name.selectAll()

    def _in_background(self, work: Callable[[Callable[[int, int], None]], object],
                       then: Callable[[], None]) -> None:
        """Delete and account changes also move running tickets' deadlines: in a worker."""
        if self._saving is not None:
            return

        def run(progress: Progress) -> object:
            return work(lambda done, total: progress.report(done, total))

        operation = BackgroundOperation(self, run, title=self.tr("Saving the SLA policy"))
        operation.succeeded.connect(lambda _result: self._after_background(then))
        operation.failed.connect(self._on_save_failed)
        operation.cancelled.connect(self._on_save_cancelled)
        self._saving = operation
        operation.start()

    def _after_background(self, then: Callable[[], None]) -> None:
        self._saving = None
        then()

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        policy_id = self._policy_id
        if policy_id is not None:
            service = self.services.sla_policies
            self._in_background(lambda report: service.delete(policy_id, report), self.reload)

    @Slot()
    def _on_assign_button_clicked(self) -> None:
        account_id = self.account_picker.account_id()
        policy_id = self._policy_id
        if policy_id is not None and account_id is not None:
            service = self.services.sla_policies

            def done() -> None:
                self.account_picker.clear()
                self.reload(select=policy_id)

            self._in_background(
                lambda report: service.assign_account(account_id, policy_id, report), done)

    @Slot()
    def _on_unassign_button_clicked(self) -> None:
        item = self.accounts.currentItem()
        policy_id = self._policy_id
        if item is not None and policy_id is not None:
            service, account_id = self.services.sla_policies, item.data(ID_ROLE)
            self._in_background(
                lambda report: service.assign_account(account_id, None, report),
                lambda: self.reload(select=policy_id))
