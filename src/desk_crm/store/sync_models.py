"""Bookkeeping of synchronisation with one remote server. Local tables, not synced and not
in the change log: they describe the sync itself (DESIGN.md "Sync")."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk_crm.store.models import Base


class SyncLink(Base):
    """A local record and its remote twin: id map, concurrency token and base copy.

    ``base`` holds the field values both sides last agreed on (JSON, local vocabulary); the
    three-way merge compares mine and theirs against it. ``force_push`` marks a record whose
    conflict was resolved as "keep mine" (no local write, so no pending change-log row).
    """

    __tablename__ = "sync_link"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    remote_id: Mapped[str] = mapped_column(String(100))
    remote_version: Mapped[str | None] = mapped_column(Text, default=None)
    base: Mapped[dict[str, Any]] = mapped_column(default=dict)
    remote_deleted: Mapped[bool] = mapped_column(default=False)
    force_push: Mapped[bool] = mapped_column(default=False)
    synced_at: Mapped[datetime] = mapped_column()

    __table_args__ = (
        Index("ux_sync_link_record", "entity", "record_id", unique=True),
        Index("ux_sync_link_remote", "entity", "remote_id", unique=True),
    )


class SyncCursor(Base):
    """Where the last applied pull page of one entity ended."""

    __tablename__ = "sync_cursor"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    cursor: Mapped[str | None] = mapped_column(Text, default=None)
    updated_at: Mapped[datetime] = mapped_column()


class SyncPush(Base):
    """Journal of pushed mutations, written *before* the request goes out and finished after
    the answer is stored. A row still ``sent`` on the next push means the answer was lost (or
    the app died): the engine looks the record up on the server instead of sending again."""

    __tablename__ = "sync_push"

    key: Mapped[str] = mapped_column(String(36), primary_key=True)  # idempotency key
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    operation: Mapped[str] = mapped_column(String(10))   # create / update / delete
    state: Mapped[str] = mapped_column(String(10))       # sent / done / failed
    remote_id: Mapped[str | None] = mapped_column(String(100), default=None)
    sent_at: Mapped[datetime] = mapped_column()
    done_at: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (Index("ix_sync_push_record", "entity", "record_id", "state"),)


class SyncIssue(Base):
    """A conflict (both sides changed a field differently, or delete vs edit) or a rejection
    (the server refused our data), waiting for the user. ``fields`` maps each field to
    ``{"base": .., "mine": .., "theirs": ..}``; ``"__deleted__"`` stands for deletion."""

    __tablename__ = "sync_issue"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))        # conflict / rejected
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(String(400), default="")
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    message: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="open")  # open / resolved
    created_at: Mapped[datetime] = mapped_column()
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (Index("ix_sync_issue_open", "status", "entity", "record_id"),)


class SyncRun(Base):
    """One sync run for the history view: what went each way, and how it ended."""

    __tablename__ = "sync_run"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    server: Mapped[str] = mapped_column(String(400))
    started_at: Mapped[datetime] = mapped_column()
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(12), default="running")  # ok/failed/cancelled
    pushed: Mapped[int] = mapped_column(default=0)
    pulled: Mapped[int] = mapped_column(default=0)
    conflicts: Mapped[int] = mapped_column(default=0)
    rejected: Mapped[int] = mapped_column(default=0)
    message: Mapped[str] = mapped_column(Text, default="")
    # "pull:contact" -> {"created", "updated", "deleted", "unchanged"} (migration 0017)
    counts: Mapped[dict[str, Any] | None] = mapped_column(default=None)
