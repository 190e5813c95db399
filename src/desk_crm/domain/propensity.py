"""Churn and purchase propensity as fitted, explained models: an L2-regularised logistic
regression on standardised features, trained and evaluated on a **time split**.

With horizon *H* days and today *T*:

* training rows: every customer's features as of ``T − 2H``, labelled by what happened in
  ``(T − 2H, T − H]``;
* held-out evaluation: the features as of ``T − H``, labelled by ``(T − H, T]`` — later
  than anything trained on, so AUC and the calibration plot are honest;
* scoring: the model refitted on both windows, applied to the features as of *T*.

*Churn*: among customers with an order on or before the cutoff, the label is "no order in
the next H days". *Purchase*: among every customer, "an order in the next H days".

Each customer's explanation is its features' contributions to the log-odds,
``coef_j × (x_j − mean_j) / sd_j``: the largest positive ones are the reasons the model
gives for a high probability, in words.

Plain numpy (Newton-Raphson / IRLS, a handful of iterations): scikit-learn's
``LogisticRegression`` gives the same fit but would add its own bundle; see
docs/ARCHITECTURE.md. Floats are right here (statistical estimates).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from numpy.typing import NDArray

from desk_crm.domain.errors import QT_TRANSLATE_NOOP

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
EPOCH = date(1970, 1, 1)
HORIZON_DAYS = 180
RECENT_DAYS = 90
# Below these the fit is not trusted and the rule-based score (domain/churn.py) is shown.
MIN_ROWS = 200
MIN_CLASS = 20
CHURN = "churn"
PURCHASE = "purchase"


def day_number(day: date) -> int:
    return (day - EPOCH).days


@dataclass(frozen=True)
class Events:
    """Every customer's history as columns; ``*_customer`` are indexes into ``customers``,
    ``*_day`` day numbers (:func:`day_number`)."""

    customers: tuple[str, ...]
    order_customer: IntArray
    order_day: IntArray
    order_amount: FloatArray
    activity_customer: IntArray
    activity_day: IntArray
    ticket_customer: IntArray
    ticket_day: IntArray
    ticket_csat: FloatArray  # nan: not rated
    ticket_breached: FloatArray  # 1.0 when the SLA was breached
    response_customer: IntArray  # campaign responses (member answered / converted)
    response_day: IntArray
    # Declared numeric, checkbox and picklist fields (custom fields of the customer):
    # key -> (English title, values per customer; nan where empty). Picklists come
    # one-hot, one column per choice.
    static: Mapping[str, tuple[str, FloatArray]] = field(default_factory=dict)


# key, English text in context "Propensity" ({value} and {typical} are filled in)
FEATURES: tuple[tuple[str, str], ...] = (
    ("days_since_order", QT_TRANSLATE_NOOP(
        "Propensity", "Days since the last order: {value} (typical {typical})")),
    ("orders", QT_TRANSLATE_NOOP("Propensity", "Orders so far: {value} (typical {typical})")),
    ("spend", QT_TRANSLATE_NOOP("Propensity", "Spent so far: {value} (typical {typical})")),
    ("orders_recent", QT_TRANSLATE_NOOP(
        "Propensity", "Orders in the last 90 days: {value} (typical {typical})")),
    ("tenure", QT_TRANSLATE_NOOP(
        "Propensity", "Days since the first order: {value} (typical {typical})")),
    ("activities_recent", QT_TRANSLATE_NOOP(
        "Propensity", "Activities in the last 90 days: {value} (typical {typical})")),
    ("days_since_activity", QT_TRANSLATE_NOOP(
        "Propensity", "Days since the last activity: {value} (typical {typical})")),
    ("tickets_recent", QT_TRANSLATE_NOOP(
        "Propensity", "Tickets in the last 90 days: {value} (typical {typical})")),
    ("breaches", QT_TRANSLATE_NOOP(
        "Propensity", "SLA breaches so far: {value} (typical {typical})")),
    ("csat", QT_TRANSLATE_NOOP(
        "Propensity", "Mean satisfaction (CSAT): {value} / 5 (typical {typical})")),
    ("responses", QT_TRANSLATE_NOOP(
        "Propensity", "Campaign responses so far: {value} (typical {typical})")),
)
# Short names for the model's feature table (context "Propensity").
FEATURE_TITLES: dict[str, str] = {
    "days_since_order": QT_TRANSLATE_NOOP("Propensity", "Days since the last order"),
    "orders": QT_TRANSLATE_NOOP("Propensity", "Orders so far (log)"),
    "spend": QT_TRANSLATE_NOOP("Propensity", "Spent so far (log)"),
    "orders_recent": QT_TRANSLATE_NOOP("Propensity", "Orders in the last 90 days"),
    "tenure": QT_TRANSLATE_NOOP("Propensity", "Days since the first order"),
    "activities_recent": QT_TRANSLATE_NOOP("Propensity", "Activities in the last 90 days"),
    "days_since_activity": QT_TRANSLATE_NOOP("Propensity", "Days since the last activity"),
    "tickets_recent": QT_TRANSLATE_NOOP("Propensity", "Tickets in the last 90 days"),
    "breaches": QT_TRANSLATE_NOOP("Propensity", "SLA breaches"),
    "csat": QT_TRANSLATE_NOOP("Propensity", "Mean satisfaction (CSAT)"),
    "responses": QT_TRANSLATE_NOOP("Propensity", "Campaign responses"),
}
STATIC_TEXT = QT_TRANSLATE_NOOP("Propensity", "{title}: {value} (typical {typical})")
NEVER = 3650  # "days since" for a customer with no such event


def _count(customer: IntArray, day: IntArray, n: int, since: int, until: int) -> FloatArray:
    keep = (day > since) & (day <= until)
    return np.bincount(customer[keep], minlength=n).astype(np.float64)


def _last(customer: IntArray, day: IntArray, n: int, until: int) -> FloatArray:
    keep = day <= until
    last = np.full(n, -1, np.int64)
    np.maximum.at(last, customer[keep], day[keep])
    return np.where(last >= 0, until - last, NEVER).astype(np.float64)


def features_at(events: Events, cutoff: int) -> tuple[list[str], FloatArray, FloatArray]:
    """(feature keys, matrix n × k, "has ordered by the cutoff" 0/1) as of day *cutoff*."""
    n = len(events.customers)
    oc, od = events.order_customer, events.order_day
    before = od <= cutoff
    orders = np.bincount(oc[before], minlength=n).astype(np.float64)
    spend = np.bincount(oc[before], weights=events.order_amount[before], minlength=n)
    first = np.full(n, np.iinfo(np.int64).max, np.int64)
    np.minimum.at(first, oc[before], od[before])
    tenure = np.where(orders > 0, cutoff - first, 0).astype(np.float64)
    tc, td = events.ticket_customer, events.ticket_day
    seen = td <= cutoff
    rated = seen & ~np.isnan(events.ticket_csat)
    csat_sum = np.bincount(tc[rated], weights=events.ticket_csat[rated], minlength=n)
    csat_n = np.bincount(tc[rated], minlength=n)
    population_csat = float(csat_sum.sum() / csat_n.sum()) if csat_n.sum() else 4.0
    csat = np.where(csat_n > 0, csat_sum / np.maximum(csat_n, 1), population_csat)
    columns = {
        "days_since_order": _last(oc, od, n, cutoff),
        "orders": np.log1p(orders),
        "spend": np.log1p(np.maximum(spend, 0)),
        "orders_recent": _count(oc, od, n, cutoff - RECENT_DAYS, cutoff),
        "tenure": tenure,
        "activities_recent": _count(events.activity_customer, events.activity_day, n,
                                    cutoff - RECENT_DAYS, cutoff),
        "days_since_activity": _last(events.activity_customer, events.activity_day, n,
                                     cutoff),
        "tickets_recent": _count(tc, td, n, cutoff - RECENT_DAYS, cutoff),
        "breaches": np.bincount(tc[seen], weights=events.ticket_breached[seen],
                                minlength=n),
        "csat": csat,
        "responses": _count(events.response_customer, events.response_day, n, -10**9,
                            cutoff),
    }
    keys = [key for key, _text in FEATURES]
    matrix = [columns[key] for key in keys]
    for key, (_title, values) in events.static.items():
        filled = np.where(np.isnan(values), np.nanmean(values) if np.any(~np.isnan(values))
                          else 0.0, values)
        keys.append(key)
        matrix.append(filled.astype(np.float64))
    return keys, np.column_stack(matrix), (orders > 0).astype(np.float64)


def labels_after(events: Events, cutoff: int, horizon: int) -> FloatArray:
    """1.0 for a customer with an order in (cutoff, cutoff + horizon]."""
    return (_count(events.order_customer, events.order_day, len(events.customers), cutoff,
                   cutoff + horizon) > 0).astype(np.float64)


@dataclass(frozen=True)
class Logistic:
    mean: FloatArray
    scale: FloatArray
    coef: FloatArray  # per standardised feature
    intercept: float

    def log_odds(self, x: FloatArray) -> FloatArray:
        return np.asarray(((x - self.mean) / self.scale) @ self.coef + self.intercept,
                          np.float64)

    def predict(self, x: FloatArray) -> FloatArray:
        return np.asarray(1.0 / (1.0 + np.exp(-self.log_odds(x))), np.float64)

    def contributions(self, x: FloatArray) -> FloatArray:
        return np.asarray((x - self.mean) / self.scale * self.coef, np.float64)


def fit_logistic(x: FloatArray, y: FloatArray, l2: float = 1.0, iterations: int = 25
                 ) -> Logistic:
    """L2-regularised logistic regression (penalty ``l2/2 × ||coef||²``, intercept free) on
    standardised columns, by Newton-Raphson."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale = np.where(scale > 1e-12, scale, 1.0)
    z = np.column_stack([np.ones(len(x)), (x - mean) / scale])
    weights = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ weights, -35, 35)))
        gradient = z.T @ (p - y) + penalty * weights
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    return Logistic(mean, scale, weights[1:], float(weights[0]))


