from datetime import date
from decimal import Decimal

from desk_crm.domain.funnel import (
    WON_POSITION,
    MonthTarget,
    StageCount,
    WinFigures,
    build_funnel,
    mean_days,
    weighted_sum,
)


def _stage(position: int, kind: str = "open") -> StageCount:
    return StageCount(f"s{position}", f"Stage {position}", position, kind, 1, Decimal(1))


def test_conversion_between_stages_uses_reached_counts() -> None:
    stages = [_stage(0), _stage(1), _stage(2), _stage(3, "won"), _stage(4, "lost")]
    # furthest: 10 stayed at 0, 6 got to 1, 4 got to 2, 5 won
    funnel = build_funnel(stages, {0: 10, 1: 6, 2: 4, WON_POSITION: 5}, "CNY")
    assert [(row.stage.stage_id, row.reached) for row in funnel.rows] == [
        ("s0", 25), ("s1", 15), ("s2", 9), ("s3", 5)]
    assert [row.conversion for row in funnel.rows] == [
        Decimal("60.0"), Decimal("60.0"), Decimal("55.6"), None]


def test_win_rate_cycle_and_target() -> None:
    figures = WinFigures(won=3, lost=1, won_amount=Decimal(10), cycle_days=mean_days([10, 20, 31]))
    assert figures.win_rate == Decimal("75.0")
    assert figures.cycle_days == Decimal("20.3")
    assert WinFigures(0, 0, Decimal(0), None).win_rate is None
    # 1000.00 at 50 % + 200.00 at 33.3 % = 500 + 66.6
    weighted = weighted_sum([(100000, Decimal(50)), (20000, Decimal("33.3"))], 2)
    assert weighted == Decimal("566.6")
    month = MonthTarget(date(2026, 11, 1), weighted, Decimal("433.4"), Decimal(2000))
    assert month.attainment == Decimal("50.0")
    assert MonthTarget(date(2026, 11, 1), weighted, Decimal(0), None).attainment is None
