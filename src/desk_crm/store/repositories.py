"""Read-side queries for list views: counts and pages in SQL order, never all rows.

A list is described by a :class:`ListQuery` (entity, search text, sort column, filters); the
repository turns it into SQL. Pages come either by keyset (after the last row of the previous
page: constant cost while scrolling) or by offset (a jump of the scroll thumb).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from desk_crm.domain.fields import FieldDef
from desk_crm.domain.search_text import match_query
from desk_crm.store.types import parse_utc

_ALIAS = re.compile(r"\b([a-z_][a-z0-9_]*)\.[a-z_]", re.IGNORECASE)


@dataclass(frozen=True)
class ListColumn:
    key: str
    expression: str
    sort_expression: str | None = None  # None: the column cannot be sorted on
    kind: str = "text"  # "text", "json_list" or "datetime" (UTC text in the file)


@dataclass(frozen=True)
class ListSource:
    entity: str
    from_clause: str
    alias: str
    fts_table: str
    columns: tuple[ListColumn, ...]
    default_sort: str
    filters: dict[str, str] = field(default_factory=dict)
    # Also a hit when this SQL (reading :match) holds: e.g. a quote found by its
    # account's name, which lives in another table's index.
    search_also: str = ""

    @property
    def table(self) -> str:
        return self.from_clause.split()[0]

    @property
    def base_from(self) -> str:
        """The list's own table with its alias ("contact c"), without the joins."""
        return " ".join(self.from_clause.split()[:2])

    def needs_joins(self, *sql: str) -> bool:
        """Whether these SQL fragments read a joined table (any alias but the list's own)."""
        aliases = {match for fragment in sql for match in _ALIAS.findall(fragment)}
        return bool(aliases - {self.alias})

    def column(self, key: str) -> ListColumn:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


# No alias inside: the list's own table is then enough (ListSource.needs_joins).
_SEGMENT_MEMBER = ("{alias}.id IN (SELECT record_id FROM segment_member "
                   "WHERE segment_id = :segment_id)")

CONTACTS = ListSource(
    entity="contact",
    alias="c",
    from_clause=("contact c LEFT JOIN account a ON a.id = c.account_id "
                 "LEFT JOIN app_user u ON u.id = c.owner_id"),
    fts_table="contact_fts",
    columns=(
        ListColumn("name", "c.display_name", "c.sort_name"),
        ListColumn("account", "a.name", "COALESCE(a.name_sort, '')"),
        ListColumn("title", "c.title", "c.title"),
        ListColumn("email", "c.primary_email", "c.primary_email"),
        ListColumn("phone", "c.primary_phone", "c.primary_phone"),
        ListColumn("city", "c.city", "c.city"),
        ListColumn("owner", "u.name", "COALESCE(u.name, '')"),
        ListColumn("tags", "c.tags", None, kind="json_list"),
        ListColumn("updated_at", "c.updated_at", "c.updated_at", kind="datetime"),
    ),
    default_sort="name",
    filters={"account_id": "c.account_id = :account_id", "owner_id": "c.owner_id = :owner_id",
             # a saved segment's members as last refreshed (services.segments.refresh)
             "segment_id": _SEGMENT_MEMBER.replace("{alias}", "c")},
)

ACCOUNTS = ListSource(
    entity="account",
    alias="a",
    from_clause="account a LEFT JOIN app_user u ON u.id = a.owner_id",
    fts_table="account_fts",
    columns=(
        ListColumn("name", "a.name", "a.name_sort"),
        ListColumn("industry", "a.industry", "a.industry"),
        ListColumn("city", "a.city", "a.city"),
        ListColumn("phone", "a.phone", "a.phone"),
        ListColumn("website", "a.website", "a.website"),
        ListColumn("contacts", "(SELECT COUNT(*) FROM contact c WHERE c.account_id = a.id "
                               "AND c.deleted_at IS NULL)", None),
        ListColumn("owner", "u.name", "COALESCE(u.name, '')"),
        ListColumn("tags", "a.tags", None, kind="json_list"),
        ListColumn("updated_at", "a.updated_at", "a.updated_at", kind="datetime"),
    ),
    default_sort="name",
    filters={"owner_id": "a.owner_id = :owner_id",
             "segment_id": _SEGMENT_MEMBER.replace("{alias}", "a")},
)

