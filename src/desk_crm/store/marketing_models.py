"""Tables of the marketing area: campaigns and their members, e-mail templates, the outbox
queue of composed mails, and the loyalty programme (tiers and an append-only points ledger).

The source campaign of leads and opportunities and the e-mail flags of contacts are columns
on those tables (``sales_models``/``models``), added by the same migration (0011).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from desk_crm.store.models import NOT_AUDITED, Base, Synced
from desk_crm.store.types import DecimalText


class Campaign(Synced, Base):
    __tablename__ = "campaign"
    __entity__ = "campaign"

    name: Mapped[str] = mapped_column(String(200))
    name_sort: Mapped[str] = mapped_column(String(400), **NOT_AUDITED)
    kind: Mapped[str] = mapped_column(String(20), default="email")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    start_date: Mapped[date | None] = mapped_column(Date, default=None)
    end_date: Mapped[date | None] = mapped_column(Date, default=None)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    budget_minor: Mapped[int] = mapped_column(default=0)
    actual_cost_minor: Mapped[int] = mapped_column(default=0)
    expected_revenue_minor: Mapped[int] = mapped_column(default=0)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_campaign_live_name", "name_sort", "pk", sqlite_where=text("deleted_at IS NULL")),
        Index("ix_campaign_owner", "owner_id"),
    )


class CampaignMember(Synced, Base):
    """A contact or a lead in a campaign (exactly one of the two), with how far they got."""

    __tablename__ = "campaign_member"
    __entity__ = "campaign_member"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaign.id"))
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    lead_id: Mapped[str | None] = mapped_column(ForeignKey("lead.id"), default=None)
    status: Mapped[str] = mapped_column(String(20), default="added")
    responded_at: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (
        # One membership per person per campaign: add_members is idempotent on these.
        Index("ux_campaign_member_contact", "campaign_id", "contact_id", unique=True,
              sqlite_where=text("contact_id IS NOT NULL")),
        Index("ux_campaign_member_lead", "campaign_id", "lead_id", unique=True,
              sqlite_where=text("lead_id IS NOT NULL")),
        Index("ix_campaign_member_contact", "contact_id"),
        CheckConstraint("(contact_id IS NULL) <> (lead_id IS NULL)",
                        name="ck_campaign_member_one_person"),
    )


class EmailTemplate(Synced, Base):
    __tablename__ = "email_template"
    __entity__ = "email_template"

    name: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(400), default="")
    html_body: Mapped[str] = mapped_column(Text, default="")
    text_body: Mapped[str] = mapped_column(Text, default="")


class OutboundEmail(Base):
    """One composed mail waiting in (or gone through) the outbox. Local machine state, not
    synced: the mail is rendered at queue time, so what is sent is what was previewed.

    status: queued -> sending -> sent, or -> queued again (retry later), failed, cancelled.
    ``message_id`` is fixed before the SMTP transaction starts (see services/outbox_sender).
    """

    __tablename__ = "outbound_email"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaign.id"), default=None)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    template_id: Mapped[str | None] = mapped_column(String(36), default=None)
    to_address: Mapped[str] = mapped_column(String(254))
    to_name: Mapped[str] = mapped_column(String(400), default="")
    subject: Mapped[str] = mapped_column(String(400))
    html_body: Mapped[str] = mapped_column(Text, default="")
    text_body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="queued")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column()
    sent_at: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (
        Index("ix_outbound_email_due", "status", "next_attempt_at"),
        Index("ix_outbound_email_campaign", "campaign_id"),
        Index("ix_outbound_email_contact", "contact_id"),
    )


class LoyaltyProgramme(Synced, Base):
    """The programme and its earning rule: ``points_per_unit`` points per whole unit of a
    won deal's amount in ``currency`` (deals in other currencies earn nothing)."""

    __tablename__ = "loyalty_programme"
    __entity__ = "loyalty_programme"

    name: Mapped[str] = mapped_column(String(200))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    points_per_unit: Mapped[Decimal] = mapped_column(DecimalText(), default=Decimal(0))
    active: Mapped[bool] = mapped_column(default=True)


class LoyaltyTier(Synced, Base):
    __tablename__ = "loyalty_tier"
    __entity__ = "loyalty_tier"

    programme_id: Mapped[str] = mapped_column(ForeignKey("loyalty_programme.id"))
    name: Mapped[str] = mapped_column(String(100))
    threshold: Mapped[int] = mapped_column(default=0)  # lifetime points earned


class PointsEntry(Synced, Base):
    """One immutable movement of points for an account or a contact (the holder).

    Triggers of migration 0011 refuse an UPDATE or DELETE, and an INSERT that would take the
    holder's balance below zero; ``balance_after`` carries a CHECK >= 0 as well.
    """

    __tablename__ = "points_entry"
    __entity__ = "points_entry"

    holder_entity: Mapped[str] = mapped_column(String(10))  # account / contact
    holder_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(10))  # earned / redeemed / reversed / adjusted
    points: Mapped[int] = mapped_column()
    balance_after: Mapped[int] = mapped_column()
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunity.id"),
                                                       default=None)
    note: Mapped[str] = mapped_column(String(400), default="")
    at: Mapped[datetime] = mapped_column()

    __table_args__ = (
        Index("ix_points_entry_holder", "holder_entity", "holder_id", "pk"),
        Index("ix_points_entry_opportunity", "opportunity_id"),
        CheckConstraint("balance_after >= 0", name="ck_points_entry_balance"),
    )
