"""Sends the outbox in the background while the app runs: every few minutes, when the mail
server is set up, its password is known (keychain or this session) and mails are due, one
send run goes off in a worker — no dialog, the outbox shows the outcome. A run that finds
the server unreachable leaves everything queued for the next tick (offline laptop)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desk_crm.services.bundle import Services
from desk_crm.services.mail_sender import MailSender, SendReport
from desk_crm.ui.operations import BackgroundOperation, Progress
from desk_crm.ui.smtp_settings_dialog import password_for

log = logging.getLogger("desk_crm.ui")
INTERVAL_MS = 3 * 60 * 1000


class OutboxScheduler(QObject):
    """Signals:
        run_finished(object): the SendReport of a background run.
    """

    run_finished = Signal(object)

    def __init__(self, services: Services, parent: QObject | None = None,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.services = services
        self.operation: BackgroundOperation | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()

    @Slot()
    def tick(self) -> bool:
        """Start a run when one can go; True when it started."""
        if self.operation is not None:
            return False
        settings = self.services.smtp.get()
        if not settings.configured or not self.services.mail.counts().get("queued"):
            return False
        password = password_for(settings) if settings.username else ""
        if password is None:  # asked for only when the user presses Send now
            return False
        sender = MailSender(self.services.context, settings, password)

        def work(progress: Progress) -> SendReport:
            return sender.send_due(should_stop=lambda: progress.cancelled)

        parent: Any = self.parent()
        self.operation = BackgroundOperation(parent, work, title="", show_dialog=False)
        self.operation.succeeded.connect(self._on_operation_succeeded)
        self.operation.failed.connect(self._on_operation_failed)
        self.operation.start()
        return True

    @Slot(object)
    def _on_operation_succeeded(self, report: Any) -> None:
        self.operation = None
        if report.server_down:
            log.info("outbox: mail server not reachable, mails stay queued")
        self.run_finished.emit(report)

    @Slot(object)
    def _on_operation_failed(self, _error: object) -> None:
        self.operation = None