LEADS = ListSource(
    entity="lead",
    alias="l",
    from_clause="lead l LEFT JOIN app_user u ON u.id = l.owner_id",
    fts_table="lead_fts",
    columns=(
        ListColumn("name", "l.display_name", "l.sort_name"),
        ListColumn("company", "l.company", "l.company"),
        ListColumn("status", "l.status", "l.status"),
        ListColumn("source", "l.source", "l.source"),
        ListColumn("score", "l.score", "l.score"),
        ListColumn("email", "l.email", "l.email"),
        ListColumn("phone", "l.phone", "l.phone"),
        ListColumn("owner", "u.name", "COALESCE(u.name, '')"),
        ListColumn("updated_at", "l.updated_at", "l.updated_at", kind="datetime"),
    ),
    default_sort="name",
    filters={"status": "l.status = :status", "owner_id": "l.owner_id = :owner_id",
             "source": "l.source = :source"},
)

# The first open activity of an opportunity: its due time, "undated" when it has none,
# NULL when there is no open activity at all (the list flags that as "no next step").
# Closed (won/lost) opportunities need no next step: "closed".
_NEXT_ACTIVITY = (
    "CASE WHEN s.kind <> 'open' THEN 'closed' ELSE "
    "(SELECT COALESCE(act.due_at, 'undated') FROM activity act "
    "WHERE act.opportunity_id = o.id AND act.deleted_at IS NULL AND act.done_at IS NULL "
    "ORDER BY act.due_at IS NULL, act.due_at LIMIT 1) END"
)

OPPORTUNITIES = ListSource(
    entity="opportunity",
    alias="o",
    from_clause=("opportunity o JOIN pipeline_stage s ON s.id = o.stage_id "
                 "LEFT JOIN account a ON a.id = o.account_id "
                 "LEFT JOIN app_user u ON u.id = o.owner_id"),
    fts_table="opportunity_fts",
    columns=(
        ListColumn("name", "o.name", "o.name_sort"),
        ListColumn("account", "a.name", "COALESCE(a.name_sort, '')"),
        ListColumn("stage", "s.name", "s.position"),
        # "123450 CNY": minor units and currency, formatted exactly by the view
        ListColumn("amount", "printf('%d %s', o.amount_minor, o.currency)", "o.amount_minor"),
        ListColumn("currency", "o.currency", "o.currency"),
        ListColumn("probability", "COALESCE(o.probability, s.probability)",
                   "CAST(COALESCE(o.probability, s.probability) AS REAL)"),
        # "123450 CNY 60": the weighted amount is computed in Decimal by the view
        ListColumn("weighted", "printf('%d %s %s', o.amount_minor, o.currency, "
                               "COALESCE(o.probability, s.probability))", None),
        ListColumn("close_date", "o.close_date", "COALESCE(o.close_date, '')"),
        ListColumn("owner", "u.name", "COALESCE(u.name, '')"),
        ListColumn("next_activity", _NEXT_ACTIVITY, f"COALESCE({_NEXT_ACTIVITY}, '')"),
        ListColumn("updated_at", "o.updated_at", "o.updated_at", kind="datetime"),
    ),
    default_sort="name",
    filters={
        "owner_id": "o.owner_id = :owner_id",
        "stage_id": "o.stage_id = :stage_id",
        "stage_kind": "s.kind = :stage_kind",
        "account_id": "o.account_id = :account_id",
        "no_next_step": ("s.kind = 'open' AND :no_next_step = '1' AND NOT EXISTS ("
                         "SELECT 1 FROM activity act WHERE act.opportunity_id = o.id "
                         "AND act.deleted_at IS NULL AND act.done_at IS NULL)"),
        # "YYYY-MM": a range on close_date, so ix_opportunity_close can be used
        "close_month": ("o.close_date >= :close_month || '-01' AND "
                        "o.close_date < date(:close_month || '-01', '+1 month')"),
        # A period as the dashboard counts it (ISO dates, end exclusive): the close date,
        # else the day it was closed.
        "close_from": "COALESCE(o.close_date, substr(o.closed_at, 1, 10)) >= :close_from",
        "close_before": "COALESCE(o.close_date, substr(o.closed_at, 1, 10)) < :close_before",
    },
)

