"""Pipeline stages and the probability arithmetic built on them.

A stage is open, won or lost. An opportunity's probability is its stage's default unless
the user overrode it; the weighted amount (amount × probability) is what a forecast adds up,
rounded half-up to the currency's minor unit once, here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.money import quantize
from desk_crm.domain.text import clean_text

HUNDRED = Decimal(100)
MAX_STAGE_NAME = 100


class StageKind(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


CLOSED_KINDS = frozenset({StageKind.WON, StageKind.LOST})


@dataclass(frozen=True)
class StageDraft:
    """One row of the stage settings; its position is its place in the list.
    ``id`` is None for a stage the user just added."""

    name: str
    probability: Decimal
    kind: str = StageKind.OPEN
    active: bool = True
    id: str | None = None


DEFAULT_STAGES: tuple[StageDraft, ...] = (
    StageDraft(QT_TRANSLATE_NOOP("Stages", "Prospecting"), Decimal(10)),
    StageDraft(QT_TRANSLATE_NOOP("Stages", "Qualification"), Decimal(20)),
    StageDraft(QT_TRANSLATE_NOOP("Stages", "Needs analysis"), Decimal(40)),
    StageDraft(QT_TRANSLATE_NOOP("Stages", "Proposal"), Decimal(60)),
    StageDraft(QT_TRANSLATE_NOOP("Stages", "Negotiation"), Decimal(80)),
    StageDraft(QT_TRANSLATE_NOOP("Stages", "Closed won"), Decimal(100), StageKind.WON),
    StageDraft(QT_TRANSLATE_NOOP("Stages", "Closed lost"), Decimal(0), StageKind.LOST),
)


def is_closed(kind: str) -> bool:
    return kind in CLOSED_KINDS


def check_probability(value: Decimal, field: str = "probability") -> Decimal:
    """A percentage 0..100 (Decimal, any precision); anything else is a ValidationError."""
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationError(field, QT_TRANSLATE_NOOP(
            "Validation", "Probability must be a number"))
    if value < 0 or value > HUNDRED:
        raise ValidationError(field, QT_TRANSLATE_NOOP(
            "Validation", "Probability must be between 0 and 100 %"))
    return value


def effective_probability(stage_probability: Decimal, override: Decimal | None) -> Decimal:
    """The percentage that applies: the user's override, else the stage's default."""
    return stage_probability if override is None else override


def weighted_amount(amount: Decimal, probability_percent: Decimal, currency: str) -> Decimal:
    """amount × probability / 100, exact, then rounded half-up to the currency's minor unit."""
    return quantize(amount * probability_percent / HUNDRED, currency)


def require_outcome_reason(kind: str, reason: str) -> str:
    """Closing as won or lost needs a reason; returns the cleaned reason."""
    cleaned = clean_text(reason)
    if is_closed(kind) and not cleaned:
        template = (QT_TRANSLATE_NOOP("Validation", "Say why the opportunity was won")
                    if kind == StageKind.WON
                    else QT_TRANSLATE_NOOP("Validation", "Say why the opportunity was lost"))
        raise ValidationErrors([ValidationError("outcome_reason", template)])
    return cleaned


def validate_stages(stages: Sequence[StageDraft]) -> list[StageDraft]:
    """Cleaned stages, or ValidationErrors naming every problem ("stages[2].name").

    Rules: every stage has a name (unique, case-insensitive), a probability 0..100 and a
    known kind; among the active stages at least one is open, one won and one lost, so
    every opportunity can move forward and be closed either way.
    """
    errors: list[ValidationError] = []
    cleaned: list[StageDraft] = []
    seen: dict[str, int] = {}
    for number, stage in enumerate(stages):
        field = f"stages[{number}]"
        name = clean_text(stage.name)
        if not name:
            errors.append(ValidationError(f"{field}.name", QT_TRANSLATE_NOOP(
                "Validation", "Stage {number} needs a name"), number=number + 1))
        elif len(name) > MAX_STAGE_NAME:
            errors.append(ValidationError(f"{field}.name", QT_TRANSLATE_NOOP(
                "Validation", "“{value}…” is too long"), value=name[:20]))
        elif name.casefold() in seen:
            errors.append(ValidationError(f"{field}.name", QT_TRANSLATE_NOOP(
                "Validation", "Two stages are called “{value}”"), value=name))
        seen.setdefault(name.casefold(), number)
        try:
            check_probability(stage.probability, f"{field}.probability")
        except ValidationError as problem:
            errors.append(problem)
        if stage.kind not in set(StageKind):
            errors.append(ValidationError(f"{field}.kind", QT_TRANSLATE_NOOP(
                "Validation", "Unknown stage kind “{value}”"), value=stage.kind))
        cleaned.append(replace(stage, name=name, kind=StageKind(stage.kind)
                               if stage.kind in set(StageKind) else stage.kind))
    active_kinds = {stage.kind for stage in stages if stage.active}
    for kind, template in (
            (StageKind.OPEN, QT_TRANSLATE_NOOP(
                "Validation", "At least one active stage must be open")),
            (StageKind.WON, QT_TRANSLATE_NOOP(
                "Validation", "At least one active stage must be “won”")),
            (StageKind.LOST, QT_TRANSLATE_NOOP(
                "Validation", "At least one active stage must be “lost”"))):
        if kind not in active_kinds:
            errors.append(ValidationError("stages", template))
    if errors:
        raise ValidationErrors(errors)
    return cleaned
