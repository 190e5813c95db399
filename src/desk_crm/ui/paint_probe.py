"""``DESK_CRM_EXIT_AFTER_PAINT=1``: print how long the start took once the current list has
painted its rows, then quit. The benchmark (bench/run) times whole processes with it."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "DESK_CRM_EXIT_AFTER_PAINT"


class FirstPaintProbe(QObject):
    def __init__(self, target: QWidget, started: float) -> None:
        super().__init__(target)
        self._target = target
        self._started = started
        self._done = False
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            # After this paint event has been handled: the rows are on screen.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        elapsed = (time.perf_counter() - self._started) * 1000
        print(f"first-paint-ms {elapsed:.0f}", flush=True)
        QApplication.quit()