ACTIVITIES = ListSource(
    entity="activity",
    alias="t",
    from_clause=("activity t LEFT JOIN contact c ON c.id = t.contact_id "
                 "LEFT JOIN lead l ON l.id = t.lead_id "
                 "LEFT JOIN opportunity o ON o.id = t.opportunity_id "
                 "LEFT JOIN account a ON a.id = t.account_id "
                 "LEFT JOIN app_user u ON u.id = t.owner_id"),
    fts_table="activity_fts",
    columns=(
        ListColumn("subject", "t.subject", "t.subject"),
        ListColumn("kind", "t.kind", "t.kind"),
        # Undated activities sort after dated ones ("~" sorts after any ISO time).
        ListColumn("due_at", "t.due_at", "COALESCE(t.due_at, '~')", kind="datetime"),
        ListColumn("linked", "COALESCE(c.display_name, l.display_name, o.name, a.name)",
                   "COALESCE(c.sort_name, l.sort_name, o.name_sort, a.name_sort, '')"),
        ListColumn("owner", "u.name", "COALESCE(u.name, '')"),
        ListColumn("done_at", "t.done_at", "COALESCE(t.done_at, '')", kind="datetime"),
    ),
    default_sort="due_at",
    filters={
        # status: "open" or "done"; due_from / due_before: UTC text (format_utc)
        "status": "((:status = 'open' AND t.done_at IS NULL) "
                  "OR (:status = 'done' AND t.done_at IS NOT NULL))",
        "owner_id": "t.owner_id = :owner_id",
        "due_from": "t.due_at >= :due_from",
        "due_before": "t.due_at < :due_before",
    },
)

PRODUCTS = ListSource(
    entity="product",
    alias="p",
    from_clause="product p",
    fts_table="product_fts",
    columns=(
        ListColumn("code", "p.code", "p.code"),
        ListColumn("name", "p.name", "p.name_sort"),
        ListColumn("unit", "p.unit", "p.unit"),
        ListColumn("price", "printf('%d %s', p.default_price_minor, p.currency)",
                   "p.default_price_minor"),
        ListColumn("tax_rate", "p.tax_rate", "CAST(p.tax_rate AS REAL)"),
        ListColumn("active", "p.active", "p.active"),
        ListColumn("updated_at", "p.updated_at", "p.updated_at", kind="datetime"),
    ),
    default_sort="name",
    filters={"active": "p.active = :active"},
)

# Only the newest revision of each quote is listed; older ones open from its editor.
QUOTES = ListSource(
    entity="quote",
    alias="q",
    from_clause=("quote q JOIN opportunity o ON o.id = q.opportunity_id "
                 "LEFT JOIN account a ON a.id = q.account_id "
                 "LEFT JOIN app_user u ON u.id = q.owner_id"),
    fts_table="quote_fts",
    # "海岸" finds the quotes of 青岛海岸贸易 (users search quotes by customer).
    search_also=("q.account_id IN (SELECT id FROM account WHERE pk IN "
                 "(SELECT rowid FROM account_fts WHERE account_fts MATCH :match))"),
    columns=(
        ListColumn("number", "q.number", "q.number"),
        ListColumn("revision", "q.revision", "q.revision"),
        ListColumn("account", "a.name", "COALESCE(a.name_sort, '')"),
        ListColumn("opportunity", "o.name", "o.name_sort"),
        ListColumn("status", "q.status", "q.status"),
        ListColumn("total", "printf('%d %s', q.total_minor, q.currency)", "q.total_minor"),
        ListColumn("issue_date", "q.issue_date", "q.issue_date"),
        ListColumn("expiry_date", "q.expiry_date", "COALESCE(q.expiry_date, '')"),
        ListColumn("approval", "CASE WHEN q.needs_approval AND q.approved_by IS NULL "
                               "THEN 'needed' WHEN q.approved_by IS NOT NULL THEN 'approved' "
                               "ELSE '' END", None),
        ListColumn("owner", "u.name", "COALESCE(u.name, '')"),
    ),
    default_sort="number",
    filters={"current": "q.superseded = 0 AND :current = '1'",
             "status": "q.status = :status",
             "opportunity_id": "q.opportunity_id = :opportunity_id"},
)

