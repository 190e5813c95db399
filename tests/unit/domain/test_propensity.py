"""Churn and purchase propensity: logistic regression on a time split, on a generated
100,000-customer history with a planted signal that the evaluation must recover."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from desk_crm.domain.propensity import (
    CHURN,
    PURCHASE,
    Events,
    auc,
    calibration,
    day_number,
    fit_logistic,
    train,
)

TODAY = date(2026, 11, 23)


def planted(n: int = 100_000, seed: int = 3) -> Events:
    """Six 180-day windows before TODAY; in each a customer buys with a probability set by
    its declared "Price complaints" field (the planted signal), plus noise everywhere else:
    activities, tickets, CSAT and campaign responses unrelated to buying."""
    rng = np.random.default_rng(seed)
    now = day_number(TODAY)
    complaints = rng.normal(0, 1, n)
    buys = 1 / (1 + np.exp(-(0.4 - 1.6 * complaints)))
    customers, days, amounts = [], [], []
    for window in range(6):
        end = now - 180 * window
        active = np.flatnonzero(rng.random(n) < buys)
        count = 1 + rng.poisson(0.8, len(active))
        who = np.repeat(active, count)
        customers.append(who)
        days.append(end - rng.integers(0, 180, len(who)))
        amounts.append(rng.gamma(2.0, 500.0, len(who)))
    activity_customer = rng.integers(0, n, 3 * n)
    ticket_customer = rng.integers(0, n, n // 2)
    response_customer = rng.integers(0, n, n // 5)
    return Events(
        tuple(f"c{i}" for i in range(n)),
        np.concatenate(customers), np.concatenate(days), np.concatenate(amounts),
        activity_customer, now - rng.integers(0, 1080, len(activity_customer)),
        ticket_customer, now - rng.integers(0, 1080, len(ticket_customer)),
        np.where(rng.random(len(ticket_customer)) < 0.5,
                 rng.integers(1, 6, len(ticket_customer)).astype(float), np.nan),
        (rng.random(len(ticket_customer)) < 0.1).astype(float),
        response_customer, now - rng.integers(0, 1080, len(response_customer)),
        {"custom.complaints": ("Price complaints", complaints)})


@pytest.fixture(scope="module")
def events() -> Events:
    return planted()


@pytest.mark.slow
def test_churn_model_recovers_the_planted_signal(events: Events) -> None:
    fitted = train(events, TODAY, CHURN)
    assert fitted is not None
    evaluation = fitted.evaluation
    # held-out: features as of TODAY - 180 days, churn in the 180 days after
    assert evaluation.trained_from == date(2025, 11, 28)
    assert evaluation.trained_until == date(2026, 5, 27)
    assert evaluation.test_rows > 50_000
    assert evaluation.auc > 0.75
    assert fitted.importance[0][0] == "custom.complaints"
    assert fitted.importance[0][2] > 0  # more complaints, more churn
    # calibrated: every decile's observed churn rate within 5 points of the prediction
    assert all(abs(predicted - observed) < 0.05
               for predicted, observed, _n in evaluation.calibration)
    riskiest = max(fitted.scores, key=fitted.scores.__getitem__)
    reasons = fitted.reasons(riskiest)
    assert reasons[0].key == "custom.complaints"
    assert reasons[0].text.format(**reasons[0].params).startswith("Price complaints: ")


@pytest.mark.slow
def test_purchase_model_scores_every_customer(events: Events) -> None:
    fitted = train(events, TODAY, PURCHASE)
    assert fitted is not None
    assert len(fitted.scores) == len(events.customers)
    assert fitted.evaluation.auc > 0.75
    assert fitted.importance[0][0] == "custom.complaints"
    assert fitted.importance[0][2] < 0  # complaints lower the chance of buying


def test_too_little_data_gives_no_model(events: Events) -> None:
    few = Events(events.customers[:50], events.order_customer[events.order_customer < 50],
                 events.order_day[events.order_customer < 50],
                 events.order_amount[events.order_customer < 50],
                 events.activity_customer[:0], events.activity_day[:0],
                 events.ticket_customer[:0], events.ticket_day[:0],
                 events.ticket_csat[:0], events.ticket_breached[:0],
                 events.response_customer[:0], events.response_day[:0])
    assert train(few, TODAY, CHURN) is None


def test_auc_and_calibration_on_small_cases() -> None:
    y = np.array([0.0, 0.0, 1.0, 1.0])
    assert auc(y, np.array([0.1, 0.2, 0.8, 0.9])) == 1.0
    assert auc(y, np.array([0.9, 0.8, 0.2, 0.1])) == 0.0
    assert auc(y, np.array([0.5, 0.5, 0.5, 0.5])) == 0.5
    assert calibration(y, np.array([0.1, 0.2, 0.8, 0.9]), bins=2) == (
        (pytest.approx(0.15), 0.0, 2), (pytest.approx(0.85), 1.0, 2))


def test_logistic_regression_finds_the_true_coefficients() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(0, 1, (20_000, 2))
    y = (rng.random(20_000) < 1 / (1 + np.exp(-(0.5 + 2 * x[:, 0])))).astype(float)
    model = fit_logistic(x, y, l2=0.0)
    assert model.coef[0] * 1 / model.scale[0] == pytest.approx(2.0, abs=0.1)
    assert abs(model.coef[1]) < 0.05
