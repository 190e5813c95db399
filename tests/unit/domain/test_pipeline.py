from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.opportunities import OpportunityDraft, validate_opportunity
from desk_crm.domain.pipeline import (
    DEFAULT_STAGES,
    StageDraft,
    StageKind,
    effective_probability,
    require_outcome_reason,
    validate_stages,
    weighted_amount,
)


def test_default_stages_are_the_documented_pipeline() -> None:
    assert [(s.name, s.probability, s.kind) for s in DEFAULT_STAGES] == [
        ("Prospecting", 10, "open"), ("Qualification", 20, "open"),
        ("Needs analysis", 40, "open"), ("Proposal", 60, "open"),
        ("Negotiation", 80, "open"), ("Closed won", 100, "won"), ("Closed lost", 0, "lost")]
    assert validate_stages(DEFAULT_STAGES)


def test_effective_probability_is_the_override_when_there_is_one() -> None:
    assert effective_probability(Decimal(60), None) == Decimal(60)
    assert effective_probability(Decimal(60), Decimal("72.5")) == Decimal("72.5")
    assert effective_probability(Decimal(60), Decimal(0)) == Decimal(0)  # 0 is an override


@pytest.mark.parametrize(("amount", "percent", "currency", "expected"), [
    (Decimal("1000.00"), Decimal(60), "CNY", "600.00"),
    (Decimal("0.05"), Decimal(50), "CNY", "0.03"),  # 0.025 rounds half-up
    (Decimal("333.33"), Decimal("33.3"), "USD", "111.00"),  # 110.998889 -> 111.00
    (Decimal("1001"), Decimal(50), "JPY", "501"),  # 500.5 -> 501
    (Decimal("0.10"), Decimal("0.1"), "CNY", "0.00"),
    (Decimal("12345678901.99"), Decimal(10), "CNY", "1234567890.20"),  # no float anywhere
])
def test_weighted_amount_is_exact_and_rounded_once_half_up(
        amount: Decimal, percent: Decimal, currency: str, expected: str) -> None:
    result = weighted_amount(amount, percent, currency)
    assert isinstance(result, Decimal)
    assert str(result) == expected


def test_validate_stages_reports_every_problem_by_row() -> None:
    stages = [StageDraft("Open", Decimal(10)), StageDraft(" open ", Decimal(101)),
              StageDraft("", Decimal(-1), StageKind.WON)]
    with pytest.raises(ValidationErrors) as raised:
        validate_stages(stages)
    fields = raised.value.by_field()
    assert "stages[1].name" in fields  # duplicate, case-insensitive
    assert "stages[1].probability" in fields
    assert "stages[2].name" in fields and "stages[2].probability" in fields
    assert "lost" in fields["stages"]  # no lost stage


def test_inactive_won_stage_does_not_count() -> None:
    stages = [replace(s, active=s.kind != StageKind.WON) for s in DEFAULT_STAGES]
    with pytest.raises(ValidationErrors, match="won"):
        validate_stages(stages)


def test_validate_stages_trims_names() -> None:
    stages = [replace(DEFAULT_STAGES[0], name="  Cold   call "), *list(DEFAULT_STAGES[1:])]
    assert validate_stages(stages)[0].name == "Cold call"


def test_closing_needs_a_reason_open_does_not() -> None:
    assert require_outcome_reason("open", "") == ""
    assert require_outcome_reason("won", "  best price ") == "best price"
    with pytest.raises(ValidationErrors) as raised:
        require_outcome_reason("lost", "  ")
    assert list(raised.value.by_field()) == ["outcome_reason"]


def test_validate_opportunity_cleans_and_checks() -> None:
    clean = validate_opportunity(OpportunityDraft(
        name="  ERP 升级 ", amount=Decimal("10.5"), currency="cny", stage_id="s1",
        close_date=date(2026, 12, 1), account_id=""))
    assert (clean.name, clean.currency, clean.account_id) == ("ERP 升级", "CNY", None)
    with pytest.raises(ValidationErrors) as raised:
        validate_opportunity(OpportunityDraft(name="", amount=Decimal("1.234"),
                                              currency="CNY", probability=Decimal(120)))
    assert set(raised.value.by_field()) == {"name", "amount", "stage_id", "probability"}
    with pytest.raises(ValidationErrors, match="no decimal"):
        validate_opportunity(OpportunityDraft(name="x", amount=Decimal("1.5"),
                                              currency="JPY", stage_id="s"))
    with pytest.raises(ValidationErrors, match="negative"):
        validate_opportunity(OpportunityDraft(name="x", amount=Decimal(-1), stage_id="s"))
