"""Declarative tables. The migrations in ``store/migrations`` are the source of truth for the
file on disk; ``tests/store/test_migrations.py`` checks that the two agree."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, TypedDict

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Table, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desk_crm.store.types import UTCDateTime


class ColumnInfo(TypedDict):
    """Keyword arguments of ``mapped_column`` spread with ``**`` (typed, so mypy checks them)."""

    info: dict[str, Any]


# Columns the change log leaves out: bookkeeping, and values derived from other columns.
NOT_AUDITED: ColumnInfo = {"info": {"audit": False}}


def table_of(model: type[Any]) -> Table:
    """The Table of a mapped class: DeclarativeBase types ``__table__`` as any FromClause,
    and the Synced mixin has none until it is mapped."""
    table = model.__table__
    assert isinstance(table, Table), model
    return table


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class Synced:
    """Columns every synced table has (DESIGN.md "Data").

    ``pk`` is SQLite's rowid alias: stable under VACUUM, cheap for keyset paging and the key
    of the full-text index. ``id`` is the UUID the rest of the world (sync, links) sees.
    """

    # The entity name in the change log, sync and history ("contact"); every subclass sets it.
    __entity__: str = ""

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, **NOT_AUDITED)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id, **NOT_AUDITED)
    created_at: Mapped[datetime] = mapped_column(**NOT_AUDITED)
    updated_at: Mapped[datetime] = mapped_column(**NOT_AUDITED)
    version: Mapped[int] = mapped_column(default=1, **NOT_AUDITED)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None, **NOT_AUDITED)


class User(Synced, Base):
    """A person who owns records (a rep); the app's own user is one of them."""

    __tablename__ = "app_user"
    __entity__ = "user"

    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    active: Mapped[bool] = mapped_column(default=True)


class Account(Synced, Base):
    __tablename__ = "account"
    __entity__ = "account"

    name: Mapped[str] = mapped_column(String(200))
    name_sort: Mapped[str] = mapped_column(String(400), **NOT_AUDITED)
    industry: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(40), default="")
    country: Mapped[str] = mapped_column(String(200), default="")
    tags: Mapped[list[Any]] = mapped_column(default=list)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    notes: Mapped[str] = mapped_column(Text, default="")

    # Values of the user's custom fields, {key: value} (domain.fields; migration 0013).
    custom: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), default=None)
    __table_args__ = (
        Index("ix_account_live_name", "name_sort", "pk", sqlite_where=text("deleted_at IS NULL")),
        Index("ix_account_owner", "owner_id"),
    )


class Contact(Synced, Base):
    __tablename__ = "contact"
    __entity__ = "contact"

    family_name: Mapped[str] = mapped_column(String(200), default="")
    given_name: Mapped[str] = mapped_column(String(200), default="")
    display_name: Mapped[str] = mapped_column(String(400), **NOT_AUDITED)
    sort_name: Mapped[str] = mapped_column(String(800), **NOT_AUDITED)
    title: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(200), default="")
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None)
    emails: Mapped[list[Any]] = mapped_column(default=list)
    phones: Mapped[list[Any]] = mapped_column(default=list)
    primary_email: Mapped[str] = mapped_column(String(254), default="", **NOT_AUDITED)
    primary_phone: Mapped[str] = mapped_column(String(40), default="", **NOT_AUDITED)
    street: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(40), default="")
    country: Mapped[str] = mapped_column(String(200), default="")
    tags: Mapped[list[Any]] = mapped_column(default=list)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Marketing mail is never sent to a contact who opted out or whose address bounced
    # (migration 0011).
    email_opt_out: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    email_bounced_at: Mapped[datetime | None] = mapped_column(default=None)
    # Demographic fields (migrations 0013, 0021), declared for every layer in
    # domain.entities.
    street2: Mapped[str] = mapped_column(String(200), default="", server_default=text("''"))
    birth_date: Mapped[date | None] = mapped_column(Date, default=None)
    gender: Mapped[str] = mapped_column(String(20), default="", server_default=text("''"))
    income_band: Mapped[str] = mapped_column(String(20), default="", server_default=text("''"))
    education: Mapped[str] = mapped_column(String(20), default="", server_default=text("''"))

    # Values of the user's custom fields, {key: value} (domain.fields; migration 0013).
    custom: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), default=None)
    __table_args__ = (
        Index("ix_contact_live_name", "sort_name", "pk", sqlite_where=text("deleted_at IS NULL")),
        Index("ix_contact_account", "account_id"),
        Index("ix_contact_owner", "owner_id"),
        # The duplicate check of one record looks up its postcode (migration 0016).
        Index("ix_contact_live_postal_code", "postal_code",
              sqlite_where=text("deleted_at IS NULL")),
        Index("ix_contact_birth_date", "birth_date", "pk", sqlite_where=text("deleted_at IS NULL")),
        Index("ix_contact_gender", "gender", "sort_name", "pk",
              sqlite_where=text("deleted_at IS NULL")),
    )


class ContactPointIndex(Base):
    """Every normalised email and phone of every contact, for duplicate look-ups.
    Derived from ``contact.emails``/``contact.phones``; not synced, not audited."""

    __tablename__ = "contact_point"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    value: Mapped[str] = mapped_column(String(254))

    __table_args__ = (
        Index("ix_contact_point_value", "kind", "value"),
        Index("ix_contact_point_contact", "contact_id"),
    )


class ChangeLogEntry(Base):
    """One row per changed record per service call; undo, history and sync read it."""

    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    mutation_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    operation: Mapped[str] = mapped_column(String(10))
    changes: Mapped[dict[str, Any]] = mapped_column()
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column()
    sync_state: Mapped[str] = mapped_column(String(10), default="pending")
    batch_id: Mapped[str | None] = mapped_column(String(36), default=None)

    __table_args__ = (
        Index("ix_change_log_record", "entity", "record_id", "seq"),
        Index("ix_change_log_mutation", "mutation_id"),
        Index("ix_change_log_sync", "sync_state", "seq"),
        # Undo of a whole import or bulk edit; partial: ordinary edits have no batch.
        Index("ix_change_log_batch", "batch_id", sqlite_where=text("batch_id IS NOT NULL")),
    )



def entity_of(model: type[Any]) -> str | None:
    """The change-log entity name of a synced model class, None for any other class."""
    return getattr(model, "__entity__", None) or None
