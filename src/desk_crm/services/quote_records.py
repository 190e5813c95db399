"""Plain read views of products, price books, quotes and contracts handed to the UI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from desk_crm.domain.products import ProductDraft
from desk_crm.domain.quote_totals import QuoteTotals
from desk_crm.domain.quotes import QuoteDraft


@dataclass(frozen=True)
class ProductRecord:
    id: str
    version: int
    draft: ProductDraft
    deleted: bool = False
    # The editor's "Created … · Updated …" line (it failed to open an existing product).
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class PriceBookRecord:
    id: str
    version: int
    name: str
    currency: str
    is_default: bool
    active: bool


@dataclass(frozen=True)
class QuoteRecord:
    id: str
    version: int
    number: str
    revision: int
    root_id: str
    superseded: bool
    status: str
    draft: QuoteDraft
    totals: QuoteTotals
    opportunity_name: str
    account_name: str
    contact_name: str
    owner_id: str | None
    needs_approval: bool
    approved_by_name: str
    approved_at: datetime | None
    created_at: datetime
    updated_at: datetime
    deleted: bool
    account_address: str = ""  # one line per part, for documents

    @property
    def editable(self) -> bool:
        """Only the newest revision, and only as a draft, is edited in place."""
        return not self.superseded and not self.deleted and self.status == "draft"

    @property
    def label(self) -> str:
        return self.number if self.revision == 1 else f"{self.number} rev. {self.revision}"


@dataclass(frozen=True)
class QuoteRevision:
    id: str
    revision: int
    status: str
    total: Decimal
    currency: str
    updated_at: datetime


@dataclass(frozen=True)
class ContractDraft:
    start_date: date
    term_months: int = 12
    billing_frequency: str = "annually"
    auto_renew: bool = False
    notice_days: int = 30
    status: str = "draft"


@dataclass(frozen=True)
class ContractRecord:
    id: str
    version: int
    number: str
    quote_id: str | None
    opportunity_id: str | None
    account_id: str | None
    account_name: str
    contact_name: str
    owner_id: str | None
    currency: str
    value: Decimal
    lines: tuple[dict[str, Any], ...]
    draft: ContractDraft
    end_date: date
    signed_file: str
    reminder_activity_id: str | None
    deleted: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class RenewalRow:
    contract_id: str
    number: str
    account_name: str
    end_date: date
    notice_deadline: date
    value: Decimal
    currency: str
    auto_renew: bool
    status: str
