"""Use cases for tickets: open and edit (validated status flow, gap-free numbers), the
conversation, attachments, links to articles, customer feedback, and the SLA refresh that
records each breach once."""

from __future__ import annotations

import hashlib
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.file_names import safe_file_name
from desk_crm.domain.sla import (
    STOPPED,
    SlaAlert,
    SlaState,
    StatusChange,
    alert_due,
)
from desk_crm.domain.tickets import (
    TicketDraft,
    check_transition,
    ticket_number,
    validate_csat,
    validate_entry,
    validate_ticket,
)
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.services.sla_policies import load_policy, policy_for_account
from desk_crm.services.sla_refresh import (
    history_of,
    refresh_running,
    refresh_ticket,
    state_of,
)
from desk_crm.services.ticket_records import (
    AttachmentRecord,
    QueueCounts,
    TicketEntryRecord,
    TicketRecord,
)
from desk_crm.store.models import Account, Contact, User, new_id
from desk_crm.store.service_models import (
    KnowledgeArticle,
    Ticket,
    TicketArticle,
    TicketAttachment,
    TicketCounter,
    TicketEntry,
    TicketStatusChange,
)
from desk_crm.store.types import utc_now

CHUNK = 1 << 16


class TicketService:
    def __init__(self, context: ServiceContext, attachments_dir: Path,
                 tz: ZoneInfo | None = None) -> None:
        self._context = context
        self._attachments = attachments_dir
        self._tz = tz  # the year of a ticket number: None = the machine's zone

    # -- writes ---------------------------------------------------------------------------

    def save(self, draft: TicketDraft, ticket_id: str | None = None,
             expected_version: int | None = None, now: datetime | None = None) -> TicketRecord:
        now = now or utc_now()
        with self._context.write() as session:
            if ticket_id is None:
                clean = validate_ticket(draft)
                self._check_links(session, clean)
                policy_id = policy_for_account(session, clean.account_id)
                number = self._next_number(session, now)
                ticket = Ticket(id=new_id(), number=number, status=clean.status,
                                subject=clean.subject, csat_comment="",
                                sla_policy_id=policy_id)
                session.add(ticket)
                session.add(TicketStatusChange(id=new_id(), ticket_id=ticket.id,
                                               status=clean.status, at=now))
            else:
                ticket = _common.load(session, Ticket, ticket_id)
                _common.check_version(ticket, expected_version)
                clean = validate_ticket(draft, ticket.status)
                self._check_links(session, clean)
                if clean.account_id != ticket.account_id:
                    ticket.sla_policy_id = policy_for_account(session, clean.account_id)
                self._set_status(session, ticket, clean.status, now)
            for name in ("subject", "description", "account_id", "contact_id", "channel",
                         "category", "priority", "assignee_id", "product", "contract_ref"):
                setattr(ticket, name, getattr(clean, name))
            session.flush()
            self._refresh(session, ticket, now)
            session.flush()
            return self._record(session, ticket, now)

    def change_status(self, ticket_id: str, status: str, now: datetime | None = None) -> None:
        now = now or utc_now()
        with self._context.write() as session:
            ticket = _common.load(session, Ticket, ticket_id)
            check_transition(ticket.status, status)
            self._set_status(session, ticket, status, now)
            self._refresh(session, ticket, now)
            session.flush()

    def add_entry(self, ticket_id: str, kind: str, body: str, now: datetime | None = None,
                  status: str | None = None) -> TicketEntryRecord:
        """A note, a reply (the first one ends the first-response target) or the customer's
        answer (a ticket waiting on the customer opens again: its clock resumes).
        *status*: move the ticket on in the same step ("reply and wait for the customer")."""
        text = validate_entry(kind, body)
        now = now or utc_now()
        with self._context.write() as session:
            ticket = _common.load(session, Ticket, ticket_id)
            if status is not None:
                self._set_status(session, ticket, status, now)
            entry = TicketEntry(id=new_id(), ticket_id=ticket.id, kind=kind, body=text,
                                author=self._context.actor, at=now)
            session.add(entry)
            if kind == "reply" and ticket.first_response_at is None:
                ticket.first_response_at = now
            if kind == "customer" and ticket.status == "waiting":
                self._set_status(session, ticket, "open", now)
            self._refresh(session, ticket, now)
            session.flush()
            return _entry_record(entry)

    def record_feedback(self, ticket_id: str, score: int, comment: str = "",
                        now: datetime | None = None) -> None:
        with self._context.write() as session:
            ticket = _common.load(session, Ticket, ticket_id)
            ticket.csat_comment = validate_csat(score, comment, ticket.status)
            ticket.csat_score = score
            ticket.feedback_at = now or utc_now()
            session.flush()

    def add_attachment(self, ticket_id: str, source: Path) -> AttachmentRecord:
        """Copy *source* into <data dir>/attachments/<ticket id>/ under a safe, unique name."""
        if not source.is_file():
            raise ValidationError("file", QT_TRANSLATE_NOOP("Validation",
                                                            "“{value}” is not a file"),
                                  value=str(source))
        with self._context.write() as session:
            ticket = _common.load(session, Ticket, ticket_id)
            folder = (self._attachments / ticket.id).resolve()
            folder.mkdir(parents=True, exist_ok=True)
            taken = set(session.scalars(select(TicketAttachment.file_name).where(
                TicketAttachment.ticket_id == ticket.id)))
            name = _unique_name(safe_file_name(source.name, fallback="attachment"),
                                taken | _listdir(folder))
            target = (folder / name).resolve()
            if target.parent != folder:  # belt and braces: never outside the folder
                raise ValidationError("file", QT_TRANSLATE_NOOP("Validation",
                                                                "Unsafe file name"))
            digest, size = _copy(source, target)
            try:
                row = TicketAttachment(id=new_id(), ticket_id=ticket.id, file_name=name,
                                       size=size, sha256=digest)
                session.add(row)
                session.flush()
            except BaseException:
                target.unlink(missing_ok=True)
                raise
            return _attachment_record(row)

    def attachment_path(self, ticket_id: str, attachment_id: str) -> Path:
        with self._context.read() as session:
            row = _common.load(session, TicketAttachment, attachment_id)
            return self._attachments / ticket_id / safe_file_name(row.file_name,
                                                                  fallback="attachment")

    def link_article(self, ticket_id: str, article_id: str) -> None:
        with self._context.write() as session:
            _common.load(session, Ticket, ticket_id)
            _common.load(session, KnowledgeArticle, article_id)
            link = session.scalars(select(TicketArticle).where(
                TicketArticle.ticket_id == ticket_id,
                TicketArticle.article_id == article_id)).one_or_none()
            if link is None:
                session.add(TicketArticle(id=new_id(), ticket_id=ticket_id,
                                          article_id=article_id))
            else:
                link.deleted_at = None
            session.flush()

    def refresh_sla(self, now: datetime | None = None, everything: bool = False) -> int:
        """Record the breaches not recorded yet; returns how many were recorded now. Safe
        to call again (the queue's timer does, every minute).

        A running ticket's deadline only moves when the ticket changes (and every write
        recomputes it), so by default only tickets past their deadline with the breach
        still unrecorded are looked at. *everything*: recompute every running ticket
        (after SLA policies changed)."""
        now = now or utc_now()
        recorded = 0
        with self._context.write() as session:
            if everything:
                recorded = refresh_running(session, now)
                session.flush()
                return recorded
            tickets = session.scalars(select(Ticket).where(
                Ticket.deleted_at.is_(None), Ticket.status.not_in(tuple(STOPPED)),
                Ticket.sla_due_at <= now, or_(
                    and_(Ticket.sla_target == "first_response",
                         Ticket.first_response_breached_at.is_(None)),
                    and_(Ticket.sla_target == "resolution",
                         Ticket.resolution_breached_at.is_(None))))).all()
            for ticket in tickets:
                recorded += self._refresh(session, ticket, now)
            session.flush()
        return recorded

    def due_sla_alerts(self, now: datetime | None = None) -> list[SlaAlert]:
        """Warnings (the policy's percentage of a target used) and breaches not announced
        yet, oldest first: what the reminder bar shows, and the plain query automation
        rules can poll. Announce them with ``mark_sla_alerted``."""
        now = now or utc_now()
        with self._context.read() as session:
            rows = session.scalars(select(Ticket).where(
                Ticket.deleted_at.is_(None), Ticket.status.not_in(tuple(STOPPED)),
                or_(Ticket.sla_warn_at <= now, Ticket.sla_due_at <= now),
                Ticket.sla_alert != Ticket.sla_target + ":breach")
                .order_by(Ticket.sla_warn_at, Ticket.pk)).all()
            alerts = []
            for ticket in rows:
                kind = alert_due(ticket.sla_target, ticket.sla_warn_at, ticket.sla_due_at,
                                 ticket.sla_alert, now)
                if kind is None or ticket.sla_due_at is None:
                    continue
                moment = ticket.sla_due_at if kind == "breach" else ticket.sla_warn_at
                alerts.append(SlaAlert(ticket.id, ticket.number, ticket.subject, kind,
                                       ticket.sla_target, moment or now, ticket.sla_due_at))
            return alerts

    def mark_sla_alerted(self, alerts: list[SlaAlert]) -> None:
        """Remember that *alerts* were announced (each once per ticket and target)."""
        with self._context.write() as session:
            for alert in alerts:
                ticket = session.scalar(select(Ticket).where(Ticket.id == alert.ticket_id))
                if ticket is not None and ticket.sla_target == alert.target:
                    ticket.sla_alert = alert.key
            session.flush()

    def delete(self, ticket_id: str) -> None:
        with self._context.write() as session:
            _common.soft_delete(session, Ticket, ticket_id)
            session.flush()

    def restore(self, ticket_id: str) -> None:
        with self._context.write() as session:
            _common.restore(session, Ticket, ticket_id)
            session.flush()

    # -- reads ----------------------------------------------------------------------------

    def get(self, ticket_id: str, now: datetime | None = None) -> TicketRecord:
        with self._context.read() as session:
            ticket = _common.load(session, Ticket, ticket_id)
            return self._record(session, ticket, now or utc_now())

    def sla(self, ticket_id: str, now: datetime | None = None) -> SlaState:
        with self._context.read() as session:
            return self._state(session, _common.load(session, Ticket, ticket_id),
                               now or utc_now())

    def entries(self, ticket_id: str) -> list[TicketEntryRecord]:
        with self._context.read() as session:
            rows = session.scalars(select(TicketEntry).where(
                TicketEntry.ticket_id == ticket_id, TicketEntry.deleted_at.is_(None))
                .order_by(TicketEntry.at, TicketEntry.pk))
            return [_entry_record(row) for row in rows]

    def attachments(self, ticket_id: str) -> list[AttachmentRecord]:
        with self._context.read() as session:
            rows = session.scalars(select(TicketAttachment).where(
                TicketAttachment.ticket_id == ticket_id,
                TicketAttachment.deleted_at.is_(None)).order_by(TicketAttachment.pk))
            return [_attachment_record(row) for row in rows]

    def linked_articles(self, ticket_id: str) -> list[tuple[str, str]]:
        """(article id, title) of the articles linked to a ticket."""
        with self._context.read() as session:
            rows = session.execute(
                select(KnowledgeArticle.id, KnowledgeArticle.title)
                .join(TicketArticle, TicketArticle.article_id == KnowledgeArticle.id)
                .where(TicketArticle.ticket_id == ticket_id,
                       TicketArticle.deleted_at.is_(None),
                       KnowledgeArticle.deleted_at.is_(None))
                .order_by(KnowledgeArticle.title))
            return [(row.id, row.title) for row in rows]

    def status_history(self, ticket_id: str) -> list[StatusChange]:
        with self._context.read() as session:
            return history_of(session, ticket_id)

    def counts(self, user_id: str | None, now: datetime | None = None) -> QueueCounts:
        """Numbers for the sidebar and the queue selector (running tickets only)."""
        now = now or utc_now()
        running = (Ticket.deleted_at.is_(None), Ticket.status.not_in(tuple(STOPPED)))
        with self._context.read() as session:
            def count(*conditions: Any) -> int:
                return int(session.scalar(select(func.count()).select_from(Ticket)
                                          .where(*running, *conditions)) or 0)
            return QueueCounts(
                open=count(),
                mine=count(Ticket.assignee_id == user_id) if user_id else 0,
                unassigned=count(Ticket.assignee_id.is_(None)),
                breaching_soon=count(Ticket.sla_warn_at <= now, Ticket.sla_due_at > now),
                breached=count(Ticket.sla_due_at <= now))

    def account_csat(self, account_id: str) -> tuple[float | None, int]:
        """Average CSAT score of an account's tickets and how many scores it is over."""
        with self._context.read() as session:
            row = session.execute(select(func.avg(Ticket.csat_score), func.count(
                Ticket.csat_score)).where(Ticket.account_id == account_id,
                                          Ticket.deleted_at.is_(None))).one()
            return (float(row[0]) if row[0] is not None else None), int(row[1])

    # -- helpers --------------------------------------------------------------------------

    def _next_number(self, session: Session, now: datetime) -> str:
        year = now.astimezone(self._tz).year
        counter = session.get(TicketCounter, year)
        if counter is None:
            counter = TicketCounter(year=year, last=0)
            session.add(counter)
        counter.last += 1
        return ticket_number(year, counter.last)

    @staticmethod
    def _set_status(session: Session, ticket: Ticket, status: str, now: datetime) -> None:
        if status == ticket.status:
            return
        check_transition(ticket.status, status)
        session.add(TicketStatusChange(id=new_id(), ticket_id=ticket.id, status=status, at=now))
        if status == "resolved":
            ticket.resolved_at = now
        elif status == "closed":
            ticket.closed_at = now
            ticket.resolved_at = ticket.resolved_at or now
        elif status == "open" and ticket.status in STOPPED:  # reopened: the clock resumes
            ticket.resolved_at = None
            ticket.closed_at = None
            ticket.sla_response_used = ticket.sla_response_allowed = None
            ticket.sla_resolution_used = ticket.sla_resolution_allowed = None
        ticket.status = status

    def _state(self, session: Session, ticket: Ticket, now: datetime) -> SlaState:
        return state_of(session, ticket, now)

    def _refresh(self, session: Session, ticket: Ticket, now: datetime) -> int:
        return refresh_ticket(session, ticket, now)

    @staticmethod
    def _check_links(session: Session, draft: TicketDraft) -> None:
        problems = []
        for field, model in (("account_id", Account), ("contact_id", Contact),
                             ("assignee_id", User)):
            record_id = getattr(draft, field)
            if record_id is None:
                continue
            try:
                _common.load(session, model, record_id, include_deleted=True)
            except LookupError:
                problems.append(ValidationError(field, QT_TRANSLATE_NOOP(
                    "Validation", "That record no longer exists")))
        if problems:
            raise ValidationErrors(problems)

    def _record(self, session: Session, ticket: Ticket, now: datetime) -> TicketRecord:
        policy_name, _policy = load_policy(session, ticket.sla_policy_id)
        draft = TicketDraft(
            subject=ticket.subject, description=ticket.description,
            account_id=ticket.account_id, contact_id=ticket.contact_id,
            channel=ticket.channel, category=ticket.category, priority=ticket.priority,
            status=ticket.status, assignee_id=ticket.assignee_id, product=ticket.product,
            contract_ref=ticket.contract_ref)
        account = session.scalar(select(Account.name).where(Account.id == ticket.account_id)) \
            if ticket.account_id else None
        contact = session.scalar(select(Contact.display_name).where(
            Contact.id == ticket.contact_id)) if ticket.contact_id else None
        return TicketRecord(
            id=ticket.id, version=ticket.version, number=ticket.number, draft=draft,
            account_name=account or "", contact_name=contact or "",
            assignee_name=_common.owner_name(session, ticket.assignee_id),
            policy_name=policy_name, first_response_at=ticket.first_response_at,
            resolved_at=ticket.resolved_at, closed_at=ticket.closed_at,
            first_response_breached_at=ticket.first_response_breached_at,
            resolution_breached_at=ticket.resolution_breached_at,
            csat_score=ticket.csat_score, csat_comment=ticket.csat_comment,
            sla=self._state(session, ticket, now), created_at=ticket.created_at,
            updated_at=ticket.updated_at, deleted=ticket.deleted_at is not None)


def _entry_record(row: TicketEntry) -> TicketEntryRecord:
    return TicketEntryRecord(row.id, row.kind, row.body, row.author, row.at)


def _attachment_record(row: TicketAttachment) -> AttachmentRecord:
    return AttachmentRecord(row.id, row.file_name, row.size, row.sha256, row.created_at)


def _listdir(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()} if folder.exists() else set()


def _unique_name(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, suffix = name, ""
    for number in range(2, 10_000):
        candidate = f"{stem} ({number}).{suffix}" if suffix else f"{stem} ({number})"
        if candidate not in taken:
            return candidate
    return f"{new_id()}.{suffix}" if suffix else new_id()


def _copy(source: Path, target: Path) -> tuple[str, int]:
    """Copy through a temporary name, hashing on the way; returns (sha256, size)."""
    digest = hashlib.sha256()
    size = 0
    partial = target.with_name(target.name + ".part")
    with source.open("rb") as reader, partial.open("wb") as writer:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            writer.write(chunk)
    shutil.move(partial, target)
    return digest.hexdigest(), size
