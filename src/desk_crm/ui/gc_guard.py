"""Keep Python's cyclic garbage collector off worker threads while insight work runs.

WORKAROUND (PySide6 6.12): the collector runs in whichever thread happens to allocate when
a generation fills up. A worker reading 100k rows allocates a lot, so a collection of
unreachable Qt wrappers (widgets, charts, signal closures in reference cycles) ran there and
deleted Qt objects off the GUI thread: "malloc_consolidate(): unaligned fastbin chunk" /
segfaults in the next event loop pass, one run in three under load. pyqtgraph's
``GarbageCollector`` works around the same Qt rule by collecting only in the GUI thread.
Here the collector is paused while any insight worker runs.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_lock = threading.Lock()
_running = 0
_was_enabled = True


def _pause() -> None:
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1


def _resume() -> None:
    global _running
    with _lock:
        _running -= 1
        if _running == 0 and _was_enabled:
            gc.enable()


def paused(work: Callable[[], T]) -> Callable[[object], T]:
    """``work`` as a BackgroundOperation function that runs with the collector paused
    (re-enabled when the last such worker ends, whatever happens); the GUI thread, which
    allocates all the time, then does the next collection."""

    def run(_progress: object) -> T:
        _pause()
        try:
            return work()
        finally:
            _resume()

    return run
