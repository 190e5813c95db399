"""Tables derived from the synced rows (full-text index, email/phone look-up), rewritten in
the same flush as the row itself so they can never drift from it.

Each searchable entity is declared once in ``SEARCH_INDEXES``: its table, its FTS table and
the function that turns a row into index text. Migrations create the FTS tables by name,
empty; ``store.migrate`` calls :func:`rebuild` for the empty ones once the file is at head.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session, sessionmaker

from desk_crm.domain.names import pinyin_search_tokens
from desk_crm.domain.phones import phone_search_tokens
from desk_crm.domain.search_text import index_text
from desk_crm.domain.text import has_cjk

FTS_TOKENIZER = "unicode61 remove_diacritics 2"
JSON_COLUMNS = {"tags", "emails", "phones", "custom"}


def _phones(*values: str) -> list[str]:
    return [token for value in values if value for token in phone_search_tokens(value)]


def _company_pinyin(name: str) -> list[str]:
    if not has_cjk(name):
        return []
    return pinyin_search_tokens("", name)[:1]


def contact_index_text(row: Any) -> str:
    parts = [row.display_name, row.family_name, row.given_name, row.title, row.department,
             row.city, row.region, row.country, row.street, " ".join(row.tags or []),
             *pinyin_search_tokens(row.family_name, row.given_name)]
    parts.extend(point["value"] for point in row.emails or [])
    parts.extend(_phones(*(point["value"] for point in row.phones or [])))
    return index_text(p for p in parts if p)


def account_index_text(row: Any) -> str:
    parts = [row.name, row.industry, row.website, row.email, row.city, row.region,
             row.country, row.street, " ".join(row.tags or []), *_company_pinyin(row.name),
             *_phones(row.phone)]
    return index_text(p for p in parts if p)


def lead_index_text(row: Any) -> str:
    parts = [row.display_name, row.family_name, row.given_name, row.company, row.title,
             row.email, row.city, row.source, *_phones(row.phone),
             *pinyin_search_tokens(row.family_name, row.given_name)]
    return index_text(p for p in parts if p)


def opportunity_index_text(row: Any) -> str:
    return index_text(p for p in (row.name, row.next_step, *_company_pinyin(row.name)) if p)


def activity_index_text(row: Any) -> str:
    return index_text(p for p in (row.subject, row.notes) if p)


def product_index_text(row: Any) -> str:
    parts = (row.code, row.name, row.description, row.unit, *_company_pinyin(row.name))
    return index_text(p for p in parts if p)


def number_index_text(row: Any) -> str:
    """Quotes and contracts are found by their number ("Q-2026-00012", "00012")."""
    return index_text(p for p in (row.number, row.number.replace("-", " ")) if p)


def ticket_index_text(row: Any) -> str:
    parts = (row.number, row.subject, row.description, row.category, row.product,
             row.contract_ref)
    return index_text(p for p in parts if p)


def article_index_text(row: Any) -> str:
    return index_text(p for p in (row.title, row.body, row.category,
                                  " ".join(row.tags or [])) if p)


def campaign_index_text(row: Any) -> str:
    return index_text(p for p in (row.name, row.kind, row.notes, *_company_pinyin(row.name))
                      if p)


@dataclass(frozen=True)
class SearchIndex:
    entity: str
    table: str
    fts_table: str
    columns: tuple[str, ...]  # what build() reads, for rebuild() from raw rows
    build: Callable[[Any], str]
    # What global search shows for a hit: SQL over the bare table (a title, a detail line).
    title_sql: str = "id"
    detail_sql: str = "''"


SEARCH_INDEXES = {
    index.entity: index
    for index in (
        SearchIndex("contact", "contact", "contact_fts",
                    ("display_name", "family_name", "given_name", "title", "department",
                     "city", "region", "country", "street", "tags", "emails", "phones"),
                    contact_index_text, "display_name", "primary_email"),
        SearchIndex("account", "account", "account_fts",
                    ("name", "industry", "website", "email", "phone", "city", "region",
                     "country", "street", "tags"),
                    account_index_text, "name", "city"),
        SearchIndex("lead", "lead", "lead_fts",
                    ("display_name", "family_name", "given_name", "company", "title",
                     "email", "phone", "city", "source"),
                    lead_index_text, "display_name", "company"),
        SearchIndex("opportunity", "opportunity", "opportunity_fts",
                    ("name", "next_step"), opportunity_index_text, "name",
                    "COALESCE(close_date, '')"),
        SearchIndex("activity", "activity", "activity_fts", ("subject", "notes"),
                    activity_index_text, "subject", "kind"),
        SearchIndex("product", "product", "product_fts",
                    ("code", "name", "description", "unit"), product_index_text),
        SearchIndex("quote", "quote", "quote_fts", ("number",), number_index_text),
        SearchIndex("contract", "contract", "contract_fts", ("number",), number_index_text),
        SearchIndex("ticket", "ticket", "ticket_fts",
                    ("number", "subject", "description", "category", "product",
                     "contract_ref"), ticket_index_text),
        SearchIndex("kb_article", "kb_article", "kb_article_fts",
                    ("title", "body", "category", "tags"), article_index_text),
        SearchIndex("campaign", "campaign", "campaign_fts", ("name", "kind", "notes"),
                    campaign_index_text, "name", "status"),
    )
}


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


# -- custom fields in the index ---------------------------------------------------------
# Text-type custom fields (text, long text, URL, e-mail, phone, picklists by their titles)
# are searched like built-in text: their words join the record's index body. Which keys
# are text is read from custom_field once per flush and entity (a handful of rows).
_TEXT_TYPES = ("text", "long_text", "url", "email", "phone", "picklist", "multi_picklist")
CustomText = dict[str, tuple[str, dict[str, str]]]  # key -> (type, choice key -> titles)


def custom_text_fields(connection: Connection, entity: str) -> CustomText:
    rows = connection.execute(text(
        "SELECT key, type, choices FROM custom_field WHERE entity = :entity "
        "AND deleted_at IS NULL"), {"entity": entity})
    found: CustomText = {}
    for key, kind, choices in rows:
        if kind in _TEXT_TYPES:
            parsed = json.loads(choices) if isinstance(choices, str) else (choices or [])
            found[key] = (kind, {c["key"]: f"{c.get('title', '')} {c.get('title_zh', '')}"
                                 for c in parsed})
    return found


def custom_index_text(values: Any, fields: CustomText) -> str:
    if not values or not fields:
        return ""
    parts: list[str] = []
    for key, (kind, choices) in fields.items():
        value = values.get(key)
        if not value:
            continue
        items = value if isinstance(value, list) else [value]
        for item in items:
            item = str(item)
            if kind in ("picklist", "multi_picklist"):
                parts.append(choices.get(item, item))
            elif kind == "phone":
                parts.extend(_phones(item))
            else:
                parts.append(item)
    return index_text(p for p in parts if p)


def _with_custom(body: str, obj: Any, connection: Connection,
                 cache: dict[str, CustomText], entity: str) -> str:
    values = getattr(obj, "custom", None)
    if not values:
        return body
    if entity not in cache:
        cache[entity] = custom_text_fields(connection, entity)
    extra = custom_index_text(values, cache[entity])
    return f"{body} {extra}".strip() if extra else body


def refresh(connection: Connection, objects: Iterable[Any]) -> None:
    fields: dict[str, CustomText] = {}
    for obj in objects:
        index = SEARCH_INDEXES.get(getattr(type(obj), "__entity__", ""))
        if index is None:
            continue
        body = None if obj.deleted_at else _with_custom(index.build(obj), obj, connection,
                                                         fields, index.entity)
        write_fts(connection, index.fts_table, obj.pk, body)
        if index.entity == "contact":
            write_contact_points(connection, obj)


def rebuild(connection: Connection, entities: Iterable[str]) -> None:
    """Recompute the derived rows of *entities* from their tables (migrations, repair)."""
    for entity in entities:
        index = SEARCH_INDEXES[entity]
        connection.execute(text(f"DELETE FROM {index.fts_table}"))
        if entity == "contact":
            connection.execute(text("DELETE FROM contact_point"))
        custom = _has_custom(connection, index.table)
        columns = ", ".join(("pk", "id", "deleted_at", *index.columns,
                             *(("custom",) if custom else ())))
        rows = connection.execute(text(f"SELECT {columns} FROM {index.table} "
                                       "WHERE deleted_at IS NULL")).mappings()
        fields: dict[str, CustomText] = {}
        for mapping in rows:
            row = RowView(mapping)
            body = index.build(row)
            if custom:
                body = _with_custom(body, row, connection, fields, entity)
            write_fts(connection, index.fts_table, row.pk, body)
            if entity == "contact":
                write_contact_points(connection, row)


def _has_custom(connection: Connection, table: str) -> bool:
    """Whether *table* has the custom-fields column (rebuild also runs on old files)."""
    names = {row[1] for row in connection.execute(text(f"PRAGMA table_info({table})"))}
    has_definitions = connection.execute(text(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'custom_field'")).first()
    return "custom" in names and has_definitions is not None


class RowView:
    """Attribute access over a raw row, JSON columns decoded, like the ORM object has."""

    def __init__(self, mapping: Any) -> None:
        for key, value in mapping.items():
            if key in JSON_COLUMNS and isinstance(value, str):
                value = json.loads(value)
            setattr(self, key, value)

    def __getattr__(self, name: str) -> Any:  # the columns set above, for mypy
        raise AttributeError(name)


def _after_flush(session: Session, _flush_context: Any) -> None:
    changed = [obj for obj in (*session.new, *session.dirty)
               if getattr(type(obj), "__entity__", "") in SEARCH_INDEXES]
    if changed:
        refresh(session.connection(), changed)


def install(session_factory: sessionmaker[Session]) -> None:
    event.listen(session_factory, "after_flush", _after_flush)
