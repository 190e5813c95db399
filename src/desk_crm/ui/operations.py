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
from collections import deque
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


# Finished runnables, kept a while before Python frees them on the UI thread: the pool
# thread may still be returning from run() when the operation itself is deleted, and the
# relay must not be freed on a worker thread either. (Giving the pool ownership instead,
# or using a plain thread, made PySide6 6.12 abort at exit with a refcount error.)
_RETIRED: deque[QRunnable] = deque(maxlen=64)


class _Relay(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object, object)  # result, exception


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], relay: _Relay,
                 progress: Progress) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self._progress = progress

    def run(self) -> None:
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
    """

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None, work: Callable[[Progress], Any], *,
                 title: str, show_dialog: bool = True) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        self._progress = Progress(self._relay.progressed.emit)
        self._runnable = _Runnable(work, self._relay, self._progress)
        self._runnable.setAutoDelete(False)
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
        QThreadPool.globalInstance().start(self._runnable)

    def cancel(self) -> None:
        self._progress.cancel()

    @Slot(int, int, str)
    def _on_progressed(self, done: int, total: int, text: str) -> None:
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
        _RETIRED.append(self._runnable)
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
