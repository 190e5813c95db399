"""Knowledge-base articles: fields and rules. The body is Markdown, shown by the UI with
QTextDocument.setMarkdown (which fetches nothing remote)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.tags import normalize_tags
from desk_crm.domain.text import clean_multiline, clean_text

ARTICLE_STATUSES = ("draft", "published")
MAX_TITLE_LENGTH = 400
MAX_BODY_LENGTH = 200_000


@dataclass
class ArticleDraft:
    title: str = ""
    body: str = ""
    category: str = ""
    tags: tuple[str, ...] = ()
    status: str = "draft"


def validate_article(draft: ArticleDraft) -> ArticleDraft:
    errors: list[ValidationError] = []
    title = clean_text(draft.title)
    if not title:
        errors.append(ValidationError("title", QT_TRANSLATE_NOOP("Validation", "Enter a title")))
    elif len(title) > MAX_TITLE_LENGTH:
        errors.append(ValidationError("title", QT_TRANSLATE_NOOP(
            "Validation", "Title is too long (at most {limit} characters)"),
            limit=MAX_TITLE_LENGTH))
    body = clean_multiline(draft.body)
    if len(body) > MAX_BODY_LENGTH:
        errors.append(ValidationError("body", QT_TRANSLATE_NOOP(
            "Validation", "Text is too long (at most {limit} characters)"),
            limit=MAX_BODY_LENGTH))
    if draft.status not in ARTICLE_STATUSES:
        errors.append(ValidationError("status", QT_TRANSLATE_NOOP(
            "Validation", "Unknown value “{value}”"), value=draft.status))
    if errors:
        raise ValidationErrors(errors)
    return replace(draft, title=title, body=body, category=clean_text(draft.category),
                   tags=normalize_tags(draft.tags))