# Service desk. "sla" carries what the view needs to show time left and its colour:
# "<due at>|<warn at>|<target>|<status>" (UTC text, empty while paused or stopped).
_PRIORITY_ORDER = ("CASE k.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 "
                   "WHEN 'normal' THEN 2 ELSE 3 END")
_STATUS_ORDER = ("CASE k.status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'waiting' THEN 2 "
                 "WHEN 'resolved' THEN 3 ELSE 4 END")
TICKETS = ListSource(
    entity="ticket",
    alias="k",
    from_clause=("ticket k LEFT JOIN account a ON a.id = k.account_id "
                 "LEFT JOIN contact c ON c.id = k.contact_id "
                 "LEFT JOIN app_user u ON u.id = k.assignee_id"),
    fts_table="ticket_fts",
    columns=(
        ListColumn("number", "k.number", "k.number"),
        ListColumn("subject", "k.subject", "k.subject"),
        ListColumn("account", "COALESCE(a.name, c.display_name)",
                   "COALESCE(a.name_sort, c.sort_name, '')"),
        ListColumn("priority", "k.priority", _PRIORITY_ORDER),
        ListColumn("status", "k.status", _STATUS_ORDER),
        ListColumn("sla", "printf('%s|%s|%s|%s', COALESCE(k.sla_due_at, ''), "
                          "COALESCE(k.sla_warn_at, ''), k.sla_target, k.status)",
                   "COALESCE(k.sla_due_at, '~')"),
        ListColumn("assignee", "u.name", "COALESCE(u.name, '')"),
        ListColumn("category", "k.category", "k.category"),
        ListColumn("channel", "k.channel", "k.channel"),
        ListColumn("updated_at", "k.updated_at", "k.updated_at", kind="datetime"),
        # SLA figures: the deadline (sorted on the "sla" index), the frozen business
        # seconds "<used>|<allowed>|<breached>" of a resolved/closed ticket per target
        # (empty figures while it runs: the "sla" column shows its time left), breached.
        ListColumn("sla_due", "k.sla_due_at", "COALESCE(k.sla_due_at, '~')", kind="datetime"),
        ListColumn("sla_response", "printf('%s|%s|%s', COALESCE(k.sla_response_used, ''), "
                                   "COALESCE(k.sla_response_allowed, ''), "
                                   "k.first_response_breached_at IS NOT NULL)"),
        ListColumn("sla_resolution", "printf('%s|%s|%s', "
                                     "COALESCE(k.sla_resolution_used, ''), "
                                     "COALESCE(k.sla_resolution_allowed, ''), "
                                     "k.resolution_breached_at IS NOT NULL)"),
        ListColumn("sla_breached", "(k.first_response_breached_at IS NOT NULL "
                                   "OR k.resolution_breached_at IS NOT NULL)"),
    ),
    default_sort="sla",
    filters={
        "status": "k.status = :status",
        "priority": "k.priority = :priority",
        "assignee_id": "k.assignee_id = :assignee_id",
        "account_id": "k.account_id = :account_id",
        "running": "(:running = '1' AND k.status NOT IN ('resolved', 'closed'))",
        "unassigned": "(:unassigned = '1' AND k.assignee_id IS NULL)",
        # UTC text (format_utc) of "now": the SLA columns are kept by the SLA refresh
        "soon_at": "(k.sla_warn_at <= :soon_at AND k.sla_due_at > :soon_at)",
        "breached_at": "k.sla_due_at <= :breached_at",
    },
)

