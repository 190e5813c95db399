"""Fitted models over a real store with a planted signal (helpers/analytics_rows.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desk_crm.services.bundle import Services
from desk_crm.store.sales_models import Opportunity
from helpers.analytics_rows import planted_history
from helpers.sales_rows import add_account, add_stages

TODAY = date(2026, 11, 23)


@pytest.fixture
def history(services: Services) -> dict[str, str]:
    return planted_history(services, TODAY)


def test_models_are_fitted_explained_and_kept_until_a_write(
        services: Services, history: dict[str, str]) -> None:
    models = services.analytics.models(TODAY)
    assert models.currency == "CNY"
    assert models.clv is not None
    steady = models.clv.projections[history["Customer 000"]]
    assert 0 <= steady.p_alive <= 1 and steady.clv >= 0
    assert models.churn is not None and models.purchase is not None
    assert models.churn.evaluation.auc > 0.65
    assert models.churn.importance[0][0].startswith("custom.")
    assert models.purchase.importance[0][2] < 0  # complaints lower buying
    assert history["prospect"] in models.purchase.scores  # everybody can buy
    assert history["prospect"] not in models.churn.scores  # only customers can churn
    assert services.analytics.cached(TODAY) is models
    assert services.analytics.models(TODAY) is models  # reused
    add_account(services, "Written later")
    assert services.analytics.cached(TODAY) is None  # a write: fitted again next time


def test_too_little_data_leaves_the_rule_based_fallback(services: Services) -> None:
    stages = add_stages(services)
    account = add_account(services, "Lonely Ltd")
    with services.context.write() as session:
        session.add(Opportunity(name="d", name_sort="d", stage_id=stages["Won"],
                                amount_minor=1000, currency="CNY",
                                close_date=TODAY - timedelta(days=30), account_id=account))
    models = services.analytics.models(TODAY)
    assert (models.clv, models.churn, models.purchase) == (None, None, None)
