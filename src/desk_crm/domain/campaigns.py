"""Campaigns as the editor fills them in, their validation, and their results (cost per lead,
return on investment)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.money import currency_digits, quantize
from desk_crm.domain.text import clean_multiline, clean_text

KINDS = ("email", "event", "webinar", "promotion")
STATUSES = ("planned", "active", "completed")
# How far a member got; "added" until something happened.
MEMBER_STATUSES = ("added", "sent", "responded", "registered", "attended", "converted")
# Statuses that count as a response in the results.
RESPONDED = frozenset({"responded", "registered", "attended", "converted"})
MAX_NAME = 200
MAX_NOTES = 20_000


@dataclass(frozen=True)
class CampaignDraft:
    name: str = ""
    kind: str = "email"
    status: str = "planned"
    start_date: date | None = None
    end_date: date | None = None
    currency: str = "CNY"
    budget: Decimal = Decimal(0)
    actual_cost: Decimal = Decimal(0)
    expected_revenue: Decimal = Decimal(0)
    owner_id: str | None = None
    notes: str = ""


def validate_campaign(draft: CampaignDraft) -> CampaignDraft:
    errors: list[ValidationError] = []
    name = clean_text(draft.name)
    if not name:
        errors.append(ValidationError("name", QT_TRANSLATE_NOOP(
            "Validation", "Give the campaign a name")))
    elif len(name) > MAX_NAME:
        errors.append(ValidationError("name", QT_TRANSLATE_NOOP(
            "Validation", "Name is too long (at most {limit} characters)"), limit=MAX_NAME))
    if draft.kind not in KINDS:
        errors.append(ValidationError("kind", QT_TRANSLATE_NOOP(
            "Validation", "Unknown campaign type: {value}"), value=draft.kind))
    if draft.status not in STATUSES:
        errors.append(ValidationError("status", QT_TRANSLATE_NOOP(
            "Validation", "Unknown campaign status: {value}"), value=draft.status))
    if draft.start_date and draft.end_date and draft.end_date < draft.start_date:
        errors.append(ValidationError("end_date", QT_TRANSLATE_NOOP(
            "Validation", "The end date must not come before the start date")))
    currency = clean_text(draft.currency).upper()
    try:
        currency_digits(currency)
    except ValidationError as problem:
        errors.append(problem)
        currency = ""
    amounts: dict[str, Any] = {}  # budget, actual_cost, expected_revenue: Decimal | None
    for field in ("budget", "actual_cost", "expected_revenue"):
        value = getattr(draft, field)
        if not isinstance(value, Decimal) or not value.is_finite():
            errors.append(ValidationError(field, QT_TRANSLATE_NOOP(
                "Validation", "Amount must be a number")))
        elif value < 0:
            errors.append(ValidationError(field, QT_TRANSLATE_NOOP(
                "Validation", "Amount must not be negative")))
        elif currency:
            amounts[field] = quantize(value, currency)
    notes = clean_multiline(draft.notes)
    if len(notes) > MAX_NOTES:
        errors.append(ValidationError("notes", QT_TRANSLATE_NOOP(
            "Validation", "Notes are too long (at most {limit} characters)"), limit=MAX_NOTES))
    if errors:
        raise ValidationErrors(errors)
    return replace(draft, name=name, currency=currency, notes=notes,
                   owner_id=draft.owner_id or None, **amounts)


@dataclass(frozen=True)
class CampaignFigures:
    members: int
    responses: int
    leads: int
    opportunities: int
    won_deals: int
    won_revenue: Decimal
    cost: Decimal
    currency: str

    @property
    def response_rate(self) -> Decimal | None:
        """Percent of members who responded; None without members."""
        if not self.members:
            return None
        return (Decimal(self.responses) * 100 / self.members).quantize(
            Decimal("0.1"), ROUND_HALF_UP)

    @property
    def cost_per_lead(self) -> Decimal | None:
        """Actual cost over leads (and deals not from a lead); None when nothing came."""
        return cost_per_lead(self.cost, self.leads, self.currency)

    @property
    def roi(self) -> Decimal | None:
        return roi_percent(self.won_revenue, self.cost)


def cost_per_lead(cost: Decimal, leads: int, currency: str) -> Decimal | None:
    if leads <= 0:
        return None
    return quantize(cost / leads, currency)


def roi_percent(won_revenue: Decimal, cost: Decimal) -> Decimal | None:
    """(won revenue − cost) / cost in percent, one decimal; None when nothing was spent
    (a free campaign has no meaningful ratio)."""
    if cost <= 0:
        return None
    return ((won_revenue - cost) * 100 / cost).quantize(Decimal("0.1"), ROUND_HALF_UP)


def addresses_from_csv(text: str) -> list[str]:
    """Every cell that looks like an e-mail address, in order: a CSV export of any shape
    (one column of addresses, or a full address book with a header row)."""
    import csv
    import io

    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t")
    except csv.Error:
        dialect = csv.excel
    found = []
    for row in csv.reader(io.StringIO(text), dialect):
        for cell in row:
            cell = cell.strip().strip("<>").strip()
            if "@" in cell and " " not in cell:
                found.append(cell)
    return found
