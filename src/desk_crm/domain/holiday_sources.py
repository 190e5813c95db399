"""Holidays and make-up working days for SLA calendars, from the maintained `holidays`
package (per country, subdivision and year) or from an ICS feed.

Decisions:
- China's make-up working days (调休, weekend days worked for a bridge holiday) come from
  the package's ``weekend_workdays``, which it fills from the State Council's schedule;
  each is named after the festival whose bridge day it pays for (the package names the
  bridge days "day off (substituted from <date>)", which says nothing to a person).
- A country's public holidays are the package's default category; observed days
  ("(observed)", "补假") are listed too because offices close on them.
- An ICS feed gives one day per all-day event day (DTEND exclusive, as RFC 5545 says) and
  the local date of a timed event. An event whose summary says it is a working day
  ("班", "补班", "上班", "working day", "workday") is an extra working day: that is how the
  published Chinese holiday feeds mark 调休.
- Bad files raise ValidationError("ics") with a message the user can act on; nothing is
  half-imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError

MAX_ICS_BYTES = 5 * 1024 * 1024
MAX_EVENT_DAYS = 366  # a longer "holiday" is a data error, not a closure
_WORKING_WORDS = re.compile(r"补班|上班|调班|[(（\s]班[)）\s]?$|^班$|working day|workday",
                            re.IGNORECASE)


@dataclass(frozen=True)
class ListedDays:
    holidays: dict[date, str] = field(default_factory=dict)
    extra_days: dict[date, str] = field(default_factory=dict)


def _spaced(class_name: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", class_name)


def countries() -> list[tuple[str, str]]:
    """(ISO code, English name) of every country the package knows, by name."""
    from holidays.registry import COUNTRIES

    found = {entry[1]: _spaced(entry[0]) for entry in COUNTRIES.values()}
    return sorted(found.items(), key=lambda item: item[1])


def subdivisions(country: str) -> list[tuple[str, str]]:
    """(code, name) of a country's subdivisions (states, provinces); [] when none."""
    import holidays

    entity = holidays.country_holidays(country, years=[])
    names = {code: alias for alias, code in getattr(entity, "subdivisions_aliases",
                                                    {}).items()}
    return [(code, names.get(code, code)) for code in entity.subdivisions]


def _language(entity_class: type, wanted: str | None) -> str | None:
    supported = getattr(entity_class, "supported_languages", ())
    for candidate in (wanted, (wanted or "").split("_")[0], "en_US"):
        if candidate and candidate in supported:
            return candidate
    return None


def public_holidays(country: str, year: int, subdivision: str | None = None,
                    language: str | None = None) -> ListedDays:
    """Public holidays (and, where the package knows them, make-up working days) of
    *country* in *year*, named in *language* when the package has it (else English)."""
    import holidays

    try:
        probe = holidays.country_holidays(country, years=[])
    except NotImplementedError:
        raise ValidationError("country", QT_TRANSLATE_NOOP(
            "Validation", "No holiday data for “{value}”"), value=country) from None
    try:
        days = holidays.country_holidays(country, subdiv=subdivision or None, years=year,
                                         language=_language(type(probe), language))
    except NotImplementedError:
        raise ValidationError("subdivision", QT_TRANSLATE_NOOP(
            "Validation", "No holiday data for “{value}”"),
            value=f"{country}-{subdivision}") from None
    listed = {day: str(name) for day, name in sorted(days.items()) if day.year == year}
    workdays = sorted(day for day in getattr(days, "weekend_workdays", set())
                      if day.year == year)
    real = {day: name for day, name in listed.items()
            if not any(_mentions(name, other) for other in workdays)}
    # Named after the festival of the bridge day it pays for (the package's bridge day
    # names carry the make-up day's date), else the festival nearest to it.
    bridges = {workday: bridge for workday in workdays for bridge, name in listed.items()
               if _mentions(name, workday)}
    extra = {day: _nearest(real, bridges.get(day, day)) for day in workdays}
    return ListedDays(listed, extra)


def _mentions(name: str, day: date) -> bool:
    """Whether a bridge day's name carries *day* (each language writes dates its way:
    "2026-01-04", "01/04/2026", "04/01/2026", "04.01.2026")."""
    return any(day.strftime(pattern) in name
               for pattern in ("%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y"))


def _nearest(named: dict[date, str], day: date) -> str:
    if not named:
        return ""
    closest = min(named, key=lambda other: (abs((other - day).days), other))
    if abs((closest - day).days) > 14:
        return ""
    # "劳动节（补假）", "Labor Day (observed)": the festival's own name is what people say.
    return re.sub(r"\s*[（(][^)）]*[)）]", "", named[closest]).strip()


def _bad_file(reason: str) -> ValidationError:
    return ValidationError("ics", QT_TRANSLATE_NOOP(
        "Validation", "This is not a calendar file (ICS) that can be read: {value}"),
        value=reason)


def check_size(size: int) -> None:
    """Holiday feeds are a few kilobytes; a huge file is the wrong file."""
    if size > MAX_ICS_BYTES:
        raise _bad_file(f"larger than {MAX_ICS_BYTES // (1024 * 1024)} MB")


def read_ics(data: bytes) -> ListedDays:
    """Holidays and extra working days from an iCalendar file's events."""
    from icalendar import Calendar

    check_size(len(data))
    if not data.strip():
        raise _bad_file("the file is empty")
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError, TypeError) as error:
        raise _bad_file(str(error).splitlines()[0][:200] or type(error).__name__) from None
    holidays: dict[date, str] = {}
    extra: dict[date, str] = {}
    events = list(calendar.walk("VEVENT")) if hasattr(calendar, "walk") else []
    for event in events:
        try:
            start = event.decoded("DTSTART", None)
            end = event.decoded("DTEND", None)
        except (ValueError, TypeError, KeyError):
            start = end = ""
        if start is None:
            continue
        if not isinstance(start, date) or not isinstance(end, date | None):
            raise _bad_file("an event has a date that cannot be read "
                            f"({str(event.get('DTSTART', ''))[:40]})")
        summary = str(event.get("SUMMARY", "")).strip()
        target = extra if _WORKING_WORDS.search(summary) else holidays
        for day in _event_days(start, end):
            target[day] = summary
    if not holidays and not extra:
        raise _bad_file("it has no events with a date")
    for day in set(holidays) & set(extra):  # both in one feed: the working day wins
        holidays.pop(day)
    return ListedDays(dict(sorted(holidays.items())), dict(sorted(extra.items())))


def _event_days(start: date | datetime, end: date | datetime | None) -> list[date]:
    if isinstance(start, datetime):  # a timed event: the day it starts on, its own zone
        return [start.date()]
    if isinstance(end, datetime):
        end = end.date()
    last = end if isinstance(end, date) and end > start else start + timedelta(days=1)
    count = min((last - start).days, MAX_EVENT_DAYS)
    return [start + timedelta(days=offset) for offset in range(count)]
