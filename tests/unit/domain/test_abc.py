from decimal import Decimal

from desk_crm.domain.abc import abc_classes


def test_a_is_the_smallest_top_group_reaching_80_percent() -> None:
    revenue = {"a": Decimal(500), "b": Decimal(250), "c": Decimal(100), "d": Decimal(80),
               "e": Decimal(50), "f": Decimal(20), "zero": Decimal(0)}
    rows = abc_classes(revenue)  # total 1000
    classes = {r.customer_id: r.klass for r in rows}
    # before-shares: a 0, b 50, c 75, d 85, e 93, f 98
    assert classes == {"a": "A", "b": "A", "c": "A", "d": "B", "e": "B", "f": "C"}
    assert "zero" not in classes
    assert rows[2].cumulative == Decimal(85)
    assert rows[0].share == Decimal(50)


def test_ties_rank_by_id_and_empty_input() -> None:
    rows = abc_classes({"y": Decimal(1), "x": Decimal(1)})
    assert [r.customer_id for r in rows] == ["x", "y"]
    assert [r.klass for r in rows] == ["A", "A"]  # y: 50 % before it
    assert abc_classes({}) == []
