"""Tables derived from the synced rows (full-text index, email/phone look-up), rewritten in
the same flush as the row itself so they can never drift from it.

Each searchable entity declares its index in ``domain.entities`` (``EntityDef.search``):
``SEARCH_INDEXES`` is built from it, the index text of a row from the declared columns.
Migrations create the FTS tables by name, empty; ``store.migrate`` calls :func:`rebuild`
for the empty ones once the file is at head.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session, sessionmaker

from desk_crm.domain.entities import SEARCHABLE, EntityDef, NameKind
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


def _column_parts(column: str, value: Any) -> list[str]:
    """The index text of one column: lists decoded, phones as their search tokens, document
    numbers also without dashes ("Q-2026-00012" is found by "00012")."""
    if not value:
        return []
    if column == "tags":
        return [" ".join(value)]
    if column == "emails":
        return [point["value"] for point in value]
    if column == "phones":
        return _phones(*(point["value"] for point in value))
    if column == "phone":
        return _phones(value)
    if column == "number":
        return [value, value.replace("-", " ")]
    return [value]


def index_builder(entity: EntityDef) -> Callable[[Any], str]:
    """The function turning a row of *entity* into its index text, from its declaration:
    the declared columns, plus the pinyin of a person's or a company's Chinese name."""
    assert entity.search is not None
    columns = entity.search.columns
    person = entity.name_kind is NameKind.PERSON
    named = not person and "name" in columns

    def build(row: Any) -> str:
        parts = [part for column in columns for part in _column_parts(column,
                                                                      getattr(row, column))]
        if person:
            parts.extend(pinyin_search_tokens(row.family_name, row.given_name))
        elif named and row.name:
            parts.extend(_company_pinyin(row.name))
        return index_text(p for p in parts if p)

    return build


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
    contact_points: bool = False  # its emails/phones are kept in contact_point too


def _search_index(entity: EntityDef) -> SearchIndex:
    assert entity.search is not None
    return SearchIndex(entity.key, entity.table, f"{entity.table}_fts", entity.search.columns,
                       index_builder(entity), entity.search.title, entity.search.detail,
                       entity.contact_points)


# Every searchable entity, in the order global search shows their hits.
SEARCH_INDEXES = {entity.key: _search_index(entity) for entity in SEARCHABLE}


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
        if index.contact_points:
            write_contact_points(connection, obj)


def rebuild(connection: Connection, entities: Iterable[str]) -> None:
    """Recompute the derived rows of *entities* from their tables (migrations, repair)."""
    for entity in entities:
        index = SEARCH_INDEXES[entity]
        connection.execute(text(f"DELETE FROM {index.fts_table}"))
        if index.contact_points:
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
            if index.contact_points:
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
