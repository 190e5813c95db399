"""BG/NBD and Gamma-Gamma against the published CDNOW figures (Fader, Hardie & Lee 2005)."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from desk_crm.domain.clv_models import (
    expected_purchases,
    expected_spend,
    fit_bgnbd,
    fit_clv,
    fit_gamma_gamma,
    p_alive,
    rft_of,
)
from desk_crm.domain.orders import Order

DATA = Path(__file__).parents[2] / "data" / "cdnow_summary.csv"


@pytest.fixture(scope="module")
def cdnow() -> dict[str, np.ndarray]:
    with DATA.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2357
    return {key: np.array([float(row[key]) for row in rows]) for key in ("x", "t_x", "T", "zbar")}


def test_bgnbd_fit_matches_the_published_cdnow_parameters(cdnow: dict[str, np.ndarray]) -> None:
    model = fit_bgnbd(cdnow["x"], cdnow["t_x"], cdnow["T"])
    # Paper: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4
    assert model.r == pytest.approx(0.243, abs=0.001)
    assert model.alpha == pytest.approx(4.414, abs=0.005)
    assert model.a == pytest.approx(0.793, abs=0.002)
    assert model.b == pytest.approx(2.426, abs=0.005)
    assert model.log_likelihood == pytest.approx(-9582.4, abs=0.1)


def test_bgnbd_conditional_expectation_of_the_papers_example_customer(
        cdnow: dict[str, np.ndarray]) -> None:
    model = fit_bgnbd(cdnow["x"], cdnow["t_x"], cdnow["T"])
    # Customer 1 (x = 2, t_x = 30.43, T = 38.86): the paper's spreadsheet gives 1.226
    # expected purchases in the next 39 weeks.
    one = expected_purchases(model, 39.0, np.array([2.0]), np.array([30.43]), np.array([38.86]))
    assert one[0] == pytest.approx(1.226, abs=0.002)
    alive = p_alive(model, np.array([0.0, 2.0, 2.0]), np.array([0.0, 30.43, 5.0]),
                    np.array([38.86, 38.86, 38.86]))
    assert alive[0] == 1.0  # no repeat purchase: never seen dropping out
    assert 0 < alive[2] < alive[1] < 1  # a long silence after the last purchase: less alive


def test_gamma_gamma_fit_matches_the_published_cdnow_parameters(
        cdnow: dict[str, np.ndarray]) -> None:
    model = fit_gamma_gamma(cdnow["x"], cdnow["zbar"])
    # Paper ("RFM and CLV"): p = 6.25, q = 3.74, gamma = 15.44 over the 946 repeat buyers
    assert model.customers == 946
    assert model.p == pytest.approx(6.25, abs=0.01)
    assert model.q == pytest.approx(3.74, abs=0.01)
    assert model.gamma == pytest.approx(15.44, abs=0.02)
    spend = expected_spend(model, np.array([0.0, 1.0, 10.0]), np.array([0.0, 100.0, 100.0]))
    assert spend[0] == pytest.approx(6.25 * 15.44 / 2.74, rel=0.01)  # population mean
    assert spend[0] < spend[1] < spend[2] < 100  # shrunk toward the mean, less with more data


def test_rft_counts_days_once_and_ignores_orders_after_the_end() -> None:
    first = date(2024, 1, 1)
    orders = [Order("a", first, Decimal(10), "CNY"), Order("a", first, Decimal(5), "CNY"),
              Order("a", first + timedelta(days=14), Decimal(30), "CNY"),
              Order("a", first + timedelta(days=70), Decimal(99), "CNY")]
    rft = rft_of(orders, first + timedelta(days=28), "CNY")
    assert rft is not None
    assert (rft.x, rft.t_x, rft.T, rft.m) == (1, 2.0, 4.0, 30.0)
    assert rft_of(orders, first - timedelta(days=1), "CNY") is None


def test_fit_clv_projects_per_customer_and_falls_back_when_data_is_little() -> None:
    rng = np.random.default_rng(7)
    end = date(2025, 1, 1)
    histories: dict[str, list[Order]] = {}
    for i in range(400):
        start = end - timedelta(days=int(rng.integers(60, 700)))
        busy = i % 2 == 0  # every other customer buys often
        days = sorted({int(d) for d in rng.integers(0, (end - start).days,
                                                    size=12 if busy else 1)} | {0})
        histories[f"c{i}"] = [Order(f"c{i}", start + timedelta(days=d), Decimal(100 + i % 7),
                                    "CNY") for d in days]
    fit = fit_clv(histories, end, "CNY")
    assert fit is not None
    busy = np.mean([fit.projections[f"c{i}"].expected_purchases for i in range(0, 400, 2)])
    quiet = np.mean([fit.projections[f"c{i}"].expected_purchases for i in range(1, 400, 2)])
    assert busy > 2 * quiet
    assert all(0 <= p.p_alive <= 1 and p.clv >= 0 for p in fit.projections.values())
    assert fit_clv(dict(list(histories.items())[:20]), end, "CNY") is None
