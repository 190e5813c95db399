"""Tables of the service desk: tickets with their status history, conversation, attachments
and SLA bookkeeping; SLA policies; knowledge-base articles (migration 0004)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from desk_crm.store.models import NOT_AUDITED, Base, Synced


class SlaPolicy(Synced, Base):
    __tablename__ = "sla_policy"
    __entity__ = "sla_policy"

    name: Mapped[str] = mapped_column(String(200))
    is_default: Mapped[bool] = mapped_column(default=False)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    # A summary of *week* (days with hours, earliest start, latest end) kept for readers
    # of the first model (migration 0014).
    workdays: Mapped[list[Any]] = mapped_column(default=list)  # 0 = Monday
    day_start: Mapped[str] = mapped_column(String(5), default="09:00")
    day_end: Mapped[str] = mapped_column(String(5), default="18:00")
    holidays: Mapped[list[Any]] = mapped_column(default=list)  # ISO dates
    # {"normal": [first response minutes, resolution minutes], ...}
    targets: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Seven lists (Monday first) of [start, end] minutes after local midnight.
    week: Mapped[list[Any]] = mapped_column(default=list)
    extra_days: Mapped[list[Any]] = mapped_column(default=list)  # ISO dates (调休)
    extra_hours: Mapped[list[Any]] = mapped_column(default=list)  # [[start, end], ...]
    day_names: Mapped[dict[str, Any]] = mapped_column(default=dict)  # ISO date -> name
    warn_percent: Mapped[int] = mapped_column(default=80)


class AccountSlaPolicy(Synced, Base):
    """The policy an account's tickets use instead of the default."""

    __tablename__ = "account_sla_policy"
    __entity__ = "account_sla_policy"

    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"), unique=True)
    policy_id: Mapped[str] = mapped_column(ForeignKey("sla_policy.id"))


class TicketCounter(Base):
    """The last number given out per year: taken in the insert's transaction (gap-free)."""

    __tablename__ = "ticket_counter"

    year: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int] = mapped_column(default=0)


class Ticket(Synced, Base):
    __tablename__ = "ticket"
    __entity__ = "ticket"

    number: Mapped[str] = mapped_column(String(20), unique=True)
    subject: Mapped[str] = mapped_column(String(400))
    description: Mapped[str] = mapped_column(Text, default="")
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    channel: Mapped[str] = mapped_column(String(10), default="email")
    category: Mapped[str] = mapped_column(String(100), default="")
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    status: Mapped[str] = mapped_column(String(10), default="new")
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    product: Mapped[str] = mapped_column(String(200), default="")
    contract_ref: Mapped[str] = mapped_column(String(100), default="")
    sla_policy_id: Mapped[str | None] = mapped_column(ForeignKey("sla_policy.id"),
                                                      default=None)
    first_response_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    # Recorded once, when the SLA refresh first sees the target run out.
    first_response_breached_at: Mapped[datetime | None] = mapped_column(default=None)
    resolution_breached_at: Mapped[datetime | None] = mapped_column(default=None)
    # Derived from the history by the SLA clock, for the queue views: not audited.
    sla_target: Mapped[str] = mapped_column(String(20), default="", **NOT_AUDITED)
    sla_due_at: Mapped[datetime | None] = mapped_column(default=None, **NOT_AUDITED)
    sla_warn_at: Mapped[datetime | None] = mapped_column(default=None, **NOT_AUDITED)
    # The alert last announced ("resolution:warning"), so each is announced once.
    sla_alert: Mapped[str] = mapped_column(String(40), default="", **NOT_AUDITED)
    # The clock's figures frozen when the ticket was resolved or closed (business
    # seconds); None while it runs. A reopened ticket clears them (migration 0014).
    sla_response_used: Mapped[int | None] = mapped_column(default=None)
    sla_response_allowed: Mapped[int | None] = mapped_column(default=None)
    sla_resolution_used: Mapped[int | None] = mapped_column(default=None)
    sla_resolution_allowed: Mapped[int | None] = mapped_column(default=None)
    csat_score: Mapped[int | None] = mapped_column(default=None)
    csat_comment: Mapped[str] = mapped_column(Text, default="")
    feedback_at: Mapped[datetime | None] = mapped_column(default=None)

    # Values of the user's custom fields, {key: value} (domain.fields; migration 0013).
    custom: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), default=None)
    __table_args__ = (
        Index("ix_ticket_live_number", "number", "pk", sqlite_where=text("deleted_at IS NULL")),
        Index("ix_ticket_status", "status"),
        Index("ix_ticket_assignee", "assignee_id"),
        Index("ix_ticket_account", "account_id"),
        Index("ix_ticket_due", "sla_due_at"),
        Index("ix_ticket_warn", "sla_warn_at"),
    )


class TicketStatusChange(Synced, Base):
    __tablename__ = "ticket_status_change"
    __entity__ = "ticket_status_change"

    ticket_id: Mapped[str] = mapped_column(ForeignKey("ticket.id"))
    status: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime] = mapped_column()

    __table_args__ = (Index("ix_ticket_status_change_ticket", "ticket_id", "at"),)


class TicketEntry(Synced, Base):
    """One line of a ticket's conversation: internal note, reply, or the customer's words."""

    __tablename__ = "ticket_entry"
    __entity__ = "ticket_entry"

    ticket_id: Mapped[str] = mapped_column(ForeignKey("ticket.id"))
    kind: Mapped[str] = mapped_column(String(10))
    body: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column()

    __table_args__ = (Index("ix_ticket_entry_ticket", "ticket_id", "at"),)


class TicketAttachment(Synced, Base):
    __tablename__ = "ticket_attachment"
    __entity__ = "ticket_attachment"

    ticket_id: Mapped[str] = mapped_column(ForeignKey("ticket.id"))
    file_name: Mapped[str] = mapped_column(String(200))  # sanitised, unique per ticket
    size: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_ticket_attachment_ticket", "ticket_id"),)


class KnowledgeArticle(Synced, Base):
    __tablename__ = "kb_article"
    __entity__ = "kb_article"

    title: Mapped[str] = mapped_column(String(400))
    body: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(100), default="")
    tags: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft / published

    __table_args__ = (Index("ix_kb_article_title", "title", "pk"),)


class TicketArticle(Synced, Base):
    __tablename__ = "ticket_article"
    __entity__ = "ticket_article"

    ticket_id: Mapped[str] = mapped_column(ForeignKey("ticket.id"))
    article_id: Mapped[str] = mapped_column(ForeignKey("kb_article.id"))

    __table_args__ = (Index("ix_ticket_article_ticket", "ticket_id", "article_id",
                            unique=True),)
