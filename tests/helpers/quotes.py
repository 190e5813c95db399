"""Builders for the quote and contract tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desk_crm.domain.drafts import AccountDraft
from desk_crm.domain.quotes import QuoteDraft, QuoteLineDraft
from desk_crm.services.bundle import Services
from desk_crm.services.quote_records import ProductDraft, QuoteRecord
from helpers.sales import add_opportunity


def add_quote(services: Services, *lines: QuoteLineDraft, account: str = "北京星辰科技有限公司",
              issue: date = date(2026, 11, 23), opportunity_id: str | None = None,
              **fields: object) -> QuoteRecord:
    if opportunity_id is None:
        account_id = services.accounts.save(AccountDraft(name=account)).id
        opportunity_id = add_opportunity(services, account_id=account_id).id
    draft = QuoteDraft(opportunity_id=opportunity_id, currency="CNY", issue_date=issue,
                       lines=list(lines) or [line("Consulting day", 2, "1200.00", tax=6)])
    for key, value in fields.items():
        setattr(draft, key, value)
    return services.quotes.create(draft)


def line(description: str, quantity: object, price: str, *, tax: object = 13,
         discount: str | None = None) -> QuoteLineDraft:
    return QuoteLineDraft(description=description, quantity=Decimal(str(quantity)),
                          unit_price=Decimal(price), tax_rate=Decimal(str(tax)),
                          discount_percent=Decimal(discount) if discount else None)


def add_product(services: Services, code: str = "SRV-1", name: str = "实施服务",
                price: str = "800.00", tax: str = "6") -> str:
    return services.products.save(ProductDraft(code=code, name=name, unit="天",
                                               default_price=Decimal(price),
                                               tax_rate=Decimal(tax))).id
