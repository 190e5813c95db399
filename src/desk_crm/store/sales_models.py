"""Tables of the sales area: leads, pipeline stages, opportunities with their stage history,
and activities (tasks, calls, meetings, email notes) linked to any record."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from desk_crm.store.models import NOT_AUDITED, Base, Synced
from desk_crm.store.types import DecimalText


class AppSetting(Base):
    """Settings that belong to the data rather than the user's machine (scoring rules)."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)


class PipelineStage(Synced, Base):
    __tablename__ = "pipeline_stage"
    __entity__ = "pipeline_stage"

    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(default=0)
    probability: Mapped[Decimal] = mapped_column(DecimalText())  # percent, 0..100
    kind: Mapped[str] = mapped_column(String(10), default="open")  # open / won / lost
    active: Mapped[bool] = mapped_column(default=True)


class Lead(Synced, Base):
    __tablename__ = "lead"
    __entity__ = "lead"

    family_name: Mapped[str] = mapped_column(String(200), default="")
    given_name: Mapped[str] = mapped_column(String(200), default="")
    display_name: Mapped[str] = mapped_column(String(400), **NOT_AUDITED)
    sort_name: Mapped[str] = mapped_column(String(800), **NOT_AUDITED)
    company: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(20), default="new")
    company_size: Mapped[int | None] = mapped_column(default=None)
    street: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(40), default="")
    country: Mapped[str] = mapped_column(String(200), default="")
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[int] = mapped_column(default=0, **NOT_AUDITED)
    converted_at: Mapped[datetime | None] = mapped_column(default=None)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    # No foreign key: opportunity.lead_id already points back, and a cycle of foreign keys
    # between two tables cannot be created in SQLite's order-sensitive DDL.
    opportunity_id: Mapped[str | None] = mapped_column(String(36), default=None)
    # The campaign the lead came from (migration 0011).
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaign.id"), default=None)

    # Values of the user's custom fields, {key: value} (domain.fields; migration 0013).
    custom: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), default=None)
    __table_args__ = (
        Index("ix_lead_live_name", "sort_name", "pk", sqlite_where=text("deleted_at IS NULL")),
        Index("ix_lead_status", "status"),
        Index("ix_lead_owner", "owner_id"),
        Index("ix_lead_email", "email"),
        Index("ix_lead_phone", "phone"),
        Index("ix_lead_campaign", "campaign_id"),
    )


class Opportunity(Synced, Base):
    __tablename__ = "opportunity"
    __entity__ = "opportunity"

    name: Mapped[str] = mapped_column(String(200))
    name_sort: Mapped[str] = mapped_column(String(400), **NOT_AUDITED)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    lead_id: Mapped[str | None] = mapped_column(ForeignKey("lead.id"), default=None)
    amount_minor: Mapped[int] = mapped_column(default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    close_date: Mapped[date | None] = mapped_column(Date, default=None)
    stage_id: Mapped[str] = mapped_column(ForeignKey("pipeline_stage.id"))
    # None: the stage's default probability applies; a value overrides it.
    probability: Mapped[Decimal | None] = mapped_column(DecimalText(), default=None)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    next_step: Mapped[str] = mapped_column(String(400), default="")
    outcome_reason: Mapped[str] = mapped_column(String(400), default="")
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The campaign the deal came from (migration 0011).
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaign.id"), default=None)

    # Values of the user's custom fields, {key: value} (domain.fields; migration 0013).
    custom: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), default=None)
    __table_args__ = (
        Index("ix_opportunity_live_name", "name_sort", "pk",
              sqlite_where=text("deleted_at IS NULL")),
        Index("ix_opportunity_stage", "stage_id", "close_date"),
        Index("ix_opportunity_close", "close_date"),
        Index("ix_opportunity_owner", "owner_id"),
        Index("ix_opportunity_account", "account_id"),
        Index("ix_opportunity_campaign", "campaign_id"),
    )


class StageChange(Synced, Base):
    """An opportunity's time in one stage: entered, and left (None while it is there)."""

    __tablename__ = "stage_change"
    __entity__ = "stage_change"

    opportunity_id: Mapped[str] = mapped_column(ForeignKey("opportunity.id"))
    stage_id: Mapped[str] = mapped_column(ForeignKey("pipeline_stage.id"))
    entered_at: Mapped[datetime] = mapped_column()
    left_at: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (Index("ix_stage_change_opportunity", "opportunity_id", "entered_at"),)


class Activity(Synced, Base):
    __tablename__ = "activity"
    __entity__ = "activity"

    kind: Mapped[str] = mapped_column(String(10), default="task")  # task/call/meeting/email
    subject: Mapped[str] = mapped_column(String(400))
    notes: Mapped[str] = mapped_column(Text, default="")
    due_at: Mapped[datetime | None] = mapped_column(default=None)
    duration_minutes: Mapped[int] = mapped_column(default=0)
    done_at: Mapped[datetime | None] = mapped_column(default=None)
    remind_at: Mapped[datetime | None] = mapped_column(default=None)
    # When this machine showed the reminder: local state, not a change worth a history line.
    reminded_at: Mapped[datetime | None] = mapped_column(default=None, **NOT_AUDITED)
    recurrence: Mapped[str] = mapped_column(String(10), default="")  # ""/daily/weekly/monthly
    series_id: Mapped[str | None] = mapped_column(String(36), default=None)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    lead_id: Mapped[str | None] = mapped_column(ForeignKey("lead.id"), default=None)
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunity.id"),
                                                       default=None)

    __table_args__ = (
        Index("ix_activity_open_due", "due_at", "pk",
              sqlite_where=text("deleted_at IS NULL AND done_at IS NULL")),
        Index("ix_activity_remind", "remind_at",
              sqlite_where=text("deleted_at IS NULL AND done_at IS NULL "
                                "AND reminded_at IS NULL")),
        Index("ix_activity_account", "account_id"),
        Index("ix_activity_contact", "contact_id"),
        # The day an activity was last seen (customer insight's "last activity" signal
        # reads only the recent range of it; migration 0024).
        Index("ix_activity_seen", text("COALESCE(done_at, due_at, created_at)"),
              sqlite_where=text("deleted_at IS NULL")),
        Index("ix_activity_lead", "lead_id"),
        Index("ix_activity_opportunity", "opportunity_id"),
        Index("ix_activity_owner", "owner_id"),
    )


# Leads and opportunities point at campaigns: their table must be in the same metadata.
from desk_crm.store import marketing_models  # noqa: E402,F401