KB_ARTICLES = ListSource(
    entity="kb_article",
    alias="b",
    from_clause="kb_article b",
    fts_table="kb_article_fts",
    columns=(
        ListColumn("title", "b.title", "b.title"),
        ListColumn("category", "b.category", "b.category"),
        ListColumn("status", "b.status", "b.status"),
        ListColumn("tags", "b.tags", None, kind="json_list"),
        ListColumn("updated_at", "b.updated_at", "b.updated_at", kind="datetime"),
    ),
    default_sort="title",
    filters={"status": "b.status = :status", "category": "b.category = :category"},
)

CAMPAIGNS = ListSource(
    entity="campaign",
    alias="m",
    from_clause="campaign m LEFT JOIN app_user u ON u.id = m.owner_id",
    fts_table="campaign_fts",
    columns=(
        ListColumn("name", "m.name", "m.name_sort"),
        ListColumn("kind", "m.kind", "m.kind"),
        ListColumn("status", "m.status", "m.status"),
        ListColumn("start_date", "m.start_date", "COALESCE(m.start_date, '')"),
        ListColumn("end_date", "m.end_date", "COALESCE(m.end_date, '')"),
        ListColumn("budget", "printf('%d %s', m.budget_minor, m.currency)", "m.budget_minor"),
        ListColumn("actual_cost", "printf('%d %s', m.actual_cost_minor, m.currency)",
                   "m.actual_cost_minor"),
        ListColumn("members", "(SELECT COUNT(*) FROM campaign_member cm "
                              "WHERE cm.campaign_id = m.id AND cm.deleted_at IS NULL)", None),
        ListColumn("owner", "u.name", "COALESCE(u.name, '')"),
        ListColumn("updated_at", "m.updated_at", "m.updated_at", kind="datetime"),
    ),
    default_sort="name",
    filters={"status": "m.status = :status", "kind": "m.kind = :kind"},
)

SOURCES = {source.entity: source
           for source in (CONTACTS, ACCOUNTS, LEADS, OPPORTUNITIES, ACTIVITIES, PRODUCTS,
                          QUOTES, TICKETS, KB_ARTICLES, CAMPAIGNS)}


@dataclass(frozen=True)
class ListQuery:
    entity: str
    search: str = ""
    sort_key: str | None = None
    descending: bool = False
    filters: tuple[tuple[str, str], ...] = ()
    # Declared fields (demographics, custom fields) shown as extra columns: the list then
    # sorts and filters by them too (store.field_columns).
    fields: tuple[FieldDef, ...] = ()

    @property
    def source(self) -> ListSource:
        if not self.fields:
            return SOURCES[self.entity]
        from desk_crm.store.field_columns import extended_source  # it builds on SOURCES

        return extended_source(self.entity, self.fields)

    @property
    def is_unfiltered(self) -> bool:
        """Every live row: the count comes from the row_count table."""
        return not self.search.strip() and not self.filters


@dataclass(frozen=True)
class PageRow:
    pk: int
    id: str
    sort_value: Any
    values: dict[str, Any]


