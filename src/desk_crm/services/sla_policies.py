"""SLA policies: business calendars with first-response and resolution targets per
priority; one is the default, an account may have its own."""

from __future__ import annotations

import builtins  # the class has a method named list
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_crm.domain.sla import (
    DEFAULT_WARN_PERCENT,
    NINE_TO_SIX,
    BusinessCalendar,
    Hours,
    SlaTargets,
    add_business_seconds,
)
from desk_crm.domain.tickets import (
    DEFAULT_TARGETS,
    SlaPolicyDraft,
    policy_week,
    validate_policy,
)
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.services.ticket_records import SlaPolicyRecord
from desk_crm.store.models import Account, new_id
from desk_crm.store.service_models import AccountSlaPolicy, SlaPolicy
from desk_crm.store.types import utc_now

# Used while no policy exists at all: the default policy's shape.
BUILT_IN = SlaPolicyDraft(name="Built-in", is_default=True, targets=dict(DEFAULT_TARGETS))


def _hours(value: Any) -> Hours:
    return tuple((int(start), int(end)) for start, end in value or ())


def policy_draft(row: SlaPolicy) -> SlaPolicyDraft:
    targets = {key: (int(value[0]), int(value[1])) for key, value in (row.targets or {}).items()}
    week = tuple(_hours(day) for day in row.week) if row.week else None
    return SlaPolicyDraft(
        name=row.name, is_default=row.is_default, timezone=row.timezone,
        workdays=tuple(row.workdays or ()), day_start=time.fromisoformat(row.day_start),
        day_end=time.fromisoformat(row.day_end),
        holidays=tuple(date.fromisoformat(day) for day in row.holidays or ()),
        targets={**DEFAULT_TARGETS, **targets}, week=week,
        extra_days=tuple(date.fromisoformat(day) for day in row.extra_days or ()),
        extra_hours=_hours(row.extra_hours) if row.extra_hours else NINE_TO_SIX,
        day_names={date.fromisoformat(day): str(name)
                   for day, name in (row.day_names or {}).items()},
        warn_percent=row.warn_percent or DEFAULT_WARN_PERCENT)


def calendar_of(draft: SlaPolicyDraft) -> BusinessCalendar:
    return BusinessCalendar(draft.timezone, policy_week(draft), frozenset(draft.holidays),
                            frozenset(draft.extra_days), draft.extra_hours)


def targets_of(draft: SlaPolicyDraft, priority: str) -> SlaTargets:
    response, resolution = (draft.targets or DEFAULT_TARGETS).get(
        priority, DEFAULT_TARGETS["normal"])
    return SlaTargets(response * 60, resolution * 60, draft.warn_percent)


