"""Background work: the one way long work leaves the UI thread (after Anki's
``CollectionOp`` / ``QueryOp``, ``qt/aqt/operations/``).

Two kinds over one runner:

* :class:`BackgroundOperation` — work that **writes** (import, merge, bulk edit, sync,
  demo data). A progress dialog with Cancel (or progress signals for a view of its own),
  and an error nobody handles goes to the app's error dialog. Writers run one at a time
  on their own single-thread pool: two background writers never wait on each other's
  SQLite lock.

      op = BackgroundOperation(parent, work, title=tr("Creating sample data"))
      op.succeeded.connect(on_done)
      op.start()

* :class:`BackgroundQuery` — work that **reads** for a view (a page's figures, a count, a
  search). The newest request wins: results of older ones are dropped, and so are results
  that arrive after the owner widget is gone.

      self._query = BackgroundQuery(self, self._on_figures)
      self._query.start(lambda: service.figures(period))

``work`` runs in a pool thread with its own SQLAlchemy session (services open one per call)
and never touches widgets; an operation's work gets a :class:`Progress` to report with and
to notice Cancel. Outcomes come back through one application-wide dispatcher object that
lives on the UI thread for the whole run, so no Qt object is ever deleted, or emitted from,
while a worker still uses it; the work's closure is released on the UI thread.

History: these aborts ("Fatal Python error: bool_dealloc") were PySide6 6.12.0 losing a
reference to True on every ``Signal.emit()`` (see tools/emit_refcount_check.py);
pyproject excludes that release and tests/ui/test_signal_references.py guards it. The
keep-alive list, collector pausing and boxing of sequences that used to live here were
attempts at that bug and are gone.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    SIGNAL,
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger("desk_crm.ui")


class OperationCancelled(Exception):
    """Raised by work that noticed the Cancel button."""


class Progress:
    """Handed to an operation's work: ``report(done, total, text)`` and ``cancelled``."""

    # At most this many reports a second reach the UI thread: a scan reporting every block
    # queued thousands of events, and handling them in one go froze the window (~250 ms).
    REPORTS_PER_SECOND = 20

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int, text: str = "") -> None:
        if self.cancelled:
            raise OperationCancelled
        now = time.monotonic()
        if done < total and now - self._last < 1 / self.REPORTS_PER_SECOND:
            return  # the next one (or the last, done == total) tells the same, later
        self._last = now
        self._emit(done, total, text)


class _Outcome:
    __slots__ = ("error", "result")

    def __init__(self, result: Any, error: BaseException | None) -> None:
        self.result = result
        self.error = error


class _Dispatcher(QObject):
    """Carries every task's progress and outcome to the UI thread, by task number.

    One per application, a child of the QApplication (so it lives on the UI thread until
    the application object goes): the worker emits on an object that is never deleted
    under it, and an outcome whose receiver has gone is simply dropped here."""

    progressed = Signal(int, int, int, str)  # task, done, total, text
    finished = Signal(int, object)  # task, _Outcome

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._receivers: dict[int, Callable[..., None]] = {}
        self._progress_receivers: dict[int, Callable[[int, int, str], None]] = {}
        self._numbers = itertools.count(1)
        self.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)
        self.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def register(self, on_finished: Callable[[_Outcome], None],
                 on_progress: Callable[[int, int, str], None] | None = None) -> int:
        number = next(self._numbers)
        self._receivers[number] = on_finished
        if on_progress is not None:
            self._progress_receivers[number] = on_progress
        return number

    def forget(self, number: int) -> None:
        self._receivers.pop(number, None)
        self._progress_receivers.pop(number, None)

    @Slot(int, int, int, str)
    def _on_progressed(self, number: int, done: int, total: int, text: str) -> None:
        receiver = self._progress_receivers.get(number)
        if receiver is not None:
            receiver(done, total, text)

    @Slot(int, object)
    def _on_finished(self, number: int, outcome: _Outcome) -> None:
        self._progress_receivers.pop(number, None)
        receiver = self._receivers.pop(number, None)
        if receiver is not None:
            receiver(outcome)


_dispatchers: dict[int, _Dispatcher] = {}


def _dispatcher() -> _Dispatcher:
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("background work needs a QApplication")
    found = _dispatchers.get(id(app))
    if found is None or not shiboken6.isValid(found):
        found = _Dispatcher(app)
        _dispatchers.clear()  # a dispatcher of an application that is gone
        _dispatchers[id(app)] = found
    return found


class _Task(QRunnable):
    """Runs one piece of work in a pool thread and posts its outcome.

    Owned by the pool (autoDelete), which is how QThreadPool is meant to be used; the
    work's closure is dropped *before* the outcome is posted, while the UI-side object
    still holds it, so the last reference to anything the closure captured (widgets
    among them) is always let go on the UI thread."""

    def __init__(self, number: int, work: Callable[[], Any], dispatcher: _Dispatcher) -> None:
        super().__init__()
        self._number = number
        self._work: Callable[[], Any] | None = work
        self._dispatcher = dispatcher

    def run(self) -> None:
        work, self._work = self._work, None
        assert work is not None
        try:
            outcome = _Outcome(work(), None)
        except BaseException as error:  # handed to the UI thread, which decides
            outcome = _Outcome(None, error)
        del work
        try:
            self._dispatcher.finished.emit(self._number, outcome)
        except RuntimeError:  # the QApplication (and its dispatcher) is gone: at exit
            log.debug("background task %d finished after the application", self._number)


