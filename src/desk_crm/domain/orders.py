"""A customer's order history, the common input of RFM, ABC, lifecycle, CLV and churn.

What counts as an *order* (chosen so one deal is never counted twice):

* every **won opportunity** (its close date, else the day it was closed);
* an **accepted quote** whose opportunity is not won (the quote is the evidence);
* a **contract** not made from an opportunity (typed in or imported directly).

Amounts of different currencies are never added: figures use one currency, the most
common among the orders (:func:`main_currency`); orders in other currencies still count
for recency and frequency.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

ZERO = Decimal(0)


@dataclass(frozen=True)
class Order:
    customer_id: str  # an account id (or a contact id for private customers)
    day: date
    amount: Decimal
    currency: str


def main_currency(orders: Iterable[Order]) -> str:
    """The most common currency (ties alphabetically); "" without orders."""
    counts = Counter(order.currency for order in orders)
    if not counts:
        return ""
    return sorted(counts, key=lambda code: (-counts[code], code))[0]


def by_customer(orders: Iterable[Order]) -> dict[str, list[Order]]:
    """Orders grouped per customer, each list oldest first."""
    grouped: dict[str, list[Order]] = {}
    for order in orders:
        grouped.setdefault(order.customer_id, []).append(order)
    for history in grouped.values():
        history.sort(key=lambda order: order.day)
    return grouped


def usual_interval_days(history: Sequence[Order]) -> Decimal | None:
    """The mean number of days between consecutive orders (oldest first); None below two
    orders. Orders on the same day count as one purchase."""
    days = sorted({order.day for order in history})
    if len(days) < 2:
        return None
    return Decimal((days[-1] - days[0]).days) / (len(days) - 1)


def total(history: Iterable[Order], currency: str) -> Decimal:
    return sum((order.amount for order in history if order.currency == currency), ZERO)
