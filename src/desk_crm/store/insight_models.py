"""Tables of the insight area: saved segments (synced, with history) and their last
materialised members (derived, local: rebuilt from the conditions whenever needed)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk_crm.store.models import Base, Synced
from desk_crm.store.sales_models import Opportunity
from desk_crm.store.service_models import Ticket


class Segment(Synced, Base):
    """A named set of conditions on accounts or contacts (domain/segments.py)."""

    __tablename__ = "segment"
    __entity__ = "segment"

    name: Mapped[str] = mapped_column(String(200))
    entity: Mapped[str] = mapped_column(String(20), default="contact")
    match: Mapped[str] = mapped_column(String(3), default="all")
    # [{"field": ..., "op": ..., "value": ...}, ...]
    conditions: Mapped[list[Any]] = mapped_column(default=list)
    description: Mapped[str] = mapped_column(Text, default="")


class SegmentMember(Base):
    """The ids a segment matched when last refreshed, so a list can filter on it with a
    plain ``IN`` (services.segments.refresh). Not synced: derived data."""

    __tablename__ = "segment_member"

    segment_id: Mapped[str] = mapped_column(
        ForeignKey("segment.id", ondelete="CASCADE"), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)

    __table_args__ = (Index("ix_segment_member_record", "record_id"),)


# Indexes the insight queries need on other areas' tables, declared here (with the
# migration that creates them) so those areas' modules stay untouched.
Index("ix_opportunity_closed", Opportunity.closed_at)
Index("ix_ticket_feedback", Ticket.account_id, Ticket.csat_score)