_writer_pool: QThreadPool | None = None


def writer_pool() -> QThreadPool:
    """The single thread every BackgroundOperation runs on: writes queue, never collide."""
    global _writer_pool
    if _writer_pool is None:
        _writer_pool = QThreadPool(QCoreApplication.instance())
        _writer_pool.setMaxThreadCount(1)
        _writer_pool.setObjectName("desk_crm.writer")
    return _writer_pool


def show_operation_error(error: BaseException) -> None:
    """The app's error dialog for a background failure nobody handled."""
    from desk_crm.ui.error_dialog import show_unexpected_error

    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    show_unexpected_error(error, details)


class BackgroundOperation(QObject):
    """Work that writes, with a progress dialog (or signals) and Cancel.

    Signals:
        succeeded(object): the work's return value.
        failed(object): the exception it raised (not OperationCancelled). When nothing is
            connected to it, the error goes to the app's error dialog.
        cancelled(): the user pressed Cancel and the work stopped.
        progressed(int, int, str): done, total, text, for views showing progress themselves.
    """

    succeeded = Signal(object)
    progressed = Signal(int, int, str)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None, work: Callable[[Progress], Any], *,
                 title: str, show_dialog: bool = True, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._pool = pool
        self._number = 0
        self._dialog: QProgressDialog | None = None
        self._progress = Progress(self._emit_progress)
        if show_dialog:
            self._dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
            self._dialog.setWindowTitle(title)
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setMinimumDuration(300)
            self._dialog.setAccessibleName(title)
            self._dialog.canceled.connect(self._progress.cancel)

    def _emit_progress(self, done: int, total: int, text: str) -> None:
        # In the worker: through the dispatcher, never through a signal of this object.
        _dispatcher().progressed.emit(self._number, done, total, text)

    def start(self) -> None:
        dispatcher = _dispatcher()
        self._number = dispatcher.register(self._on_finished, self._on_progressed)
        work, progress = self._work, self._progress
        pool = self._pool or writer_pool()
        pool.start(_Task(self._number, lambda: work(progress), dispatcher))

    def cancel(self) -> None:
        self._progress.cancel()

    def _on_progressed(self, done: int, total: int, text: str) -> None:
        if self._progress.cancelled or not shiboken6.isValid(self):
            return
        self.progressed.emit(done, total, text)
        dialog = self._dialog
        if dialog is not None:
            if text:
                dialog.setLabelText(text)
            dialog.setMaximum(total)
            # Last: a modal progress dialog's setValue() processes events, which may run
            # _on_finished (dialog reset, self._dialog = None) before it returns.
            dialog.setValue(done)

    def _on_finished(self, outcome: _Outcome) -> None:
        self._work = None  # type: ignore[assignment]  # released on the UI thread
        if not shiboken6.isValid(self):
            return  # the parent went away first: nobody is left to tell
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        error = outcome.error
        if isinstance(error, OperationCancelled):
            self.cancelled.emit()
        elif error is not None:
            log.error("background operation failed", exc_info=error)
            if self.receivers(SIGNAL("failed(PyObject)")) > 0:
                self.failed.emit(error)
            else:
                show_operation_error(error)
        else:
            self.succeeded.emit(outcome.result)
        self.deleteLater()


class BackgroundQuery:
    """Reads for one view in the background; the newest request's result wins.

    ``on_result`` (and ``on_error``) run on the UI thread, only while *owner* exists and
    only for the latest :meth:`start`. Without ``on_error`` a failure goes to the app's
    error dialog. A plain Python object: nothing of Qt to delete."""

    def __init__(self, owner: QObject, on_result: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None = None, *,
                 pool: QThreadPool | None = None) -> None:
        self._owner = owner
        self._on_result = on_result
        self._on_error = on_error
        self._pool = pool
        self.generation = 0
        self._running: dict[int, Callable[[], Any]] = {}

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(self, work: Callable[[], Any]) -> int:
        """Run *work* in the pool; a later start (or :meth:`drop`) makes this one stale."""
        self.generation += 1
        generation = self.generation
        dispatcher = _dispatcher()
        number = dispatcher.register(lambda outcome: self._on_finished(number, generation,
                                                                       outcome))
        self._running[number] = work  # released on the UI thread, in _on_finished
        (self._pool or QThreadPool.globalInstance()).start(_Task(number, work, dispatcher))
        return generation

    def drop(self) -> None:
        """Whatever is running now answers an old question: its result is not wanted."""
        self.generation += 1

    def _on_finished(self, number: int, generation: int, outcome: _Outcome) -> None:
        self._running.pop(number, None)
        if generation != self.generation or not shiboken6.isValid(self._owner):
            return
        if outcome.error is not None:
            if self._on_error is not None:
                self._on_error(outcome.error)
            else:
                log.error("background query failed", exc_info=outcome.error)
                show_operation_error(outcome.error)
            return
        self._on_result(outcome.result)
