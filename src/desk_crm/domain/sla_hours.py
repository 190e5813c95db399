"""Working hours and day lists as people type them: "09:00-12:00, 13:00-18:00" for a
day's windows ("24h" or "00:00-24:00" all day, empty or "-" for none), and one date per
line with an optional name ("2026-10-01 国庆节").

Decisions:
- A dash of any kind separates start and end ("-", "–", "—", "~", "～", "至"), commas or
  semicolons (also full-width) separate windows, so text pasted from a Chinese document
  reads the same as typed text.
- Touching windows (12:00-13:00, 13:00-14:00) are merged; overlapping ones are refused:
  they are almost always a typing error.
"""

from __future__ import annotations

import re
from datetime import date

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_crm.domain.sla import DAY_MINUTES, Hours

_SEPARATORS = re.compile(r"[,;，；、\n]+")
_CLOCK = r"(\d{1,2})(?::|：)?(\d{2})?"
_WINDOW = re.compile(rf"^\s*{_CLOCK}\s*[-–—~～至到]\s*{_CLOCK}\s*$")
_ALL_DAY = {"24h", "24 h", "24x7", "24×7", "全天", "all day"}
_NONE = {"", "-", "–", "—", "closed", "休息", "无"}


def _minute(hour: str, minute: str | None, text: str) -> int:
    value = int(hour) * 60 + int(minute or 0)
    if int(minute or 0) >= 60 or value > DAY_MINUTES:
        raise _bad_hours(text)
    return value


def _bad_hours(text: str) -> ValidationError:
    return ValidationError("week", QT_TRANSLATE_NOOP(
        "Validation", "“{value}” is not working hours (e.g. 09:00-12:00, 13:00-18:00)"),
        value=text)


def parse_hours(text: str) -> Hours:
    """A day's windows from text; ValidationError("week") when unreadable or overlapping."""
    clean = text.strip().lower()
    if clean in _NONE:
        return ()
    if clean in _ALL_DAY:
        return ((0, DAY_MINUTES),)
    windows = []
    for part in _SEPARATORS.split(clean):
        if not part.strip():
            continue
        match = _WINDOW.match(part)
        if match is None:
            raise _bad_hours(part.strip())
        start = _minute(match[1], match[2], part.strip())
        end = _minute(match[3], match[4], part.strip())
        if end <= start:
            raise ValidationError("week", QT_TRANSLATE_NOOP(
                "Validation", "“{value}”: a window must end after it starts"),
                value=part.strip())
        windows.append((start, end))
    return normalise_hours(windows, text)


def normalise_hours(windows: list[tuple[int, int]] | Hours, text: str = "") -> Hours:
    """Sorted windows with touching ones merged; overlapping ones raise ValidationError."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(windows):
        if not 0 <= start < end <= DAY_MINUTES:
            raise _bad_hours(text or hours_text(tuple(windows)))
        if merged and start < merged[-1][1]:
            raise ValidationError("week", QT_TRANSLATE_NOOP(
                "Validation", "“{value}”: working windows overlap"),
                value=text or hours_text(tuple(windows)))
        if merged and start == merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def hours_text(hours: Hours) -> str:
    """The text parse_hours reads back: "09:00-12:00, 13:00-18:00", "" for none."""
    return ", ".join(f"{_clock(start)}-{_clock(end)}" for start, end in hours)


def hours_minutes(hours: Hours) -> int:
    return sum(end - start for start, end in hours)


def parse_days(text: str, field: str) -> dict[date, str]:
    """{date: name} from one "YYYY-MM-DD [name]" per line; ValidationError(*field*)."""
    days: dict[date, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        first, _space, name = stripped.partition(" ")
        try:
            day = date.fromisoformat(first)
        except ValueError:
            raise ValidationError(field, QT_TRANSLATE_NOOP(
                "Validation", "“{value}” is not a date (YYYY-MM-DD)"), value=first) from None
        days[day] = name.strip()
    return days


def days_text(days: dict[date, str]) -> str:
    return "\n".join(f"{day.isoformat()} {name}".rstrip() for day, name in sorted(days.items()))
