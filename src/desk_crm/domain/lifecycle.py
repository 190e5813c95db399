"""Lifecycle stage of a customer (account, or a contact without one), derived from its
order history — never stored, so it is always current. The rules, first match wins:

1. **prospect**   – no order yet.
2. **churned**    – the last order is more than ``CHURN_DAYS`` (365) days ago and no
   contract runs today.
3. **at risk**    – the last order is more than ``AT_RISK_DAYS`` (180) days ago, or more
   than twice the customer's usual interval between orders (with at least two orders and
   at least 60 days), and no contract runs today.
4. **recovered**  – ordered again within the last ``AT_RISK_DAYS`` after a gap of more than
   ``CHURN_DAYS`` between two orders.
5. **new**        – the first order is at most ``NEW_DAYS`` (180) days ago.
6. **loyal**      – at least ``LOYAL_ORDERS`` (3) orders in the last 365 days.
7. **active**     – everything else (a recent customer).

Each result carries the rule that decided it, shown on the record.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from desk_crm.domain.errors import QT_TRANSLATE_NOOP
from desk_crm.domain.orders import Order, usual_interval_days

CHURN_DAYS = 365
AT_RISK_DAYS = 180
NEW_DAYS = 180
LOYAL_ORDERS = 3
MIN_OVERDUE_DAYS = 60

STAGES = ("prospect", "new", "active", "loyal", "at_risk", "churned", "recovered")
STAGE_NAMES: dict[str, str] = {
    "prospect": QT_TRANSLATE_NOOP("Lifecycle", "Prospect"),
    "new": QT_TRANSLATE_NOOP("Lifecycle", "New customer"),
    "active": QT_TRANSLATE_NOOP("Lifecycle", "Active"),
    "loyal": QT_TRANSLATE_NOOP("Lifecycle", "Loyal"),
    "at_risk": QT_TRANSLATE_NOOP("Lifecycle", "At risk"),
    "churned": QT_TRANSLATE_NOOP("Lifecycle", "Churned"),
    "recovered": QT_TRANSLATE_NOOP("Lifecycle", "Recovered"),
}


@dataclass(frozen=True)
class Lifecycle:
    stage: str
    rule: str  # a template ({days}, {usual}, {orders}) in context "Lifecycle"
    params: dict[str, object] = field(default_factory=dict)

    @property
    def explanation(self) -> str:
        return self.rule.format(**self.params)


def lifecycle_of(history: Sequence[Order], today: date,
                 contract_until: date | None = None) -> Lifecycle:
    """The stage of a customer with *history* (any order), *contract_until* the latest end
    date of its running contracts (None: none runs)."""
    days = sorted({order.day for order in history})
    if not days:
        return Lifecycle("prospect", QT_TRANSLATE_NOOP("Lifecycle", "No order yet"))
    since_last = (today - days[-1]).days
    covered = contract_until is not None and contract_until >= today
    if since_last > CHURN_DAYS and not covered:
        return Lifecycle("churned", QT_TRANSLATE_NOOP(
            "Lifecycle", "Last order {days} days ago (more than {limit}), no running "
            "contract"), {"days": since_last, "limit": CHURN_DAYS})
    usual = usual_interval_days(history)
    if not covered:
        if since_last > AT_RISK_DAYS:
            return Lifecycle("at_risk", QT_TRANSLATE_NOOP(
                "Lifecycle", "Last order {days} days ago (more than {limit})"),
                {"days": since_last, "limit": AT_RISK_DAYS})
        if (usual is not None and since_last >= MIN_OVERDUE_DAYS
                and Decimal(since_last) > 2 * usual):
            return Lifecycle("at_risk", QT_TRANSLATE_NOOP(
                "Lifecycle", "Last order {days} days ago, more than twice the usual "
                "{usual} days between orders"),
                {"days": since_last, "usual": int(usual.to_integral_value())})
    gaps = [(later - earlier).days for earlier, later in itertools.pairwise(days)]
    if gaps and gaps[-1] > CHURN_DAYS and since_last <= AT_RISK_DAYS:
        return Lifecycle("recovered", QT_TRANSLATE_NOOP(
            "Lifecycle", "Ordered again after a gap of {gap} days"), {"gap": gaps[-1]})
    since_first = (today - days[0]).days
    if since_first <= NEW_DAYS:
        return Lifecycle("new", QT_TRANSLATE_NOOP(
            "Lifecycle", "First order {days} days ago"), {"days": since_first})
    year_ago = today - timedelta(days=365)
    recent = sum(1 for order in history if order.day > year_ago)
    if recent >= LOYAL_ORDERS:
        return Lifecycle("loyal", QT_TRANSLATE_NOOP(
            "Lifecycle", "{orders} orders in the last 365 days"), {"orders": recent})
    return Lifecycle("active", QT_TRANSLATE_NOOP(
        "Lifecycle", "Last order {days} days ago"), {"days": since_last})