class ListRepository:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory

    def _where(self, query: ListQuery) -> tuple[str, dict[str, Any]]:
        source = query.source
        alias = source.alias
        clauses = [f"{alias}.deleted_at IS NULL"]
        params: dict[str, Any] = {}
        match = match_query(query.search)
        if query.search.strip() and match is None:
            clauses.append("0")  # only punctuation typed: nothing can match
        elif match is not None:
            # Driven by the hit list: SQLite looks each hit up and sorts them. A broad
            # search at 1M (50k hits) costs ~250 ms for that; walking the sort index
            # instead was tried and is slower still, as hits cluster by name (bench/).
            own = (f"{alias}.pk IN (SELECT rowid FROM {source.fts_table} "
                   f"WHERE {source.fts_table} MATCH :match)")
            clauses.append(f"({own} OR {source.search_also})" if source.search_also else own)
            params["match"] = match
        for name, value in query.filters:
            clauses.append(source.filters[name])
            params[name] = value
        return " AND ".join(clauses), params

    def _order(self, query: ListQuery) -> tuple[str, str]:
        source = query.source
        column = source.column(query.sort_key or source.default_sort)
        if column.sort_expression is None:
            column = source.column(source.default_sort)
        assert column.sort_expression is not None
        direction = "DESC" if query.descending else "ASC"
        order = f"{column.sort_expression} {direction}, {source.alias}.pk {direction}"
        return column.sort_expression, order

    @staticmethod
    def _fts_hits(session: Session, source: ListSource, match: str, limit: int) -> int:
        sql = (f"SELECT COUNT(*) FROM (SELECT 1 FROM {source.fts_table} WHERE "
               f"{source.fts_table} MATCH :match LIMIT {int(limit)})")
        return int(session.execute(text(sql), {"match": match}).scalar_one())

    def count(self, query: ListQuery) -> int:
        """The exact number of rows: from the trigger-kept counter when nothing filters
        (constant time), else by COUNT (a scan: call it off the UI thread at scale)."""
        if query.is_unfiltered:
            live = self._live_count(query.source)
            if live is not None:
                return live
        return self._count(query, None)

    def count_bounded(self, query: ListQuery, cap: int) -> tuple[int, bool]:
        """(count, exact): counts at most *cap* + 1 rows, so it stays cheap on any list;
        (cap, False) means "cap or more" and the exact figure needs :meth:`count`."""
        if query.is_unfiltered:
            live = self._live_count(query.source)
            if live is not None:
                return live, True
        match = match_query(query.search)
        if not query.filters and match is not None and not query.source.search_also:
            # Only live rows are in the full-text index: count its hits, no row look-ups.
            with self._session_factory() as session:
                found = self._fts_hits(session, query.source, match, cap + 1)
            return (cap, False) if found > cap else (found, True)
        found = self._count(query, cap + 1)
        return (cap, False) if found > cap else (found, True)

    def _live_count(self, source: ListSource) -> int | None:
        with self._session_factory() as session:
            value = session.execute(text("SELECT live FROM row_count WHERE table_name = :t"),
                                    {"t": source.table}).scalar()
        return None if value is None else int(value)

    def _count(self, query: ListQuery, limit: int | None) -> int:
        where, params = self._where(query)
        source = query.source
        tables = source.from_clause if source.needs_joins(where) else source.base_from
        if limit is None:
            sql = f"SELECT COUNT(*) FROM {tables} WHERE {where}"
        else:
            sql = (f"SELECT COUNT(*) FROM (SELECT 1 FROM {tables} WHERE {where} "
                   f"LIMIT {int(limit)})")
        with self._session_factory() as session:
            return int(session.execute(text(sql), params).scalar_one())

    def page(self, query: ListQuery, *, offset: int = 0, limit: int = 200,
             after: PageRow | None = None) -> list[PageRow]:
        """Rows in list order: *limit* rows from *offset*, or from just after *after*."""
        source = query.source
        where, params = self._where(query)
        sort_expression, order = self._order(query)
        if after is not None:
            comparison = "<" if query.descending else ">"
            if "json_extract" in sort_expression:
                # SQLite walks an expression index only for the spelled-out form; the row
                # value scans (bench/custom_fields.py: 150 ms vs 0.02 ms at 1M).
                where += (f" AND ({sort_expression} {comparison} :after_sort OR "
                          f"({sort_expression} = :after_sort AND "
                          f"{source.alias}.pk {comparison} :after_pk))")
            else:
                where += (f" AND ({sort_expression}, {source.alias}.pk) {comparison} "
                          "(:after_sort, :after_pk)")
            params.update(after_sort=after.sort_value, after_pk=after.pk)
            offset = 0
        window = self._window(source, where, sort_expression, order)
        select = ", ".join(f"{c.expression} AS {c.key}" for c in source.columns)
        sql = (f"SELECT {source.alias}.pk AS _pk, {source.alias}.id AS _id, "
               f"{sort_expression} AS _sort, {select} FROM {source.from_clause} "
               f"WHERE {source.alias}.pk IN ({window}) ORDER BY {order}")
        params.update(limit=limit, offset=offset)
        with self._session_factory() as session:
            result = session.execute(text(sql), params).mappings().all()
        return [self._row(source, row) for row in result]

    @staticmethod
    def _window(source: ListSource, where: str, sort_expression: str, order: str) -> str:
        # Late row look-up: find the page's keys on the list's own table (index only, cheap
        # to skip past on a deep offset), then join and format just those rows.
        tables = (source.from_clause if source.needs_joins(where, sort_expression)
                  else source.base_from)
        return (f"SELECT {source.alias}.pk FROM {tables} WHERE {where} "
                f"ORDER BY {order} LIMIT :limit OFFSET :offset")

    def window_query(self, query: ListQuery, *, offset: int = 0,
                     limit: int = 200) -> tuple[str, dict[str, Any]]:
        """The SQL that picks a page's keys (and its parameters): for the plan tests."""
        where, params = self._where(query)
        sort_expression, order = self._order(query)
        return (self._window(query.source, where, sort_expression, order),
                {**params, "limit": limit, "offset": offset})

    def iter_id_pages(self, query: ListQuery, page_size: int = 5000) -> Iterator[list[str]]:
        """Every id the list's query matches, *page_size* at a time, walked by pk (keyset):
        a 1M-row list is never one Python list, and each page is a fresh short read, so
        writes between pages (a chunked bulk edit) are not blocked by an open cursor."""
        source = query.source
        where, params = self._where(query)
        tables = source.from_clause if source.needs_joins(where) else source.base_from
        sql = (f"SELECT {source.alias}.pk AS pk, {source.alias}.id AS id FROM {tables} "
               f"WHERE {where} AND {source.alias}.pk > :after_pk "
               f"ORDER BY {source.alias}.pk LIMIT :page_size")
        after = 0
        while True:
            with self._session_factory() as session:
                rows = session.execute(text(sql), {**params, "after_pk": after,
                                                   "page_size": page_size}).all()
            if not rows:
                return
            yield [row.id for row in rows]
            if len(rows) < page_size:
                return
            after = rows[-1].pk

    def position_of(self, query: ListQuery, record_id: str) -> int | None:
        """Index of *record_id* in the list (to select a row after saving), or None."""
        source = query.source
        where, params = self._where(query)
        sort_expression, _order = self._order(query)
        comparison = "<" if query.descending else ">"
        sql = (f"SELECT {sort_expression} AS s, {source.alias}.pk AS p FROM "
               f"{source.from_clause} WHERE {where} AND {source.alias}.id = :record_id")
        with self._session_factory() as session:
            target = session.execute(text(sql), {**params, "record_id": record_id}).first()
            if target is None:
                return None
            # Spelled as a range on the sort expression (plus the tie on pk), not a row
            # value, and without joins the sort does not need: SQLite then counts on the
            # list's sort index (1M contacts: ~0.1 s instead of 2-13 s).
            key = f"{sort_expression}"
            inner = "<" if comparison == ">" else ">"
            tables = (source.from_clause if source.needs_joins(where, sort_expression)
                      else source.base_from)
            if target.s is None:  # NULL sorts first: only NULLs with a smaller pk
                before_rows = (f"(({key} IS NULL AND {source.alias}.pk {inner} :p)"
                               + (f" OR {key} IS NOT NULL)" if query.descending else ")"))
            else:
                before_rows = (f"({key} {inner}= :s AND ({key} {inner} :s OR "
                               f"{source.alias}.pk {inner} :p)"
                               + ("" if query.descending else f" OR {key} IS NULL") + ")")
            before = f"SELECT COUNT(*) FROM {tables} WHERE {where} AND {before_rows}"
            return int(session.execute(text(before), {**params, "s": target.s,
                                                      "p": target.p}).scalar_one())

    @staticmethod
    def _row(source: ListSource, row: Any) -> PageRow:
        values = {}
        for column in source.columns:
            value = row[column.key]
            if value is not None and column.kind == "json_list":
                value = json.loads(value)
            elif value is not None and column.kind == "json":
                value = json.loads(value) if isinstance(value, str) else value
            elif value is not None and column.kind == "datetime":
                value = parse_utc(value)
            values[column.key] = value
        return PageRow(row["_pk"], row["_id"], row["_sort"], values)
