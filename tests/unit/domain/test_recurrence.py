"""Recurrence in local wall-clock time, month-end clamping, and My-day buckets."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from desk_crm.domain.recurrence import (
    bucket,
    day_bounds,
    from_local,
    next_occurrence,
    shift_like,
    to_local,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(tz: ZoneInfo, *parts: int) -> datetime:
    """A UTC moment given as a local wall-clock time."""
    return from_local(datetime(*parts), tz)  # type: ignore[arg-type]


@pytest.mark.parametrize(("tz", "start", "rule", "expected"), [
    # Berlin: clocks forward on 2026-03-29, back on 2026-10-25.
    (BERLIN, (2026, 3, 23, 9, 0), "weekly", (2026, 3, 30, 9, 0)),
    (BERLIN, (2026, 10, 19, 9, 0), "weekly", (2026, 10, 26, 9, 0)),
    (BERLIN, (2026, 3, 28, 9, 0), "daily", (2026, 3, 29, 9, 0)),
    (BERLIN, (2026, 10, 24, 18, 30), "daily", (2026, 10, 25, 18, 30)),
    (BERLIN, (2026, 3, 15, 9, 0), "monthly", (2026, 4, 15, 9, 0)),
    # New York: forward on 2026-03-08, back on 2026-11-01.
    (NEW_YORK, (2026, 3, 2, 9, 0), "weekly", (2026, 3, 9, 9, 0)),
    (NEW_YORK, (2026, 10, 26, 9, 0), "weekly", (2026, 11, 2, 9, 0)),
    (NEW_YORK, (2026, 3, 7, 23, 15), "daily", (2026, 3, 8, 23, 15)),
    (NEW_YORK, (2026, 10, 31, 12, 0), "daily", (2026, 11, 1, 12, 0)),
    # No daylight saving time at all.
    (SHANGHAI, (2026, 12, 31, 14, 0), "daily", (2027, 1, 1, 14, 0)),
    (SHANGHAI, (2026, 12, 15, 14, 0), "monthly", (2027, 1, 15, 14, 0)),
])
def test_next_occurrence_keeps_the_local_time(tz: ZoneInfo, start: tuple[int, ...],
                                              rule: str, expected: tuple[int, ...]) -> None:
    following = next_occurrence(local(tz, *start), rule, tz)
    assert following.tzinfo is not None
    assert to_local(following, tz) == datetime(*expected)  # type: ignore[arg-type]


def test_weekly_across_spring_forward_is_one_hour_shorter_in_utc() -> None:
    before = local(BERLIN, 2026, 3, 23, 9, 0)
    after = next_occurrence(before, "weekly", BERLIN)
    assert (after - before).total_seconds() == 7 * 24 * 3600 - 3600
    assert after == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)


def test_weekly_across_fall_back_is_one_hour_longer_in_utc() -> None:
    before = local(NEW_YORK, 2026, 10, 26, 9, 0)
    after = next_occurrence(before, "weekly", NEW_YORK)
    assert (after - before).total_seconds() == 7 * 24 * 3600 + 3600


def test_a_time_skipped_by_spring_forward_moves_an_hour_later() -> None:
    # 02:30 does not exist in Berlin on 2026-03-29.
    following = next_occurrence(local(BERLIN, 2026, 3, 28, 2, 30), "daily", BERLIN)
    assert to_local(following, BERLIN) == datetime(2026, 3, 29, 3, 30)


@pytest.mark.parametrize(("start", "steps"), [
    ((2026, 1, 31, 10, 0), [(2026, 2, 28), (2026, 3, 31), (2026, 4, 30), (2026, 5, 31)]),
    ((2027, 12, 31, 10, 0), [(2028, 1, 31), (2028, 2, 29), (2028, 3, 31)]),  # leap year
    ((2026, 1, 30, 10, 0), [(2026, 2, 28), (2026, 3, 30), (2026, 4, 30)]),
    ((2026, 1, 15, 10, 0), [(2026, 2, 15), (2026, 3, 15)]),
])
def test_monthly_clamps_to_month_end_and_returns_to_the_anchor_day(
        start: tuple[int, ...], steps: list[tuple[int, int, int]]) -> None:
    due = local(BERLIN, *start)
    anchor = start[2]
    for expected in steps:
        due = next_occurrence(due, "monthly", BERLIN, anchor_day=anchor)
        assert to_local(due, BERLIN) == datetime(*expected, 10, 0)


def test_monthly_without_anchor_drifts_after_a_short_month() -> None:
    # Why the service passes the series' anchor day: the 28th alone cannot know.
    due = next_occurrence(local(BERLIN, 2026, 1, 31, 10, 0), "monthly", BERLIN)
    due = next_occurrence(due, "monthly", BERLIN)
    assert to_local(due, BERLIN).day == 28


def test_unknown_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="yearly"):
        next_occurrence(datetime(2026, 1, 1, tzinfo=UTC), "yearly", BERLIN)


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        next_occurrence(datetime(2026, 1, 1), "daily", BERLIN)


def test_system_zone_when_no_zone_given() -> None:
    due = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
    following = next_occurrence(due, "daily", None)
    assert to_local(following, None) - to_local(due, None) == datetime(2, 1, 2) - datetime(
        2, 1, 1)


def test_reminder_keeps_its_local_distance_to_the_due_time() -> None:
    old_due = local(BERLIN, 2026, 3, 23, 9, 0)
    reminder = local(BERLIN, 2026, 3, 22, 9, 0)  # one day before
    new_due = next_occurrence(old_due, "weekly", BERLIN)
    moved = shift_like(reminder, old_due, new_due, BERLIN)
    assert to_local(moved, BERLIN) == datetime(2026, 3, 29, 9, 0)


# -- My day buckets -----------------------------------------------------------------------

@pytest.mark.parametrize(("due", "now", "expected"), [
    # 23:30 in Shanghai is 15:30 UTC; the local day ends at 16:00 UTC.
    ((2026, 5, 4, 15, 59), (2026, 5, 4, 15, 30), "today"),
    ((2026, 5, 4, 16, 0), (2026, 5, 4, 15, 30), "upcoming"),
    ((2026, 5, 4, 15, 0), (2026, 5, 4, 16, 30), "overdue"),  # now is past local midnight
    ((2026, 5, 4, 16, 5), (2026, 5, 4, 16, 30), "today"),  # earlier today: late, not overdue
    ((2026, 5, 3, 16, 0), (2026, 5, 4, 15, 59), "today"),  # local 00:00 today
    ((2026, 5, 3, 15, 59), (2026, 5, 4, 15, 59), "overdue"),
])
def test_bucket_by_local_calendar_day(due: tuple[int, ...], now: tuple[int, ...],
                                      expected: str) -> None:
    assert bucket(datetime(*due, tzinfo=UTC), datetime(*now, tzinfo=UTC),  # type: ignore[misc]
                  SHANGHAI) == expected


def test_bucket_without_due_time() -> None:
    assert bucket(None, datetime(2026, 5, 4, tzinfo=UTC), SHANGHAI) == "no date"


def test_the_same_utc_times_bucket_differently_in_another_zone() -> None:
    due = datetime(2026, 5, 4, 23, 0, tzinfo=UTC)
    now = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
    assert bucket(due, now, NEW_YORK) == "today"  # 19:00 and 08:00 on the 4th
    assert bucket(due, now, SHANGHAI) == "upcoming"  # 07:00 on the 5th vs 20:00 on the 4th


def test_day_bounds_span_23_hours_on_spring_forward() -> None:
    start, end = day_bounds(datetime(2026, 3, 29, 12, 0, tzinfo=UTC), BERLIN)
    assert start == datetime(2026, 3, 28, 23, 0, tzinfo=UTC)
    assert (end - start).total_seconds() == 23 * 3600
