"""ABC (Pareto) classes: customers ranked by revenue in a period, biggest first.

A customer is **A** while the revenue of the customers ranked *before* it is below 80 %
of the total (so the A group is the smallest set of top customers reaching 80 %), **B**
while that share is below 95 %, else **C**. Customers without revenue in the period get
no class. Ties in revenue are ranked by customer id, so the result is deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

A_SHARE = Decimal(80)
B_SHARE = Decimal(95)


@dataclass(frozen=True)
class AbcRow:
    customer_id: str
    revenue: Decimal
    share: Decimal  # percent of the total, exact
    cumulative: Decimal  # percent up to and including this customer
    klass: str  # "A", "B" or "C"


def abc_classes(revenue: Mapping[str, Decimal], a_share: Decimal = A_SHARE,
                b_share: Decimal = B_SHARE) -> list[AbcRow]:
    """Rows biggest first, each with its class (for the Pareto chart and the account)."""
    ranked = sorted(((key, value) for key, value in revenue.items() if value > 0),
                    key=lambda item: (-item[1], item[0]))
    grand = sum((value for _key, value in ranked), Decimal(0))
    rows: list[AbcRow] = []
    running = Decimal(0)
    for key, value in ranked:
        before = running * 100 / grand
        klass = "A" if before < a_share else "B" if before < b_share else "C"
        running += value
        rows.append(AbcRow(key, value, value * 100 / grand, running * 100 / grand, klass))
    return rows
