"""Search across every entity in ``derived.SEARCH_INDEXES`` at once (the Ctrl+K box).

One FTS query per entity, each limited, so a common prefix over a million rows costs a few
index pages, not a ranking of every hit. A new searchable entity appears here by being
registered in SEARCH_INDEXES (with its ``title_sql`` / ``detail_sql``), nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from desk_crm.domain.search_text import match_query
from desk_crm.store.derived import SEARCH_INDEXES


@dataclass(frozen=True)
class SearchHit:
    entity: str
    id: str
    title: str
    detail: str


class GlobalSearch:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory

    def search(self, user_text: str, per_entity: int = 5) -> list[SearchHit]:
        """Live records matching *user_text*, grouped by entity in SEARCH_INDEXES order,
        at most *per_entity* of each."""
        match = match_query(user_text)
        if match is None:
            return []
        hits: list[SearchHit] = []
        with self._session_factory() as session:
            for index in SEARCH_INDEXES.values():
                sql = (f"SELECT t.id, {index.title_sql} AS title, "
                       f"{index.detail_sql} AS detail FROM {index.fts_table} f "
                       f"JOIN {index.table} t ON t.pk = f.rowid "
                       f"WHERE {index.fts_table} MATCH :match AND t.deleted_at IS NULL "
                       "LIMIT :limit")
                for row in session.execute(text(sql), {"match": match, "limit": per_entity}):
                    hits.append(SearchHit(index.entity, row.id, str(row.title or ""),
                                          str(row.detail or "")))
        return hits

