"""Campaign validation, ROI and cost per lead."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desk_crm.domain.campaigns import (
    CampaignDraft,
    CampaignFigures,
    cost_per_lead,
    roi_percent,
    validate_campaign,
)
from desk_crm.domain.errors import ValidationErrors


def test_a_valid_draft_is_cleaned() -> None:
    clean = validate_campaign(CampaignDraft(name="  Spring  fair ", currency="cny",
                                            budget=Decimal("1000.456")))
    assert (clean.name, clean.currency, clean.budget) == ("Spring fair", "CNY",
                                                          Decimal("1000.46"))


def test_every_problem_is_reported() -> None:
    with pytest.raises(ValidationErrors) as caught:
        validate_campaign(CampaignDraft(name="", kind="fax", actual_cost=Decimal(-1),
                                        start_date=date(2026, 5, 2),
                                        end_date=date(2026, 5, 1)))
    assert set(caught.value.by_field()) == {"name", "kind", "actual_cost", "end_date"}


@pytest.mark.parametrize(("won", "cost", "expected"), [
    (Decimal(3000), Decimal(1000), Decimal("200.0")),
    (Decimal(500), Decimal(1000), Decimal("-50.0")),
    (Decimal(0), Decimal(0), None),
])
def test_roi(won: Decimal, cost: Decimal, expected: Decimal | None) -> None:
    assert roi_percent(won, cost) == expected


def test_cost_per_lead_rounds_to_the_currency_and_needs_leads() -> None:
    assert cost_per_lead(Decimal(1000), 3, "CNY") == Decimal("333.33")
    assert cost_per_lead(Decimal(1000), 0, "CNY") is None


def test_figures() -> None:
    figures = CampaignFigures(members=8, responses=3, leads=4, opportunities=2, won_deals=1,
                              won_revenue=Decimal(5000), cost=Decimal(1000), currency="CNY")
    assert figures.response_rate == Decimal("37.5")
    assert figures.cost_per_lead == Decimal("250.00")
    assert figures.roi == Decimal("400.0")


def test_addresses_from_csv_of_any_shape() -> None:
    from desk_crm.domain.campaigns import addresses_from_csv

    text = "name;email;phone\n张三;zhang@example.com;123\nAnn;<ann@example.com>;\n"
    assert addresses_from_csv(text) == ["zhang@example.com", "ann@example.com"]
    assert addresses_from_csv("a@b.cn\nc@d.cn\n") == ["a@b.cn", "c@d.cn"]
