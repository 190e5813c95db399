"""Sales forecast: what the pipeline is worth per close month and per owner.

Pure functions over plain rows (one per opportunity), so the sums can be checked by hand.

Definitions (per currency; amounts of different currencies are never added):

* **pipeline**  – the full amount of every *open* opportunity closing in the period.
* **weighted**  – Σ amount × effective probability of the open opportunities.
* **commit**    – the full amount of open opportunities whose effective probability is at
  least :data:`COMMIT_PROBABILITY` percent, plus everything *won* in the period.
* **best case** – the full amount of every open opportunity plus everything won.
* **won**       – the amount won in the period (its close date falls in the period).

Lost opportunities and rows without a close date are left out. Every sum is exact
``Decimal`` (the weighted value of 100.00 at 33.3 % is 33.300, not 33.30); rounding to the
currency's minor unit happens once, when a figure is formatted for display.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext

# Open opportunities at or above this effective probability (percent) count as "commit".
COMMIT_PROBABILITY = Decimal(70)

OPEN, WON, LOST = "open", "won", "lost"
ZERO = Decimal(0)


@dataclass(frozen=True)
class ForecastRow:
    close_date: date | None
    owner: str  # display name; "" for no owner
    amount: Decimal
    currency: str
    probability: Decimal  # effective probability, percent 0..100
    kind: str  # open / won / lost (the kind of the opportunity's stage)


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + (month.month - 1) + count
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """Whole calendar months from *first* to *last* (both the 1st of their month)."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.first.day != 1 or self.last.day != 1:
            raise ValueError("a period starts and ends on the first of a month")
        if self.last < self.first:
            raise ValueError("a period cannot end before it starts")

    @property
    def end(self) -> date:
        """The first day after the period (exclusive bound for queries)."""
        return add_months(self.last, 1)

    def months(self) -> list[date]:
        result, month = [], self.first
        while month <= self.last:
            result.append(month)
            month = add_months(month, 1)
        return result

    def contains(self, day: date) -> bool:
        return self.first <= day < self.end


def previous_period(period: Period) -> Period:
    """As many months just before *period*: what its figures are compared with."""
    count = len(period.months())
    return Period(add_months(period.first, -count), add_months(period.first, -1))


def quarter_of(day: date, offset: int = 0) -> Period:
    """The calendar quarter containing *day*, or *offset* quarters later (or earlier)."""
    first = add_months(date(day.year, (day.month - 1) // 3 * 3 + 1, 1), 3 * offset)
    return Period(first, add_months(first, 2))


def year_of(day: date) -> Period:
    return Period(date(day.year, 1, 1), date(day.year, 12, 1))


def custom_months(first: date, last: date) -> Period:
    """Months from *first*'s month to *last*'s month; swapped if given the wrong way round."""
    start, stop = month_start(first), month_start(last)
    return Period(min(start, stop), max(start, stop))


@dataclass(frozen=True)
class Figures:
    pipeline: Decimal = ZERO
    weighted: Decimal = ZERO
    commit: Decimal = ZERO
    best_case: Decimal = ZERO
    won: Decimal = ZERO
    open_count: int = 0
    won_count: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(self.pipeline + other.pipeline, self.weighted + other.weighted,
                       self.commit + other.commit, self.best_case + other.best_case,
                       self.won + other.won, self.open_count + other.open_count,
                       self.won_count + other.won_count)


def row_figures(row: ForecastRow, commit_probability: Decimal = COMMIT_PROBABILITY) -> Figures:
    """What one opportunity contributes; lost ones contribute nothing."""
    if row.kind == WON:
        return Figures(commit=row.amount, best_case=row.amount, won=row.amount, won_count=1)
    if row.kind != OPEN:
        return Figures()
    # scaleb(-2) divides by 100 exactly, whatever the context precision.
    weighted = (row.amount * row.probability).scaleb(-2)
    commit = row.amount if row.probability >= commit_probability else ZERO
    return Figures(pipeline=row.amount, weighted=weighted, commit=commit,
                   best_case=row.amount, open_count=1)


@dataclass(frozen=True)
class ForecastReport:
    currency: str
    period: Period
    by_month: list[tuple[date, Figures]]  # every month of the period, in order
    by_owner: list[tuple[str, Figures]]  # owners with figures, by best case descending
    total: Figures
    currencies: list[str] = field(default_factory=list)  # in the period, most common first


def currencies_by_count(rows: Iterable[ForecastRow]) -> list[str]:
    """Currencies of the open and won rows, most common first (ties alphabetically)."""
    counts = Counter(row.currency for row in rows if row.kind in (OPEN, WON))
    return sorted(counts, key=lambda code: (-counts[code], code))


def build_forecast(rows: Sequence[ForecastRow], period: Period, currency: str | None = None,
                   commit_probability: Decimal = COMMIT_PROBABILITY) -> ForecastReport:
    """The forecast of *period* in *currency* (None: the most common currency there)."""
    in_period = [row for row in rows
                 if row.close_date is not None and period.contains(row.close_date)]
    currencies = currencies_by_count(in_period)
    chosen = currency or (currencies[0] if currencies else "")
    months = {month: Figures() for month in period.months()}
    owners: dict[str, Figures] = {}
    total = Figures()
    # Plenty of digits: sums of amounts never lose a cent to the context's rounding.
    with localcontext() as context:
        context.prec = 60
        for row in in_period:
            if row.currency != chosen or row.kind not in (OPEN, WON):
                continue
            assert row.close_date is not None
            figures = row_figures(row, commit_probability)
            month = month_start(row.close_date)
            months[month] = months[month] + figures
            owners[row.owner] = owners.get(row.owner, Figures()) + figures
            total = total + figures
    by_owner = sorted(owners.items(), key=lambda item: (-item[1].best_case, item[0]))
    return ForecastReport(chosen, period, list(months.items()), by_owner, total, currencies)
