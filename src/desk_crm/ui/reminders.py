"""Reminders: a timer asks the store for reminders that came due, shows each as a desktop
notification (when the system has a tray) and always in the in-app banner, and marks them
shown. It checks once at start too, so reminders that fell due while the app was closed
appear at the next start.

The same check announces the tickets' SLA warnings and breaches that came due
(TicketService.due_sla_alerts, each once per ticket and target; mark_sla_alerted records
that), as rows of the same bar and desktop notifications.

The check is one query on a partial index (``ix_activity_remind``, about 4 ms with 100,000
activities, bench/bench_activities.py) and one write. It runs as a BackgroundOperation all
the same: the write queues on the one writer thread behind whatever is writing (the demo
loader on a first run), where on the UI thread it used to fail "database is locked".
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from desk_crm.domain.sla import BREACH, SlaAlert
from desk_crm.services.activity_records import ActivityRecord
from desk_crm.services.bundle import Services
from desk_crm.services.errors import RecordNotFound
from desk_crm.store.types import utc_now
from desk_crm.ui.activity_text import reminder_text
from desk_crm.ui.operations import BackgroundOperation, Progress
from desk_crm.ui.ticket_columns import alert_text
from desk_crm.ui.widgets.reminder_banner import ReminderBanner

log = logging.getLogger("desk_crm.ui")

CHECK_INTERVAL_MS = 30_000
SNOOZE = timedelta(minutes=10)
Notifier = Callable[[str, str], None]


class ReminderService(QObject):
    """Signals:
        reminders_shown(list): ids of the activities whose reminders were just shown.
        sla_alerts_shown(list): the SlaAlerts just announced.
        ticket_open_requested(str): the user wants to see the ticket of an SLA alert.
        open_requested(str): the user wants to see this activity.
        activity_changed(str): done or snoozed from a reminder.
    """

    reminders_shown = Signal(list)
    sla_alerts_shown = Signal(list)
    ticket_open_requested = Signal(str)
    open_requested = Signal(str)
    activity_changed = Signal(str)

    def __init__(self, services: Services, banner: ReminderBanner, *,
                 now: Callable[[], datetime] = utc_now, notifier: Notifier | None = None,
                 icon: QIcon | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.banner = banner
        self.now = now
        self.tray: QSystemTrayIcon | None = None
        if notifier is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon or QIcon(), self)
            self.tray.setToolTip(self.tr("Desk CRM"))
            self.tray.show()
            notifier = self._tray_message
        self.notifier = notifier
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.operation: BackgroundOperation | None = None
        banner.open_requested.connect(self.open_requested)
        banner.ticket_open_requested.connect(self.ticket_open_requested)
        banner.snooze_requested.connect(self._on_banner_snooze_requested)
        banner.done_requested.connect(self._on_banner_done_requested)

    def start(self) -> None:
        """Check now (reminders missed while closed) and every 30 seconds after."""
        self.timer.start()
        QTimer.singleShot(0, self.check)

    @Slot()
    def check(self) -> None:
        """Look for due reminders in the background; ``reminders_shown`` tells the result."""
        if self.operation is not None:
            return  # the previous check is still queued behind another write
        now = self.now()
        activities = self.services.activities
        tickets = self.services.tickets

        def work(_progress: Progress) -> tuple[list[ActivityRecord], list[SlaAlert]]:
            due = activities.due_reminders(now)
            if due:
                activities.mark_reminded([record.id for record in due], now)
            # Breaches first recorded on the tickets, then announced once each.
            tickets.refresh_sla(now)
            alerts = tickets.due_sla_alerts(now)
            if alerts:
                tickets.mark_sla_alerted(alerts)
            return due, alerts

        operation = BackgroundOperation(self, work, title="", show_dialog=False)
        operation.succeeded.connect(lambda found: self._on_checked(*found, now))
        operation.failed.connect(self._on_check_failed)
        self.operation = operation
        operation.start()

    def _on_checked(self, due: list[ActivityRecord], alerts: list[SlaAlert],
                    now: datetime) -> None:
        self.operation = None
        for record in due:
            text = reminder_text(record, now)
            self.banner.add(record.id, text)
            if self.notifier is not None:
                self.notifier(self.tr("Desk CRM reminder"), text)
        if due:
            self.reminders_shown.emit([record.id for record in due])
        for alert in alerts:
            text = alert_text(alert)
            self.banner.add_sla_alert(alert.ticket_id, text, alert.kind == BREACH)
            if self.notifier is not None:
                self.notifier(self.tr("Desk CRM SLA alert"), text)
        if alerts:
            self.sla_alerts_shown.emit(alerts)

    def _on_check_failed(self, error: object) -> None:
        # A reminder check that failed (the file busy for long) is tried again at the
        # next tick; nothing to tell the user about.
        self.operation = None
        log.warning("reminder check failed: %s", error)

    def _tray_message(self, title: str, text: str) -> None:
        assert self.tray is not None
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)

    @Slot(str)
    def _on_banner_snooze_requested(self, activity_id: str) -> None:
        try:
            self.services.activities.snooze(activity_id, self.now() + SNOOZE)
        except RecordNotFound:
            log.info("reminder of a deleted activity %s snoozed", activity_id)
            return
        self.activity_changed.emit(activity_id)

    @Slot(str)
    def _on_banner_done_requested(self, activity_id: str) -> None:
        try:
            self.services.activities.complete(activity_id, now=self.now())
        except RecordNotFound:
            log.info("reminder of a deleted activity %s marked done", activity_id)
            return
        self.activity_changed.emit(activity_id)
