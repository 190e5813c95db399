"""Activities (tasks, calls, meetings, email notes) as the UI fills them in, and their rules.

Decisions:
- A reminder after the due time is refused: it would only tell the user they are late.
  A reminder without a due time is allowed (a nudge on an undated task).
- A recurring activity needs a due time, or there is nothing to repeat from.
- Times are aware datetimes (UTC stored, local shown); naive ones are refused.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.recurrence import RULES
from desk_crm.domain.text import clean_multiline, clean_text

KINDS = ("task", "call", "meeting", "email")
LINK_FIELDS = ("account_id", "contact_id", "lead_id", "opportunity_id")
MAX_SUBJECT_LENGTH = 400
MAX_NOTES_LENGTH = 20_000
MAX_DURATION_MINUTES = 7 * 24 * 60


@dataclass
class ActivityDraft:
    kind: str = "task"
    subject: str = ""
    notes: str = ""
    due_at: datetime | None = None
    duration_minutes: int = 0
    remind_at: datetime | None = None
    recurrence: str = ""
    done: bool = False
    owner_id: str | None = None
    account_id: str | None = None
    contact_id: str | None = None
    lead_id: str | None = None
    opportunity_id: str | None = None


def validate_activity(draft: ActivityDraft) -> ActivityDraft:
    """A normalised copy of *draft*, or ValidationErrors listing every problem."""
    errors: list[ValidationError] = []
    subject = clean_text(draft.subject)
    if not subject:
        errors.append(ValidationError("subject", QT_TRANSLATE_NOOP(
            "Validation", "Enter a subject")))
    elif len(subject) > MAX_SUBJECT_LENGTH:
        errors.append(ValidationError("subject", QT_TRANSLATE_NOOP(
            "Validation", "Subject is too long (at most {limit} characters)"),
            limit=MAX_SUBJECT_LENGTH))
    if draft.kind not in KINDS:
        errors.append(ValidationError("kind", QT_TRANSLATE_NOOP(
            "Validation", "Unknown kind of activity: {value}"), value=draft.kind))
    if not 0 <= draft.duration_minutes <= MAX_DURATION_MINUTES:
        errors.append(ValidationError("duration_minutes", QT_TRANSLATE_NOOP(
            "Validation", "Duration must be between 0 minutes and 7 days")))
    for field in ("due_at", "remind_at"):
        value = getattr(draft, field)
        if value is not None and value.tzinfo is None:
            errors.append(ValidationError(field, QT_TRANSLATE_NOOP(
                "Validation", "Time without a time zone")))
    if draft.recurrence not in RULES:
        errors.append(ValidationError("recurrence", QT_TRANSLATE_NOOP(
            "Validation", "Unknown repeat rule: {value}"), value=draft.recurrence))
    elif draft.recurrence and draft.due_at is None:
        errors.append(ValidationError("recurrence", QT_TRANSLATE_NOOP(
            "Validation", "A repeating activity needs a due time")))
    if (draft.remind_at is not None and draft.due_at is not None
            and draft.remind_at.tzinfo is not None and draft.due_at.tzinfo is not None
            and draft.remind_at > draft.due_at):
        errors.append(ValidationError("remind_at", QT_TRANSLATE_NOOP(
            "Validation", "The reminder must not come after the due time")))
    notes = clean_multiline(draft.notes)
    if len(notes) > MAX_NOTES_LENGTH:
        errors.append(ValidationError("notes", QT_TRANSLATE_NOOP(
            "Validation", "Notes are too long (at most {limit} characters)"),
            limit=MAX_NOTES_LENGTH))
    if errors:
        raise ValidationErrors(errors)
    links: dict[str, Any] = {field: (getattr(draft, field) or "").strip() or None
                             for field in LINK_FIELDS}
    return replace(draft, subject=subject, notes=notes,
                   owner_id=(draft.owner_id or "").strip() or None, **links)
