"""Tables of quotes and contracts (migration 0005): products, price books and their prices,
quotes with revisions and line items, the number counters, contracts.

Money is integer minor units in the currency of its row (product default price: the
product's currency; price book entry: the book's; quote lines: the quote's).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from desk_crm.store.models import NOT_AUDITED, Base, Synced
from desk_crm.store.types import DecimalText


class Product(Synced, Base):
    __tablename__ = "product"
    __entity__ = "product"

    code: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200))
    name_sort: Mapped[str] = mapped_column(String(400), **NOT_AUDITED)
    description: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(30), default="")
    default_price_minor: Mapped[int] = mapped_column(default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    tax_category: Mapped[str] = mapped_column(String(40), default="")
    tax_rate: Mapped[Decimal] = mapped_column(DecimalText(), default=Decimal(0))
    active: Mapped[bool] = mapped_column(default=True)

    # Values of the user's custom fields, {key: value} (domain.fields; migration 0013).
    custom: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), default=None)
    __table_args__ = (
        Index("ix_product_live_name", "name_sort", "pk", sqlite_where=text("deleted_at IS NULL")),
        Index("ix_product_code", "code"),
    )


class PriceBook(Synced, Base):
    __tablename__ = "price_book"
    __entity__ = "price_book"

    name: Mapped[str] = mapped_column(String(200))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    is_default: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)


class PriceBookEntry(Synced, Base):
    __tablename__ = "price_book_entry"
    __entity__ = "price_book_entry"

    price_book_id: Mapped[str] = mapped_column(ForeignKey("price_book.id"))
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"))
    unit_price_minor: Mapped[int] = mapped_column(default=0)

    __table_args__ = (Index("ix_price_book_entry_book", "price_book_id", "product_id"),)


class NumberCounter(Base):
    """The last number handed out per kind ("quote", "contract") and year. Incremented in
    the transaction that uses the number, so a rolled-back quote leaves no gap and two
    writers can never get the same number. Local bookkeeping: not synced."""

    __tablename__ = "number_counter"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int] = mapped_column(default=0)


class Quote(Synced, Base):
    """One revision of a quote. Revisions share ``number`` and ``root_id`` (the first
    revision's id); only the newest (``superseded`` false) can change."""

    __tablename__ = "quote"
    __entity__ = "quote"

    number: Mapped[str] = mapped_column(String(60))
    revision: Mapped[int] = mapped_column(default=1)
    root_id: Mapped[str] = mapped_column(String(36))
    superseded: Mapped[bool] = mapped_column(default=False)
    opportunity_id: Mapped[str] = mapped_column(ForeignKey("opportunity.id"))
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    price_book_id: Mapped[str | None] = mapped_column(ForeignKey("price_book.id"),
                                                      default=None)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    issue_date: Mapped[date] = mapped_column(Date)
    expiry_date: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    terms: Mapped[str] = mapped_column(Text, default="")
    document_discount_percent: Mapped[Decimal | None] = mapped_column(DecimalText(),
                                                                      default=None)
    document_discount_minor: Mapped[int] = mapped_column(default=0)
    shipping_minor: Mapped[int] = mapped_column(default=0)
    needs_approval: Mapped[bool] = mapped_column(default=False)
    approved_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    approved_at: Mapped[datetime | None] = mapped_column(default=None)
    # Derived from the lines by domain.quote_totals; kept for lists and the forecast.
    subtotal_minor: Mapped[int] = mapped_column(default=0, **NOT_AUDITED)
    tax_minor: Mapped[int] = mapped_column(default=0, **NOT_AUDITED)
    total_minor: Mapped[int] = mapped_column(default=0)

    # Values of the user's custom fields, {key: value} (domain.fields; migration 0013).
    custom: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), default=None)
    __table_args__ = (
        Index("ix_quote_number", "number", "revision", unique=True),
        Index("ix_quote_live_number", "number", "pk", sqlite_where=text("deleted_at IS NULL")),
        Index("ix_quote_opportunity", "opportunity_id"),
        Index("ix_quote_root", "root_id"),
    )


class QuoteLine(Synced, Base):
    __tablename__ = "quote_line"
    __entity__ = "quote_line"

    quote_id: Mapped[str] = mapped_column(ForeignKey("quote.id"))
    position: Mapped[int] = mapped_column(default=0)
    product_id: Mapped[str | None] = mapped_column(ForeignKey("product.id"), default=None)
    description: Mapped[str] = mapped_column(Text, default="")
    quantity: Mapped[Decimal] = mapped_column(DecimalText())
    unit_price_minor: Mapped[int] = mapped_column(default=0)
    discount_percent: Mapped[Decimal | None] = mapped_column(DecimalText(), default=None)
    discount_minor: Mapped[int] = mapped_column(default=0)
    tax_rate: Mapped[Decimal] = mapped_column(DecimalText(), default=Decimal(0))
    line_total_minor: Mapped[int] = mapped_column(default=0, **NOT_AUDITED)

    __table_args__ = (Index("ix_quote_line_quote", "quote_id", "position"),)


class Contract(Synced, Base):
    """Made from an accepted quote; ``lines`` is a frozen copy of the quote's lines
    (description, quantity, unit price, total as text) — the contract must not change
    when anything about the quote or its products changes later."""

    __tablename__ = "contract"
    __entity__ = "contract"

    number: Mapped[str] = mapped_column(String(60))
    quote_id: Mapped[str | None] = mapped_column(ForeignKey("quote.id"), default=None)
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunity.id"),
                                                       default=None)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), default=None)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    value_minor: Mapped[int] = mapped_column(default=0)
    lines: Mapped[list[Any]] = mapped_column(default=list)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    term_months: Mapped[int] = mapped_column(default=12)
    billing_frequency: Mapped[str] = mapped_column(String(12), default="annually")
    auto_renew: Mapped[bool] = mapped_column(default=False)
    notice_days: Mapped[int] = mapped_column(default=30)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    signed_file: Mapped[str] = mapped_column(String(260), default="")
    reminder_activity_id: Mapped[str | None] = mapped_column(String(36), default=None)

    __table_args__ = (
        Index("ix_contract_number", "number", unique=True),
        Index("ix_contract_end", "end_date"),
        Index("ix_contract_account", "account_id"),
    )
