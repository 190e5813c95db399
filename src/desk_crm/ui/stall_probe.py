"""A watchdog for the UI thread: every stall over a threshold, with what was running.

A QTimer on the UI thread beats every ``interval_ms``; a Python thread watches the beats.
When a beat is ``threshold_ms`` late the watcher samples the UI thread's stack
(``sys._current_frames``), so a stall is reported with the code that caused it, not only
its length. Started by ``--stall-probe`` in the app (stalls go to the log) and by the
``stall_probe`` fixture in tests (tests/helpers/stalls.py).

On a shared or loaded machine the UI thread can also stall because the OS gave the CPU to
someone else. On Linux each stall also carries ``waited_ms``: the time the thread was
runnable but not running (``/proc/self/task/<tid>/schedstat``, second field), and
``own_ms`` = length − waited is what this program is to blame for.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot

log = logging.getLogger("desk_crm.ui")


@dataclass(frozen=True)
class Stall:
    length_ms: float  # wall time between two beats, less the interval
    waited_ms: float  # of that, runnable but not scheduled (0 where unknown)
    doing: str  # what the caller said was going on (StallProbe.doing)
    stack: str  # the UI thread's stack sampled during the stall, innermost last

    @property
    def own_ms(self) -> float:
        return self.length_ms - self.waited_ms

    def describe(self) -> str:
        return (f"{self.length_ms:.0f} ms (own {self.own_ms:.0f} ms) while "
                f"{self.doing or 'idle'}:\n{self.stack}")


def _run_delay_ns(native_id: int) -> int | None:
    try:
        text = Path(f"/proc/self/task/{native_id}/schedstat").read_text()
    except OSError:
        return None
    return int(text.split()[1])


def _app_stack(frame: object) -> str:
    """The sampled stack, innermost last, from the first frame of this app on."""
    lines = traceback.format_stack(frame)  # type: ignore[arg-type]
    first = next((i for i, line in enumerate(lines) if "desk_crm" in line), 0)
    return "".join(lines[first:])[-4000:]


class StallProbe(QObject):
    """Create and :meth:`start` on the UI thread; read :attr:`stalls`; :meth:`stop`."""

    def __init__(self, threshold_ms: float = 50.0, interval_ms: int = 10,
                 parent: QObject | None = None, *, log_stalls: bool = False) -> None:
        super().__init__(parent)
        self.threshold_ms = threshold_ms
        self.interval_ms = interval_ms
        self.log_stalls = log_stalls
        self.stalls: list[Stall] = []
        self._doing = ""
        self._lock = threading.Lock()
        self._last_beat = time.monotonic()
        self._last_delay: int | None = None
        self._sample = ""
        self._sample_doing = ""
        self._ui_ident = threading.get_ident()
        self._ui_native = threading.get_native_id()
        self._running = threading.Event()
        self._watcher: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    def doing(self, what: str) -> None:
        """Name what the UI thread is about to do; reported with any stall that follows."""
        self._doing = what

    def start(self) -> None:
        self._ui_ident = threading.get_ident()
        self._ui_native = threading.get_native_id()
        self._last_beat = time.monotonic()
        self._last_delay = _run_delay_ns(self._ui_native)
        self._running.set()
        self._timer.start()
        self._watcher = threading.Thread(target=self._watch, name="stall-probe", daemon=True)
        self._watcher.start()

    def stop(self) -> None:
        self._timer.stop()
        self._running.clear()
        if self._watcher is not None:
            self._watcher.join(1.0)
            self._watcher = None

    def reset(self) -> None:
        self.stalls.clear()

    def longest(self) -> Stall | None:
        return max(self.stalls, key=lambda s: s.own_ms, default=None)

    @Slot()
    def _on_timer_timeout(self) -> None:
        now = time.monotonic()
        delay = _run_delay_ns(self._ui_native)
        with self._lock:
            gap_ms = (now - self._last_beat) * 1000 - self.interval_ms
            waited_ms = 0.0
            if delay is not None and self._last_delay is not None:
                waited_ms = min(max(gap_ms, 0.0), (delay - self._last_delay) / 1e6)
            stack, doing = self._sample, self._sample_doing or self._doing
            self._last_beat, self._last_delay = now, delay
            self._sample, self._sample_doing = "", ""
        if gap_ms > self.threshold_ms:
            stall = Stall(gap_ms, waited_ms, doing, stack)
            self.stalls.append(stall)
            if self.log_stalls:
                log.warning("UI thread stalled %s", stall.describe())

    def _watch(self) -> None:
        while self._running.is_set():
            time.sleep(self.interval_ms / 1000)
            with self._lock:
                late_ms = (time.monotonic() - self._last_beat) * 1000 - self.interval_ms
                if late_ms > self.threshold_ms * 0.8 and not self._sample:
                    frame = sys._current_frames().get(self._ui_ident)
                    self._sample = _app_stack(frame) if frame is not None else "(no frame)"
                    self._sample_doing = self._doing
