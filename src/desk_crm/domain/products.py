"""The editable fields of a catalogue product (pure: the import mapping builds one too)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ProductDraft:
    code: str = ""
    name: str = ""
    description: str = ""
    unit: str = ""
    default_price: Decimal = Decimal(0)
    currency: str = "CNY"
    tax_category: str = ""
    tax_rate: Decimal = Decimal(0)
    active: bool = True
