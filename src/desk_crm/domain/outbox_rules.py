"""When the outbox sends: retry with exponential back-off, and a per-minute throttle.

Decisions:
- After failed attempt n (1, 2, …) the next try waits ``base × 2^(n−1)``, capped at
  ``cap``: 1, 2, 4, 8 … minutes, at most 6 hours. After ``MAX_ATTEMPTS`` a mail is "failed"
  and waits for the user's Retry.
- A permanent SMTP refusal (5xx: no such mailbox, rejected) fails at once: trying again
  the same way cannot succeed.
- The throttle is a sliding window: at most *per_minute* messages in any 60 seconds.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from datetime import datetime, timedelta

MAX_ATTEMPTS = 8
BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_CAP = timedelta(hours=6)
WINDOW = timedelta(minutes=1)


def backoff(attempts: int, base: timedelta = BACKOFF_BASE,
            cap: timedelta = BACKOFF_CAP) -> timedelta:
    """How long to wait after the *attempts*-th failed attempt (1 for the first)."""
    if attempts < 1:
        return timedelta(0)
    return min(base * (1 << min(attempts - 1, 30)), cap)  # int ** int is typed Any


def after_failure(attempts: int, permanent: bool, now: datetime) -> tuple[str, datetime | None]:
    """(new status, next attempt time) after failed attempt number *attempts*."""
    if permanent or attempts >= MAX_ATTEMPTS:
        return "failed", None
    return "queued", now + backoff(attempts)


class Throttle:
    """At most *per_minute* sends in any sliding minute. ``wait(now)`` says how long to
    pause before the next send; ``sent(now)`` records one. Pure: the caller sleeps."""

    def __init__(self, per_minute: int, history: Iterable[datetime] = ()) -> None:
        self.per_minute = max(1, per_minute)
        self._sent: deque[datetime] = deque(sorted(history))

    def wait(self, now: datetime) -> timedelta:
        while self._sent and now - self._sent[0] >= WINDOW:
            self._sent.popleft()
        if len(self._sent) < self.per_minute:
            return timedelta(0)
        return self._sent[0] + WINDOW - now

    def sent(self, now: datetime) -> None:
        self._sent.append(now)