def auc(y: FloatArray, p: FloatArray) -> float:
    """Area under the ROC curve (Mann-Whitney, ties counted half)."""
    order = np.argsort(p, kind="mergesort")
    ranks = np.empty(len(p), np.float64)
    sorted_p = p[order]
    # average ranks over ties
    _unique, start, counts = np.unique(sorted_p, return_index=True, return_counts=True)
    average = start + (counts - 1) / 2.0 + 1
    ranks[order] = np.repeat(average, counts)
    positives = float(y.sum())
    negatives = len(y) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    return float((ranks[y == 1].sum() - positives * (positives + 1) / 2)
                 / (positives * negatives))


def calibration(y: FloatArray, p: FloatArray, bins: int = 10
                ) -> tuple[tuple[float, float, int], ...]:
    """(mean predicted, observed rate, customers) per decile of the predictions."""
    if len(p) == 0:
        return ()
    order = np.argsort(p)
    found = []
    for part in np.array_split(order, min(bins, len(p))):
        if len(part):
            found.append((float(p[part].mean()), float(y[part].mean()), len(part)))
    return tuple(found)


@dataclass(frozen=True)
class Reason:
    key: str
    text: str  # template in context "Propensity"
    params: dict[str, object]
    weight: float  # contribution to the log-odds


