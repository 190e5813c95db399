"""Background computations of the insight pages: the work runs in a pool thread (through
``operations.start_job``), the newest request's result comes back to a callback on the GUI
thread, older ones are dropped.

Why not ``BackgroundOperation`` (WORKAROUND, PySide6 6.12): it deletes itself with
``deleteLater()`` when done, and on these pages — several computations per page, pages
shown and destroyed quickly — that deferred delete crashed in ``QObject::~QObject`` (gdb)
about one test run in three under load. Here one relay object per page lives as long as
the page's Python side and the jobs that still hold it, is never deleted explicitly, and is
released on the GUI thread; results for a page already destroyed are ignored.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

from desk_crm.ui.operations import PoolJob, start_job

_gc_lock = threading.Lock()
_gc_paused = 0
_gc_was_enabled = True


def _pause_gc() -> None:
    # Python's cyclic collector runs in whichever thread allocates when a generation
    # fills; a worker reading many rows must not be the one that frees Qt wrappers.
    global _gc_paused, _gc_was_enabled
    with _gc_lock:
        if _gc_paused == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_paused += 1


def _resume_gc() -> None:
    global _gc_paused
    with _gc_lock:
        _gc_paused -= 1
        if _gc_paused == 0 and _gc_was_enabled:
            gc.enable()


class _Job(PoolJob):
    def __init__(self, relay: Computation, generation: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self._relay = relay
        self._generation = generation
        self._work = work

    def work(self) -> None:
        _pause_gc()
        try:
            result = self._work()
        except BaseException as error:  # handed to the GUI thread, which decides
            outcome: tuple[Any, Any] = (None, error)
        else:
            outcome = (result, None)
        finally:
            _resume_gc()
        # Boxed in a list-free holder: see Computation.finished.
        self._relay.finished.emit(self._generation, _Outcome(*outcome))


class _Outcome:
    __slots__ = ("error", "result")

    def __init__(self, result: Any, error: Any) -> None:
        self.result = result
        self.error = error


class Computation(QObject):
    """Signals:
        finished(int, object): generation and outcome (an object, never a Python
            sequence: those are converted on the way and that corrupted the heap).
    """

    finished = Signal(int, object)

    def __init__(self, owner: QObject, on_result: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None = None) -> None:
        super().__init__()  # no parent: never deleted with (or before) the page's children
        self._owner = owner
        self._on_result = on_result
        self._on_error = on_error
        self.generation = 0
        self.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def start(self, work: Callable[[], Any]) -> int:
        """Run *work* in the pool; a later start makes this one's result stale."""
        self.generation += 1
        start_job(QThreadPool.globalInstance(), _Job(self, self.generation, work))
        return self.generation

    @Slot(int, object)
    def _on_finished(self, generation: int, outcome: _Outcome) -> None:
        if generation != self.generation or not shiboken6.isValid(self._owner):
            return
        if outcome.error is not None:
            if self._on_error is not None:
                self._on_error(outcome.error)
            return
        self._on_result(outcome.result)
