"""Duplicate-finding bookkeeping, local and not synced: pairs a user said are two different
people ("Not a duplicate", never shown again) and the last matching model fitted on this
database (so the check of one record as it is typed uses the user's own weights)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk_crm.store.models import Base


class DuplicateDismissal(Base):
    """Two records (ids in sorted order) marked "not a duplicate"."""

    __tablename__ = "duplicate_dismissal"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    low_id: Mapped[str] = mapped_column(String(36))
    high_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column()

    __table_args__ = (Index("ux_duplicate_dismissal_pair", "entity", "low_id", "high_id",
                            unique=True),)


class DuplicateModel(Base):
    """The m/u weights last estimated by a full scan, as JSON (domain MatchModel)."""

    __tablename__ = "duplicate_model"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    params: Mapped[str] = mapped_column(Text)
    fitted_at: Mapped[datetime] = mapped_column()
