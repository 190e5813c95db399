"""The derived SLA columns of tickets (target, due, warning point, recorded breaches,
frozen figures) recomputed inside the caller's transaction: by every ticket write, by the
queue's timer, and by a policy save, so new hours or targets move the deadlines of running
tickets in the same transaction (and change log batch) as the policy itself."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desk_crm.domain.sla import STOPPED, FrozenSla, SlaState, StatusChange, freeze, sla_state
from desk_crm.domain.tickets import SlaPolicyDraft
from desk_crm.services.sla_policies import calendar_of, load_policy, targets_of
from desk_crm.store.service_models import Ticket, TicketStatusChange


def frozen_of(ticket: Ticket) -> FrozenSla | None:
    figures = (ticket.sla_response_used, ticket.sla_response_allowed,
               ticket.sla_resolution_used, ticket.sla_resolution_allowed)
    if ticket.status not in STOPPED or any(value is None for value in figures):
        return None
    return FrozenSla(*(int(value or 0) for value in figures))


def history_of(session: Session, ticket_id: str) -> list[StatusChange]:
    rows = session.execute(select(TicketStatusChange.at, TicketStatusChange.status).where(
        TicketStatusChange.ticket_id == ticket_id, TicketStatusChange.deleted_at.is_(None))
        .order_by(TicketStatusChange.at, TicketStatusChange.pk))
    return [StatusChange(row.at, row.status) for row in rows]


def state_of(session: Session, ticket: Ticket, now: datetime) -> SlaState:
    _name, policy = load_policy(session, ticket.sla_policy_id)
    session.flush()
    return _state(policy, history_of(session, ticket.id), ticket, now)


def _state(policy: SlaPolicyDraft, history: list[StatusChange], ticket: Ticket,
           now: datetime) -> SlaState:
    return sla_state(calendar_of(policy), history, targets_of(policy, ticket.priority),
                     ticket.first_response_at, now, frozen_of(ticket))


def refresh_ticket(session: Session, ticket: Ticket, now: datetime) -> int:
    """Write the derived SLA columns; record breaches not recorded yet (once each).
    Returns how many breaches were recorded now."""
    _name, policy = load_policy(session, ticket.sla_policy_id)
    session.flush()
    return _apply(policy, history_of(session, ticket.id), ticket, now)


def _apply(policy: SlaPolicyDraft, history: list[StatusChange], ticket: Ticket,
           now: datetime) -> int:
    if ticket.status in STOPPED and frozen_of(ticket) is None:
        # The stopped clock's figures, stored once (a ticket stopped before migration
        # 0014 gets them at its next refresh).
        figures = freeze(calendar_of(policy), history, targets_of(policy, ticket.priority),
                         ticket.first_response_at, now)
        ticket.sla_response_used = figures.response_used
        ticket.sla_response_allowed = figures.response_allowed
        ticket.sla_resolution_used = figures.resolution_used
        ticket.sla_resolution_allowed = figures.resolution_allowed
    state = _state(policy, history, ticket, now)
    recorded = 0
    if state.first_response_breached_at and ticket.first_response_breached_at is None:
        ticket.first_response_breached_at = state.first_response_breached_at
        recorded += 1
    if state.resolution_breached_at and ticket.resolution_breached_at is None:
        ticket.resolution_breached_at = state.resolution_breached_at
        recorded += 1
    if ticket.sla_target != state.target:
        ticket.sla_target = state.target
    if ticket.sla_due_at != state.due_at:
        ticket.sla_due_at = state.due_at
    if ticket.sla_warn_at != state.warn_at:
        ticket.sla_warn_at = state.warn_at
    return recorded


Report = Callable[[int, int], None]  # (done, total); may raise to abandon the transaction


def refresh_running(session: Session, now: datetime, report: Report | None = None) -> int:
    """Recompute every running ticket (and stopped ones never frozen, from before 0014):
    the policies and the status histories are read once, not per ticket. *report* hears
    (done, total) as it goes; an exception it raises (Cancel) rolls the caller back."""
    chosen = (Ticket.deleted_at.is_(None),
              or_(Ticket.status.not_in(tuple(STOPPED)), Ticket.sla_resolution_used.is_(None)))
    tickets = session.scalars(select(Ticket).where(*chosen)).all()
    histories: dict[str, list[StatusChange]] = defaultdict(list)
    rows = session.execute(
        select(TicketStatusChange.ticket_id, TicketStatusChange.at, TicketStatusChange.status)
        .join(Ticket, Ticket.id == TicketStatusChange.ticket_id)
        .where(*chosen, TicketStatusChange.deleted_at.is_(None))
        .order_by(TicketStatusChange.at, TicketStatusChange.pk))
    for row in rows:
        histories[row.ticket_id].append(StatusChange(row.at, row.status))
    policies = {policy_id: load_policy(session, policy_id)[1]
                for policy_id in {ticket.sla_policy_id for ticket in tickets}}
    recorded = 0
    with session.no_autoflush:
        for done, ticket in enumerate(tickets):
            if report is not None and done % 50 == 0:
                report(done, len(tickets))
            recorded += _apply(policies[ticket.sla_policy_id], histories[ticket.id], ticket,
                               now)
    if report is not None:
        report(len(tickets), len(tickets))
    return recorded
