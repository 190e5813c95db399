"""Probabilistic lifetime value: BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers
the easy way") for the number of future purchases and the probability a customer is still
"alive", and Gamma-Gamma (Fader, Hardie & Lee 2005, "RFM and CLV") for the spend per
purchase — both fitted by maximum likelihood.

Input per customer (time in weeks, the papers' unit):

* ``x``   – repeat purchases (purchases after the first; days with several orders count once)
* ``t_x`` – time from the first purchase to the last one
* ``T``   – time from the first purchase to the end of the observation
* ``m``   – mean value of the repeat purchases (Gamma-Gamma; only customers with ``x > 0``)

The BG/NBD log-likelihood is the paper's closed form (eq. 6), written in log-space with
``gammaln`` and ``logaddexp`` — it needs no hypergeometric function; only the conditional
expectation (eq. 10) uses ``hyp2f1``. Parameters are fitted on their logarithms (so they
stay positive) with L-BFGS-B over the distinct (x, t_x, T) rows weighted by their counts,
which makes 100,000 customers a matter of a second or two.

Floats are right here: these are statistical estimates, shown rounded; money that is
stored stays Decimal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize
from scipy.special import gammaln, hyp2f1

from desk_crm.domain.orders import Order

FloatArray = NDArray[np.float64]
DAYS_PER_WEEK = 7.0
WEEKS_PER_YEAR = 365.0 / DAYS_PER_WEEK
# Below this many customers with repeat purchases the fit is not trusted: the formula in
# domain/clv.py is used instead (and labelled so).
MIN_REPEAT_CUSTOMERS = 20
MIN_CUSTOMERS = 50


@dataclass(frozen=True)
class BgNbd:
    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float
    customers: int


@dataclass(frozen=True)
class GammaGamma:
    p: float
    q: float
    gamma: float
    log_likelihood: float
    customers: int


@dataclass(frozen=True)
class Rft:
    """Frequency/recency/age of one customer (weeks) and its mean repeat spend."""

    x: int
    t_x: float
    T: float
    m: float  # mean value of the repeat purchases; 0 without any


def _bgnbd_ll(log_params: FloatArray, x: FloatArray, t_x: FloatArray, T: FloatArray,
              w: FloatArray) -> float:
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    repeat = x > 0
    a4 = np.full_like(x, -np.inf)
    xr = x[repeat]
    a4[repeat] = (np.log(a) - np.log(b + xr - 1) - (r + xr) * np.log(alpha + t_x[repeat]))
    return float(np.sum(w * (a1 + a2 + np.logaddexp(a3, a4))))


def _unique(columns: Sequence[FloatArray]) -> tuple[list[FloatArray], FloatArray]:
    stacked = np.column_stack(columns)
    rows, counts = np.unique(stacked, axis=0, return_counts=True)
    return [rows[:, i] for i in range(rows.shape[1])], counts.astype(np.float64)


def fit_bgnbd(x: FloatArray, t_x: FloatArray, T: FloatArray, penalty: float = 0.0) -> BgNbd:
    """Maximum-likelihood BG/NBD parameters. *penalty* adds ``penalty × Σ params²`` (0: the
    plain MLE, as in the paper)."""
    x = np.asarray(x, dtype=np.float64)
    (ux, ut, uT), weights = _unique([x, np.asarray(t_x, np.float64),
                                     np.asarray(T, np.float64)])

    def objective(log_params: FloatArray) -> float:
        value = -_bgnbd_ll(log_params, ux, ut, uT, weights)
        if penalty:
            value += penalty * float(np.sum(np.exp(log_params) ** 2))
        return value / len(x)

    result = minimize(objective, np.log([1.0, float(np.mean(T)) or 1.0, 1.0, 1.0]),
                      method="L-BFGS-B", bounds=[(-12.0, 12.0)] * 4)
    r, alpha, a, b = (float(v) for v in np.exp(result.x))
    return BgNbd(r, alpha, a, b, -float(result.fun) * len(x), len(x))


def expected_purchases(model: BgNbd, t: float, x: FloatArray, t_x: FloatArray,
                       T: FloatArray) -> FloatArray:
    """E[Y(t) | x, t_x, T]: expected purchases in the next *t* weeks (paper eq. 10)."""
    r, alpha, a, b = model.r, model.alpha, model.a, model.b
    x = np.asarray(x, np.float64)
    t_x = np.asarray(t_x, np.float64)
    T = np.asarray(T, np.float64)
    hyp = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t))
    first = (a + b + x - 1) / (a - 1)
    second = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp
    return np.asarray(first * second * p_alive(model, x, t_x, T), np.float64)


def p_alive(model: BgNbd, x: FloatArray, t_x: FloatArray, T: FloatArray) -> FloatArray:
    """P(alive | x, t_x, T) (paper eq. 12); 1 for a customer without repeat purchases."""
    r, alpha, a, b = model.r, model.alpha, model.a, model.b
    x = np.asarray(x, np.float64)
    t_x = np.asarray(t_x, np.float64)
    T = np.asarray(T, np.float64)
    log_ratio = (np.log(a) - np.log(np.maximum(b + x - 1, 1e-12))
                 + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x)))
    odds = np.where(x > 0, np.exp(np.minimum(log_ratio, 700.0)), 0.0)
    return np.asarray(1.0 / (1.0 + odds), np.float64)


def _gg_ll(log_params: FloatArray, x: FloatArray, m: FloatArray, w: FloatArray) -> float:
    p, q, gamma = np.exp(log_params)
    px = p * x
    values = (gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(gamma)
              + px * np.log(x) + (px - 1) * np.log(m) - (px + q) * np.log(gamma + x * m))
    return float(np.sum(w * values))


def fit_gamma_gamma(x: FloatArray, m: FloatArray) -> GammaGamma:
    """Maximum-likelihood Gamma-Gamma parameters over customers with x > 0 and m > 0."""
    x = np.asarray(x, np.float64)
    m = np.asarray(m, np.float64)
    keep = (x > 0) & (m > 0)
    (ux, um), weights = _unique([x[keep], m[keep]])
    count = int(keep.sum())

    def objective(log_params: FloatArray) -> float:
        return -_gg_ll(log_params, ux, um, weights) / max(count, 1)

    result = minimize(objective, np.log([1.0, 1.0, float(np.mean(um)) if count else 1.0]),
                      method="L-BFGS-B", bounds=[(-12.0, 12.0)] * 3)
    p, q, gamma = (float(v) for v in np.exp(result.x))
    return GammaGamma(p, q, gamma, -float(result.fun) * count, count)


def expected_spend(model: GammaGamma, x: FloatArray, m: FloatArray) -> FloatArray:
    """E[M | x, m̄] (paper eq. 5): the mean of the population's spend and the customer's
    own mean, weighted by how many purchases the customer has made."""
    p, q, gamma = model.p, model.q, model.gamma
    x = np.asarray(x, np.float64)
    m = np.asarray(m, np.float64)
    population = p * gamma / (q - 1) if q > 1 else float("nan")
    own = (p * (gamma + x * m)) / (p * x + q - 1)
    return np.asarray(np.where(x > 0, own, population), np.float64)


def discounted_value(model: BgNbd, spend: FloatArray, x: FloatArray, t_x: FloatArray,
                     T: FloatArray, months: int = 12, annual_rate: float = 0.10
                     ) -> FloatArray:
    """Lifetime value over *months*: each month's expected purchases (the difference of
    E[Y] at its end and start) × expected spend, discounted monthly at *annual_rate*."""
    monthly = (1 + annual_rate) ** (1 / 12) - 1
    weeks_per_month = WEEKS_PER_YEAR / 12
    total = np.zeros_like(np.asarray(x, np.float64))
    previous = np.zeros_like(total)
    for month in range(1, months + 1):
        now = expected_purchases(model, month * weeks_per_month, x, t_x, T)
        total += (now - previous) * spend / (1 + monthly) ** month
        previous = now
    return total


def rft_of(history: Sequence[Order], end: date, currency: str) -> Rft | None:
    """Frequency, recency and age (weeks) of one customer's orders up to *end*; orders on
    the same day are one purchase (their amounts added). None without an order by *end*."""
    days: dict[date, Decimal] = {}
    for order in history:
        if order.day <= end:
            amount = order.amount if order.currency == currency else Decimal(0)
            days[order.day] = days.get(order.day, Decimal(0)) + amount
    if not days:
        return None
    ordered = sorted(days)
    first, last = ordered[0], ordered[-1]
    repeats = [days[day] for day in ordered[1:]]
    mean = float(sum(repeats, Decimal(0)) / len(repeats)) if repeats else 0.0
    return Rft(len(repeats), (last - first).days / DAYS_PER_WEEK,
               (end - first).days / DAYS_PER_WEEK, mean)


@dataclass(frozen=True)
class Projection:
    """One customer's figures from the fitted models (12 months ahead)."""

    expected_purchases: float
    p_alive: float
    expected_spend: float
    clv: float


