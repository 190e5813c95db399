"""Reminders: a timer asks the store for reminders that came due, shows each as a desktop
notification (when the system has a tray) and always in the in-app banner, and marks them
shown. It checks once at start too, so reminders that fell due while the app was closed
appear at the next start.

The check is one query on a partial index (``ix_activity_remind``): about 4 ms with
100,000 activities (bench/bench_activities.py), so it runs on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from desk_crm.services.bundle import Services
from desk_crm.services.errors import RecordNotFound
from desk_crm.store.types import utc_now
from desk_crm.ui.activity_text import reminder_text
from desk_crm.ui.widgets.reminder_banner import ReminderBanner

log = logging.getLogger("desk_crm.ui")

CHECK_INTERVAL_MS = 30_000
SNOOZE = timedelta(minutes=10)
Notifier = Callable[[str, str], None]


class ReminderService(QObject):
    """Signals:
        reminders_shown(list): ids of the activities whose reminders were just shown.
        open_requested(str): the user wants to see this activity.
        activity_changed(str): done or snoozed from a reminder.
    """

    reminders_shown = Signal(list)
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
        banner.open_requested.connect(self.open_requested)
        banner.snooze_requested.connect(self._on_banner_snooze_requested)
        banner.done_requested.connect(self._on_banner_done_requested)

    def start(self) -> None:
        """Check now (reminders missed while closed) and every 30 seconds after."""
        self.timer.start()
        QTimer.singleShot(0, self.check)

    @Slot()
    def check(self) -> list[str]:
        now = self.now()
        due = self.services.activities.due_reminders(now)
        if not due:
            return []
        for record in due:
            text = reminder_text(record, now)
            self.banner.add(record.id, text)
            if self.notifier is not None:
                self.notifier(self.tr("Desk CRM reminder"), text)
        ids = [record.id for record in due]
        self.services.activities.mark_reminded(ids, now)
        self.reminders_shown.emit(ids)
        return ids

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
