"""The SLA clock: business time between two moments in a working calendar, and the state of a
ticket's first-response and resolution targets computed from its status history.

Decisions:
- Business hours are wall-clock hours in the calendar's time zone (zoneinfo): a day
  09:00–18:00 is 9 hours on both sides of a DST change, and a window that contains the
  change is as long as the clocks say (01:00–04:00 on a spring-forward night is 2 hours).
- The clock runs while the ticket is "new" or "open", pauses while "waiting" (on the
  customer) and stops while "resolved" or "closed"; a reopened ticket runs again from the
  time it had used. Both targets follow the same rule.
- The first-response target ends at the first customer-visible reply.
- Everything here is pure: times in, numbers and times out; no "now" is read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

RUNNING = frozenset({"new", "open"})
PAUSED = frozenset({"waiting"})
STOPPED = frozenset({"resolved", "closed"})
# A calendar search stops after this many days (a calendar with no working day at all
# is refused by validation; this guards against a year of holidays).
MAX_DAYS = 3 * 366
WARN_FRACTION = 0.2  # "breaching soon": less than 20 % of the target left


@dataclass(frozen=True)
class BusinessCalendar:
    timezone: str = "Asia/Shanghai"
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday = 0
    day_start: time = time(9, 0)
    day_end: time = time(18, 0)
    holidays: frozenset[date] = field(default_factory=frozenset)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def windows(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Working windows (UTC) from the local day of *start* on, in order."""
        zone = self.zone
        day = start.astimezone(zone).date()
        for _ in range(MAX_DAYS):
            if day.weekday() in self.workdays and day not in self.holidays:
                # Built as local wall-clock times, then converted: the conversion applies
                # that day's offset, so DST days get their real length.
                opens = datetime.combine(day, self.day_start, zone).astimezone(UTC)
                closes = datetime.combine(day, self.day_end, zone).astimezone(UTC)
                if closes > opens:
                    yield opens, closes
            day += timedelta(days=1)


def business_seconds(calendar: BusinessCalendar, start: datetime, end: datetime) -> int:
    """Working seconds of *calendar* between two aware moments (0 when end <= start)."""
    if end <= start:
        return 0
    total = 0.0
    for opens, closes in calendar.windows(start):
        if opens >= end:
            break
        overlap = (min(closes, end) - max(opens, start)).total_seconds()
        if overlap > 0:
            total += overlap
    return int(total)


def add_business_seconds(calendar: BusinessCalendar, start: datetime,
                         seconds: int) -> datetime:
    """The moment *seconds* of working time after *start* (start itself for 0 when it lies
    in a window; otherwise the next opening)."""
    remaining = float(max(seconds, 0))
    for opens, closes in calendar.windows(start):
        begin = max(opens, start)
        if begin >= closes:
            continue
        available = (closes - begin).total_seconds()
        if remaining <= available:
            return begin + timedelta(seconds=remaining)
        remaining -= available
    raise ValueError("the calendar has no working time in the next years")


@dataclass(frozen=True)
class StatusChange:
    at: datetime
    status: str


def running_intervals(history: Sequence[StatusChange],
                      until: datetime) -> list[tuple[datetime, datetime]]:
    """The spans (before *until*) in which the clock runs, from the ordered history."""
    spans = []
    ordered = sorted(history, key=lambda change: change.at)
    for position, change in enumerate(ordered):
        if change.status not in RUNNING or change.at >= until:
            continue
        end = ordered[position + 1].at if position + 1 < len(ordered) else until
        spans.append((change.at, min(end, until)))
    return spans


def elapsed(calendar: BusinessCalendar, history: Sequence[StatusChange],
            until: datetime) -> int:
    """Business seconds the clock ran up to *until*."""
    return sum(business_seconds(calendar, a, b) for a, b in running_intervals(history, until))


def reached_at(calendar: BusinessCalendar, history: Sequence[StatusChange], target: int,
               until: datetime) -> datetime | None:
    """When the running clock reached *target* seconds: a past moment (before *until*), the
    projected moment if it is running at *until*, or None if paused/stopped short of it."""
    used = 0
    spans = running_intervals(history, until)
    for a, b in spans:
        span = business_seconds(calendar, a, b)
        if used + span >= target:
            return add_business_seconds(calendar, a, target - used)
        used += span
    if not history or sorted(history, key=lambda c: c.at)[-1].status not in RUNNING:
        return None
    start = spans[-1][1] if spans else until
    return add_business_seconds(calendar, start, target - used)


@dataclass(frozen=True)
class SlaTargets:
    first_response: int  # business seconds
    resolution: int


@dataclass(frozen=True)
class SlaState:
    target: str  # "first_response", "resolution" or "" (resolved / closed: nothing runs)
    allowed: int  # seconds of the current target
    used: int
    due_at: datetime | None  # projected deadline; None while paused or stopped
    warn_at: datetime | None  # when less than 20 % will be left
    paused: bool
    first_response_breached_at: datetime | None
    resolution_breached_at: datetime | None

    @property
    def left(self) -> int:
        return self.allowed - self.used

    @property
    def breached(self) -> bool:
        # All the allowed time used: after closing time the clock stands still at the
        # target, and the ticket is overdue although no business second is "over" yet.
        return bool(self.target) and self.left <= 0

    @property
    def breaching_soon(self) -> bool:
        return (bool(self.target) and not self.breached
                and self.left < self.allowed * WARN_FRACTION)


def sla_state(calendar: BusinessCalendar, history: Sequence[StatusChange],
              targets: SlaTargets, first_response_at: datetime | None,
              now: datetime) -> SlaState:
    """Where a ticket stands against its targets at *now*."""
    status = sorted(history, key=lambda c: c.at)[-1].status if history else "new"
    response_until = min(first_response_at, now) if first_response_at else now
    response_used = elapsed(calendar, history, response_until)
    response_breach = reached_at(calendar, history, targets.first_response, response_until)
    first_breached = (response_breach if response_breach is not None
                      and response_breach < response_until else None)
    resolution_breach = reached_at(calendar, history, targets.resolution, now)
    resolution_breached = (resolution_breach if resolution_breach is not None
                           and resolution_breach < now else None)
    if status in STOPPED:
        return SlaState("", 0, 0, None, None, False, first_breached, resolution_breached)
    if first_response_at is None:
        kind, allowed, used = "first_response", targets.first_response, response_used
        due = response_breach
    else:
        kind, allowed, used = "resolution", targets.resolution, elapsed(calendar, history, now)
        due = resolution_breach
    paused = status in PAUSED
    warn = None
    if not paused:
        warn = reached_at(calendar, history, int(allowed * (1 - WARN_FRACTION)), now)
    return SlaState(kind, allowed, used, None if paused else due, warn, paused,
                    first_breached, resolution_breached)
