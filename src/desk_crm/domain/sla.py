"""The SLA clock: business time between two moments in a working calendar, and the state of a
ticket's first-response and resolution targets computed from its status history.

Decisions:
- A calendar has, per weekday, any number of working windows in local wall-clock time
  (09:00–12:00 and 13:00–18:00 leaves the lunch hour out; 00:00–24:00 every day is 24×7),
  a set of holidays (no working time at all) and a set of extra working days (调休: a
  weekend day worked to make up for a bridge day), which keep the "extra day" hours.
  A date cannot be both; validation refuses that.
- A window is the set of instants whose local time (zoneinfo) on that local date lies in
  [start, end). So a day 09:00–18:00 is 9 hours on both sides of a DST change, a window
  01:00–04:00 is 2 hours on a spring-forward night and 4 on a fall-back one, and a window
  that opens inside the skipped hour opens when the clocks jump. The minute-by-minute
  reference in tests/helpers/sla_reference.py is this sentence, written naively.
- The clock runs while the ticket is "new" or "open", pauses while "waiting" (on the
  customer) and stops while "resolved" or "closed"; a reopened ticket runs again from the
  time it had used. Both targets follow the same rule.
- The first-response target ends at the first customer-visible reply.
- A stopped ticket keeps its figures: the service stores them when the ticket is resolved
  or closed (``FrozenSla``) so later changes to the policy do not rewrite history.
- Warnings come at a policy's percentage of the allowed time (80 % by default); an alert
  (warning, then breach) is announced once per target, see ``alert_due``.
- Everything here is pure: times in, numbers and times out; no "now" is read. A history
  ends by *until* / *now* (status changes are never in the future).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

RUNNING = frozenset({"new", "open"})
PAUSED = frozenset({"waiting"})
STOPPED = frozenset({"resolved", "closed"})
# A calendar search stops after this many days (a calendar with no working day at all
# is refused by validation; this guards against a year of holidays).
MAX_DAYS = 3 * 366
DAY_MINUTES = 24 * 60
DEFAULT_WARN_PERCENT = 80

Window = tuple[int, int]  # minutes after local midnight, [start, end), 0 <= start < end <= 1440
Hours = tuple[Window, ...]  # one day's windows, sorted, not overlapping
NINE_TO_SIX: Hours = ((9 * 60, 18 * 60),)
WITH_LUNCH: Hours = ((9 * 60, 12 * 60), (13 * 60, 18 * 60))
ALL_DAY: Hours = ((0, DAY_MINUTES),)


def office_week(workdays: Iterable[int] = range(5), hours: Hours = NINE_TO_SIX
                ) -> tuple[Hours, ...]:
    """Seven days (Monday first) with *hours* on *workdays* and nothing on the others."""
    chosen = set(workdays)
    return tuple(hours if day in chosen else () for day in range(7))


def office_hours(workdays: Iterable[int], start: time, end: time) -> tuple[Hours, ...]:
    """The one-window-a-day week of the first policy model (kept for migrated policies)."""
    return office_week(workdays, ((start.hour * 60 + start.minute,
                                   end.hour * 60 + end.minute),))


@dataclass(frozen=True)
class BusinessCalendar:
    timezone: str = "Asia/Shanghai"
    week: tuple[Hours, ...] = office_week()
    holidays: frozenset[date] = field(default_factory=frozenset)
    extra_days: frozenset[date] = field(default_factory=frozenset)
    extra_hours: Hours = NINE_TO_SIX

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def hours_on(self, day: date) -> Hours:
        """The working windows of one local date."""
        if day in self.holidays:
            return ()
        if day in self.extra_days:
            return self.extra_hours
        return self.week[day.weekday()]

    def windows(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Working windows (UTC) from the local day before *start* on, in order of
        opening. (The day before: a fall-back night can put part of it after *start*.)"""
        zone = self.zone
        day = start.astimezone(zone).date() - timedelta(days=1)
        for _ in range(MAX_DAYS):
            hours = self.hours_on(day)
            if hours:
                yield from _day_windows(zone, day, hours)
            day += timedelta(days=1)