@dataclass(frozen=True)
class Evaluation:
    auc: float
    calibration: tuple[tuple[float, float, int], ...]
    trained_from: date  # features as of this day
    trained_until: date  # labels up to this day
    evaluated_until: date
    train_rows: int
    test_rows: int
    base_rate: float


@dataclass(frozen=True)
class FittedPropensity:
    kind: str  # CHURN or PURCHASE
    keys: tuple[str, ...]
    model: Logistic
    evaluation: Evaluation
    # ranked features: (key, |coef| on the standardised scale, sign of coef)
    importance: tuple[tuple[str, float, float], ...]
    scores: dict[str, float]  # customer -> probability now
    rows: dict[str, int]  # customer -> its row of ``features_now``
    features_now: FloatArray
    titles: Mapping[str, str]

    def reasons(self, customer: str, count: int = 3) -> tuple[Reason, ...]:
        """The top contributing features of one customer, largest first (explained on
        demand: 100,000 customers' reasons are never all built)."""
        row = self.rows.get(customer)
        if row is None:
            return ()
        return explain(self.keys, self.model, self.features_now[row], self.titles, count)


def _population(kind: str, ordered: FloatArray) -> NDArray[np.bool_]:
    return ordered > 0 if kind == CHURN else np.ones(len(ordered), bool)


