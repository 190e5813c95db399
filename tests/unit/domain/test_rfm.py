"""RFM scores and segments on a hand-computed set of five customers."""

from datetime import date
from decimal import Decimal

from desk_crm.domain.orders import Order, by_customer, main_currency, usual_interval_days
from desk_crm.domain.rfm import quintile_scores, rfm_table, segment_of

TODAY = date(2026, 11, 23)


def _order(customer: str, day: str, amount: str, currency: str = "CNY") -> Order:
    return Order(customer, date.fromisoformat(day), Decimal(amount), currency)


def test_quintiles_give_the_best_fifth_5_and_ties_one_score() -> None:
    scores = quintile_scores({"a": 10, "b": 20, "c": 30, "d": 40, "e": 50})
    assert scores == {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}
    # worse-than counts: a,b 0 -> 1; c 2 -> 1 + 10 // 5 = 3; d,e 3 -> 1 + 15 // 5 = 4
    assert quintile_scores({"a": 1, "b": 1, "c": 2, "d": 3, "e": 3}) == {
        "a": 1, "b": 1, "c": 3, "d": 4, "e": 4}
    # recency: fewer days is better
    assert quintile_scores({"x": 5, "y": 500}, higher_is_better=False) == {"x": 3, "y": 1}


def test_rfm_table_on_five_customers() -> None:
    orders = [
        _order("a", "2026-11-01", "100"), _order("a", "2026-10-01", "100"),
        _order("a", "2026-09-01", "100"), _order("a", "2026-08-01", "100"),
        _order("b", "2026-11-20", "50"),
        _order("c", "2025-01-01", "900"), _order("c", "2025-02-01", "900"),
        _order("c", "2025-03-01", "900"),
        _order("d", "2026-06-01", "10"),
        _order("e", "2024-01-01", "5"), _order("e", "2026-01-01", "7", "USD"),
    ]
    table = rfm_table(by_customer(orders), TODAY)
    # recency days: a 22, b 3, c 632, d 175, e 326 -> b 5, a 4, d 3, e 2, c 1
    assert {k: v.recency_days for k, v in table.items()} == {
        "a": 22, "b": 3, "c": 632, "d": 175, "e": 326}
    assert {k: v.r for k, v in table.items()} == {"a": 4, "b": 5, "c": 1, "d": 3, "e": 2}
    # frequency 4,1,3,1,2: worse-than b,d 0 -> 1; e 2 -> 3; c 3 -> 4; a 4 -> 5
    assert {k: v.f for k, v in table.items()} == {"a": 5, "b": 1, "c": 4, "d": 1, "e": 3}
    # monetary in CNY (main currency): 400, 50, 2700, 10, 5 (the USD order is left out)
    assert table["e"].monetary == Decimal(5)
    assert {k: v.m for k, v in table.items()} == {"a": 4, "b": 3, "c": 5, "d": 2, "e": 1}
    assert {k: v.segment for k, v in table.items()} == {
        "a": "champions", "b": "new", "c": "at_risk", "d": "need_attention",
        "e": "at_risk"}
    assert table["a"].code == "454"


def test_segment_rules_in_order() -> None:
    assert segment_of(5, 5) == "champions"
    assert segment_of(3, 3) == "loyal"
    assert segment_of(5, 2) == "promising"
    assert segment_of(2, 2) == "hibernating"
    assert segment_of(1, 1) == "lost"
    assert segment_of(3, 1) == "need_attention"


def test_order_helpers() -> None:
    history = [_order("a", "2026-01-01", "1"), _order("a", "2026-01-11", "1"),
               _order("a", "2026-01-11", "1", "USD"), _order("a", "2026-01-31", "1")]
    assert usual_interval_days(history) == Decimal(15)  # 30 days over 2 gaps
    assert usual_interval_days(history[:1]) is None
    assert main_currency(history) == "CNY"
    assert main_currency([]) == ""


def test_orders_dated_after_today_are_not_purchases_yet() -> None:
    # A won deal closing next month and a contract starting next week gave negative
    # recency (the "New customers" segment showed an average of -9 days).
    orders = [_order("a", "2026-11-01", "100"), _order("a", "2026-12-20", "900"),
              _order("b", "2026-11-30", "50")]
    table = rfm_table(by_customer(orders), TODAY, "CNY")
    assert set(table) == {"a"}
    assert (table["a"].recency_days, table["a"].frequency, table["a"].monetary) == (
        22, 1, Decimal(100))
    assert all(row.recency_days >= 0 for row in table.values())
