"""A deliberately naive SLA clock for the property tests: walk the timeline one UTC minute
at a time, look at the local wall-clock time, and count the minute when the ticket's
status runs the clock and the local time lies in a working window of that local date.

It shares nothing with domain/sla.py but the calendar's plain fields and the status names.
Calendars and histories in the tests are minute-aligned, so counting minutes is exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from desk_crm.domain.sla import BusinessCalendar, StatusChange

MINUTE = timedelta(minutes=1)
RUNS = {"new", "open"}


def working_minute(calendar: BusinessCalendar, moment: datetime) -> bool:
    local = moment.astimezone(ZoneInfo(calendar.timezone))
    day: date = local.date()
    if day in calendar.holidays:
        return False
    windows = calendar.extra_hours if day in calendar.extra_days \
        else calendar.week[day.weekday()]
    minute = local.hour * 60 + local.minute
    return any(start <= minute < end for start, end in windows)


def status_at(history: Sequence[StatusChange], moment: datetime) -> str | None:
    current = None
    for change in sorted(history, key=lambda change: change.at):
        if change.at <= moment:
            current = change.status
    return current


def business_minutes(calendar: BusinessCalendar, start: datetime, end: datetime) -> int:
    count = 0
    moment = start
    while moment < end:
        count += working_minute(calendar, moment)
        moment += MINUTE
    return count


def clock_minutes(calendar: BusinessCalendar, history: Sequence[StatusChange],
                  until: datetime) -> tuple[int, dict[int, datetime]]:
    """Minutes the clock ran before *until*, and when it completed each running minute
    (n -> the end of the n-th counted minute)."""
    ordered = sorted(history, key=lambda change: change.at)
    if not ordered:
        return 0, {}
    count = 0
    reached: dict[int, datetime] = {}
    moment = ordered[0].at
    position = 0
    status = ordered[0].status
    while moment < until:
        while position + 1 < len(ordered) and ordered[position + 1].at <= moment:
            position += 1
            status = ordered[position].status
        if status in RUNS and working_minute(calendar, moment):
            count += 1
            reached[count] = moment + MINUTE
        moment += MINUTE
    return count, reached


def projected(calendar: BusinessCalendar, start: datetime, minutes: int,
              cap: timedelta = timedelta(days=60)) -> datetime | None:
    """The end of the *minutes*-th working minute from *start* (start itself for 0 when
    *start* is a working minute; the next working minute's start otherwise); None when
    not within *cap*."""
    moment = start
    count = 0
    while moment < start + cap:
        if working_minute(calendar, moment):
            if count == minutes:
                return moment
            count += 1
            if count == minutes:
                return moment + MINUTE
        moment += MINUTE
    return None
