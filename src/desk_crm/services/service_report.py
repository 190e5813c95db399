"""The service quality report: tickets opened and closed per week, SLA attainment, median
first response and resolution in business hours, CSAT — overall, by assignee, by category
— and per ticket the SLA figures (business time used of allowed per target, due, breached).
Read-only: ``load`` reads the period's tickets (two queries), ``compute`` runs the
business-hour clocks over them; the page runs both in a worker.

A resolved or closed ticket counts with the figures frozen when its clock stopped, so a
later change to the policy does not rewrite the history the report shows."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from desk_crm.domain.sla import FrozenSla, StatusChange, elapsed, sla_state
from desk_crm.domain.tickets import SlaPolicyDraft
from desk_crm.services.context import ServiceContext
from desk_crm.services.sla_policies import calendar_of, load_policy, targets_of
from desk_crm.services.sla_refresh import frozen_of
from desk_crm.store.models import User
from desk_crm.store.service_models import Ticket, TicketStatusChange
from desk_crm.store.types import utc_now


@dataclass(frozen=True)
class QualityRow:
    label: str  # assignee / category name, "" for unassigned / uncategorised
    tickets: int
    closed: int
    attainment: float | None  # percent of tickets with a target met/missed that met all
    median_response_hours: float | None
    median_resolution_hours: float | None
    csat: float | None


@dataclass(frozen=True)
class WeekRow:
    week: date  # Monday
    opened: int
    closed: int


@dataclass(frozen=True)
class TicketSlaRow:
    """One ticket's SLA figures in business seconds (frozen once it stopped)."""

    ticket_id: str
    number: str
    subject: str
    status: str
    response_used: int
    response_allowed: int
    resolution_used: int
    resolution_allowed: int
    due_at: datetime | None  # the running target's deadline; None paused or stopped
    breached: bool


@dataclass(frozen=True)
class ServiceReport:
    overall: QualityRow
    by_assignee: tuple[QualityRow, ...]
    by_category: tuple[QualityRow, ...]
    weeks: tuple[WeekRow, ...]
    tickets: tuple[TicketSlaRow, ...] = ()  # breached first, then by deadline


@dataclass
class _Facts:
    assignee: str
    category: str
    opened: datetime
    done_at: datetime | None
    met: bool | None
    response_hours: float | None
    resolution_hours: float | None
    csat: int | None


@dataclass(frozen=True)
class _TicketRow:
    ticket_id: str
    number: str
    subject: str
    status: str
    frozen: FrozenSla | None
    assignee: str
    category: str
    priority: str
    policy_id: str | None
    created_at: datetime
    first_response_at: datetime | None
    done_at: datetime | None
    breached: bool
    csat: int | None
    history: tuple[StatusChange, ...]


@dataclass(frozen=True)
class ReportInput:
    """Everything the report reads from the store, as plain values: the computation over
    it (``compute``) needs no database and can run in a worker."""

    now: datetime
    weeks: int
    tickets: tuple[_TicketRow, ...]
    policies: dict[str | None, SlaPolicyDraft]


class ServiceReportService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def build(self, weeks: int = 12, now: datetime | None = None) -> ServiceReport:
        return compute(self.load(weeks, now))

    def load(self, weeks: int = 12, now: datetime | None = None) -> ReportInput:
        """Two queries: the tickets opened in the period, and their status histories."""
        now = now or utc_now()
        start = now - timedelta(weeks=weeks)
        with self._context.read() as session:
            users = dict(session.execute(select(User.id, User.name)).tuples().all())
            # Opened = the first status change (created_at is when the row was written,
            # which differs for imported or back-dated tickets).
            opened_at = (select(TicketStatusChange.ticket_id)
                         .group_by(TicketStatusChange.ticket_id)
                         .having(func.min(TicketStatusChange.at) >= start))
            tickets = session.scalars(select(Ticket).where(
                Ticket.deleted_at.is_(None), Ticket.id.in_(opened_at))).all()
            histories: dict[str, list[StatusChange]] = defaultdict(list)
            for row in session.execute(select(TicketStatusChange.ticket_id,
                                              TicketStatusChange.at, TicketStatusChange.status)
                                       .order_by(TicketStatusChange.at)):
                histories[row.ticket_id].append(StatusChange(row.at, row.status))
            policies = {policy_id: load_policy(session, policy_id)[1]
                        for policy_id in {ticket.sla_policy_id for ticket in tickets}}
            rows = tuple(_TicketRow(
                ticket.id, ticket.number, ticket.subject, ticket.status, frozen_of(ticket),
                users.get(ticket.assignee_id or "", ""), ticket.category, ticket.priority,
                ticket.sla_policy_id, ticket.created_at, ticket.first_response_at,
                ticket.resolved_at or ticket.closed_at,
                ticket.first_response_breached_at is not None
                or ticket.resolution_breached_at is not None,
                ticket.csat_score, tuple(histories[ticket.id])) for ticket in tickets)
        return ReportInput(now, weeks, rows, policies)


