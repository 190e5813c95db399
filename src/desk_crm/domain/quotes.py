"""Quote rules without storage: drafts, statuses and their moves, numbering patterns,
the discount approval threshold, contract dates and renewal deadlines.

Decisions:
- A quote is edited only as a draft. Editing a sent quote makes a new revision (a draft
  with the same number); the sent one stays as it was, read-only. Accepted, rejected and
  expired quotes are final.
- A quote whose total discount exceeds the threshold needs an approver's approval before
  it can be sent; changing the lines after an approval asks for it again.
"""

from __future__ import annotations

import calendar
import string
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.money import currency_digits
from desk_crm.domain.quote_totals import LineAmounts, check_line
from desk_crm.domain.text import clean_text

DEFAULT_QUOTE_PATTERN = "Q-{year}-{seq:05d}"
DEFAULT_CONTRACT_PATTERN = "C-{year}-{seq:05d}"
DEFAULT_APPROVAL_THRESHOLD = Decimal(15)  # percent of the gross
DEFAULT_VALIDITY_DAYS = 30

STATUSES = ("draft", "sent", "accepted", "rejected", "expired")
# Which status may follow which; "draft" → "sent" also needs the approval when required.
MOVES = {
    "draft": {"sent"},
    "sent": {"accepted", "rejected", "expired"},
    "accepted": set(),
    "rejected": set(),
    "expired": set(),
}
CONTRACT_STATUSES = ("draft", "active", "expired", "terminated")
BILLING_FREQUENCIES = ("monthly", "quarterly", "annually", "once")


@dataclass
class QuoteLineDraft:
    description: str = ""
    quantity: Decimal = Decimal(1)
    unit_price: Decimal = Decimal(0)
    discount_percent: Decimal | None = None
    discount_amount: Decimal = Decimal(0)
    tax_rate: Decimal = Decimal(0)
    product_id: str | None = None
    id: str | None = None  # an existing line's id; None for a new one

    def amounts(self) -> LineAmounts:
        return LineAmounts(self.quantity, self.unit_price, self.tax_rate,
                           self.discount_percent, self.discount_amount)


@dataclass
class QuoteDraft:
    opportunity_id: str | None = None
    currency: str = "CNY"
    issue_date: date | None = None
    expiry_date: date | None = None
    price_book_id: str | None = None
    terms: str = ""
    document_discount_percent: Decimal | None = None
    document_discount_amount: Decimal = Decimal(0)
    shipping: Decimal = Decimal(0)
    lines: list[QuoteLineDraft] = field(default_factory=list)


def validate_quote(draft: QuoteDraft) -> QuoteDraft:
    errors: list[ValidationError] = []
    if not draft.opportunity_id:
        errors.append(ValidationError("opportunity_id", QT_TRANSLATE_NOOP(
            "Validation", "A quote belongs to an opportunity")))
    currency = (draft.currency or "").strip().upper()
    try:
        currency_digits(currency)
    except ValidationError as error:
        errors.append(error)
    if draft.issue_date is None:
        errors.append(ValidationError("issue_date", QT_TRANSLATE_NOOP(
            "Validation", "Enter the issue date")))
    if draft.expiry_date is not None and draft.issue_date is not None \
            and draft.expiry_date < draft.issue_date:
        errors.append(ValidationError("expiry_date", QT_TRANSLATE_NOOP(
            "Validation", "A quote cannot expire before it is issued")))
    if draft.shipping < 0:
        errors.append(ValidationError("shipping", QT_TRANSLATE_NOOP(
            "Validation", "Shipping cannot be negative")))
    percent = draft.document_discount_percent
    if percent is not None and not 0 <= percent <= 100:
        errors.append(ValidationError("document_discount", QT_TRANSLATE_NOOP(
            "Validation", "A discount is between 0 and 100 %")))
    if percent is None and draft.document_discount_amount < 0:
        errors.append(ValidationError("document_discount", QT_TRANSLATE_NOOP(
            "Validation", "A discount cannot be negative")))
    if not draft.lines:
        errors.append(ValidationError("lines", QT_TRANSLATE_NOOP(
            "Validation", "Add at least one line")))
    lines = []
    for index, line in enumerate(draft.lines):
        description = clean_text(line.description)
        if not description and not line.product_id:
            errors.append(ValidationError(f"lines[{index}].description", QT_TRANSLATE_NOOP(
                "Validation", "Choose a product or describe the line")))
        errors.extend(check_line(line.amounts(), index))
        lines.append(replace(line, description=description))
    if errors:
        raise ValidationErrors(errors)
    return replace(draft, currency=currency, terms=draft.terms.strip(), lines=lines)


def check_move(current: str, target: str) -> None:
    if target not in MOVES.get(current, set()):
        raise ValidationErrors([ValidationError("status", QT_TRANSLATE_NOOP(
            "Validation", "A {current} quote cannot become {target}"),
            current=current, target=target)])


def needs_approval(discount_percent: Decimal, threshold: Decimal) -> bool:
    return discount_percent > threshold


def format_number(pattern: str, year: int, seq: int) -> str:
    """"Q-{year}-{seq:05d}" with year 2026, seq 7 -> "Q-2026-00007"."""
    return pattern.format(year=year, seq=seq)


def validate_pattern(pattern: str) -> str:
    """A numbering pattern uses {seq} (once, so numbers differ) and may use {year}."""
    try:
        fields = [name for _text, name, _spec, _conv in string.Formatter().parse(pattern)
                  if name is not None]
        format_number(pattern, 2026, 1)
    except (ValueError, KeyError, IndexError):
        fields = ["?"]
    if fields.count("seq") != 1 or set(fields) - {"seq", "year"}:
        raise ValidationErrors([ValidationError("number_pattern", QT_TRANSLATE_NOOP(
            "Validation", "Use {seq} once, and {year} if you like, e.g. Q-{year}-{seq:05d}"))])
    return pattern


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def contract_end(start: date, term_months: int) -> date:
    """The last day of a term: a 12-month contract from 2026-01-01 ends 2026-12-31."""
    return add_months(start, term_months) - timedelta(days=1)


def notice_deadline(end: date, notice_days: int) -> date:
    """The last day to give notice before *end*."""
    return end - timedelta(days=notice_days)
