"""Work a start defers until the window has shown, so the time to the first paint does not
grow with the database: the daily backup, whose copy gets a full integrity check — the
whole-file check a clean start no longer makes (ui/startup.check_or_restore) — and, when
that check finds damage, the offer to restore the latest good backup at the next start."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from desk_crm.store import backup
from desk_crm.ui.operations import BackgroundQuery

log = logging.getLogger("desk_crm.ui")

# Long enough for the first page of the list to paint, short enough to be done before the
# user reaches for File → Backups.
DELAY_MS = 1500


@dataclass(frozen=True)
class _Damage:
    problem: str
    good: backup.BackupInfo | None


class _Skipped(Exception):
    """The window closed before the deferred work began."""


class AfterStart(QObject):
    """Runs the deferred start work once, on its own one-thread pool so :meth:`stop` can
    wait for it before the file is closed, converted or restored."""

    def __init__(self, window: QWidget, backups: Any) -> None:
        super().__init__(window)
        self._window = window
        self._backups = backups
        self._stopping = threading.Event()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._query = BackgroundQuery(self, self._taken, self._failed, pool=self._pool)
        self.finished = False

    def start(self, delay_ms: int = DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self, self._begin)

    def stop(self) -> None:
        """The window is closing: nothing more begins, and what runs is waited for."""
        self._stopping.set()
        self._pool.waitForDone()

    def _begin(self) -> None:
        if not self._stopping.is_set():
            self._query.start(self._work)

    def _work(self) -> tuple[Path | None, _Damage | None]:
        if self._stopping.is_set():
            raise _Skipped
        try:
            return self._backups.daily_if_due(), None
        except backup.BackupDamaged as error:
            # Checking the backups reads each of them whole: here, not on the UI thread.
            good = backup.newest_good(self._backups.folder, self._backups.key)
            return None, _Damage(str(error), good)

    def _taken(self, outcome: tuple[Path | None, _Damage | None]) -> None:
        self.finished = True
        path, damage = outcome
        if path is not None:
            log.info("daily backup %s taken after the window showed", path.name)
        if damage is not None:
            self._offer_restore(damage)

    def _failed(self, error: BaseException) -> None:
        self.finished = True
        if isinstance(error, _Skipped):
            return
        # A full disk must not stop the app; the log and the status bar say why.
        log.error("daily backup failed", exc_info=error)
        status_bar = getattr(self._window, "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(self.tr("The daily backup failed: %1")
                                     .replace("%1", str(error)), 30000)

    def _offer_restore(self, damage: _Damage) -> None:
        problem, good = damage.problem, damage.good
        log.error("the daily backup's check found damage: %s", problem)
        title = self.tr("Damaged database")
        if good is None:
            QMessageBox.warning(self._window, title, self.tr(
                "The database file is damaged (%1) and there is no usable backup. Export "
                "what you need (File → Export) and contact support; nothing was changed.")
                .replace("%1", problem))
            return
        when = good.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(self._window, title, self.tr(
            "The database file is damaged (%1).\n\nRestore the latest good backup, taken "
            "%2, when Desk CRM starts next? Changes made since then will not be in it; the "
            "damaged file is kept under a new name.").replace("%1", problem)
            .replace("%2", when))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._backups.schedule_restore(good.path)
        QMessageBox.information(self._window, title, self.tr(
            "The backup of %1 will be restored when you start Desk CRM again.")
            .replace("%1", when))
