"""Points rules, tiers and redemption limits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.loyalty import (
    EarningRule,
    ProgrammeDraft,
    Tier,
    check_redemption,
    next_tier,
    points_for,
    tier_for,
    validate_programme,
)

TIERS = (Tier("member", 0), Tier("silver", 1000), Tier("gold", 5000))


def test_points_are_floored_and_only_in_the_programme_currency() -> None:
    rule = EarningRule("CNY", Decimal("0.1"))
    assert points_for(Decimal("12345.67"), "CNY", rule) == 1234
    assert points_for(Decimal("12345.67"), "USD", rule) == 0
    assert points_for(Decimal("-5"), "CNY", rule) == 0


@pytest.mark.parametrize(("points", "tier", "following"), [
    (0, "member", "silver"), (999, "member", "silver"), (1000, "silver", "gold"),
    (7000, "gold", None)])
def test_tier_thresholds(points: int, tier: str, following: str | None) -> None:
    assert tier_for(points, TIERS).name == tier  # type: ignore[union-attr]
    found = next_tier(points, TIERS)
    assert (found.name if found else None) == following


def test_a_redemption_cannot_exceed_the_balance() -> None:
    assert check_redemption(100, 100) == 100
    with pytest.raises(ValidationError, match="Only 99 points"):
        check_redemption(99, 100)
    with pytest.raises(ValidationError):
        check_redemption(99, 0)


def test_thresholds_must_start_at_zero_and_rise() -> None:
    with pytest.raises(ValidationErrors) as caught:
        validate_programme(ProgrammeDraft(tiers=(Tier("a", 0), Tier("b", 0))))
    assert "tiers" in caught.value.by_field()
    with pytest.raises(ValidationErrors):
        validate_programme(ProgrammeDraft(tiers=(Tier("a", 10),)))
    clean = validate_programme(ProgrammeDraft(rule=EarningRule("usd", Decimal(2)),
                                              tiers=(Tier(" a ", 0), Tier("b", 5))))
    assert clean.rule.currency == "USD" and clean.tiers[0].name == "a"


def test_tier_range_gives_the_points_of_a_named_tier() -> None:
    from desk_crm.domain.loyalty import tier_range

    tiers = (Tier("gold", 2000), Tier("member", 0), Tier("silver", 500))
    assert tier_range("member", tiers) == (0, 500)
    assert tier_range("silver", tiers) == (500, 2000)
    assert tier_range("gold", tiers) == (2000, None)
    assert tier_range("platinum", tiers) is None
