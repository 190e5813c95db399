"""Service tickets as the UI fills them in: fields, status transitions, numbers, SLA policy
shape and attachment file names.

Decisions:
- Status flow: new → open → waiting (on customer) → resolved → closed; "waiting" goes back
  to "open" (the customer answered); resolved and closed tickets can be reopened ("open").
  Staying in the same status is always allowed (a save that changes other fields).
- Numbers are "T-<year>-<5 digits>", gap-free per year: the counter is taken in the same
  transaction as the insert (services/tickets.py), so a rolled-back insert frees it again.
- An attachment keeps the user's file name for display but is stored under a sanitised
  name that can never leave the ticket's folder: no separators, no "..", no control
  characters, no Windows device names, bounded length.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.sla import DEFAULT_WARN_PERCENT, NINE_TO_SIX, Hours, office_hours
from desk_crm.domain.sla_hours import normalise_hours
from desk_crm.domain.text import clean_multiline, clean_text

STATUSES = ("new", "open", "waiting", "resolved", "closed")
PRIORITIES = ("low", "normal", "high", "urgent")
CHANNELS = ("phone", "email", "visit", "web")
ENTRY_KINDS = ("note", "reply", "customer")  # internal note, reply to the customer, customer
TRANSITIONS: dict[str, frozenset[str]] = {
    "new": frozenset({"open", "waiting", "resolved"}),
    "open": frozenset({"waiting", "resolved"}),
    "waiting": frozenset({"open", "resolved"}),
    "resolved": frozenset({"closed", "open"}),
    "closed": frozenset({"open"}),
}
MAX_SUBJECT_LENGTH = 400
MAX_TEXT_LENGTH = 50_000
MAX_FILE_NAME = 120


@dataclass
class TicketDraft:
    subject: str = ""
    description: str = ""
    account_id: str | None = None
    contact_id: str | None = None
    channel: str = "email"
    category: str = ""
    priority: str = "normal"
    status: str = "new"
    assignee_id: str | None = None
    product: str = ""
    contract_ref: str = ""


def allowed_statuses(current: str) -> tuple[str, ...]:
    """*current* and the statuses it may move to, in flow order (for a combo box)."""
    targets = TRANSITIONS.get(current, frozenset())
    return tuple(status for status in STATUSES if status == current or status in targets)


def check_transition(old: str, new: str) -> None:
    if old != new and new not in TRANSITIONS.get(old, frozenset()):
        raise ValidationError("status", QT_TRANSLATE_NOOP(
            "Validation", "A ticket cannot go from “{old}” to “{new}”"), old=old, new=new)


def validate_ticket(draft: TicketDraft, old_status: str | None = None) -> TicketDraft:
    """A normalised copy of *draft*, or ValidationErrors; *old_status* None: a new ticket."""
    errors: list[ValidationError] = []
    subject = clean_text(draft.subject)
    if not subject:
        errors.append(ValidationError("subject", QT_TRANSLATE_NOOP("Validation",
                                                                   "Enter a subject")))
    elif len(subject) > MAX_SUBJECT_LENGTH:
        errors.append(ValidationError("subject", QT_TRANSLATE_NOOP(
            "Validation", "Subject is too long (at most {limit} characters)"),
            limit=MAX_SUBJECT_LENGTH))
    description = clean_multiline(draft.description)
    if len(description) > MAX_TEXT_LENGTH:
        errors.append(ValidationError("description", QT_TRANSLATE_NOOP(
            "Validation", "Text is too long (at most {limit} characters)"),
            limit=MAX_TEXT_LENGTH))
    for name, choices in (("channel", CHANNELS), ("priority", PRIORITIES),
                          ("status", STATUSES)):
        if getattr(draft, name) not in choices:
            errors.append(ValidationError(name, QT_TRANSLATE_NOOP(
                "Validation", "Unknown value “{value}”"), value=getattr(draft, name)))
    if old_status is None and draft.status not in ("new", "open"):
        errors.append(ValidationError("status", QT_TRANSLATE_NOOP(
            "Validation", "A new ticket starts as new or open")))
    elif old_status is not None and draft.status in STATUSES:
        try:
            check_transition(old_status, draft.status)
        except ValidationError as problem:
            errors.append(problem)
    if errors:
        raise ValidationErrors(errors)
    return replace(draft, subject=subject, description=description,
                   category=clean_text(draft.category), product=clean_text(draft.product),
                   contract_ref=clean_text(draft.contract_ref),
                   account_id=(draft.account_id or "").strip() or None,
                   contact_id=(draft.contact_id or "").strip() or None,
                   assignee_id=(draft.assignee_id or "").strip() or None)


def ticket_number(year: int, sequence: int) -> str:
    return f"T-{year:04d}-{sequence:05d}"


def validate_entry(kind: str, body: str) -> str:
    text = clean_multiline(body)
    if kind not in ENTRY_KINDS:
        raise ValidationError("kind", QT_TRANSLATE_NOOP("Validation", "Unknown value “{value}”"),
                              value=kind)
    if not text:
        raise ValidationError("body", QT_TRANSLATE_NOOP("Validation", "Enter some text"))
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationError("body", QT_TRANSLATE_NOOP(
            "Validation", "Text is too long (at most {limit} characters)"),
            limit=MAX_TEXT_LENGTH)
    return text


def validate_csat(score: int, comment: str, status: str) -> str:
    if status not in ("resolved", "closed"):
        raise ValidationError("csat_score", QT_TRANSLATE_NOOP(
            "Validation", "Feedback is recorded once the ticket is resolved or closed"))
    if not 1 <= score <= 5:
        raise ValidationError("csat_score", QT_TRANSLATE_NOOP(
            "Validation", "A score is between 1 and 5"))
    return clean_multiline(comment)


# -- SLA policies --------------------------------------------------------------------------

@dataclass
class SlaPolicyDraft:
    """A policy as the settings edit it. *week* holds seven days (Monday first) of working
    windows; None takes the one-window shape of *workdays*, *day_start* and *day_end* (the
    first policy model, still accepted from older callers). Validation always fills *week*
    and derives the other three from it (they stay stored as a summary)."""

    name: str = ""
    is_default: bool = False
    timezone: str = "Asia/Shanghai"
    workdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    day_start: time = time(9, 0)
    day_end: time = time(18, 0)
    holidays: tuple[date, ...] = ()
    # priority -> (first response, resolution) in business minutes
    targets: dict[str, tuple[int, int]] | None = None
    week: tuple[Hours, ...] | None = None
    extra_days: tuple[date, ...] = ()  # make-up working days (调休)
    extra_hours: Hours = NINE_TO_SIX  # the hours of an extra working day
    day_names: dict[date, str] = field(default_factory=dict)  # "2026-10-01": "国庆节"
    warn_percent: int = DEFAULT_WARN_PERCENT


DEFAULT_TARGETS: dict[str, tuple[int, int]] = {
    "low": (8 * 60, 5 * 9 * 60), "normal": (4 * 60, 3 * 9 * 60),
    "high": (2 * 60, 9 * 60), "urgent": (30, 4 * 60)}


def policy_week(draft: SlaPolicyDraft) -> tuple[Hours, ...]:
    if draft.week is not None:
        return tuple(draft.week)
    return office_hours(draft.workdays, draft.day_start, draft.day_end)


def validate_policy(draft: SlaPolicyDraft) -> SlaPolicyDraft:
    from zoneinfo import available_timezones

    errors: list[ValidationError] = []
    name = clean_text(draft.name)
    if not name:
        errors.append(ValidationError("name", QT_TRANSLATE_NOOP("Validation", "Enter a name")))
    if draft.timezone not in available_timezones():
        errors.append(ValidationError("timezone", QT_TRANSLATE_NOOP(
            "Validation", "Unknown time zone “{value}”"), value=draft.timezone))
    if draft.week is None and draft.day_end <= draft.day_start:
        errors.append(ValidationError("day_end", QT_TRANSLATE_NOOP(
            "Validation", "The working day must end after it starts")))
    week: tuple[Hours, ...] = ((),) * 7
    try:
        week = tuple(normalise_hours(day) for day in policy_week(draft))
        extra_hours = normalise_hours(draft.extra_hours)
    except ValidationError as problem:
        errors.append(problem)
        extra_hours = NINE_TO_SIX
    if len(week) != 7 or not any(week):
        errors.append(ValidationError("workdays", QT_TRANSLATE_NOOP(
            "Validation", "Choose at least one working day")))
    holidays = tuple(sorted(set(draft.holidays)))
    extra_days = tuple(sorted(set(draft.extra_days)))
    both = sorted(set(holidays) & set(extra_days))
    if both:
        errors.append(ValidationError("extra_days", QT_TRANSLATE_NOOP(
            "Validation", "{value} is both a holiday and an extra working day"),
            value=both[0].isoformat()))
    if extra_days and not extra_hours:
        errors.append(ValidationError("extra_hours", QT_TRANSLATE_NOOP(
            "Validation", "Extra working days need working hours")))
    if not 1 <= draft.warn_percent <= 99:
        errors.append(ValidationError("warn_percent", QT_TRANSLATE_NOOP(
            "Validation", "The warning comes between 1 % and 99 % of the target")))
    targets = dict(DEFAULT_TARGETS)
    targets.update(draft.targets or {})
    for priority, (response, resolution) in targets.items():
        if priority not in PRIORITIES or response <= 0 or resolution <= 0:
            errors.append(ValidationError("targets", QT_TRANSLATE_NOOP(
                "Validation", "Targets must be positive")))
            break
        if resolution < response:
            errors.append(ValidationError("targets", QT_TRANSLATE_NOOP(
                "Validation", "Resolution must not come before the first response")))
            break
    if errors:
        raise ValidationErrors(errors)
    listed = set(holidays) | set(extra_days)
    workdays = tuple(day for day in range(7) if week[day])
    starts = [hours[0][0] for hours in week if hours]
    ends = [hours[-1][1] for hours in week if hours]
    return replace(draft, name=name, week=week, extra_hours=extra_hours, holidays=holidays,
                   extra_days=extra_days, targets=targets, workdays=workdays,
                   day_start=_time_of(min(starts)), day_end=_time_of(max(ends)),
                   day_names={day: clean_text(text) for day, text in draft.day_names.items()
                              if day in listed and clean_text(text)})


def _time_of(minutes: int) -> time:
    # 24:00 has no datetime.time: the summary column says 23:59 for a day that runs out.
    return time(23, 59) if minutes >= 24 * 60 else time(minutes // 60, minutes % 60)