def compute(data: ReportInput) -> ServiceReport:
    """The report from loaded rows: business-hour clocks per ticket, then the groups."""
    facts: list[_Facts] = []
    sla_rows: list[TicketSlaRow] = []
    for ticket in data.tickets:
        policy = data.policies[ticket.policy_id]
        calendar = calendar_of(policy)
        targets = targets_of(policy, ticket.priority)
        history = list(ticket.history)
        opened = history[0].at if history else ticket.created_at
        state = sla_state(calendar, history, targets, ticket.first_response_at, data.now,
                          ticket.frozen)
        if state.stopped:  # the figures of when the clock stopped (frozen when stored)
            figures = (state.response_used, state.response_allowed, state.used,
                       state.allowed)
        else:
            figures = (state.response_used, targets.first_response,
                       elapsed(calendar, history, data.now), targets.resolution)
        response = figures[0] / 3600 if ticket.first_response_at else None
        resolution = figures[2] / 3600 if ticket.done_at else None
        met: bool | None = None
        if ticket.breached:
            met = False
        elif ticket.done_at is not None:
            met = ((response is None or figures[0] <= figures[1])
                   and figures[2] <= figures[3])
        facts.append(_Facts(ticket.assignee, ticket.category, opened, ticket.done_at, met,
                            response, resolution, ticket.csat))
        sla_rows.append(TicketSlaRow(
            ticket.ticket_id, ticket.number, ticket.subject, ticket.status, *figures,
            state.due_at, ticket.breached or state.breached or met is False))
    by_assignee: dict[str, list[_Facts]] = defaultdict(list)
    by_category: dict[str, list[_Facts]] = defaultdict(list)
    for fact in facts:
        by_assignee[fact.assignee].append(fact)
        by_category[fact.category].append(fact)
    return ServiceReport(
        overall=_row("", facts),
        by_assignee=tuple(_row(key, rows) for key, rows in sorted(by_assignee.items())),
        by_category=tuple(_row(key, rows) for key, rows in sorted(by_category.items())),
        weeks=_weeks(facts, data.now, data.weeks),
        tickets=tuple(sorted(sla_rows, key=_urgency)))


def _urgency(row: TicketSlaRow) -> tuple[bool, bool, str, str]:
    """Breached first, then running by deadline, then the stopped ones by number."""
    return (not row.breached, row.due_at is None,
            row.due_at.isoformat() if row.due_at else "", row.number)


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _row(label: str, facts: list[_Facts]) -> QualityRow:
    judged = [fact.met for fact in facts if fact.met is not None]
    scores = [fact.csat for fact in facts if fact.csat is not None]
    return QualityRow(
        label=label, tickets=len(facts),
        closed=sum(1 for fact in facts if fact.done_at is not None),
        attainment=100 * sum(judged) / len(judged) if judged else None,
        median_response_hours=_median([f.response_hours for f in facts
                                       if f.response_hours is not None]),
        median_resolution_hours=_median([f.resolution_hours for f in facts
                                         if f.resolution_hours is not None]),
        csat=sum(scores) / len(scores) if scores else None)


def _monday(moment: datetime) -> date:
    day = moment.astimezone().date()
    return day - timedelta(days=day.weekday())


def _weeks(facts: list[_Facts], now: datetime, count: int) -> tuple[WeekRow, ...]:
    last = _monday(now)
    opened: dict[date, int] = defaultdict(int)
    closed: dict[date, int] = defaultdict(int)
    for fact in facts:
        opened[_monday(fact.opened)] += 1
        if fact.done_at is not None:
            closed[_monday(fact.done_at)] += 1
    weeks = [last - timedelta(weeks=offset) for offset in range(count - 1, -1, -1)]
    return tuple(WeekRow(week, opened[week], closed[week]) for week in weeks)
