"""Products and price books: the catalogue quotes pick their lines from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.money import currency_digits, from_minor, to_minor
from desk_crm.domain.names import company_sort_key
from desk_crm.domain.products import ProductDraft
from desk_crm.domain.text import clean_text
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.services.quote_records import PriceBookRecord, ProductRecord
from desk_crm.store.models import new_id
from desk_crm.store.quote_models import PriceBook, PriceBookEntry, Product
from desk_crm.store.types import utc_now


def validate_product(draft: ProductDraft) -> ProductDraft:
    errors = []
    code, name = clean_text(draft.code).upper(), clean_text(draft.name)
    if not code:
        errors.append(ValidationError("code", QT_TRANSLATE_NOOP("Validation", "Enter a code")))
    if not name:
        errors.append(ValidationError("name", QT_TRANSLATE_NOOP("Validation", "Enter a name")))
    if draft.default_price < 0:
        errors.append(ValidationError("default_price", QT_TRANSLATE_NOOP(
            "Validation", "The price cannot be negative")))
    if not 0 <= draft.tax_rate <= 100:
        errors.append(ValidationError("tax_rate", QT_TRANSLATE_NOOP(
            "Validation", "A tax rate is between 0 and 100 %")))
    currency = draft.currency.strip().upper()
    try:
        currency_digits(currency)
    except ValidationError as error:
        errors.append(error)
    if errors:
        raise ValidationErrors(errors)
    return replace(draft, code=code, name=name, currency=currency,
                   unit=clean_text(draft.unit), tax_category=clean_text(draft.tax_category),
                   description=draft.description.strip())


class ProductService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def save(self, draft: ProductDraft, product_id: str | None = None,
             expected_version: int | None = None) -> ProductRecord:
        clean = validate_product(draft)
        with self._context.write() as session:
            product = self.write_clean(session, clean, product_id, expected_version)
            session.flush()
            return product_record(product)

    def write_clean(self, session: Session, clean: ProductDraft,
                    product_id: str | None = None,
                    expected_version: int | None = None) -> Product:
        """Apply a validated draft inside the caller's transaction (save, import)."""
        clashing = session.scalar(select(Product.id).where(
            Product.code == clean.code, Product.deleted_at.is_(None),
            Product.id != (product_id or "")))
        if clashing:
            raise ValidationErrors([ValidationError("code", QT_TRANSLATE_NOOP(
                "Validation", "Another product has the code {code}"), code=clean.code)])
        if product_id is None:
            product = Product(id=new_id())
            session.add(product)
        else:
            product = _common.load(session, Product, product_id)
            _common.check_version(product, expected_version)
        product.code, product.name = clean.code, clean.name
        product.name_sort = company_sort_key(clean.name)
        product.description, product.unit = clean.description, clean.unit
        product.currency = clean.currency
        product.default_price_minor = to_minor(clean.default_price, clean.currency)
        product.tax_category, product.tax_rate = clean.tax_category, clean.tax_rate
        product.active = clean.active
        return product

    def get(self, product_id: str) -> ProductRecord:
        with self._context.read() as session:
            return product_record(_common.load(session, Product, product_id,
                                               include_deleted=True))

    def delete(self, product_id: str) -> None:
        with self._context.write() as session:
            _common.soft_delete(session, Product, product_id)

    def restore(self, product_id: str) -> None:
        with self._context.write() as session:
            _common.restore(session, Product, product_id)

    def list_active(self) -> list[ProductRecord]:
        with self._context.read() as session:
            rows = session.scalars(select(Product).where(
                Product.deleted_at.is_(None), Product.active.is_(True))
                .order_by(Product.name_sort, Product.pk))
            return [product_record(row) for row in rows]


def product_record(product: Product) -> ProductRecord:
    draft = ProductDraft(
        code=product.code, name=product.name, description=product.description,
        unit=product.unit, default_price=from_minor(product.default_price_minor,
                                                    product.currency),
        currency=product.currency, tax_category=product.tax_category,
        tax_rate=product.tax_rate, active=product.active)
    return ProductRecord(product.id, product.version, draft, product.deleted_at is not None,
                         product.created_at, product.updated_at)


class PriceBookService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def save(self, name: str, currency: str, *, is_default: bool = False,
             active: bool = True, book_id: str | None = None) -> PriceBookRecord:
        name, currency = clean_text(name), currency.strip().upper()
        errors = []
        if not name:
            errors.append(ValidationError("name", QT_TRANSLATE_NOOP("Validation",
                                                                    "Enter a name")))
        try:
            currency_digits(currency)
        except ValidationError as error:
            errors.append(error)
        if errors:
            raise ValidationErrors(errors)
        with self._context.write() as session:
            if book_id is None:
                book = PriceBook(id=new_id())
                session.add(book)
            else:
                book = _common.load(session, PriceBook, book_id)
            book.name, book.currency = name, currency
            book.is_default, book.active = is_default, active
            if is_default:  # one default book: the one a new quote starts from
                for other in session.scalars(select(PriceBook).where(
                        PriceBook.is_default.is_(True), PriceBook.id != book.id)):
                    other.is_default = False
            session.flush()
            return _book_record(book)

    def books(self, include_inactive: bool = False) -> list[PriceBookRecord]:
        with self._context.read() as session:
            query = select(PriceBook).where(PriceBook.deleted_at.is_(None))
            if not include_inactive:
                query = query.where(PriceBook.active.is_(True))
            rows = session.scalars(query.order_by(PriceBook.is_default.desc(), PriceBook.name))
            return [_book_record(row) for row in rows]

    def set_prices(self, book_id: str, prices: Mapping[str, Decimal | None]) -> None:
        """Product id -> price in the book's currency (None removes the product)."""
        with self._context.write() as session:
            book = _common.load(session, PriceBook, book_id)
            entries = {entry.product_id: entry for entry in session.scalars(
                select(PriceBookEntry).where(PriceBookEntry.price_book_id == book_id,
                                             PriceBookEntry.deleted_at.is_(None)))}
            for product_id, price in prices.items():
                entry = entries.get(product_id)
                if price is None:
                    if entry is not None:
                        entry.deleted_at = utc_now()
                    continue
                if price < 0:
                    raise ValidationErrors([ValidationError("price", QT_TRANSLATE_NOOP(
                        "Validation", "The price cannot be negative"))])
                if entry is None:
                    entry = PriceBookEntry(id=new_id(), price_book_id=book_id,
                                           product_id=product_id)
                    session.add(entry)
                entry.unit_price_minor = to_minor(price, book.currency)

    def prices(self, book_id: str) -> dict[str, Decimal]:
        with self._context.read() as session:
            return book_prices(session, book_id)


def book_prices(session: Session, book_id: str) -> dict[str, Decimal]:
    book = _common.load(session, PriceBook, book_id)
    rows = session.execute(select(PriceBookEntry.product_id, PriceBookEntry.unit_price_minor)
                           .where(PriceBookEntry.price_book_id == book_id,
                                  PriceBookEntry.deleted_at.is_(None)))
    return {product_id: from_minor(minor, book.currency) for product_id, minor in rows}


def _book_record(book: PriceBook) -> PriceBookRecord:
    return PriceBookRecord(book.id, book.version, book.name, book.currency, book.is_default,
                           book.active)
