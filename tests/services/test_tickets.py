"""Tickets through the service: numbering, status flow, SLA breaches recorded once,
conversation and feedback, attachments kept inside their folder."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.tickets import SlaPolicyDraft, TicketDraft
from desk_crm.services.bundle import Services

SH = ZoneInfo("Asia/Shanghai")


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SH).astimezone(UTC)


@pytest.fixture
def policy(services: Services) -> str:
    return services.sla_policies.save(SlaPolicyDraft(
        name="Standard", is_default=True, targets={"normal": (240, 18 * 60)})).id


def open_ticket(services: Services, when: str = "2026-11-23 10:00",
                **fields: object) -> str:
    draft = TicketDraft(subject="Printer jams", **fields)  # type: ignore[arg-type]
    return services.tickets.save(draft, now=local(when)).id


def test_numbers_are_gap_free_per_year(services: Services) -> None:
    first = services.tickets.save(TicketDraft(subject="a"), now=local("2026-12-31 10:00"))
    with pytest.raises(ValidationErrors):
        services.tickets.save(TicketDraft(subject=""), now=local("2026-12-31 11:00"))
    second = services.tickets.save(TicketDraft(subject="b"), now=local("2026-12-31 12:00"))
    third = services.tickets.save(TicketDraft(subject="c"), now=local("2027-01-02 10:00"))
    assert first.number == "T-2026-00001"
    assert second.number == "T-2026-00002"  # the refused one took no number
    assert third.number == "T-2027-00001"


def test_status_transitions_are_validated(services: Services) -> None:
    ticket_id = open_ticket(services)
    record = services.tickets.get(ticket_id)
    with pytest.raises(ValidationErrors) as problems:
        services.tickets.save(TicketDraft(subject="x", status="closed"), ticket_id,
                              record.version)
    assert problems.value.by_field().keys() == {"status"}
    services.tickets.change_status(ticket_id, "resolved")
    services.tickets.change_status(ticket_id, "closed")
    services.tickets.change_status(ticket_id, "open")  # reopen
    assert services.tickets.get(ticket_id).closed_at is None
    statuses = [change.status for change in services.tickets.status_history(ticket_id)]
    assert statuses == ["new", "resolved", "closed", "open"]
    with pytest.raises(ValidationError):
        services.tickets.change_status(ticket_id, "new")


def test_a_new_ticket_cannot_start_resolved(services: Services) -> None:
    with pytest.raises(ValidationErrors):
        services.tickets.save(TicketDraft(subject="x", status="resolved"))


def test_breach_is_recorded_once_with_its_time(services: Services, policy: str) -> None:
    ticket_id = open_ticket(services)
    assert services.tickets.refresh_sla(local("2026-11-23 13:00")) == 0
    assert services.tickets.refresh_sla(local("2026-11-23 15:00")) == 1
    version = services.tickets.get(ticket_id).version
    assert services.tickets.refresh_sla(local("2026-11-23 16:00")) == 0
    record = services.tickets.get(ticket_id, now=local("2026-11-23 16:00"))
    assert record.first_response_breached_at == local("2026-11-23 14:00")
    assert record.version == version  # the second refresh wrote nothing
    assert record.sla.breached and record.policy_name == "Standard"


def test_first_reply_switches_to_the_resolution_target(services: Services,
                                                        policy: str) -> None:
    ticket_id = open_ticket(services)
    services.tickets.add_entry(ticket_id, "note", "internal", now=local("2026-11-23 10:30"))
    assert services.tickets.sla(ticket_id, local("2026-11-23 11:00")).target == \
        "first_response"
    services.tickets.add_entry(ticket_id, "reply", "We are on it", now=local("2026-11-23 11:00"))
    state = services.tickets.sla(ticket_id, local("2026-11-23 12:00"))
    assert state.target == "resolution" and state.used == 2 * 3600
    entries = services.tickets.entries(ticket_id)
    assert [(e.kind, e.author) for e in entries] == [("note", "tester"), ("reply", "tester")]


def test_customer_answer_resumes_a_waiting_ticket(services: Services, policy: str) -> None:
    ticket_id = open_ticket(services)
    services.tickets.change_status(ticket_id, "waiting", now=local("2026-11-23 11:00"))
    assert services.tickets.sla(ticket_id, local("2026-11-24 11:00")).paused
    services.tickets.add_entry(ticket_id, "customer", "Here is the log",
                               now=local("2026-11-24 10:00"))
    assert services.tickets.get(ticket_id).draft.status == "open"
    assert services.tickets.sla(ticket_id, local("2026-11-24 11:00")).used == 2 * 3600


def test_account_policy_overrides_the_default(services: Services, policy: str) -> None:
    from desk_crm.domain.drafts import AccountDraft

    account = services.accounts.save(AccountDraft(name="ACME"))
    fast = services.sla_policies.save(SlaPolicyDraft(name="Gold", targets={
        "normal": (60, 240)})).id
    services.sla_policies.assign_account(account.id, fast)
    ticket_id = open_ticket(services, account_id=account.id)
    assert services.tickets.get(ticket_id).policy_name == "Gold"
    assert services.tickets.sla(ticket_id, local("2026-11-23 10:30")).left == 30 * 60


def test_feedback_needs_a_resolved_ticket_and_averages_per_account(services: Services) -> None:
    from desk_crm.domain.drafts import AccountDraft

    account = services.accounts.save(AccountDraft(name="ACME"))
    first, second = (open_ticket(services, account_id=account.id) for _ in range(2))
    with pytest.raises(ValidationError):
        services.tickets.record_feedback(first, 5)
    for ticket_id, score in ((first, 5), (second, 2)):
        services.tickets.change_status(ticket_id, "resolved")
        services.tickets.record_feedback(ticket_id, score, "ok")
    with pytest.raises(ValidationError):
        services.tickets.record_feedback(first, 6)
    assert services.tickets.account_csat(account.id) == (3.5, 2)


def test_attachment_is_copied_with_a_safe_name(services: Services, tmp_path: Path) -> None:
    ticket_id = open_ticket(services)
    source = tmp_path / "in" / "..report.txt"
    source.parent.mkdir()
    source.write_bytes(b"hello")
    first = services.tickets.add_attachment(ticket_id, source)
    second = services.tickets.add_attachment(ticket_id, source)
    assert first.file_name == "report.txt" and second.file_name == "report (2).txt"
    stored = services.tickets.attachment_path(ticket_id, first.id)
    assert stored.read_bytes() == b"hello"
    assert stored.parent == tmp_path / "attachments" / ticket_id
    assert first.sha256.startswith("2cf24dba") and first.size == 5


def test_queue_counts(services: Services, policy: str) -> None:
    user = services.users.ensure("Li Lei")
    open_ticket(services, assignee_id=user.id)
    open_ticket(services)
    services.tickets.refresh_sla(local("2026-11-23 13:30"))
    counts = services.tickets.counts(user.id, local("2026-11-23 13:30"))
    assert (counts.open, counts.mine, counts.unassigned) == (2, 1, 1)
    assert counts.breaching_soon == 2 and counts.breached == 0
    later = services.tickets.counts(user.id, local("2026-11-23 14:30"))
    assert later.breached == 2


def test_service_report_counts_and_medians(services: Services, policy: str) -> None:
    now = datetime.now(UTC)
    ticket_id = services.tickets.save(TicketDraft(subject="x", category="Billing"),
                                      now=now - timedelta(days=3)).id
    services.tickets.change_status(ticket_id, "resolved", now=now - timedelta(days=1))
    services.tickets.record_feedback(ticket_id, 4)
    report = services.service_report.build(weeks=4, now=now)
    assert report.overall.tickets == 1 and report.overall.closed == 1
    assert report.overall.csat == 4
    assert [row.label for row in report.by_category] == ["Billing"]
    assert sum(week.opened for week in report.weeks) == 1