class SlaPolicyService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def save(self, draft: SlaPolicyDraft, policy_id: str | None = None,
             expected_version: int | None = None,
             report: Callable[[int, int], None] | None = None) -> SlaPolicyRecord:
        """Validate and store *draft*, and move running tickets' deadlines, in one
        transaction; *report* hears (tickets done, total) and may raise to cancel."""
        clean = validate_policy(draft)
        with self._context.write() as session:
            if policy_id is None:
                row = SlaPolicy(id=new_id(), name=clean.name)
                session.add(row)
                session.flush()
            else:
                row = _common.load(session, SlaPolicy, policy_id)
                _common.check_version(row, expected_version)
            if clean.is_default:  # only one default: the others give it up
                for other in session.scalars(select(SlaPolicy).where(
                        SlaPolicy.is_default.is_(True), SlaPolicy.id != row.id)):
                    other.is_default = False
            row.name = clean.name
            row.is_default = clean.is_default
            row.timezone = clean.timezone
            row.workdays = list(clean.workdays)
            row.day_start = clean.day_start.strftime("%H:%M")
            row.day_end = clean.day_end.strftime("%H:%M")
            row.holidays = [day.isoformat() for day in clean.holidays]
            row.week = [[list(window) for window in day] for day in clean.week or ()]
            row.extra_days = [day.isoformat() for day in clean.extra_days]
            row.extra_hours = [list(window) for window in clean.extra_hours]
            row.day_names = {day.isoformat(): name for day, name in clean.day_names.items()}
            row.warn_percent = clean.warn_percent
            row.targets = {key: list(value) for key, value in (clean.targets or {}).items()}
            session.flush()
            _refresh_tickets(session, report)
            return SlaPolicyRecord(row.id, row.version, policy_draft(row))

    def delete(self, policy_id: str,
               report: Callable[[int, int], None] | None = None) -> None:
        with self._context.write() as session:
            _common.soft_delete(session, SlaPolicy, policy_id)
            session.flush()
            _refresh_tickets(session, report)

    def restore(self, policy_id: str) -> None:
        with self._context.write() as session:
            _common.restore(session, SlaPolicy, policy_id)
            session.flush()
            _refresh_tickets(session)

    @staticmethod
    def preview(draft: SlaPolicyDraft, priority: str, opened_at: datetime
                ) -> tuple[datetime, datetime]:
        """When a ticket of *priority* opened at *opened_at* under *draft* (not saved yet)
        would be due: (first response, resolution). ValidationError(s) for a bad draft."""
        clean = validate_policy(draft)
        calendar, targets = calendar_of(clean), targets_of(clean, priority)
        return (add_business_seconds(calendar, opened_at, targets.first_response),
                add_business_seconds(calendar, opened_at, targets.resolution))

    def get(self, policy_id: str) -> SlaPolicyRecord:
        with self._context.read() as session:
            row = _common.load(session, SlaPolicy, policy_id)
            return SlaPolicyRecord(row.id, row.version, policy_draft(row))

    def list(self) -> list[SlaPolicyRecord]:
        with self._context.read() as session:
            rows = session.scalars(select(SlaPolicy).where(SlaPolicy.deleted_at.is_(None))
                                   .order_by(SlaPolicy.is_default.desc(), SlaPolicy.name))
            return [SlaPolicyRecord(row.id, row.version, policy_draft(row)) for row in rows]

    def assign_account(self, account_id: str, policy_id: str | None,
                       report: Callable[[int, int], None] | None = None) -> None:
        """Give an account its own policy (None: back to the default)."""
        with self._context.write() as session:
            _common.load(session, Account, account_id)
            if policy_id is not None:
                _common.load(session, SlaPolicy, policy_id)
            link = session.scalars(select(AccountSlaPolicy).where(
                AccountSlaPolicy.account_id == account_id)).one_or_none()
            if link is None and policy_id is not None:
                session.add(AccountSlaPolicy(id=new_id(), account_id=account_id,
                                             policy_id=policy_id))
            elif link is not None and policy_id is None:
                link.deleted_at = link.deleted_at or utc_now()
            elif link is not None and policy_id is not None:
                link.policy_id = policy_id
                link.deleted_at = None
            session.flush()
            _refresh_tickets(session, report)

    def accounts_of(self, policy_id: str) -> builtins.list[tuple[str, str]]:
        """(account id, name) of the accounts that use *policy_id* instead of the default."""
        with self._context.read() as session:
            rows = session.execute(
                select(Account.id, Account.name)
                .join(AccountSlaPolicy, AccountSlaPolicy.account_id == Account.id)
                .where(AccountSlaPolicy.policy_id == policy_id,
                       AccountSlaPolicy.deleted_at.is_(None), Account.deleted_at.is_(None))
                .order_by(Account.name_sort))
            return [(row.id, row.name) for row in rows]

    def account_policy_id(self, account_id: str) -> str | None:
        with self._context.read() as session:
            return policy_for_account(session, account_id, fallback=False)


def _refresh_tickets(session: Session,
                     report: Callable[[int, int], None] | None = None) -> None:
    """New hours, targets or assignments move the deadlines of running tickets: recompute
    them in the policy's own transaction (sla_refresh imports this module, hence here)."""
    from desk_crm.services.sla_refresh import refresh_running

    refresh_running(session, utc_now(), report)
    session.flush()


def policy_for_account(session: Session, account_id: str | None,
                       fallback: bool = True) -> str | None:
    """The account's own live policy, else (with *fallback*) the default one, else None."""
    if account_id is not None:
        own = session.scalar(
            select(AccountSlaPolicy.policy_id).join(
                SlaPolicy, SlaPolicy.id == AccountSlaPolicy.policy_id)
            .where(AccountSlaPolicy.account_id == account_id,
                   AccountSlaPolicy.deleted_at.is_(None), SlaPolicy.deleted_at.is_(None)))
        if own is not None or not fallback:
            return own
    if not fallback:
        return None
    return session.scalar(select(SlaPolicy.id).where(SlaPolicy.is_default.is_(True),
                                                     SlaPolicy.deleted_at.is_(None)))


def load_policy(session: Session, policy_id: str | None) -> tuple[str, SlaPolicyDraft]:
    """(name, draft) of a policy, the default when *policy_id* is None or gone, the
    built-in shape when there is no policy at all."""
    row = session.scalar(select(SlaPolicy).where(SlaPolicy.id == policy_id)) if policy_id \
        else None
    if row is None:
        default_id = policy_for_account(session, None)
        row = session.scalar(select(SlaPolicy).where(SlaPolicy.id == default_id)) \
            if default_id else None
    if row is None:
        return "", BUILT_IN
    return row.name, policy_draft(row)
