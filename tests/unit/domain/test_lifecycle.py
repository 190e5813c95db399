from datetime import date, timedelta
from decimal import Decimal

import pytest

from desk_crm.domain.lifecycle import lifecycle_of
from desk_crm.domain.orders import Order

TODAY = date(2026, 11, 23)


def _history(*days_ago: int) -> list[Order]:
    return sorted((Order("a", TODAY - timedelta(days=d), Decimal(100), "CNY")
                   for d in days_ago), key=lambda o: o.day)


@pytest.mark.parametrize(("days_ago", "contract", "stage"), [
    ((), None, "prospect"),
    ((400,), None, "churned"),
    ((400,), TODAY + timedelta(days=30), "active"),  # a running contract: not churned
    ((200, 560), None, "at_risk"),
    ((90, 100, 110, 120), None, "at_risk"),  # usual 10 days, 90 silent > 2 × 10 and ≥ 60
    ((30, 500), None, "recovered"),  # gap of 470 days, then an order 30 days ago
    ((30, 100), None, "new"),
    ((10, 100, 200), None, "loyal"),
    ((10, 300), None, "active"),
])
def test_lifecycle_transitions(days_ago: tuple[int, ...], contract: date | None,
                               stage: str) -> None:
    assert lifecycle_of(_history(*days_ago), TODAY, contract).stage == stage


def test_contract_running_prevents_at_risk_too() -> None:
    assert lifecycle_of(_history(200, 300), TODAY, TODAY).stage == "active"


def test_the_rule_is_explained_with_numbers() -> None:
    result = lifecycle_of(_history(90, 100, 110, 120), TODAY)
    assert result.explanation == ("Last order 90 days ago, more than twice the usual "
                                  "10 days between orders")
    assert lifecycle_of(_history(400), TODAY).explanation == (
        "Last order 400 days ago (more than 365), no running contract")
