"""Readable axis ticks (the funnel axis showed 0/30/60/91/121)."""

import pytest

from desk_crm.domain.chart_scale import decimals_of, nice_step, nice_ticks


@pytest.mark.parametrize(("top", "ticks"), [
    (121.0, [0, 25, 50, 75, 100, 125]),
    (115.0, [0, 20, 40, 60, 80, 100, 120]),
    (6_000_000.0, [0, 1e6, 2e6, 3e6, 4e6, 5e6, 6e6]),
    (7.3, [0, 2, 4, 6, 8]),
    (0.9, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    (0.0, [0, 1]),
])
def test_ticks_are_round_steps_ending_at_or_above_the_top(top: float, ticks: list[float]
                                                          ) -> None:
    assert nice_ticks(top) == pytest.approx(ticks)


def test_counts_never_get_fractional_steps() -> None:
    assert nice_ticks(3.0, whole=True) == [0, 1, 2, 3]
    assert nice_ticks(12.0, whole=True) == [0, 2, 4, 6, 8, 10, 12]
    assert nice_ticks(13.0, whole=True) == [0, 5, 10, 15]  # 2.5 is no step for counts
    assert nice_step(3.0) == 0.5


def test_label_decimals() -> None:
    assert (decimals_of(20.0), decimals_of(0.5), decimals_of(0.25)) == (0, 1, 2)
