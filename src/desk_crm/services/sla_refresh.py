"""The derived SLA columns of tickets (target, due, warning point, recorded breaches,
frozen figures) recomputed inside the caller's transaction: by every ticket write, by the
queue's timer, and by a policy save, so new hours or targets move the deadlines of running
tickets in the same transaction (and change log batch) as the policy itself."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desk_crm.domain.sla import STOPPED, FrozenSla, SlaState, StatusChange, freeze, sla_state
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
    return sla_state(calendar_of(policy), history_of(session, ticket.id),
                     targets_of(policy, ticket.priority), ticket.first_response_at, now,
                     frozen_of(ticket))


def freeze_ticket(session: Session, ticket: Ticket, now: datetime) -> None:
    """Store the stopped clock's figures once (resolved or closed; a ticket stopped
    before migration 0014 gets them at its next refresh)."""
    if ticket.status not in STOPPED or frozen_of(ticket) is not None:
        return
    _name, policy = load_policy(session, ticket.sla_policy_id)
    session.flush()
    figures = freeze(calendar_of(policy), history_of(session, ticket.id),
                     targets_of(policy, ticket.priority), ticket.first_response_at, now)
    ticket.sla_response_used = figures.response_used
    ticket.sla_response_allowed = figures.response_allowed
    ticket.sla_resolution_used = figures.resolution_used
    ticket.sla_resolution_allowed = figures.resolution_allowed


def refresh_ticket(session: Session, ticket: Ticket, now: datetime) -> int:
    """Write the derived SLA columns; record breaches not recorded yet (once each).
    Returns how many breaches were recorded now."""
    freeze_ticket(session, ticket, now)
    state = state_of(session, ticket, now)
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


def refresh_running(session: Session, now: datetime) -> int:
    """Recompute every running ticket (and stopped ones never frozen, from before 0014)."""
    recorded = 0
    tickets = session.scalars(select(Ticket).where(Ticket.deleted_at.is_(None), or_(
        Ticket.status.not_in(tuple(STOPPED)), Ticket.sla_resolution_used.is_(None))))
    for ticket in tickets.all():
        recorded += refresh_ticket(session, ticket, now)
    return recorded
