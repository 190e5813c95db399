"""Use cases for quotes: create (numbered from the counter), edit a draft, revise a sent
quote, approve a large discount, send, accept (the opportunity is won in the same
transaction), reject, expire.

Rules live in ``domain.quotes`` and ``domain.quote_totals``; row writing in
``services.quote_store``.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.money import from_minor, to_minor
from desk_crm.domain.quotes import (
    DEFAULT_VALIDITY_DAYS,
    QuoteDraft,
    QuoteLineDraft,
    check_move,
    format_number,
    needs_approval,
    validate_quote,
)
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.services.opportunities import apply_stage
from desk_crm.services.products import book_prices
from desk_crm.services.quote_records import QuoteRecord, QuoteRevision
from desk_crm.services.quote_settings import is_approver, load_settings
from desk_crm.services.quote_store import (
    allocate_number,
    quote_draft,
    quote_record,
    total_of,
    write_quote,
)
from desk_crm.store.models import new_id
from desk_crm.store.quote_models import PriceBook, Product, Quote
from desk_crm.store.sales_models import Opportunity, PipelineStage
from desk_crm.store.types import utc_now

__all__ = ["QuoteDraft", "QuoteLineDraft", "QuoteRecord", "QuoteService"]

NOT_EDITABLE = QT_TRANSLATE_NOOP("Validation", "This quote is {status}; it can no longer change")
# The status words that fill {status}, marked so the UI can show them translated.
STATUS_WORDS = (QT_TRANSLATE_NOOP("ValidationWord", "sent"),
                QT_TRANSLATE_NOOP("ValidationWord", "accepted"),
                QT_TRANSLATE_NOOP("ValidationWord", "rejected"),
                QT_TRANSLATE_NOOP("ValidationWord", "expired"),
                QT_TRANSLATE_NOOP("ValidationWord", "draft"))


class QuoteService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    # -- writes ---------------------------------------------------------------------------

    def create(self, draft: QuoteDraft, owner_id: str | None = None) -> QuoteRecord:
        clean = validate_quote(draft)
        assert clean.issue_date is not None
        with self._context.write() as session:
            # First statement of the transaction: see allocate_number.
            year = clean.issue_date.year
            seq = allocate_number(session, "quote", year)
            number = format_number(load_settings(session).number_pattern, year, seq)
            opportunity = _common.load(session, Opportunity, clean.opportunity_id or "")
            quote_id = new_id()
            quote = Quote(id=quote_id, number=number, revision=1, root_id=quote_id,
                          opportunity_id=opportunity.id, account_id=opportunity.account_id,
                          contact_id=opportunity.contact_id,
                          owner_id=owner_id or opportunity.owner_id, status="draft")
            session.add(quote)
            self._write(session, quote, clean)
            return quote_record(session, quote)

    def save(self, quote_id: str, draft: QuoteDraft,
             expected_version: int | None = None) -> QuoteRecord:
        """Change a draft in place; a sent quote gets a new revision with *draft* (the sent
        one is kept, read-only). Returns the revision that now holds *draft*."""
        clean = validate_quote(draft)
        with self._context.write() as session:
            quote = _common.load(session, Quote, quote_id)
            _common.check_version(quote, expected_version)
            if quote.superseded or quote.status not in ("draft", "sent"):
                raise _not_editable(quote)
            if quote.status == "sent":
                quote = self._new_revision(session, quote)
                self._write(session, quote, clean, copy_lines=True)
            else:
                self._write(session, quote, clean)
            return quote_record(session, quote)

    def revise(self, quote_id: str) -> QuoteRecord:
        """A new draft revision of a sent quote with the same content."""
        with self._context.write() as session:
            quote = _common.load(session, Quote, quote_id)
            if quote.superseded or quote.status != "sent":
                raise _not_editable(quote)
            content = quote_draft(session, quote)
            revision = self._new_revision(session, quote)
            self._write(session, revision, content, copy_lines=True)
            return quote_record(session, revision)

    def approve(self, quote_id: str, approver_id: str) -> QuoteRecord:
        """Record an approver's approval of the discount (kept in the change log)."""
        with self._context.write() as session:
            quote = self._current(session, quote_id)
            if not is_approver(session, approver_id):
                raise ValidationErrors([ValidationError("approved_by", QT_TRANSLATE_NOOP(
                    "Validation", "Only an approver can approve a discount"))])
            quote.approved_by = approver_id
            quote.approved_at = utc_now()
            session.flush()
            return quote_record(session, quote)

    def mark_sent(self, quote_id: str) -> QuoteRecord:
        with self._context.write() as session:
            quote = self._current(session, quote_id)
            check_move(quote.status, "sent")
            if quote.needs_approval and quote.approved_by is None:
                raise ValidationErrors([ValidationError("status", QT_TRANSLATE_NOOP(
                    "Validation", "The discount needs an approver's approval first"))])
            quote.status = "sent"
            session.flush()
            return quote_record(session, quote)

    def accept(self, quote_id: str, reason: str = "") -> QuoteRecord:
        """Accepted, and its opportunity won with the quote's grand total — one
        transaction, through the pipeline's own stage logic (stage history, closed_at)."""
        with self._context.write() as session:
            quote = self._current(session, quote_id)
            check_move(quote.status, "accepted")
            quote.status = "accepted"
            session.flush()
            opportunity = _common.load(session, Opportunity, quote.opportunity_id)
            won = session.scalars(select(PipelineStage).where(
                PipelineStage.kind == "won", PipelineStage.active.is_(True),
                PipelineStage.deleted_at.is_(None)).order_by(PipelineStage.position)).first()
            if won is None:
                raise ValidationErrors([ValidationError("stage_id", QT_TRANSLATE_NOOP(
                    "Validation", "There is no active won stage"))])
            opportunity.amount_minor = to_minor(total_of(quote), quote.currency)
            opportunity.currency = quote.currency
            if opportunity.stage_id != won.id:
                apply_stage(session, opportunity, won,
                            reason or f"Quote {quote.number} accepted", utc_now())
                opportunity.probability = None
            session.flush()
            return quote_record(session, quote)

    def reject(self, quote_id: str) -> QuoteRecord:
        return self._move(quote_id, "rejected")

    def expire(self, quote_id: str) -> QuoteRecord:
        return self._move(quote_id, "expired")

    def expire_overdue(self, today: date | None = None) -> int:
        """Mark sent quotes whose expiry date has passed as expired; returns how many."""
        today = today or date.today()
        with self._context.write() as session:
            overdue = list(session.scalars(select(Quote).where(
                Quote.status == "sent", Quote.superseded.is_(False),
                Quote.deleted_at.is_(None), Quote.expiry_date < today)))
            for quote in overdue:
                quote.status = "expired"
            return len(overdue)

    def delete(self, quote_id: str) -> None:
        with self._context.write() as session:
            _common.soft_delete(session, Quote, quote_id)

    def restore(self, quote_id: str) -> None:
        with self._context.write() as session:
            _common.restore(session, Quote, quote_id)

    # -- reads ----------------------------------------------------------------------------

    def get(self, quote_id: str) -> QuoteRecord:
        with self._context.read() as session:
            return quote_record(session, _common.load(session, Quote, quote_id,
                                                      include_deleted=True))

    def revisions(self, quote_id: str) -> list[QuoteRevision]:
        """Every revision of the quote *quote_id* belongs to, oldest first."""
        with self._context.read() as session:
            root = _common.load(session, Quote, quote_id, include_deleted=True).root_id
            rows = session.scalars(select(Quote).where(Quote.root_id == root,
                                                       Quote.deleted_at.is_(None))
                                   .order_by(Quote.revision))
            return [QuoteRevision(q.id, q.revision, q.status, total_of(q), q.currency,
                                  q.updated_at) for q in rows]

    def for_opportunity(self, opportunity_id: str) -> list[QuoteRecord]:
        """The current revision of each of the opportunity's quotes, newest first."""
        with self._context.read() as session:
            rows = session.scalars(select(Quote).where(
                Quote.opportunity_id == opportunity_id, Quote.deleted_at.is_(None),
                Quote.superseded.is_(False)).order_by(Quote.pk.desc()))
            return [quote_record(session, quote) for quote in rows]

    def new_draft(self, opportunity_id: str, today: date | None = None) -> QuoteDraft:
        """A draft for a new quote: the opportunity's currency, the default price book,
        today's date, the standard validity and terms."""
        today = today or date.today()
        with self._context.read() as session:
            opportunity = _common.load(session, Opportunity, opportunity_id)
            book = session.scalars(select(PriceBook).where(
                PriceBook.deleted_at.is_(None), PriceBook.active.is_(True),
                PriceBook.currency == opportunity.currency)
                .order_by(PriceBook.is_default.desc(), PriceBook.name)).first()
            return QuoteDraft(opportunity_id=opportunity_id, currency=opportunity.currency,
                              issue_date=today,
                              expiry_date=today + timedelta(days=DEFAULT_VALIDITY_DAYS),
                              price_book_id=book.id if book else None,
                              terms=load_settings(session).default_terms)

    def line_for_product(self, product_id: str, price_book_id: str | None,
                         quantity: int = 1, currency: str | None = None) -> QuoteLineDraft:
        """A line for *product_id* priced from the book, else the product's default price
        — each only when it is in the quote's *currency* (None: any); otherwise the price
        is left at 0 for the user to enter. The price can be overridden afterwards."""
        with self._context.read() as session:
            product = _common.load(session, Product, product_id)
            price = Decimal(0)
            book = None
            if price_book_id:
                book = session.scalars(select(PriceBook).where(
                    PriceBook.id == price_book_id)).one_or_none()
            book_price = None
            if book is not None and currency in (None, book.currency):
                book_price = book_prices(session, book.id).get(product_id)
            if book_price is not None:
                price = book_price
            elif currency in (None, product.currency):
                price = from_minor(product.default_price_minor, product.currency)
            return QuoteLineDraft(description=product.name, quantity=Decimal(quantity),
                                  unit_price=price, tax_rate=product.tax_rate,
                                  product_id=product_id)

    # -- helpers --------------------------------------------------------------------------

    def _move(self, quote_id: str, target: str) -> QuoteRecord:
        with self._context.write() as session:
            quote = self._current(session, quote_id)
            check_move(quote.status, target)
            quote.status = target
            session.flush()
            return quote_record(session, quote)

    @staticmethod
    def _current(session: Session, quote_id: str) -> Quote:
        quote = _common.load(session, Quote, quote_id)
        if quote.superseded:
            raise _not_editable(quote)
        return quote

    @staticmethod
    def _write(session: Session, quote: Quote, clean: QuoteDraft,
               copy_lines: bool = False) -> None:
        old_total = quote.total_minor
        totals = write_quote(session, quote, clean, copy_lines=copy_lines)
        threshold = load_settings(session).approval_threshold
        quote.needs_approval = needs_approval(totals.discount_percent, threshold)
        # An approval covers the figures it saw: a changed total asks for it again.
        if quote.approved_by is not None and (quote.total_minor != old_total
                                              or not quote.needs_approval):
            quote.approved_by = None
            quote.approved_at = None
        session.flush()

    @staticmethod
    def _new_revision(session: Session, quote: Quote) -> Quote:
        quote.superseded = True
        revision = Quote(
            id=new_id(), number=quote.number, revision=quote.revision + 1,
            root_id=quote.root_id, opportunity_id=quote.opportunity_id,
            account_id=quote.account_id, contact_id=quote.contact_id,
            owner_id=quote.owner_id, status="draft", issue_date=quote.issue_date)
        session.add(revision)
        session.flush()
        return revision


def _not_editable(quote: Quote) -> ValidationErrors:
    status = "superseded" if quote.superseded else quote.status
    return ValidationErrors([ValidationError("status", NOT_EDITABLE, status=status)])
