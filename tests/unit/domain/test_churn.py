from datetime import date, timedelta
from decimal import Decimal

from desk_crm.domain.churn import Signals, churn_risk
from desk_crm.domain.clv import clv_of
from desk_crm.domain.orders import Order

TODAY = date(2026, 11, 23)


def _order(days_ago: int, amount: int) -> Order:
    return Order("a", TODAY - timedelta(days=days_ago), Decimal(amount), "CNY")


def test_every_signal_scores_as_documented() -> None:
    # orders 300, 200, 100 days ago: usual interval 100; 100 days silent -> ratio 1, 0 pts
    # then last order 100 much lower than earlier mean 1000: drop 90 % -> 45 -> cap 20
    history = [_order(300, 1000), _order(200, 1000), _order(100, 100)]
    signals = Signals(open_tickets=2, recent_breaches=4, csat=Decimal("2.0"),
                      last_activity=TODAY - timedelta(days=90))
    risk = churn_risk(history, signals, TODAY)
    assert risk is not None
    points = {reason.key: reason.points for reason in risk.reasons}
    # open 2×5 = 10; breaches 4×5 = 20 -> 15; csat 10×1.5 = 15; quiet (90−60)/6 = 5
    assert points == {"falling_value": 20, "open_tickets": 10, "breaches": 15,
                      "low_csat": 15, "quiet": 5}
    assert risk.score == 65
    assert [r.key for r in risk.top()] == ["falling_value", "breaches", "low_csat"]
    assert risk.reasons[0].explanation == "Last order 90 % below the earlier average"


def test_overdue_against_the_usual_interval() -> None:
    # orders every 30 days, last 75 days ago: 20 × (75/30 − 1) = 30
    history = [_order(135, 500), _order(105, 500), _order(75, 500)]
    risk = churn_risk(history, Signals(last_activity=TODAY), TODAY)
    assert risk is not None
    assert risk.score == 30
    assert risk.reasons[0].explanation == "No order for 75 days; usually every 30 days"


def test_single_order_uses_180_days_and_caps_at_100() -> None:
    risk = churn_risk([_order(720, 10)], Signals(open_tickets=9, recent_breaches=9,
                                                 csat=Decimal(1)), TODAY)
    assert risk is not None
    # overdue 20 × (720/180 − 1) = 60 -> 40; tickets 15; breaches 15; csat 25 -> 15;
    # no activity 15 -> 100
    assert risk.score == 100
    assert churn_risk([], Signals(), TODAY) is None


def test_deterministic() -> None:
    history = [_order(100, 10), _order(50, 7)]
    assert churn_risk(history, Signals(), TODAY) == churn_risk(history, Signals(), TODAY)


def test_clv_formula() -> None:
    # two orders of 100 and 300 in 730 days: avg 200, 2 orders / 2 years = 1 a year
    history = [_order(730, 100), _order(0, 300)]
    value = clv_of(history, TODAY, "CNY", churn_score=25)
    assert value.historical == Decimal(400)
    assert value.average_order == Decimal(200)
    assert value.orders_per_year == Decimal(1)
    assert value.projected == Decimal(450)  # 200 × 1 × 3 × 0.75
    assert value.lifetime == Decimal(850)
    assert clv_of([], TODAY, "CNY").lifetime == Decimal(0)
    churned = clv_of(history, TODAY, "CNY", churn_score=25, churned=True)
    assert (churned.projected, churned.lifetime) == (Decimal(0), Decimal(400))


def test_the_cheap_bound_is_never_below_the_exact_score() -> None:
    """The at-risk list skips customers whose bound is below its threshold: the bound
    must never be lower than the score it stands for."""
    import random

    from desk_crm.domain.churn import score_at_most

    rng = random.Random(4)
    today = date(2026, 11, 23)
    for _case in range(3000):
        history = sorted((Order("a", today - timedelta(days=rng.randint(0, 900)),
                                Decimal(rng.randint(1, 5000)), "CNY")
                          for _ in range(rng.randint(1, 6))), key=lambda o: o.day)
        signals = Signals(open_tickets=rng.randint(0, 4), recent_breaches=rng.randint(0, 4),
                          csat=rng.choice([None, Decimal(rng.randint(10, 50)) / 10]),
                          last_activity=rng.choice(
                              [None, today - timedelta(days=rng.randint(0, 200))]))
        risk = churn_risk(history, signals, today)
        assert risk is not None
        assert score_at_most(history, signals, today) >= risk.score
