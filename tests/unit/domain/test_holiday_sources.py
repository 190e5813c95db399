"""Holidays seeded from the `holidays` package (China's 调休 included) and read from ICS
feeds; unreadable files give a ValidationError naming the problem."""

from __future__ import annotations

from datetime import date

import pytest

from desk_crm.domain.errors import ValidationError
from desk_crm.domain.holiday_sources import (
    MAX_ICS_BYTES,
    countries,
    public_holidays,
    read_ics,
    subdivisions,
)

FEED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//holidays//EN
BEGIN:VEVENT
UID:national-day
DTSTART;VALUE=DATE:20261001
DTEND;VALUE=DATE:20261008
SUMMARY:国庆节
END:VEVENT
BEGIN:VEVENT
UID:make-up
DTSTART;VALUE=DATE:20261010
SUMMARY:国庆节 补班
END:VEVENT
BEGIN:VEVENT
UID:timed
DTSTART:20261225T100000Z
DTEND:20261225T120000Z
SUMMARY:Office party
END:VEVENT
END:VCALENDAR
"""


def test_china_2026_has_its_national_day_week_and_make_up_saturday() -> None:
    listed = public_holidays("CN", 2026, language="zh_CN")
    assert listed.holidays[date(2026, 10, 1)] == "国庆节"
    assert date(2026, 10, 7) in listed.holidays  # the bridge day paid for by 10 October
    # 调休: Sunday 20 September and Saturday 10 October 2026 are working days for the
    # National Day week; Saturday 28 February for the Spring Festival.
    assert listed.extra_days[date(2026, 10, 10)] == "国庆节"
    assert listed.extra_days[date(2026, 9, 20)] == "国庆节"
    assert listed.extra_days[date(2026, 2, 28)] == "春节"
    assert all(day.weekday() >= 5 for day in listed.extra_days)
    assert not set(listed.holidays) & set(listed.extra_days)


def test_english_names_and_a_subdivision() -> None:
    bavaria = public_holidays("DE", 2026, "BY", "en_US").holidays
    berlin = public_holidays("DE", 2026, "BE", "en_US").holidays
    assert bavaria[date(2026, 1, 6)] == "Epiphany"  # Bavaria only
    assert date(2026, 1, 6) not in berlin
    assert "BY" in dict(subdivisions("DE"))
    assert ("CN", "China") in countries()


def test_unknown_country_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as raised:
        public_holidays("XX", 2026)
    assert raised.value.field == "country"


def test_ics_feed_gives_holidays_and_make_up_days() -> None:
    listed = read_ics(FEED.encode())
    assert [day.day for day in listed.holidays if day.month == 10] == list(range(1, 8))
    assert listed.holidays[date(2026, 12, 25)] == "Office party"
    assert listed.extra_days == {date(2026, 10, 10): "国庆节 补班"}


@pytest.mark.parametrize(("data", "words"), [
    (b"", "empty"),
    (b"hello world", "hello"),
    (b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "no events"),
    (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:someday\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
     "someday"),
    (b"x" * (MAX_ICS_BYTES + 1), "MB"),
])
def test_bad_ics_files_say_what_is_wrong(data: bytes, words: str) -> None:
    with pytest.raises(ValidationError) as raised:
        read_ics(data)
    assert raised.value.field == "ics"
    assert "not a calendar file" in str(raised.value) and words in str(raised.value)


def test_make_up_days_are_named_in_every_language() -> None:
    english = public_holidays("CN", 2026, language="en_US").extra_days
    assert english[date(2026, 10, 10)] == "National Day"
    assert english[date(2026, 1, 4)] == "New Year's Day"