@dataclass(frozen=True)
class ClvFit:
    bgnbd: BgNbd
    gamma_gamma: GammaGamma
    annual_rate: float
    months: int
    projections: dict[str, Projection]


def fit_clv(histories: dict[str, list[Order]], end: date, currency: str,
            months: int = 12, annual_rate: float = 0.10) -> ClvFit | None:
    """Both models fitted on every customer's orders up to *end*, and each customer's
    projection. None when the data is too little (see MIN_CUSTOMERS/MIN_REPEAT_CUSTOMERS)."""
    keys: list[str] = []
    rows: list[Rft] = []
    for key, history in histories.items():
        rft = rft_of(history, end, currency)
        if rft is not None and rft.T > 0:
            keys.append(key)
            rows.append(rft)
    x = np.array([row.x for row in rows], np.float64)
    t_x = np.array([row.t_x for row in rows], np.float64)
    T = np.array([row.T for row in rows], np.float64)
    m = np.array([row.m for row in rows], np.float64)
    if len(rows) < MIN_CUSTOMERS or int(((x > 0) & (m > 0)).sum()) < MIN_REPEAT_CUSTOMERS:
        return None
    bgnbd = fit_bgnbd(x, t_x, T)
    gg = fit_gamma_gamma(x, m)
    if not all(np.isfinite([bgnbd.r, bgnbd.alpha, bgnbd.a, bgnbd.b, gg.p, gg.q, gg.gamma])) \
            or gg.q <= 1:
        return None
    horizon = months * WEEKS_PER_YEAR / 12
    purchases = expected_purchases(bgnbd, horizon, x, t_x, T)
    alive = p_alive(bgnbd, x, t_x, T)
    spend = expected_spend(gg, x, m)
    value = discounted_value(bgnbd, spend, x, t_x, T, months, annual_rate)
    projections = {key: Projection(float(purchases[i]), float(alive[i]), float(spend[i]),
                                   float(value[i])) for i, key in enumerate(keys)}
    return ClvFit(bgnbd, gg, annual_rate, months, projections)
