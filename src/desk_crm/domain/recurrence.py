"""Recurring tasks: the next due time of a series, in local wall-clock time.

A weekly 09:00 call stays at 09:00 when daylight saving time starts or ends, so the step is
taken on the local calendar and converted back to UTC afterwards (a fixed step of 7×24 h in
UTC would move it by an hour). A monthly series keeps its anchor day: started on the 31st,
it falls on the last day of shorter months and returns to the 31st when the month has one.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

RULES = ("", "daily", "weekly", "monthly")


def to_local(moment: datetime, tz: ZoneInfo | None) -> datetime:
    """The naive local wall-clock time of an aware *moment* (tz None: the system zone)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware (UTC) time")
    return moment.astimezone(tz).replace(tzinfo=None)


def from_local(wall: datetime, tz: ZoneInfo | None) -> datetime:
    """The UTC moment of a naive local wall-clock time.

    A time that does not exist (skipped when clocks go forward, 02:30 on a spring night in
    Berlin) comes out as the same clock reading in the old offset, i.e. an hour later on the
    new clock (03:30); an ambiguous one (repeated in autumn) is the first of the two.
    """
    if tz is None:
        # Python resolves a naive time with the system's own zone rules (mktime).
        return wall.astimezone(UTC)
    return wall.replace(tzinfo=tz, fold=0).astimezone(UTC)


def add_months(wall: datetime, months: int, anchor_day: int) -> datetime:
    month_index = wall.month - 1 + months
    year, month = wall.year + month_index // 12, month_index % 12 + 1
    day = min(anchor_day, calendar.monthrange(year, month)[1])
    return wall.replace(year=year, month=month, day=day)


def step_local(wall: datetime, rule: str, anchor_day: int | None = None) -> datetime:
    """One step of *rule* on a naive local time."""
    if rule == "daily":
        return wall + timedelta(days=1)
    if rule == "weekly":
        return wall + timedelta(days=7)
    if rule == "monthly":
        return add_months(wall, 1, anchor_day or wall.day)
    raise ValueError(f"not a recurrence rule: {rule!r}")


def next_occurrence(due: datetime, rule: str, tz: ZoneInfo | None = None,
                    anchor_day: int | None = None) -> datetime:
    """The due time (UTC) of the occurrence after one due at *due*.

    *anchor_day* is the day of month the series started on (monthly rules); without it the
    day of *due* is used, which loses the 31st after a short month.
    """
    return from_local(step_local(to_local(due, tz), rule, anchor_day), tz)


def shift_like(moment: datetime, old_due: datetime, new_due: datetime,
               tz: ZoneInfo | None = None) -> datetime:
    """*moment* (a reminder) moved so that it keeps its local wall-clock distance to the
    due time: "1 day before 09:00" is 09:00 the day before in every season."""
    offset = to_local(old_due, tz) - to_local(moment, tz)
    return from_local(to_local(new_due, tz) - offset, tz)


def day_bounds(now: datetime, tz: ZoneInfo | None = None,
               days: int = 1) -> tuple[datetime, datetime]:
    """UTC start of the local day of *now* and the start of the local day *days* later
    (a local day is 23 or 25 hours long when the clocks change)."""
    today = to_local(now, tz).date()
    return (_midnight(today, tz), _midnight(today + timedelta(days=days), tz))


def _midnight(day: date, tz: ZoneInfo | None) -> datetime:
    return from_local(datetime(day.year, day.month, day.day), tz)


def bucket(due: datetime | None, now: datetime, tz: ZoneInfo | None = None) -> str:
    """Where an open activity goes in "My day", by local calendar day: "overdue" (an
    earlier day), "today", "upcoming" (a later day) or "no date"."""
    if due is None:
        return "no date"
    due_day = to_local(due, tz).date()
    today = to_local(now, tz).date()
    if due_day < today:
        return "overdue"
    if due_day == today:
        return "today"
    return "upcoming"
