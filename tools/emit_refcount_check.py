"""Does this PySide6 lose a reference on every Signal.emit()? (the abort of issue 28)

    .venv/bin/python tools/emit_refcount_check.py [emits]

Emits a signal from the main thread, a plain Python thread, a QThreadPool job and a QThread,
and prints how the reference counts of True, False and None moved. On PySide6 6.12.0 with
Python 3.11 every emit frees one reference to True that it never took (emit() returns a
borrowed True), whichever thread or mechanism emits; after a few thousand emits CPython
aborts with "Fatal Python error: bool_dealloc". 6.8.3, 6.10.3 and 6.11.3 print +0 everywhere.
(Python 3.12 made True immortal, PEP 683, which hides the bug.) Exits 1 when a count moved.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThread, QThreadPool, Signal


class _Relay(QObject):
    progressed = Signal(int, int, str)


class _Sink(QObject):
    def on_progressed(self, done: int, total: int, text: str) -> None:
        pass


class _Job(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


class _Thread(QThread):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


def main(argv: list[str]) -> int:
    emits = int(argv[0]) if argv else 100
    app = QCoreApplication.instance() or QCoreApplication([])
    relay, sink = _Relay(), _Sink()
    relay.progressed.connect(sink.on_progressed, Qt.ConnectionType.QueuedConnection)

    def emit_many() -> None:
        for number in range(emits):
            relay.progressed.emit(number, emits, "")

    def in_python_thread() -> None:
        thread = threading.Thread(target=emit_many)
        thread.start()
        thread.join()

    def in_pool() -> None:
        job = _Job(emit_many)
        job.setAutoDelete(False)
        QThreadPool.globalInstance().start(job)
        QThreadPool.globalInstance().waitForDone()

    def in_qthread() -> None:
        thread = _Thread(emit_many)
        thread.start()
        thread.wait()

    print(f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, {emits} emits each")
    moved = False
    for label, run in (("main thread", emit_many), ("Python thread", in_python_thread),
                       ("QThreadPool job", in_pool), ("QThread", in_qthread)):
        before = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
        run()
        app.processEvents()
        after = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
        change = [a - b for a, b in zip(after, before, strict=True)]
        moved = moved or change[0] != 0 or change[1] != 0
        print(f"  {label:16s} True {change[0]:+d}  False {change[1]:+d}  None {change[2]:+d}")
    return 1 if moved else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