@lru_cache(maxsize=8192)
def _day_windows(zone: ZoneInfo, day: date, hours: Hours
                 ) -> tuple[tuple[datetime, datetime], ...]:
    """The UTC intervals whose local time falls in *hours* on local date *day*: each
    stretch of constant UTC offset maps a window by plain subtraction. Cached: every
    ticket of a policy walks the same days (a policy save recomputes them all)."""
    midnight = datetime.combine(day, time(0), UTC)  # the local midnight, read as if UTC
    spans = []
    for seg_start, seg_end, offset in _offset_segments(zone, day):
        for start, end in hours:
            opens = max(midnight + timedelta(minutes=start) - offset, seg_start)
            closes = min(midnight + timedelta(minutes=end) - offset, seg_end)
            if closes > opens:
                spans.append((opens, closes))
    spans.sort()
    return tuple(spans)


@lru_cache(maxsize=4096)
def _offset_segments(zone: ZoneInfo, day: date
                     ) -> tuple[tuple[datetime, datetime, timedelta], ...]:
    """Stretches of UTC around local date *day* with one UTC offset each: a range wide
    enough for any offset (±15 h), cut where the offset changes (found by bisection)."""
    midnight = datetime.combine(day, time(0), UTC)
    low, high = midnight - timedelta(hours=15), midnight + timedelta(hours=39)

    def offset(moment: datetime) -> timedelta:
        return moment.astimezone(zone).utcoffset() or timedelta(0)

    first, last = offset(low), offset(high)
    if first == last:
        return ((low, high, first),)
    # One change in the range (real zones change at most twice a year, months apart).
    lo, hi = low, high
    while hi - lo > timedelta(seconds=1):
        middle = lo + (hi - lo) / 2
        middle = middle.replace(microsecond=0)
        if offset(middle) == first:
            lo = middle
        else:
            hi = middle
    return ((low, hi, first), (hi, high, last))


def business_seconds(calendar: BusinessCalendar, start: datetime, end: datetime) -> int:
    """Working seconds of *calendar* between two aware moments (0 when end <= start)."""
    if end <= start:
        return 0
    total = 0.0
    # Windows come in order of opening; a day's late windows can only trail by the one
    # local day a fall-back hour can shift things, so stop a day after *end*.
    horizon = end + timedelta(days=2)
    for opens, closes in calendar.windows(start):
        if opens >= horizon:
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
    # Projected from *until*, not from the end of the last running span: a ticket reopened
    # at *until* itself has no span yet, and its clock must not resume at the moment it
    # stopped (found by the minute-by-minute property test).
    return add_business_seconds(calendar, until, target - used)


@dataclass(frozen=True)
class SlaTargets:
    first_response: int  # business seconds
    resolution: int
    warn_percent: int = DEFAULT_WARN_PERCENT  # warn when this much of the target is used


@dataclass(frozen=True)
class FrozenSla:
    """The figures stored when a ticket was resolved or closed (business seconds)."""

    response_used: int
    response_allowed: int
    resolution_used: int
    resolution_allowed: int


@dataclass(frozen=True)
class SlaState:
    target: str  # "first_response", "resolution" or "" (resolved / closed: nothing runs)
    allowed: int  # seconds of the current target (of resolution once stopped)
    used: int
    due_at: datetime | None  # projected deadline; None while paused or stopped
    warn_at: datetime | None  # when the warning percentage is reached
    paused: bool
    first_response_breached_at: datetime | None
    resolution_breached_at: datetime | None
    stopped: bool = False  # resolved or closed: used/allowed are the frozen figures
    warn_percent: int = DEFAULT_WARN_PERCENT
    response_used: int = 0
    response_allowed: int = 0

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
                and self.used * 100 >= self.allowed * self.warn_percent)

    @property
    def met(self) -> bool | None:
        """Once stopped: whether both targets were kept; None while the clock runs."""
        if not self.stopped:
            return None
        return (self.used <= self.allowed and self.response_used <= self.response_allowed
                and self.first_response_breached_at is None
                and self.resolution_breached_at is None)


