"""The SLA clock against hand-worked cases (week of Monday 2026-11-23 in Shanghai, the
1 October holiday, and Berlin's DST weekends of 2026)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desk_crm.domain.sla import (
    BusinessCalendar,
    SlaTargets,
    StatusChange,
    add_business_seconds,
    business_seconds,
    elapsed,
    office_hours,
    sla_state,
)

SH = BusinessCalendar("Asia/Shanghai", holidays=frozenset({date(2026, 10, 1)}))
BERLIN = BusinessCalendar("Europe/Berlin")
# Every day 01:00–04:00: the windows that DST changes cut or stretch.
BERLIN_NIGHT = BusinessCalendar("Europe/Berlin", office_hours(range(7), time(1), time(4)))
H = 3600


def at(text: str, zone: str = "Asia/Shanghai") -> datetime:
    """ "2026-11-23 10:00" local -> aware UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


BETWEEN = [
    ("same morning", SH, "2026-11-23 10:00", "2026-11-23 12:00", 2 * H),
    ("created before opening", SH, "2026-11-23 08:00", "2026-11-23 10:00", 1 * H),
    ("over a night", SH, "2026-11-23 17:00", "2026-11-24 10:00", 2 * H),
    ("over a weekend", SH, "2026-11-27 17:00", "2026-11-30 10:00", 2 * H),
    ("all weekend", SH, "2026-11-28 10:00", "2026-11-29 20:00", 0),
    ("created on a Saturday", SH, "2026-11-28 10:00", "2026-11-30 09:30", H // 2),
    ("created after closing", SH, "2026-11-23 19:00", "2026-11-24 09:00", 0),
    ("a whole week", SH, "2026-11-23 09:00", "2026-11-27 18:00", 45 * H),
    ("Monday to Monday", SH, "2026-11-23 09:00", "2026-11-30 09:00", 45 * H),
    ("over a holiday", SH, "2026-09-30 17:00", "2026-10-02 10:00", 2 * H),
    ("inside a holiday", SH, "2026-10-01 10:00", "2026-10-01 15:00", 0),
    ("end before start", SH, "2026-11-23 12:00", "2026-11-23 10:00", 0),
    ("minutes", SH, "2026-11-23 17:59", "2026-11-24 09:01", 120),
]


@pytest.mark.parametrize(("case", "calendar", "start", "end", "expected"), BETWEEN,
                         ids=[case[0] for case in BETWEEN])
def test_business_seconds(case: str, calendar: BusinessCalendar, start: str, end: str,
                          expected: int) -> None:
    assert business_seconds(calendar, at(start), at(end)) == expected


DST = [
    # 64 real hours pass (clocks go forward on Sunday), still 2 business hours.
    ("spring weekend", BERLIN, "2026-03-27 17:00", "2026-03-30 10:00", 2 * H),
    ("autumn weekend", BERLIN, "2026-10-23 17:00", "2026-10-26 10:00", 2 * H),
    ("spring night loses an hour", BERLIN_NIGHT, "2026-03-29 00:00", "2026-03-29 05:00",
     2 * H),
    ("autumn night gains an hour", BERLIN_NIGHT, "2026-10-25 00:00", "2026-10-25 05:00",
     4 * H),
    ("ordinary night", BERLIN_NIGHT, "2026-03-28 00:00", "2026-03-28 05:00", 3 * H),
]


@pytest.mark.parametrize(("case", "calendar", "start", "end", "expected"), DST,
                         ids=[case[0] for case in DST])
def test_business_seconds_across_dst(case: str, calendar: BusinessCalendar, start: str,
                                     end: str, expected: int) -> None:
    assert business_seconds(calendar, at(start, calendar.timezone),
                            at(end, calendar.timezone)) == expected


ADD = [
    ("over a weekend", SH, "2026-11-27 17:00", 2 * H, "2026-11-30 10:00"),
    ("zero on a Saturday waits for Monday", SH, "2026-11-28 12:00", 0, "2026-11-30 09:00"),
    ("into the next morning", SH, "2026-11-23 17:30", 1 * H, "2026-11-24 09:30"),
    ("over a holiday", SH, "2026-09-30 17:00", 2 * H, "2026-10-02 10:00"),
    ("over a DST weekend", BERLIN, "2026-03-27 17:00", 2 * H, "2026-03-30 10:00"),
    ("created Friday evening, 4 h target", SH, "2026-11-27 17:30", 4 * H,
     "2026-11-30 12:30"),  # 30 min Friday + 3 h 30 Monday
]


@pytest.mark.parametrize(("case", "calendar", "start", "seconds", "expected"), ADD,
                         ids=[case[0] for case in ADD])
def test_add_business_seconds(case: str, calendar: BusinessCalendar, start: str,
                              seconds: int, expected: str) -> None:
    zone = calendar.timezone
    assert add_business_seconds(calendar, at(start, zone), seconds) == at(expected, zone)


def history(*changes: tuple[str, str]) -> list[StatusChange]:
    return [StatusChange(at(moment), status) for moment, status in changes]


PAUSES = [
    ("paused half a day", history(("2026-11-23 10:00", "new"), ("2026-11-23 12:00", "waiting"),
                                  ("2026-11-24 10:00", "open")),
     "2026-11-24 12:00", 4 * H),
    ("pause across a weekend", history(("2026-11-27 10:00", "new"),
                                       ("2026-11-27 15:00", "waiting"),
                                       ("2026-11-30 11:00", "open")),
     "2026-11-30 12:00", 6 * H),
    ("resolved then reopened", history(("2026-11-23 10:00", "new"),
                                       ("2026-11-23 12:00", "resolved"),
                                       ("2026-11-24 10:00", "open")),
     "2026-11-24 11:00", 3 * H),
    ("still waiting", history(("2026-11-23 10:00", "open"), ("2026-11-23 11:00", "waiting")),
     "2026-11-25 11:00", 1 * H),
]


@pytest.mark.parametrize(("case", "changes", "until", "expected"), PAUSES,
                         ids=[case[0] for case in PAUSES])
def test_elapsed_pauses_while_waiting(case: str, changes: list[StatusChange], until: str,
                                      expected: int) -> None:
    assert elapsed(SH, changes, at(until)) == expected


TARGETS = SlaTargets(first_response=4 * H, resolution=18 * H)


def test_first_response_time_left_and_deadline() -> None:
    state = sla_state(SH, history(("2026-11-23 10:00", "new")), TARGETS, None,
                      at("2026-11-23 13:00"))
    assert state.target == "first_response"
    assert state.left == 1 * H
    assert state.due_at == at("2026-11-23 14:00")
    assert state.warn_at == at("2026-11-23 13:12")  # 80 % of 4 h = 3 h 12 min
    assert not state.breaching_soon and not state.breached


def test_breaching_soon_under_twenty_percent() -> None:
    state = sla_state(SH, history(("2026-11-23 10:00", "new")), TARGETS, None,
                      at("2026-11-23 13:30"))
    assert state.breaching_soon and not state.breached


def test_breach_time_is_when_the_target_ran_out() -> None:
    state = sla_state(SH, history(("2026-11-23 10:00", "new")), TARGETS, None,
                      at("2026-11-23 15:00"))
    assert state.breached
    assert state.left == -1 * H
    assert state.first_response_breached_at == at("2026-11-23 14:00")


def test_after_a_reply_the_resolution_target_runs() -> None:
    state = sla_state(SH, history(("2026-11-23 10:00", "new"), ("2026-11-23 11:00", "open")),
                      TARGETS, at("2026-11-23 11:00"), at("2026-11-24 10:00"))
    assert state.target == "resolution"
    assert state.used == 9 * H
    assert state.first_response_breached_at is None
    assert state.due_at == at("2026-11-25 10:00")


def test_paused_ticket_has_no_deadline() -> None:
    state = sla_state(SH, history(("2026-11-23 10:00", "new"),
                                  ("2026-11-23 11:00", "waiting")),
                      TARGETS, at("2026-11-23 10:30"), at("2026-11-30 10:00"))
    assert state.paused and state.due_at is None
    assert state.used == 1 * H


def test_resolved_ticket_runs_no_target() -> None:
    state = sla_state(SH, history(("2026-11-23 10:00", "new"),
                                  ("2026-11-23 11:00", "resolved")),
                      TARGETS, at("2026-11-23 10:30"), at("2026-12-30 10:00"))
    assert state.target == "" and not state.breached
    assert state.resolution_breached_at is None


def test_created_friday_evening_is_due_monday() -> None:
    state = sla_state(SH, history(("2026-11-27 17:30", "new")), TARGETS, None,
                      at("2026-11-28 12:00"))
    assert state.used == 30 * 60
    assert state.due_at == at("2026-11-30 12:30")
    assert state.due_at - at("2026-11-27 17:30") > timedelta(days=2)


def test_target_reached_at_closing_time_is_breached_overnight() -> None:
    # 4 h target from 14:00 runs out at 18:00; at 21:00 no business time is "over" yet.
    state = sla_state(SH, history(("2026-11-23 14:00", "new")), TARGETS, None,
                      at("2026-11-23 21:00"))
    assert state.left == 0 and state.breached
    assert state.first_response_breached_at == at("2026-11-23 18:00")
    assert state.due_at == at("2026-11-23 18:00")
