"""Fitted models and the at-risk list on a large file, against raw baselines.

    PYTHONPATH=src .venv/bin/python bench/analytics.py [--file /tmp/an-1m.sqlite3]
        [--customers 100000]

Part 1 (no file needed): BG/NBD + Gamma-Gamma maximum likelihood on a generated
100,000-customer history (BG/NBD process with the CDNOW parameters), and the churn model
(logistic regression, time split) on the planted 100,000-customer history of
tests/unit/domain/test_propensity.py. Baseline: one evaluation of the log-likelihood.

Part 2 (--file, e.g. from bench/analytics_data.py): the customers-at-risk list cold (every
score), warm (same data) and with another threshold; AnalyticsService.models (every fit
from the store). Baseline: the two raw sqlite3 reads the list cannot avoid (orders, signals).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "unit" / "domain"))


def timed(label: str, call: object) -> float:
    started = time.perf_counter()
    call()  # type: ignore[operator]
    took = time.perf_counter() - started
    print(f"  {label:<58} {took * 1000:9.0f} ms", flush=True)
    return took


def bgnbd_history(n: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                   np.ndarray]:
    """x, t_x, T (weeks) and mean spend drawn from BG/NBD + Gamma-Gamma with the CDNOW
    parameters over 39-78 weeks."""
    rng = np.random.default_rng(seed)
    r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
    lam = rng.gamma(r, 1 / alpha, n)
    p = rng.beta(a, b, n)
    T = rng.uniform(39, 78, n)
    x = np.zeros(n)
    t_x = np.zeros(n)
    for i in range(n):
        t = 0.0
        while True:
            t += rng.exponential(1 / lam[i]) if lam[i] > 0 else np.inf
            if t > T[i]:
                break
            x[i] += 1
            t_x[i] = t
            if rng.random() < p[i]:
                break
    nu = rng.gamma(3.74, 1 / 15.44, n)
    m = np.where(x > 0, rng.gamma(6.25 * np.maximum(x, 1), 1 / nu) / np.maximum(x, 1), 0)
    return x, t_x, T, m


def part_one(customers: int) -> None:
    from test_propensity import TODAY, planted

    from desk_crm.domain.clv_models import (
        _bgnbd_ll,
        expected_purchases,
        fit_bgnbd,
        fit_gamma_gamma,
        p_alive,
    )
    from desk_crm.domain.propensity import CHURN, train

    x, t_x, T, m = bgnbd_history(customers)
    print(f"BG/NBD + Gamma-Gamma on {customers:,} generated customers "
          f"({int((x > 0).sum()):,} with repeat purchases):")
    w = np.ones(customers)
    baseline = timed("baseline: one log-likelihood over every customer",
                     lambda: _bgnbd_ll(np.log([0.243, 4.414, 0.793, 2.426]), x, t_x, T, w))
    found: dict[str, object] = {}
    fit = timed("fit BG/NBD (L-BFGS-B, distinct rows weighted)",
                lambda: found.setdefault("b", fit_bgnbd(x, t_x, T)))
    timed("fit Gamma-Gamma", lambda: found.setdefault("g", fit_gamma_gamma(x, m)))
    model = found["b"]
    timed("E[purchases in 52 weeks] and P(alive) for every customer",
          lambda: (expected_purchases(model, 52.0, x, t_x, T), p_alive(model, x, t_x, T)))
    print(f"  fitted r {model.r:.3f} alpha {model.alpha:.3f} a {model.a:.3f} "  # type: ignore[attr-defined]
          f"b {model.b:.3f} (drawn with 0.243 / 4.414 / 0.793 / 2.426); "  # type: ignore[attr-defined]
          f"fit = {fit / baseline:.0f} log-likelihood evaluations")
    events = planted(customers)
    print(f"churn model on the planted {customers:,}-customer history:")
    fitted: dict[str, object] = {}
    timed("features, fit, held-out evaluation, refit, score",
          lambda: fitted.setdefault("c", train(events, TODAY, CHURN)))
    churn = fitted["c"]
    print(f"  AUC {churn.evaluation.auc:.3f}; top feature {churn.importance[0][0]}")  # type: ignore[attr-defined]


def part_two(path: Path) -> None:
    from desk_crm.services.bundle import build_services
    from desk_crm.services.customer_insight import ORDERS_SQL
    from desk_crm.store.database import open_database

    raw = sqlite3.connect(path)
    counts = {t: raw.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("contact", "account", "opportunity", "activity", "ticket")}
    print("file:", path, ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    database = open_database(path, path.parent / "analytics-bench-backups")
    services = build_services(database, actor="bench")
    print("raw sqlite3 baseline:")
    orders_sql = ORDERS_SQL.format(key="account_id", account="", quote_account="",
                                   contract_account="")
    baseline = timed("orders (UNION of won deals, quotes, contracts)",
                     lambda: raw.execute(orders_sql).fetchall())
    day = "COALESCE(t.done_at, t.due_at, t.created_at)"
    baseline += timed("last activity per account in 150 days (via contacts)", lambda: raw.execute(
        f"SELECT x.a, MAX(x.day) FROM (SELECT t.account_id AS a, substr({day}, 1, 10) AS day "
        f"FROM activity t WHERE t.deleted_at IS NULL AND t.account_id IS NOT NULL AND {day} "
        f">= '2026-06-26' UNION ALL SELECT c.account_id, substr({day}, 1, 10) FROM activity t "
        f"JOIN contact c ON c.id = t.contact_id WHERE t.deleted_at IS NULL AND t.account_id "
        f"IS NULL AND {day} >= '2026-06-26' AND c.account_id IS NOT NULL) x GROUP BY x.a")
        .fetchall())
    print("customers at risk (services.customers.at_risk, in the page's worker):")
    cold = timed("cold: every customer's score", lambda: services.customers.at_risk())
    warm = timed("warm: same data (a return to the page)", lambda: services.customers.at_risk())
    timed("another threshold (70) or owner, same data",
          lambda: services.customers.at_risk(70))
    print(f"  cold / raw baseline {cold / baseline:.1f}x; warm {warm:.3f} s")
    print("fitted models from the store (services.analytics.models, in a worker):")
    found: dict[str, object] = {}
    timed("read history, fit CLV, churn and purchase models",
          lambda: found.setdefault("m", services.analytics.models(date.today())))
    models = found["m"]
    print(f"  customers {models.customers:,}; CLV fitted: {models.clv is not None}; "  # type: ignore[attr-defined]
          f"churn AUC: {models.churn.evaluation.auc if models.churn else None}")  # type: ignore[attr-defined]
    database.close()
    raw.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path)
    parser.add_argument("--customers", type=int, default=100_000)
    args = parser.parse_args(argv)
    part_one(args.customers)
    if args.file:
        part_two(args.file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
