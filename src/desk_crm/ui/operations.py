"""Background work with progress and Cancel: the one way long work leaves the UI thread.

    op = BackgroundOperation(parent, work, title=tr("Creating sample data"))
    op.succeeded.connect(on_done)
    op.start()

``work(progress)`` runs in a QThreadPool thread and must not touch widgets; it reports with
``progress.report(done, total, text)`` and stops early when ``progress.cancelled`` is set.
The result or the exception comes back to the UI thread through a signal.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger("desk_crm.ui")


class OperationCancelled(Exception):
    """Raised by work that noticed the Cancel button."""


class Progress:
    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int, text: str = "") -> None:
        if self.cancelled:
            raise OperationCancelled
        self._emit(done, total, text)


class PoolJob(QRunnable):
    """A QRunnable that Python owns (autoDelete off) and that records when it finished.

    WORKAROUND for PySide6 6.12: giving a Python QRunnable to a pool that deletes it
    (autoDelete, or ``start(callable)``) corrupts reference counts ("bool_dealloc" at exit,
    heap corruption under load); a Python-owned runnable freed too early is freed while its
    thread is still leaving run(). So every job is started through :func:`start_job`, which
    keeps it alive until a while after it finished and then lets go of it on the UI thread.
    """

    finished_at: float | None = None

    def run(self) -> None:
        try:
            self.work()
        finally:
            self.finished_at = time.monotonic()

    def work(self) -> None:
        raise NotImplementedError


_LIVE_JOBS: list[PoolJob] = []
_GRACE_SECONDS = 5.0


def start_job(pool: QThreadPool, job: PoolJob) -> None:
    """Start *job* on *pool*, keeping it (and what it references) alive long enough."""
    now = time.monotonic()
    _LIVE_JOBS[:] = [kept for kept in _LIVE_JOBS
                     if kept.finished_at is None or now - kept.finished_at < _GRACE_SECONDS]
    job.setAutoDelete(False)
    _LIVE_JOBS.append(job)
    pool.start(job)


class _Relay(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object, object)  # result, exception


class _Runnable(PoolJob):
    def __init__(self, work: Callable[[Progress], Any], relay: _Relay,
                 progress: Progress) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self._progress = progress

    def work(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as error:  # handed to the UI thread, which decides
            self._relay.finished.emit(None, error)
        else:
            self._relay.finished.emit(result, None)


class BackgroundOperation(QObject):
    """Signals:
        succeeded(object): the work's return value.
        failed(object): the exception it raised (not OperationCancelled).
        cancelled(): the user pressed Cancel and the work stopped.
        progressed(int, int, str): done, total, text, for views showing progress themselves.
    """

    succeeded = Signal(object)
    progressed = Signal(int, int, str)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None, work: Callable[[Progress], Any], *,
                 title: str, show_dialog: bool = True) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        self._progress = Progress(self._relay.progressed.emit)
        self._runnable = _Runnable(work, self._relay, self._progress)
        self._dialog: QProgressDialog | None = None
        if show_dialog:
            self._dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
            self._dialog.setWindowTitle(title)
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setMinimumDuration(300)
            self._dialog.setAccessibleName(title)
            self._dialog.canceled.connect(self._progress.cancel)
        self._relay.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)
        self._relay.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        start_job(QThreadPool.globalInstance(), self._runnable)

    def cancel(self) -> None:
        self._progress.cancel()

    @Slot(int, int, str)
    def _on_progressed(self, done: int, total: int, text: str) -> None:
        if not self._progress.cancelled:
            self.progressed.emit(done, total, text)
        dialog = self._dialog
        if dialog is not None and not self._progress.cancelled:
            if text:
                dialog.setLabelText(text)
            dialog.setMaximum(total)
            # Last: a modal progress dialog's setValue() processes events, which may run
            # _on_finished (dialog reset, self._dialog = None) before it returns.
            dialog.setValue(done)

    @Slot(object, object)
    def _on_finished(self, result: Any, error: Any) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        if isinstance(error, OperationCancelled):
            self.cancelled.emit()
        elif error is not None:
            log.error("background operation failed", exc_info=error)
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        self.deleteLater()
