"""Validation of activity drafts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desk_crm.domain.activities import ActivityDraft, validate_activity
from desk_crm.domain.errors import ValidationErrors

DUE = datetime(2026, 5, 4, 6, 0, tzinfo=UTC)


def errors_of(draft: ActivityDraft) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as caught:
        validate_activity(draft)
    return caught.value.by_field()


def test_valid_draft_is_normalised() -> None:
    clean = validate_activity(ActivityDraft(
        kind="call", subject="  Call  张三 ", notes="a\r\nb  ", due_at=DUE,
        remind_at=DUE - timedelta(minutes=15), contact_id=" ", owner_id=""))
    assert clean.subject == "Call 张三"
    assert clean.contact_id is None
    assert clean.owner_id is None
    assert clean.remind_at == DUE - timedelta(minutes=15)


@pytest.mark.parametrize(("draft", "field"), [
    (ActivityDraft(subject=" "), "subject"),
    (ActivityDraft(subject="x" * 401), "subject"),
    (ActivityDraft(subject="a", kind="fax"), "kind"),
    (ActivityDraft(subject="a", duration_minutes=-1), "duration_minutes"),
    (ActivityDraft(subject="a", duration_minutes=8 * 24 * 60), "duration_minutes"),
    (ActivityDraft(subject="a", recurrence="yearly", due_at=DUE), "recurrence"),
    (ActivityDraft(subject="a", recurrence="weekly"), "recurrence"),
    (ActivityDraft(subject="a", due_at=DUE, remind_at=DUE + timedelta(minutes=1)),
     "remind_at"),
    (ActivityDraft(subject="a", due_at=datetime(2026, 5, 4, 9, 0)), "due_at"),
])
def test_invalid_drafts_name_their_field(draft: ActivityDraft, field: str) -> None:
    assert field in errors_of(draft)


def test_every_problem_is_reported_at_once() -> None:
    problems = errors_of(ActivityDraft(subject="", kind="fax", duration_minutes=-5))
    assert set(problems) == {"subject", "kind", "duration_minutes"}


def test_reminder_without_due_time_is_allowed() -> None:
    assert validate_activity(ActivityDraft(subject="a", remind_at=DUE)).remind_at == DUE


def test_reminder_at_the_due_time_is_allowed() -> None:
    assert validate_activity(ActivityDraft(subject="a", due_at=DUE, remind_at=DUE))
