"""Dashboard figures over opportunities: the pipeline funnel with the conversion between
stages, win rate, average sales cycle, and the weighted forecast against a target.

**Reached.** An opportunity has *reached* an open stage when it got that far (by stage
position): an open one as far as its current stage, a won one through every stage, a lost
one as far as the furthest open stage in its history. Conversion from one open stage to
the next is ``reached(next) ÷ reached(this)``; the last open stage converts to won.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

WON_POSITION = 1_000_000  # "furthest" an opportunity can get: won


@dataclass(frozen=True)
class StageCount:
    stage_id: str
    name: str
    position: int
    kind: str  # open / won / lost
    count: int  # opportunities in the stage now (in the period / owner filter)
    amount: Decimal  # their amount in the chosen currency


@dataclass(frozen=True)
class FunnelRow:
    stage: StageCount
    reached: int
    conversion: Decimal | None  # percent to the next step, None for the last


@dataclass(frozen=True)
class Funnel:
    currency: str
    rows: tuple[FunnelRow, ...] = field(default_factory=tuple)


def percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """part ÷ whole in percent with one decimal (half-up), None for nothing."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def change_percent(current: Decimal, previous: Decimal) -> Decimal | None:
    """The change from *previous* to *current* in percent of *previous* (one decimal,
    half-up); None when there was nothing before to compare with."""
    if not previous:
        return None
    return ((current - previous) * 100 / previous).quantize(Decimal("0.1"), ROUND_HALF_UP)


def build_funnel(stages: Sequence[StageCount], furthest: Mapping[int, int],
                 currency: str) -> Funnel:
    """*stages* in position order; *furthest* maps the furthest position an opportunity
    reached (WON_POSITION when won) to the number of such opportunities."""
    open_stages = [stage for stage in stages if stage.kind == "open"]
    won = [stage for stage in stages if stage.kind == "won"]
    steps = [*open_stages, *won[:1]]

    def reached(stage: StageCount) -> int:
        position = WON_POSITION if stage.kind == "won" else stage.position
        return sum(count for furthest_at, count in furthest.items()
                   if furthest_at >= position)

    rows = []
    for index, stage in enumerate(steps):
        here = reached(stage)
        following = reached(steps[index + 1]) if index + 1 < len(steps) else None
        rows.append(FunnelRow(stage, here,
                              None if following is None else percent(following, here)))
    return Funnel(currency, tuple(rows))


@dataclass(frozen=True)
class WinFigures:
    won: int
    lost: int
    won_amount: Decimal
    cycle_days: Decimal | None  # mean days from creation to closing of the won ones

    @property
    def win_rate(self) -> Decimal | None:
        return percent(self.won, self.won + self.lost)


def mean_days(durations: Iterable[int]) -> Decimal | None:
    values = list(durations)
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True)
class MonthTarget:
    month: date
    weighted: Decimal  # Σ amount × probability of the open opportunities closing then
    won: Decimal
    target: Decimal | None

    @property
    def attainment(self) -> Decimal | None:
        """(won + weighted) ÷ target in percent."""
        if not self.target:
            return None
        return percent(self.won + self.weighted, self.target)


def weighted_sum(groups: Iterable[tuple[int, Decimal]], digits: int) -> Decimal:
    """Σ amount × probability % over (amount in minor units, probability) groups; exact."""
    total = Decimal(0)
    for minor, probability in groups:
        total += Decimal(minor).scaleb(-digits) * probability / 100
    return total
