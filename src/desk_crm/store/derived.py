"""Tables derived from the synced rows (full-text index, email/phone look-up), rewritten in
the same flush as the row itself so they can never drift from it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session, sessionmaker

from desk_crm.domain.phones import phone_search_tokens
from desk_crm.domain.search_text import index_text
from desk_crm.store.models import Account, Contact

FTS_TABLES = {"contact": "contact_fts", "account": "account_fts"}
FTS_TOKENIZER = "unicode61 remove_diacritics 2"


def contact_index_text(row: Any) -> str:
    parts = [row.display_name, row.family_name, row.given_name, row.title, row.department,
             row.city, row.region, row.country, row.street, " ".join(row.tags or [])]
    for point in row.emails or []:
        parts.append(point["value"])
    for point in row.phones or []:
        parts.extend(phone_search_tokens(point["value"]))
    return index_text(p for p in parts if p)


def account_index_text(row: Any) -> str:
    parts = [row.name, row.industry, row.website, row.email, row.city, row.region,
             row.country, row.street, " ".join(row.tags or [])]
    if row.phone:
        parts.extend(phone_search_tokens(row.phone))
    return index_text(p for p in parts if p)


def write_fts(connection: Connection, table: str, pk: int, body: str | None) -> None:
    connection.execute(text(f"DELETE FROM {table} WHERE rowid = :pk"), {"pk": pk})
    if body is not None:
        connection.execute(text(f"INSERT INTO {table}(rowid, body) VALUES (:pk, :body)"),
                           {"pk": pk, "body": body})


def write_contact_points(connection: Connection, contact: Any) -> None:
    connection.execute(text("DELETE FROM contact_point WHERE contact_id = :id"),
                       {"id": contact.id})
    if contact.deleted_at is not None:
        return
    rows = [{"id": contact.id, "kind": kind, "value": point["value"]}
            for kind, points in (("email", contact.emails), ("phone", contact.phones))
            for point in points or []]
    if rows:
        connection.execute(text("INSERT INTO contact_point(contact_id, kind, value) "
                                "VALUES (:id, :kind, :value)"), rows)


def refresh(connection: Connection, objects: Iterable[Any]) -> None:
    for obj in objects:
        if isinstance(obj, Contact):
            body = None if obj.deleted_at else contact_index_text(obj)
            write_fts(connection, "contact_fts", obj.pk, body)
            write_contact_points(connection, obj)
        elif isinstance(obj, Account):
            body = None if obj.deleted_at else account_index_text(obj)
            write_fts(connection, "account_fts", obj.pk, body)


def rebuild(connection: Connection) -> None:
    """Recompute every derived row from the synced tables (migrations, repair)."""
    for table in FTS_TABLES.values():
        connection.execute(text(f"DELETE FROM {table}"))
    connection.execute(text("DELETE FROM contact_point"))
    contacts = connection.execute(text(
        "SELECT pk, id, display_name, family_name, given_name, title, department, city, "
        "region, country, street, tags, emails, phones, deleted_at FROM contact "
        "WHERE deleted_at IS NULL")).mappings()
    for row in contacts:
        contact = _Row(row)
        write_fts(connection, "contact_fts", contact.pk, contact_index_text(contact))
        write_contact_points(connection, contact)
    accounts = connection.execute(text(
        "SELECT pk, name, industry, website, email, phone, city, region, country, street, "
        "tags FROM account WHERE deleted_at IS NULL")).mappings()
    for row in accounts:
        account = _Row(row)
        write_fts(connection, "account_fts", account.pk, account_index_text(account))


class _Row:
    """Attribute access over a raw row, JSON columns decoded, like the ORM object has."""

    def __init__(self, mapping: Any) -> None:
        for key, value in mapping.items():
            if key in ("tags", "emails", "phones") and isinstance(value, str):
                value = json.loads(value)
            setattr(self, key, value)


def _after_flush(session: Session, _flush_context: Any) -> None:
    changed = [obj for obj in (*session.new, *session.dirty)
               if isinstance(obj, Contact | Account)]
    if changed:
        refresh(session.connection(), changed)


def install(session_factory: sessionmaker[Session]) -> None:
    event.listen(session_factory, "after_flush", _after_flush)