def sla_state(calendar: BusinessCalendar, history: Sequence[StatusChange],
              targets: SlaTargets, first_response_at: datetime | None,
              now: datetime, frozen: FrozenSla | None = None) -> SlaState:
    """Where a ticket stands against its targets at *now*. A stopped ticket shows
    *frozen* (the stored figures) when given, else the figures computed now."""
    status = sorted(history, key=lambda c: c.at)[-1].status if history else "new"
    response_until = min(first_response_at, now) if first_response_at else now
    response_used = elapsed(calendar, history, response_until)
    response_breach = reached_at(calendar, history, targets.first_response, response_until)
    first_breached = (response_breach if response_breach is not None
                      and response_breach < response_until else None)
    resolution_breach = reached_at(calendar, history, targets.resolution, now)
    resolution_breached = (resolution_breach if resolution_breach is not None
                           and resolution_breach < now else None)
    percent = targets.warn_percent
    if status in STOPPED:
        figures = frozen or freeze(calendar, history, targets, first_response_at, now)
        return SlaState("", figures.resolution_allowed, figures.resolution_used, None, None,
                        False, first_breached, resolution_breached, True, percent,
                        figures.response_used, figures.response_allowed)
    resolution_used = elapsed(calendar, history, now)
    if first_response_at is None:
        kind, allowed, used = "first_response", targets.first_response, response_used
        due = response_breach
    else:
        kind, allowed, used = "resolution", targets.resolution, resolution_used
        due = resolution_breach
    paused = status in PAUSED
    warn = None
    if not paused:
        warn = reached_at(calendar, history, allowed * percent // 100, now)
    return SlaState(kind, allowed, used, None if paused else due, warn, paused,
                    first_breached, resolution_breached, False, percent, response_used,
                    targets.first_response)


def freeze(calendar: BusinessCalendar, history: Sequence[StatusChange],
           targets: SlaTargets, first_response_at: datetime | None,
           now: datetime) -> FrozenSla:
    """The figures to store when the clock stops at *now* (resolved or closed)."""
    response_until = min(first_response_at, now) if first_response_at else now
    return FrozenSla(elapsed(calendar, history, response_until), targets.first_response,
                     elapsed(calendar, history, now), targets.resolution)


# -- alerts ---------------------------------------------------------------------------------

WARNING = "warning"
BREACH = "breach"


@dataclass(frozen=True)
class SlaAlert:
    """A warning (the target's warning percentage used) or a breach (all of it used) for
    one target of one ticket: what the reminder bar shows and automation rules read."""

    ticket_id: str
    number: str
    subject: str
    kind: str  # WARNING or BREACH
    target: str  # "first_response" or "resolution"
    at: datetime  # when the warning point or the deadline was reached
    due_at: datetime

    @property
    def key(self) -> str:
        """What the ticket stores once this alert was announced."""
        return alert_key(self.target, self.kind)


def alert_key(target: str, kind: str) -> str:
    return f"{target}:{kind}"


def alert_due(target: str, warn_at: datetime | None, due_at: datetime | None,
              announced: str, now: datetime) -> str | None:
    """The alert kind to announce now for a running target, or None: a breach once the
    deadline passed (unless announced), else a warning once the warning point passed
    (unless it or the breach was announced)."""
    if not target or due_at is None:
        return None
    if due_at <= now:
        return None if announced == alert_key(target, BREACH) else BREACH
    if warn_at is not None and warn_at <= now and announced not in (
            alert_key(target, WARNING), alert_key(target, BREACH)):
        return WARNING
    return None
