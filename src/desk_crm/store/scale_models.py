"""What keeps lists fast at a million rows: a live-row counter per list table, maintained by
triggers, and an index for every sortable/filterable column of every ``ListSource``.

Both are derived from declarations elsewhere, so a new list table joins in one line:
``install_row_counter(connection, "ticket")`` and ``create_list_indexes(connection,
SOURCES["ticket"])`` in its migration (``attach_list_indexes`` puts the plain-column indexes
on the ORM metadata so the schema comparison test sees them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, Index, Integer, MetaData, String, text
from sqlalchemy.orm import Mapped, mapped_column

from desk_crm.domain.entities import COUNTED
from desk_crm.store.models import Base
from desk_crm.store.repositories import SOURCES, ListSource

# The tables whose live rows are counted: the entities declared ``counted`` (their
# migrations install the triggers: 0006, 0009, 0011 write the table names out).
COUNTED_TABLES = COUNTED
LIVE = "deleted_at IS NULL"


class RowCount(Base):
    """Live (not soft-deleted) rows per table: the unfiltered list count without a scan."""

    __tablename__ = "row_count"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    live: Mapped[int] = mapped_column(Integer, default=0)


def row_counter_sql(table: str) -> list[str]:
    """Triggers keeping row_count.live of *table* equal to its rows with deleted_at NULL:
    insert, soft delete, restore and a hard delete (purge) each move it by one."""
    def bump(delta: str) -> str:
        return (f"UPDATE row_count SET live = live {delta} 1 "
                f"WHERE table_name = '{table}';")

    return [
        f"CREATE TRIGGER trg_{table}_count_insert AFTER INSERT ON {table} "
        f"WHEN NEW.deleted_at IS NULL BEGIN {bump('+')} END",
        f"CREATE TRIGGER trg_{table}_count_delete AFTER DELETE ON {table} "
        f"WHEN OLD.deleted_at IS NULL BEGIN {bump('-')} END",
        f"CREATE TRIGGER trg_{table}_count_soft_delete AFTER UPDATE OF deleted_at ON {table} "
        f"WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL BEGIN {bump('-')} END",
        f"CREATE TRIGGER trg_{table}_count_restore AFTER UPDATE OF deleted_at ON {table} "
        f"WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL BEGIN {bump('+')} END",
    ]


def install_row_counter(connection: Connection, table: str) -> None:
    """Create the triggers of *table* and seed its counter from the rows already there."""
    for statement in row_counter_sql(table):
        connection.execute(text(statement))
    connection.execute(text("INSERT OR REPLACE INTO row_count(table_name, live) "
                            f"SELECT '{table}', COUNT(*) FROM {table} WHERE {LIVE}"))


def drop_row_counter(connection: Connection, table: str) -> None:
    for suffix in ("insert", "delete", "soft_delete", "restore"):
        connection.execute(text(f"DROP TRIGGER IF EXISTS trg_{table}_count_{suffix}"))
    connection.execute(text("DELETE FROM row_count WHERE table_name = :t"), {"t": table})


# -- list indexes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ListIndex:
    name: str
    table: str
    terms: tuple[str, ...]  # SQL over the bare table: a column name or an expression

    @property
    def plain(self) -> bool:
        """Only column names: the ORM can declare it (SQLAlchemy does not reflect
        expression indexes, so those live in the migration only)."""
        return all(re.fullmatch(r"[a-z_][a-z0-9_]*", term) for term in self.terms)

    def create_sql(self) -> str:
        return (f"CREATE INDEX IF NOT EXISTS {self.name} ON {self.table} "
                f"({', '.join(self.terms)}) WHERE {LIVE}")


def own_expression(source: ListSource, expression: str) -> str | None:
    """*expression* over the list's own table with the alias removed, or None when it reads
    a joined table or a subquery (such a column cannot be indexed: see the plan test)."""
    if "SELECT" in expression.upper() or source.needs_joins(expression):
        return None
    return re.sub(rf"\b{source.alias}\.", "", expression)


def list_indexes(source: ListSource) -> list[ListIndex]:
    """One (sort expression, pk) index per sortable column and one per filtered column,
    partial on live rows like every list query's WHERE."""
    table = source.base_from.split()[0]
    found: dict[tuple[str, ...], ListIndex] = {}
    for column in source.columns:
        if column.sort_expression is None:
            continue
        term = own_expression(source, column.sort_expression)
        if term is not None:
            found.setdefault((term, "pk"), ListIndex(f"ix_{table}_sort_{column.key}", table,
                                                      (term, "pk")))
    for clause in source.filters.values():
        # Only columns compared with a parameter: an index on a column tested with IS NULL
        # (activity.done_at) has a misleading selectivity in sqlite_stat1 (its values are
        # nearly unique, its NULLs are not) and the planner would pick it over far better
        # ones, e.g. for "open activities of this opportunity".
        compared = rf"\b{source.alias}\.([a-z_][a-z0-9_]*)\s*(?:=|<|>|<=|>=)\s*:"
        for column in re.findall(compared, clause):
            if column not in ("deleted_at", "pk", "id"):  # id: unique already
                found.setdefault((column, "pk"), ListIndex(
                    f"ix_{table}_filter_{column}", table, (column, "pk")))
    return list(found.values())


def _covered(existing: list[tuple[str, ...]], wanted: ListIndex) -> bool:
    return any(columns[:len(wanted.terms)] == wanted.terms for columns in existing)


def create_list_indexes(connection: Connection, source: ListSource) -> list[str]:
    """Create the missing indexes of *source*; returns their names. An existing partial
    index with the same leading columns (e.g. ix_contact_live_name) counts as present."""
    table = source.base_from.split()[0]
    existing = []
    indexes = connection.execute(text("SELECT name, sql FROM sqlite_master WHERE type = "
                                      "'index' AND tbl_name = :t"), {"t": table}).all()
    for name, sql in indexes:
        if sql and sql.rstrip().endswith(f"WHERE {LIVE}"):  # same rows as a list query
            info = connection.execute(text(f"PRAGMA index_info({name})")).mappings()
            existing.append(tuple(str(r["name"]) for r in info))
    created = []
    for index in list_indexes(source):
        if index.plain and _covered(existing, index):
            continue
        connection.execute(text(index.create_sql()))
        created.append(index.name)
    return created


def attach_list_indexes(metadata: MetaData) -> None:
    """Declare the plain-column list indexes on the ORM tables (idempotent)."""
    for source in SOURCES.values():
        table = metadata.tables.get(source.base_from.split()[0])
        if table is None:
            continue
        existing = [tuple(c.name for c in index.columns) for index in table.indexes
                    if str(index.dialect_options["sqlite"]["where"]) == LIVE]
        names = {index.name for index in table.indexes}
        for wanted in list_indexes(source):
            if not wanted.plain or wanted.name in names or _covered(existing, wanted):
                continue
            Index(wanted.name, *(table.c[term] for term in wanted.terms),
                  sqlite_where=text(LIVE))


from desk_crm.store import sales_models  # noqa: E402,F401  (lead, opportunity, activity)

attach_list_indexes(Base.metadata)
