"""Knowledge-base articles: save, search (Chinese and English, through the FTS index)."""

from __future__ import annotations

from sqlalchemy import select, text

from desk_crm.domain.knowledge import ArticleDraft, validate_article
from desk_crm.domain.search_text import match_query
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.services.ticket_records import ArticleRecord
from desk_crm.store.models import new_id
from desk_crm.store.service_models import KnowledgeArticle


class KnowledgeService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def save(self, draft: ArticleDraft, article_id: str | None = None,
             expected_version: int | None = None) -> ArticleRecord:
        clean = validate_article(draft)
        with self._context.write() as session:
            if article_id is None:
                row = KnowledgeArticle(id=new_id(), title=clean.title)
                session.add(row)
            else:
                row = _common.load(session, KnowledgeArticle, article_id)
                _common.check_version(row, expected_version)
            row.title = clean.title
            row.body = clean.body
            row.category = clean.category
            row.tags = list(clean.tags)
            row.status = clean.status
            session.flush()
            return _record(row)

    def get(self, article_id: str) -> ArticleRecord:
        with self._context.read() as session:
            return _record(_common.load(session, KnowledgeArticle, article_id))

    def delete(self, article_id: str) -> None:
        with self._context.write() as session:
            _common.soft_delete(session, KnowledgeArticle, article_id)
            session.flush()

    def restore(self, article_id: str) -> None:
        with self._context.write() as session:
            _common.restore(session, KnowledgeArticle, article_id)
            session.flush()

    def search(self, query: str, published_only: bool = True,
               limit: int = 50) -> list[ArticleRecord]:
        """Articles matching *query* (every article when it is blank), by title."""
        statement = select(KnowledgeArticle).where(KnowledgeArticle.deleted_at.is_(None))
        if published_only:
            statement = statement.where(KnowledgeArticle.status == "published")
        match = match_query(query)
        if query.strip() and match is None:
            return []
        if match is not None:
            statement = statement.where(KnowledgeArticle.pk.in_(
                select(text("rowid")).select_from(text("kb_article_fts"))
                .where(text("kb_article_fts MATCH :match")))).params(match=match)
        statement = statement.order_by(KnowledgeArticle.title).limit(limit)
        with self._context.read() as session:
            return [_record(row) for row in session.scalars(statement)]


def _record(row: KnowledgeArticle) -> ArticleRecord:
    draft = ArticleDraft(title=row.title, body=row.body, category=row.category,
                         tags=tuple(row.tags or ()), status=row.status)
    return ArticleRecord(row.id, row.version, draft, row.created_at, row.updated_at,
                         row.deleted_at is not None)
