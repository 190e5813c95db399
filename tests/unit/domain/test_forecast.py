from datetime import date
from decimal import Decimal as D

import pytest

from desk_crm.domain.forecast import (
    COMMIT_PROBABILITY,
    Figures,
    ForecastRow,
    Period,
    build_forecast,
    currencies_by_count,
    custom_months,
    quarter_of,
    row_figures,
    year_of,
)

Q1 = Period(date(2026, 1, 1), date(2026, 3, 1))


def row(day: date | None, amount: str, probability: str = "50", kind: str = "open",
        currency: str = "CNY", owner: str = "Li") -> ForecastRow:
    return ForecastRow(day, owner, D(amount), currency, D(probability), kind)


@pytest.mark.parametrize(
    ("today", "offset", "first", "last"),
    [
        (date(2026, 1, 1), 0, date(2026, 1, 1), date(2026, 3, 1)),
        (date(2026, 3, 31), 0, date(2026, 1, 1), date(2026, 3, 1)),
        (date(2026, 4, 1), 0, date(2026, 4, 1), date(2026, 6, 1)),
        (date(2026, 11, 23), 0, date(2026, 10, 1), date(2026, 12, 1)),
        (date(2026, 11, 23), 1, date(2027, 1, 1), date(2027, 3, 1)),  # next quarter: new year
        (date(2026, 2, 10), -1, date(2025, 10, 1), date(2025, 12, 1)),
    ],
)
def test_quarter_of_selects_calendar_quarters(today: date, offset: int, first: date,
                                              last: date) -> None:
    assert quarter_of(today, offset) == Period(first, last)


def test_year_and_custom_periods_cover_whole_months() -> None:
    assert year_of(date(2026, 7, 9)).months()[0] == date(2026, 1, 1)
    assert len(year_of(date(2026, 7, 9)).months()) == 12
    period = custom_months(date(2027, 2, 14), date(2026, 11, 30))  # given the wrong way round
    assert period.months() == [date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1),
                               date(2027, 2, 1)]
    assert period.end == date(2027, 3, 1)


def test_period_rejects_days_other_than_the_first() -> None:
    with pytest.raises(ValueError):
        Period(date(2026, 1, 2), date(2026, 3, 1))


def test_month_boundaries_decide_the_bucket() -> None:
    rows = [row(date(2025, 12, 31), "1000"), row(date(2026, 1, 1), "1"),
            row(date(2026, 1, 31), "2"), row(date(2026, 2, 1), "4"),
            row(date(2026, 3, 31), "8"), row(date(2026, 4, 1), "1000")]
    report = build_forecast(rows, Q1)
    assert [(m, f.pipeline) for m, f in report.by_month] == [
        (date(2026, 1, 1), D(3)), (date(2026, 2, 1), D(4)), (date(2026, 3, 1), D(8))]
    assert report.total.pipeline == D(15)
    assert report.total.open_count == 4


def test_three_tenths_add_up_exactly() -> None:
    rows = [row(date(2026, 1, 5), "0.1", "100")] * 3
    report = build_forecast(rows, Q1)
    assert report.total.pipeline == D("0.3")
    assert report.total.weighted == D("0.3")
    assert report.total.best_case == D("0.3")


def test_weighted_keeps_every_digit_of_odd_probabilities() -> None:
    rows = [row(date(2026, 2, 1), "100.00", "33.3"), row(date(2026, 2, 2), "100.00", "33.3"),
            row(date(2026, 2, 3), "100.00", "33.4")]
    report = build_forecast(rows, Q1)
    # 33.300 + 33.300 + 33.400: exactly the total, no cent lost to per-row rounding
    assert report.total.weighted == D("100.000")
    assert row_figures(rows[0]).weighted == D("33.3000")


def test_commit_best_case_and_won_definitions() -> None:
    rows = [
        row(date(2026, 1, 10), "1000", "70"),  # at the threshold: commit
        row(date(2026, 1, 11), "500", "69.9"),  # just below: best case only
        row(date(2026, 2, 1), "300", "100", kind="won"),
        row(date(2026, 2, 2), "9999", "0", kind="lost"),  # ignored everywhere
        row(None, "7777"),  # no close date: ignored
    ]
    report = build_forecast(rows, Q1)
    total = report.total
    assert total.pipeline == D(1500)
    assert total.weighted == D("700") + D("349.500")
    assert total.commit == D(1300)
    assert total.best_case == D(1800)
    assert total.won == D(300)
    assert (total.open_count, total.won_count) == (2, 1)
    assert COMMIT_PROBABILITY == D(70)


def test_commit_threshold_is_a_parameter() -> None:
    rows = [row(date(2026, 1, 10), "1000", "50")]
    assert build_forecast(rows, Q1, commit_probability=D(50)).total.commit == D(1000)
    assert build_forecast(rows, Q1).total.commit == D(0)


def test_mixed_currencies_are_kept_apart() -> None:
    rows = [row(date(2026, 1, 3), "100", currency="USD"),
            row(date(2026, 1, 4), "1000", currency="CNY"),
            row(date(2026, 1, 5), "2000", currency="CNY"),
            row(date(2026, 1, 6), "5", currency="JPY", kind="lost")]
    default = build_forecast(rows, Q1)
    assert default.currency == "CNY"  # the most common one
    assert default.currencies == ["CNY", "USD"]  # lost rows do not make a currency appear
    assert default.total.pipeline == D(3000)
    usd = build_forecast(rows, Q1, "USD")
    assert usd.total.pipeline == D(100)
    assert usd.by_month[0][1].open_count == 1


def test_currencies_tie_breaks_alphabetically() -> None:
    rows = [row(date(2026, 1, 1), "1", currency="USD"), row(date(2026, 1, 1), "1")]
    assert currencies_by_count(rows) == ["CNY", "USD"]


def test_by_owner_sorted_by_best_case() -> None:
    rows = [row(date(2026, 1, 1), "100", owner="王芳"),
            row(date(2026, 1, 2), "300", owner="Li"),
            row(date(2026, 3, 2), "250", owner="王芳", kind="won"),
            row(date(2026, 3, 3), "10", owner="")]
    report = build_forecast(rows, Q1)
    assert [(name, f.best_case) for name, f in report.by_owner] == [
        ("王芳", D(350)), ("Li", D(300)), ("", D(10))]
    assert sum((f for _, f in report.by_owner), Figures()) == report.total


def test_empty_period_reports_zero_for_every_month() -> None:
    report = build_forecast([], Q1)
    assert report.currency == ""
    assert [f for _, f in report.by_month] == [Figures()] * 3
    assert report.by_owner == []
