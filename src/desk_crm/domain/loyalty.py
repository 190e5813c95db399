"""Loyalty rules: points earned from a won deal, tiers by lifetime points, redemptions.

Decisions:
- Points are whole numbers. A won deal earns ``floor(amount × points_per_unit)`` when its
  currency is the programme's; other currencies earn nothing (no exchange rates offline).
- A tier is reached by the points ever *earned* (redeeming does not demote a customer); the
  highest tier whose threshold is reached applies. The first tier starts at 0.
- A balance can never go below zero: a redemption of more than the balance is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_FLOOR, Decimal
from itertools import pairwise

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.money import currency_digits
from desk_crm.domain.text import clean_text

MAX_POINTS = 1_000_000_000


@dataclass(frozen=True)
class Tier:
    name: str
    threshold: int


@dataclass(frozen=True)
class EarningRule:
    currency: str = "CNY"
    points_per_unit: Decimal = Decimal(1)


@dataclass(frozen=True)
class ProgrammeDraft:
    name: str = "Loyalty"
    rule: EarningRule = EarningRule()
    tiers: tuple[Tier, ...] = ()
    active: bool = True


def points_for(amount: Decimal, currency: str, rule: EarningRule) -> int:
    if currency != rule.currency or amount <= 0 or rule.points_per_unit <= 0:
        return 0
    return int((amount * rule.points_per_unit).to_integral_value(ROUND_FLOOR))


def tier_for(lifetime_points: int, tiers: tuple[Tier, ...]) -> Tier | None:
    reached = [tier for tier in tiers if lifetime_points >= tier.threshold]
    return max(reached, key=lambda tier: tier.threshold) if reached else None


def next_tier(lifetime_points: int, tiers: tuple[Tier, ...]) -> Tier | None:
    ahead = [tier for tier in tiers if tier.threshold > lifetime_points]
    return min(ahead, key=lambda tier: tier.threshold) if ahead else None


def tier_range(name: str, tiers: tuple[Tier, ...]) -> tuple[int, int | None] | None:
    """Lifetime points [low, high) that put a holder in the tier called *name* (high None:
    the top tier), or None when no tier has that name."""
    wanted = next((tier for tier in tiers if tier.name == name), None)
    if wanted is None:
        return None
    above = next_tier(wanted.threshold, tiers)
    return wanted.threshold, above.threshold if above else None


def check_redemption(balance: int, points: int) -> int:
    """The points to take off (a positive number), or a ValidationError."""
    if points <= 0:
        raise ValidationError("points", QT_TRANSLATE_NOOP(
            "Validation", "Redeem at least one point"))
    if points > balance:
        raise ValidationError("points", QT_TRANSLATE_NOOP(
            "Validation", "Only {balance} points are available"), balance=balance)
    return points


def validate_programme(draft: ProgrammeDraft) -> ProgrammeDraft:
    errors: list[ValidationError] = []
    name = clean_text(draft.name)
    if not name:
        errors.append(ValidationError("name", QT_TRANSLATE_NOOP(
            "Validation", "Give the programme a name")))
    currency = clean_text(draft.rule.currency).upper()
    try:
        currency_digits(currency)
    except ValidationError as problem:
        errors.append(ValidationError("currency", problem.template, **problem.params))
    rate = draft.rule.points_per_unit
    if not isinstance(rate, Decimal) or not rate.is_finite() or rate < 0:
        errors.append(ValidationError("points_per_unit", QT_TRANSLATE_NOOP(
            "Validation", "Points per unit must be zero or more")))
    tiers = tuple(Tier(clean_text(t.name), t.threshold) for t in draft.tiers)
    names = [tier.name for tier in tiers]
    thresholds = [tier.threshold for tier in tiers]
    if any(not n for n in names):
        errors.append(ValidationError("tiers", QT_TRANSLATE_NOOP(
            "Validation", "Every tier needs a name")))
    elif len(set(names)) != len(names):
        errors.append(ValidationError("tiers", QT_TRANSLATE_NOOP(
            "Validation", "Two tiers have the same name")))
    if tiers and (thresholds[0] != 0 or any(
            b <= a for a, b in pairwise(thresholds))):
        errors.append(ValidationError("tiers", QT_TRANSLATE_NOOP(
            "Validation", "Tier thresholds must start at 0 and rise from tier to tier")))
    elif any(not 0 <= t <= MAX_POINTS for t in thresholds):
        errors.append(ValidationError("tiers", QT_TRANSLATE_NOOP(
            "Validation", "A threshold is out of range")))
    if errors:
        raise ValidationErrors(errors)
    return replace(draft, name=name, rule=EarningRule(currency, rate), tiers=tiers)
