"""Churn risk of a customer: a score 0–100 from local signals, each worth points, and the
reasons behind it. Deterministic integer arithmetic (Decimal, rounded half-up once per
signal), so the same data always gives the same score. No fitted model: every point can be
explained to the user.

Signals (points are capped per signal; the total is capped at 100):

=====================  ======================================================  =====
signal                 points                                                  cap
=====================  ======================================================  =====
overdue order          20 × (days since last order ÷ usual interval − 1);       40
                       usual interval: mean days between orders, else 180
falling order value    50 × (1 − last order ÷ mean of the earlier orders),      20
                       when the last order is at least 20 % smaller
open tickets           5 per open ticket                                       15
SLA breaches           5 per ticket breached in the last 90 days               15
low satisfaction       10 × (3.5 − mean CSAT), when the mean is below 3.5       15
no recent activity     (days since the last activity − 60) ÷ 6, after 60 days; 15
                       15 when none in the last 150 days (where it reaches 15)
=====================  ======================================================  =====

A customer without orders has no churn risk (it is a prospect).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from desk_crm.domain.errors import QT_TRANSLATE_NOOP
from desk_crm.domain.orders import Order, usual_interval_days

DEFAULT_INTERVAL_DAYS = Decimal(180)
QUIET_DAYS = 60
QUIET_HORIZON_DAYS = 150  # past this the "no recent activity" signal is at its cap
HIGH_RISK = 50  # the "customers at risk" list starts here
CSAT_FLOOR = Decimal("3.5")


@dataclass(frozen=True)
class Signals:
    """What the store knows about one customer besides its orders."""

    open_tickets: int = 0
    recent_breaches: int = 0
    csat: Decimal | None = None  # mean score 1..5 of its rated tickets
    last_activity: date | None = None  # None: none in the last QUIET_HORIZON_DAYS


@dataclass(frozen=True)
class Reason:
    key: str
    points: int
    text: str  # template in context "Churn"
    params: dict[str, object] = field(default_factory=dict)

    @property
    def explanation(self) -> str:
        return self.text.format(**self.params)


@dataclass(frozen=True)
class ChurnRisk:
    score: int  # 0..100
    reasons: tuple[Reason, ...]  # most points first, only signals that scored

    def top(self, count: int = 3) -> tuple[Reason, ...]:
        return self.reasons[:count]


def _points(value: Decimal, cap: int) -> int:
    whole = int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return max(0, min(cap, whole))


def score_at_most(history: Sequence[Order], signals: Signals, today: date) -> int:
    """An upper bound of :func:`churn_risk`'s score, in plain integer/float arithmetic: the
    at-risk list computes the exact (Decimal) score only where this reaches its threshold
    (most customers of a large file are far below it). Never below the exact score."""
    if not history:
        return 0
    last_day = max(order.day for order in history)
    usual = usual_interval_days(history) or DEFAULT_INTERVAL_DAYS
    overdue = min(40, max(0, int(20 * ((today - last_day).days / float(usual) - 1)) + 1))
    bound = overdue + (20 if len(history) >= 2 else 0)
    bound += min(15, 5 * signals.open_tickets) + min(15, 5 * signals.recent_breaches)
    if signals.csat is not None and signals.csat < CSAT_FLOOR:
        bound += 15
    if signals.last_activity is None or (today - signals.last_activity).days > QUIET_DAYS:
        bound += 15
    return min(100, bound)


def churn_risk(history: Sequence[Order], signals: Signals, today: date,
               currency: str | None = None) -> ChurnRisk | None:
    """The risk of a customer with *history* (oldest first), or None without orders."""
    if not history:
        return None
    reasons: list[Reason] = []
    last_day = max(order.day for order in history)
    since = (today - last_day).days
    usual = usual_interval_days(history) or DEFAULT_INTERVAL_DAYS
    overdue = _points(20 * (Decimal(since) / usual - 1), 40)
    if overdue:
        reasons.append(Reason("overdue", overdue, QT_TRANSLATE_NOOP(
            "Churn", "No order for {days} days; usually every {usual} days"),
            {"days": since, "usual": int(usual.to_integral_value(ROUND_HALF_UP))}))
    chosen = currency or history[-1].currency
    values = [order.amount for order in sorted(history, key=lambda o: o.day)
              if order.currency == chosen]
    if len(values) >= 2:
        earlier = sum(values[:-1], Decimal(0)) / (len(values) - 1)
        if earlier > 0 and values[-1] <= earlier * Decimal("0.8"):
            drop = 1 - values[-1] / earlier
            points = _points(50 * drop, 20)
            if points:
                reasons.append(Reason("falling_value", points, QT_TRANSLATE_NOOP(
                    "Churn", "Last order {percent} % below the earlier average"),
                    {"percent": int((drop * 100).quantize(Decimal(1), ROUND_HALF_UP))}))
    if signals.open_tickets:
        reasons.append(Reason("open_tickets", min(15, 5 * signals.open_tickets),
                              QT_TRANSLATE_NOOP("Churn", "{count} open tickets"),
                              {"count": signals.open_tickets}))
    if signals.recent_breaches:
        reasons.append(Reason("breaches", min(15, 5 * signals.recent_breaches),
                              QT_TRANSLATE_NOOP("Churn", "{count} SLA breaches in 90 days"),
                              {"count": signals.recent_breaches}))
    if signals.csat is not None and signals.csat < CSAT_FLOOR:
        points = _points(10 * (CSAT_FLOOR - signals.csat), 15)
        if points:
            reasons.append(Reason("low_csat", points, QT_TRANSLATE_NOOP(
                "Churn", "Low satisfaction: {csat} / 5"), {"csat": f"{signals.csat:.1f}"}))
    quiet = (today - signals.last_activity).days if signals.last_activity else None
    if quiet is None or quiet > QUIET_DAYS:
        points = 15 if quiet is None else _points(Decimal(quiet - QUIET_DAYS) / 6, 15)
        if points:
            reasons.append(Reason("quiet", points, QT_TRANSLATE_NOOP(
                "Churn", "No activity for {days} days") if quiet is not None
                else QT_TRANSLATE_NOOP("Churn", "No activity in the last {days} days"),
                {"days": quiet if quiet is not None else QUIET_HORIZON_DAYS}))
    reasons.sort(key=lambda reason: (-reason.points, reason.key))
    return ChurnRisk(min(100, sum(reason.points for reason in reasons)), tuple(reasons))
