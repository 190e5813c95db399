"""Bookkeeping of imports and merges. Local, not synced: the records they created or
changed travel through the change log like any other write."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk_crm.store.models import Base


class ImportBatch(Base):
    """One import run; ``id`` is the batch id on the change_log rows it wrote."""

    __tablename__ = "import_batch"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    file_name: Mapped[str] = mapped_column(Text)
    entity: Mapped[str] = mapped_column(String(40))
    match_mode: Mapped[str] = mapped_column(String(10))
    # running / completed / cancelled / stopped / failed / undone
    status: Mapped[str] = mapped_column(String(12))
    rows_done: Mapped[int] = mapped_column(default=0)  # rows read and settled, for a resume
    created: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    skipped: Mapped[int] = mapped_column(default=0)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)  # mapping, encoding …
    actor: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column()
    finished_at: Mapped[datetime | None] = mapped_column(default=None)


class ExternalKey(Base):
    """The id a record has in the system it was imported from, for matching re-imports."""

    __tablename__ = "external_key"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(200))
    record_id: Mapped[str] = mapped_column(String(36))

    __table_args__ = (Index("ux_external_key", "entity", "key", unique=True),)


class RecordMerge(Base):
    """A merged-away record and the survivor it went into (the loser is soft-deleted)."""

    __tablename__ = "record_merge"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    loser_id: Mapped[str] = mapped_column(String(36))
    survivor_id: Mapped[str] = mapped_column(String(36))
    batch_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column()

    __table_args__ = (Index("ix_record_merge_loser", "loser_id"),
                      Index("ix_record_merge_batch", "batch_id"))
