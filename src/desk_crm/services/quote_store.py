"""Reading and writing quote rows inside a caller's transaction: numbers from the counter,
lines, totals, and the plain record the UI gets. Shared by quotes.py and contracts.py."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desk_crm.domain.money import from_minor, to_minor
from desk_crm.domain.quote_totals import QuoteTotals, compute_totals
from desk_crm.domain.quotes import QuoteDraft, QuoteLineDraft
from desk_crm.services import _common
from desk_crm.services.quote_records import QuoteRecord
from desk_crm.store.models import Account, Contact, new_id
from desk_crm.store.quote_models import Quote, QuoteLine
from desk_crm.store.sales_models import Opportunity
from desk_crm.store.types import utc_now


def allocate_number(session: Session, kind: str, year: int) -> int:
    """The next number of *kind* in *year*, counted in this transaction.

    Call it FIRST in the transaction: the UPSERT takes SQLite's write lock at once, so a
    second writer waits (busy_timeout) instead of reading a snapshot it could not later
    upgrade; a rollback returns the number, so numbers have no gaps."""
    seq = session.execute(text(
        "INSERT INTO number_counter(kind, year, last) VALUES (:kind, :year, 1) "
        "ON CONFLICT(kind, year) DO UPDATE SET last = last + 1 RETURNING last"),
        {"kind": kind, "year": year}).scalar_one()
    return int(seq)


def live_lines(session: Session, quote_id: str) -> list[QuoteLine]:
    return list(session.scalars(select(QuoteLine).where(
        QuoteLine.quote_id == quote_id, QuoteLine.deleted_at.is_(None))
        .order_by(QuoteLine.position, QuoteLine.pk)))


def line_draft(line: QuoteLine, currency: str) -> QuoteLineDraft:
    return QuoteLineDraft(
        description=line.description, quantity=line.quantity,
        unit_price=from_minor(line.unit_price_minor, currency),
        discount_percent=line.discount_percent,
        discount_amount=from_minor(line.discount_minor, currency), tax_rate=line.tax_rate,
        product_id=line.product_id, id=line.id)


def quote_draft(session: Session, quote: Quote) -> QuoteDraft:
    currency = quote.currency
    return QuoteDraft(
        opportunity_id=quote.opportunity_id, currency=currency, issue_date=quote.issue_date,
        expiry_date=quote.expiry_date, price_book_id=quote.price_book_id, terms=quote.terms,
        document_discount_percent=quote.document_discount_percent,
        document_discount_amount=from_minor(quote.document_discount_minor, currency),
        shipping=from_minor(quote.shipping_minor, currency),
        lines=[line_draft(line, currency) for line in live_lines(session, quote.id)])


def totals_of(draft: QuoteDraft) -> QuoteTotals:
    return compute_totals([line.amounts() for line in draft.lines], draft.currency,
                          document_discount_percent=draft.document_discount_percent,
                          document_discount_amount=draft.document_discount_amount,
                          shipping=draft.shipping)


def write_quote(session: Session, quote: Quote, clean: QuoteDraft,
                copy_lines: bool = False) -> QuoteTotals:
    """Fields, lines (matched by id; missing ones soft-deleted; *copy_lines* writes every
    line as new, for a new revision) and the stored totals."""
    currency = clean.currency
    quote.currency = currency
    assert clean.issue_date is not None  # validate_quote sets it
    quote.issue_date = clean.issue_date
    quote.expiry_date = clean.expiry_date
    quote.price_book_id = clean.price_book_id
    quote.terms = clean.terms
    quote.document_discount_percent = clean.document_discount_percent
    quote.document_discount_minor = (0 if clean.document_discount_percent is not None
                                     else to_minor(clean.document_discount_amount, currency))
    quote.shipping_minor = to_minor(clean.shipping, currency)
    existing = {} if copy_lines else {line.id: line for line in live_lines(session, quote.id)}
    kept = set()
    for position, draft in enumerate(clean.lines):
        line = existing.get(draft.id or "")
        if line is None:
            line = QuoteLine(id=new_id(), quote_id=quote.id)
            session.add(line)
        kept.add(line.id)
        line.position = position
        line.product_id = draft.product_id
        line.description = draft.description
        line.quantity = draft.quantity
        line.unit_price_minor = to_minor(draft.unit_price, currency)
        line.discount_percent = draft.discount_percent
        line.discount_minor = (0 if draft.discount_percent is not None
                               else to_minor(draft.discount_amount, currency))
        line.tax_rate = draft.tax_rate
    now = utc_now()
    for line_id, line in existing.items():
        if line_id not in kept:
            line.deleted_at = now
    session.flush()
    # Totals from what was stored (prices in minor units), so the record, the list and
    # the PDF all show the same figures.
    stored = quote_draft(session, quote)
    totals = totals_of(stored)
    for line, total in zip(live_lines(session, quote.id), totals.line_totals, strict=True):
        line.line_total_minor = to_minor(total, currency)
    quote.subtotal_minor = to_minor(totals.subtotal, currency)
    quote.tax_minor = to_minor(totals.tax_total, currency)
    quote.total_minor = to_minor(totals.grand_total, currency)
    return totals


def quote_record(session: Session, quote: Quote) -> QuoteRecord:
    draft = quote_draft(session, quote)
    opportunity_name = session.scalar(select(Opportunity.name).where(
        Opportunity.id == quote.opportunity_id)) or ""
    account_name = contact_name = address = ""
    if quote.account_id:
        account = session.scalars(select(Account).where(Account.id == quote.account_id)).one()
        account_name = account.name
        address = "\n".join(part for part in (
            account.street, " ".join(p for p in (account.postal_code, account.city) if p),
            account.region if account.region != account.city else "", account.country)
            if part)
    if quote.contact_id:
        contact_name = session.scalar(select(Contact.display_name).where(
            Contact.id == quote.contact_id)) or ""
    return QuoteRecord(
        id=quote.id, version=quote.version, number=quote.number, revision=quote.revision,
        root_id=quote.root_id, superseded=quote.superseded, status=quote.status,
        draft=draft, totals=totals_of(draft), opportunity_name=opportunity_name,
        account_name=account_name, contact_name=contact_name, owner_id=quote.owner_id,
        needs_approval=quote.needs_approval,
        approved_by_name=_common.owner_name(session, quote.approved_by),
        approved_at=quote.approved_at, created_at=quote.created_at,
        updated_at=quote.updated_at, deleted=quote.deleted_at is not None,
        account_address=address)


def total_of(quote: Quote) -> Decimal:
    return from_minor(quote.total_minor, quote.currency)
