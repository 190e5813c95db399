"""Customer lifetime value: what a customer has brought (historical) plus a simple
projection of what it will bring, in the main currency of its orders.

    projected  = average order value × orders per year × HORIZON_YEARS × (1 − churn risk %)
    orders per year = orders ÷ max(1, years since the first order)
    lifetime value  = historical + projected

A churned customer (domain/lifecycle.py) projects nothing.

Exact Decimal; years are days ÷ 365.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desk_crm.domain.orders import Order

HORIZON_YEARS = Decimal(3)


@dataclass(frozen=True)
class Clv:
    currency: str
    historical: Decimal
    average_order: Decimal
    orders_per_year: Decimal
    retention: Decimal  # 0..1: 1 − churn risk
    projected: Decimal

    @property
    def lifetime(self) -> Decimal:
        return self.historical + self.projected


def clv_of(history: Sequence[Order], today: date, currency: str,
           churn_score: int | None = None, churned: bool = False) -> Clv:
    values = [order.amount for order in history if order.currency == currency]
    historical = sum(values, Decimal(0))
    if not values:
        return Clv(currency, historical, Decimal(0), Decimal(0), Decimal(1), Decimal(0))
    first = min(order.day for order in history)
    years = max(Decimal(1), Decimal((today - first).days) / 365)
    average = historical / len(values)
    per_year = Decimal(len(values)) / years
    retention = Decimal(0) if churned else Decimal(100 - (churn_score or 0)) / 100
    projected = average * per_year * HORIZON_YEARS * retention
    return Clv(currency, historical, average, per_year, retention, projected)
