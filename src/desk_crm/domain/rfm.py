"""RFM: recency, frequency and monetary value per customer, scored 1–5 by quintile, and
named segments from the R and F scores.

* **Recency**   – days from the last order to *today* (fewer is better).
* **Frequency** – number of orders.
* **Monetary**  – sum of the order amounts in the main currency.

**Quintile scores.** Customers are ranked on each measure (best last); a customer's score
is ``1 + floor(5 × r / n)`` where *r* is the number of customers strictly worse on that
measure and *n* the number of customers — equal values always get the same score, the
best fifth gets 5, the worst fifth 1. Recency ranks fewer days as better.

**Segments** (the first rule that matches, in this order) — :data:`SEGMENT_RULES`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desk_crm.domain.errors import QT_TRANSLATE_NOOP
from desk_crm.domain.orders import Order, main_currency, total


@dataclass(frozen=True)
class Rfm:
    customer_id: str
    recency_days: int
    frequency: int
    monetary: Decimal
    r: int
    f: int
    m: int
    segment: str  # a key of SEGMENT_NAMES

    @property
    def code(self) -> str:
        return f"{self.r}{self.f}{self.m}"


# (key, test on (r, f), readable rule). The rule text is shown next to the result.
SEGMENT_RULES: tuple[tuple[str, str], ...] = (
    ("champions", QT_TRANSLATE_NOOP("Rfm", "R ≥ 4 and F ≥ 4")),
    ("loyal", QT_TRANSLATE_NOOP("Rfm", "R ≥ 3 and F ≥ 3")),
    ("new", QT_TRANSLATE_NOOP("Rfm", "R ≥ 4 and F = 1")),
    ("promising", QT_TRANSLATE_NOOP("Rfm", "R ≥ 4 and F ≤ 2")),
    ("at_risk", QT_TRANSLATE_NOOP("Rfm", "R ≤ 2 and F ≥ 3")),
    ("hibernating", QT_TRANSLATE_NOOP("Rfm", "R = 2 and F ≤ 2")),
    ("lost", QT_TRANSLATE_NOOP("Rfm", "R = 1 and F ≤ 2")),
    ("need_attention", QT_TRANSLATE_NOOP("Rfm", "R = 3 and F ≤ 2")),
)
SEGMENT_NAMES: dict[str, str] = {
    "champions": QT_TRANSLATE_NOOP("Rfm", "Champions"),
    "loyal": QT_TRANSLATE_NOOP("Rfm", "Loyal"),
    "new": QT_TRANSLATE_NOOP("Rfm", "New customers"),
    "promising": QT_TRANSLATE_NOOP("Rfm", "Promising"),
    "at_risk": QT_TRANSLATE_NOOP("Rfm", "At risk"),
    "hibernating": QT_TRANSLATE_NOOP("Rfm", "Hibernating"),
    "lost": QT_TRANSLATE_NOOP("Rfm", "Lost"),
    "need_attention": QT_TRANSLATE_NOOP("Rfm", "Need attention"),
}


def segment_of(r: int, f: int) -> str:
    if r >= 4 and f >= 4:
        return "champions"
    if r >= 3 and f >= 3:
        return "loyal"
    if r >= 4 and f == 1:
        return "new"
    if r >= 4:
        return "promising"
    if r <= 2 and f >= 3:
        return "at_risk"
    if r == 2:
        return "hibernating"
    if r == 1:
        return "lost"
    return "need_attention"


def quintile_scores(values: Mapping[str, Decimal | int], higher_is_better: bool = True
                    ) -> dict[str, int]:
    """Score 1–5 per key: ``1 + floor(5 × worse / n)``; ties share a score."""
    n = len(values)
    if n == 0:
        return {}
    sign = 1 if higher_is_better else -1
    ordered = sorted(sign * value for value in values.values())
    return {key: 1 + (5 * bisect_left(ordered, sign * value)) // n
            for key, value in values.items()}


def rfm_table(orders_by_customer: Mapping[str, Sequence[Order]], today: date,
              currency: str | None = None) -> dict[str, Rfm]:
    """RFM of every customer with at least one order on or before *today*.

    Orders dated after *today* (a won deal with a close date ahead, a contract starting
    next month) are not purchases yet: counting them gave negative recency (the "New
    customers" segment averaged -9 days)."""
    histories = {key: kept for key, h in orders_by_customer.items()
                 if (kept := [o for o in h if o.day <= today])}
    chosen = currency or main_currency(o for h in histories.values() for o in h)
    recency = {key: (today - max(o.day for o in h)).days for key, h in histories.items()}
    frequency = {key: len(h) for key, h in histories.items()}
    monetary = {key: total(h, chosen) for key, h in histories.items()}
    r = quintile_scores(recency, higher_is_better=False)
    f = quintile_scores(frequency)
    m = quintile_scores(monetary)
    return {key: Rfm(key, recency[key], frequency[key], monetary[key], r[key], f[key], m[key],
                     segment_of(r[key], f[key])) for key in histories}