def _target(kind: str, bought: FloatArray) -> FloatArray:
    return 1.0 - bought if kind == CHURN else bought


def _text_of(key: str) -> str:
    return dict(FEATURES).get(key, STATIC_TEXT)


def _shown(key: str, value: float) -> str:
    """A feature's value (or the population's mean) as people read it."""
    if key == "orders":
        return f"{np.expm1(value):.1f}".removesuffix(".0")
    if key == "spend":
        return f"{np.expm1(value):,.0f}"
    if key.startswith("days_") or key == "tenure":
        return f"{value:.0f}"
    if key == "csat" or not float(value).is_integer():
        return f"{value:.1f}"
    return f"{value:.0f}"


def explain(fitted_keys: Sequence[str], model: Logistic, row: FloatArray,
            titles: Mapping[str, str], count: int = 3) -> tuple[Reason, ...]:
    """The *count* features pushing this customer's probability up the most."""
    contributions = model.contributions(row[None, :])[0]
    order = np.argsort(-contributions)
    found = []
    for j in order[:count]:
        if contributions[j] <= 0:
            break
        key = fitted_keys[j]
        params: dict[str, object] = {"value": _shown(key, float(row[j])),
                                     "typical": _shown(key, float(model.mean[j]))}
        if key in titles:
            params["title"] = titles[key]
        found.append(Reason(key, _text_of(key), params, float(contributions[j])))
    return tuple(found)


def train(events: Events, today: date, kind: str = CHURN, horizon: int = HORIZON_DAYS,
          l2: float = 1.0) -> FittedPropensity | None:
    """Fit, evaluate on the later window, refit on both, score today. None when the data
    is too little (MIN_ROWS rows or MIN_CLASS of either class in a window)."""
    now = day_number(today)
    train_cut, test_cut = now - 2 * horizon, now - horizon
    keys, x_train, ordered_train = features_at(events, train_cut)
    _keys, x_test, ordered_test = features_at(events, test_cut)
    in_train = _population(kind, ordered_train)
    in_test = _population(kind, ordered_test)
    y_train = _target(kind, labels_after(events, train_cut, horizon))[in_train]
    y_test = _target(kind, labels_after(events, test_cut, horizon))[in_test]
    for y in (y_train, y_test):
        if len(y) < MIN_ROWS or min(y.sum(), len(y) - y.sum()) < MIN_CLASS:
            return None
    model = fit_logistic(x_train[in_train], y_train, l2)
    predicted = model.predict(x_test[in_test])
    evaluation = Evaluation(
        auc(y_test, predicted), calibration(y_test, predicted),
        EPOCH + timedelta(days=train_cut), EPOCH + timedelta(days=test_cut), today,
        int(in_train.sum()), int(in_test.sum()), float(y_test.mean()))
    final = fit_logistic(np.vstack([x_train[in_train], x_test[in_test]]),
                         np.concatenate([y_train, y_test]), l2)
    _keys, x_now, ordered_now = features_at(events, now)
    in_now = _population(kind, ordered_now)
    probability = final.predict(x_now)
    titles = {key: title for key, (title, _values) in events.static.items()}
    chosen = np.flatnonzero(in_now)
    scores = dict(zip((events.customers[i] for i in chosen), probability[chosen].tolist(),
                      strict=True))
    rows = {events.customers[i]: int(i) for i in chosen}
    importance = tuple(sorted(((key, float(abs(c)), float(np.sign(c)))
                               for key, c in zip(keys, final.coef, strict=True)),
                              key=lambda item: -item[1]))
    return FittedPropensity(kind, tuple(keys), final, evaluation, importance, scores, rows,
                            x_now, titles)
