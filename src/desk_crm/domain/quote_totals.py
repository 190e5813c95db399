"""Quote arithmetic: line totals, document discount, shipping, tax per rate, grand total.

The rounding rule (the only places money is rounded, always half-up to the currency's
minor unit — 0.01 for CNY, 1 for JPY):

1. **Line total** = quantity × unit price − line discount, rounded once. A percentage
   discount is taken from the unrounded gross (100 × 33.333 % off is 66.667 → 66.67).
2. **Subtotal** = the sum of the rounded line totals (exact, no rounding).
3. **Document discount**: an amount, or a percentage of the subtotal rounded once.
4. **Tax per rate**: for each rate, the rate's share of the discounted subtotal
   (line totals at that rate × (subtotal − document discount) / subtotal) × rate, rounded
   once per rate — the tax summary the customer sees adds up to the tax charged.
5. **Grand total** = subtotal − document discount + shipping + Σ tax per rate: a sum of
   figures already rounded, so it equals what the document prints. Shipping is not taxed.

Everything is ``Decimal``; a float anywhere is a bug (3 × 0.1 must be exactly 0.30).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.money import quantize

HUNDRED = Decimal(100)
ZERO = Decimal(0)


@dataclass(frozen=True)
class LineAmounts:
    """What the arithmetic needs from a line; ``discount_percent`` wins over
    ``discount_amount`` when both are given (the editor offers one or the other)."""

    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal = ZERO  # percent, 13 for 13 %
    discount_percent: Decimal | None = None
    discount_amount: Decimal = ZERO


@dataclass(frozen=True)
class TaxLine:
    rate: Decimal
    base: Decimal  # line totals at this rate after their share of the document discount
    tax: Decimal


@dataclass(frozen=True)
class QuoteTotals:
    currency: str
    line_totals: tuple[Decimal, ...]
    gross: Decimal  # Σ quantity × unit price, before any discount (unrounded)
    subtotal: Decimal
    document_discount: Decimal
    shipping: Decimal
    taxes: tuple[TaxLine, ...]
    tax_total: Decimal
    grand_total: Decimal

    @property
    def shown_taxes(self) -> tuple[TaxLine, ...]:
        """The tax rows a reader needs: a rate that adds nothing (0 %, or no lines) would
        only print "Tax 0 % … 0.00"."""
        return tuple(tax for tax in self.taxes if tax.tax)

    @property
    def net(self) -> Decimal:
        """Subtotal after the document discount, before shipping and tax."""
        return self.subtotal - self.document_discount

    @property
    def discount_percent(self) -> Decimal:
        """All discounts (line and document) as a percentage of the gross: what the
        approval threshold is compared with. 0 for an empty quote."""
        if self.gross <= 0:
            return ZERO
        return (self.gross - self.net) * HUNDRED / self.gross


def line_total(line: LineAmounts, currency: str) -> Decimal:
    """Rule 1: quantity × unit price − discount, rounded half-up once."""
    gross = line.quantity * line.unit_price
    if line.discount_percent is not None:
        discount = gross * line.discount_percent / HUNDRED
    else:
        discount = line.discount_amount
    return quantize(gross - discount, currency)


def compute_totals(lines: Sequence[LineAmounts], currency: str, *,
                   document_discount_percent: Decimal | None = None,
                   document_discount_amount: Decimal = ZERO,
                   shipping: Decimal = ZERO) -> QuoteTotals:
    """Every figure of a quote, by the rule in the module docstring."""
    totals = tuple(line_total(line, currency) for line in lines)
    subtotal = sum(totals, ZERO)
    gross = sum((line.quantity * line.unit_price for line in lines), ZERO)
    if document_discount_percent is not None:
        discount = quantize(subtotal * document_discount_percent / HUNDRED, currency)
    else:
        discount = quantize(document_discount_amount, currency)
    shipping = quantize(shipping, currency)
    taxes = _taxes(lines, totals, subtotal, discount, currency)
    tax_total = sum((tax.tax for tax in taxes), ZERO)
    grand = subtotal - discount + shipping + tax_total
    return QuoteTotals(currency, totals, gross, subtotal, discount, shipping, taxes,
                       tax_total, grand)


def _taxes(lines: Sequence[LineAmounts], totals: Sequence[Decimal], subtotal: Decimal,
           discount: Decimal, currency: str) -> tuple[TaxLine, ...]:
    by_rate: dict[Decimal, Decimal] = {}
    for line, total in zip(lines, totals, strict=True):
        rate = line.tax_rate.normalize() if line.tax_rate else ZERO
        by_rate[rate] = by_rate.get(rate, ZERO) + total
    result = []
    for rate in sorted(by_rate):
        base = by_rate[rate]
        if subtotal and discount:
            base = base * (subtotal - discount) / subtotal
        result.append(TaxLine(rate, quantize(base, currency),
                              quantize(base * rate / HUNDRED, currency)))
    return tuple(result)


def check_line(line: LineAmounts, index: int) -> list[ValidationError]:
    """Problems with one line, fields named "lines[2].quantity" like other list forms."""
    prefix = f"lines[{index}]."
    errors = []
    if line.quantity <= 0:
        errors.append(ValidationError(prefix + "quantity", QT_TRANSLATE_NOOP(
            "Validation", "The quantity must be more than 0")))
    if line.unit_price < 0:
        errors.append(ValidationError(prefix + "unit_price", QT_TRANSLATE_NOOP(
            "Validation", "The price cannot be negative")))
    if not ZERO <= line.tax_rate <= HUNDRED:
        errors.append(ValidationError(prefix + "tax_rate", QT_TRANSLATE_NOOP(
            "Validation", "A tax rate is between 0 and 100 %")))
    if line.discount_percent is not None and not ZERO <= line.discount_percent <= HUNDRED:
        errors.append(ValidationError(prefix + "discount", QT_TRANSLATE_NOOP(
            "Validation", "A discount is between 0 and 100 %")))
    elif line.discount_percent is None and not (
            ZERO <= line.discount_amount <= line.quantity * line.unit_price):
        errors.append(ValidationError(prefix + "discount", QT_TRANSLATE_NOOP(
            "Validation", "The discount cannot exceed the line's amount")))
    return errors


def check_lines(lines: Sequence[LineAmounts]) -> None:
    errors = [error for index, line in enumerate(lines) for error in check_line(line, index)]
    if errors:
        raise ValidationErrors(errors)
