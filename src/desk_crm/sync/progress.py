"""Progress of a sync run per phase ("push", "pull:contact", "reconcile:contact"), with the
phase's total where the server can say it and an estimate of the time left. Pure Python:
the status bar and the command line format the same figures."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

# The engine's callback: step, records done in this phase, the phase's total (0: unknown).
ProgressCallback = Callable[[str, int, int], None]


@dataclass(frozen=True)
class PhaseProgress:
    step: str
    done: int
    total: int              # 0 when the server cannot tell
    eta_seconds: float | None  # None until there is a rate to go by, or no total

    @property
    def phase(self) -> str:
        """"push", "pull" or "reconcile"."""
        return self.step.split(":", 1)[0]

    @property
    def entity(self) -> str:
        return self.step.split(":", 1)[1] if ":" in self.step else ""


class PhaseClock:
    """Turns (step, done, total) into PhaseProgress; the estimate uses the rate since the
    phase began (a phase's records cost about the same each)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._step = ""
        self._started = 0.0

    def update(self, step: str, done: int, total: int) -> PhaseProgress:
        now = self._clock()
        if step != self._step:
            self._step, self._started = step, now
        elapsed = now - self._started
        eta: float | None = None
        if total and done and elapsed > 0:
            eta = max(0.0, (total - done) * elapsed / done)
        return PhaseProgress(step, done, total, eta)


def format_eta(seconds: float | None) -> str:
    """"1:05" / "12:30" / "1:02:03"; empty when unknown."""
    if seconds is None:
        return ""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
