"""An opportunity as the editor fills it in, and its validation."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.money import currency_digits
from desk_crm.domain.pipeline import check_probability
from desk_crm.domain.text import clean_multiline, clean_text

MAX_NAME = 200
MAX_LINE = 400
MAX_NOTES = 20_000


@dataclass(frozen=True)
class OpportunityDraft:
    name: str = ""
    account_id: str | None = None
    contact_id: str | None = None  # the primary contact
    amount: Decimal = Decimal(0)
    currency: str = "CNY"
    close_date: date | None = None  # expected close date
    stage_id: str = ""
    probability: Decimal | None = None  # percent; None = the stage's default
    owner_id: str | None = None
    next_step: str = ""
    outcome_reason: str = ""  # why it was won or lost
    notes: str = ""
    lead_id: str | None = None  # the lead it was converted from
    campaign_id: str | None = None  # the source campaign


def validate_opportunity(draft: OpportunityDraft) -> OpportunityDraft:
    """A cleaned draft, or ValidationErrors listing every problem by field name.

    Whether a won/lost stage has its reason is checked where the stage's kind is known
    (``pipeline.require_outcome_reason``), not here.
    """
    errors: list[ValidationError] = []
    name = clean_text(draft.name)
    if not name:
        errors.append(ValidationError("name", QT_TRANSLATE_NOOP(
            "Validation", "Give the opportunity a name")))
    elif len(name) > MAX_NAME:
        errors.append(ValidationError("name", QT_TRANSLATE_NOOP(
            "Validation", "Name is too long (at most {limit} characters)"), limit=MAX_NAME))
    currency = clean_text(draft.currency).upper()
    digits = None
    try:
        digits = currency_digits(currency)
    except ValidationError as problem:
        errors.append(problem)
    amount = draft.amount
    if not isinstance(amount, Decimal) or not amount.is_finite():
        errors.append(ValidationError("amount", QT_TRANSLATE_NOOP(
            "Validation", "Amount must be a number")))
    elif amount < 0:
        errors.append(ValidationError("amount", QT_TRANSLATE_NOOP(
            "Validation", "Amount cannot be negative")))
    elif digits is not None and amount != amount.quantize(Decimal(1).scaleb(-digits)):
        # Refuse rather than round: the user typed a value the currency cannot hold.
        if digits:
            errors.append(ValidationError("amount", QT_TRANSLATE_NOOP(
                "Validation", "{currency} amounts have at most {digits} decimal places"),
                currency=currency, digits=digits))
        else:
            errors.append(ValidationError("amount", QT_TRANSLATE_NOOP(
                "Validation", "{currency} amounts have no decimal places"), currency=currency))
    if amount.is_finite() and amount >= Decimal("1e15"):
        errors.append(ValidationError("amount", QT_TRANSLATE_NOOP(
            "Validation", "Amount is too large")))
    if not (draft.stage_id or "").strip():
        errors.append(ValidationError("stage_id", QT_TRANSLATE_NOOP(
            "Validation", "Choose a stage")))
    if draft.probability is not None:
        try:
            check_probability(draft.probability)
        except ValidationError as problem:
            errors.append(problem)
    next_step = clean_text(draft.next_step)
    reason = clean_text(draft.outcome_reason)
    for field, value in (("next_step", next_step), ("outcome_reason", reason)):
        if len(value) > MAX_LINE:
            errors.append(ValidationError(field, QT_TRANSLATE_NOOP(
                "Validation", "At most {limit} characters"), limit=MAX_LINE))
    notes = clean_multiline(draft.notes)
    if len(notes) > MAX_NOTES:
        errors.append(ValidationError("notes", QT_TRANSLATE_NOOP(
            "Validation", "Notes are too long (at most {limit} characters)"), limit=MAX_NOTES))
    if errors:
        raise ValidationErrors(errors)
    return replace(
        draft, name=name, currency=currency, next_step=next_step, outcome_reason=reason,
        notes=notes, account_id=_clean_id(draft.account_id),
        contact_id=_clean_id(draft.contact_id), owner_id=_clean_id(draft.owner_id),
        lead_id=_clean_id(draft.lead_id), campaign_id=_clean_id(draft.campaign_id),
        stage_id=draft.stage_id.strip(),
        amount=amount,
    )


def _clean_id(value: str | None) -> str | None:
    return (value or "").strip() or None
