"""The PySide6 in use keeps reference counts straight across Signal.emit().

PySide6 6.12.0 returned a borrowed True from emit(): each emit freed a reference to True,
and after a few thousand (a duplicate scan's progress) Python 3.11 aborted the process with
"bool_dealloc" in whichever thread emitted last. pyproject excludes that release; this test
fails on any release that brings the leak back, before a user's window dies of it."""

from __future__ import annotations

import sys
import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal


class _Relay(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object, object)


class _Sink(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def on_progressed(self, *_args: object) -> None:
        self.calls += 1


def _emit(relay: _Relay, times: int) -> None:
    for number in range(times):
        relay.progressed.emit(number, times, "")
        relay.finished.emit(None, None)


def test_emit_from_ui_thread_keeps_references(qapp: Any) -> None:
    relay = _Relay()
    before = sys.getrefcount(True), sys.getrefcount(False)
    _emit(relay, 300)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before


def test_emit_from_worker_thread_keeps_references(qtbot: Any) -> None:
    relay, sink = _Relay(), _Sink()
    relay.progressed.connect(sink.on_progressed, Qt.ConnectionType.QueuedConnection)
    before = sys.getrefcount(True)
    worker = threading.Thread(target=_emit, args=(relay, 300))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: sink.calls == 300)
    # Delivery itself may hold a few references for a moment; 300 lost ones is the bug.
    assert abs(sys.getrefcount(True) - before) < 20
