"""Money: Decimal amounts, integer minor units per currency, parsing what users type and
formatting for display.

Parsing convention (one, documented, so "1,234" never silently means 1.234): the dot is the
decimal separator; commas, spaces, apostrophes and thin/no-break spaces only group
thousands and must sit between groups of three digits. "1 234,50" is refused with a message
saying to use a dot for decimals. Full-width digits and punctuation (Chinese IMEs) are
read as their ASCII look-alikes; a leading currency sign (¥ ￥ $ € £) or a trailing or
leading ISO code ("CNY", "usd") is ignored.

Rounding is half-up and happens only at the documented places: ``to_minor`` and the
quantisation in ``quantize`` / ``domain.pipeline.weighted_amount``.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_crm.domain.text import to_halfwidth

# Digits after the decimal point per ISO 4217 currency.
CURRENCY_DIGITS: dict[str, int] = {
    "CNY": 2, "USD": 2, "EUR": 2, "GBP": 2, "HKD": 2, "TWD": 2, "SGD": 2, "AUD": 2,
    "CAD": 2, "CHF": 2, "JPY": 0, "KRW": 0,
}  # fmt: skip

# Currencies shown with a leading sign; the rest as "1,234.50 EUR" (unambiguous in a
# CRM that mixes currencies: "¥" alone would not tell CNY from JPY, so JPY gets its code).
_PREFIX_SYMBOLS = {"CNY": "¥", "USD": "$"}
_SIGNS = "¥￥$€£"
_GROUP_SEPARATORS = ",' \u00a0\u2009\u202f"
_NUMBER = re.compile(r"\d+(\.\d*)?|\.\d+")
_GROUPED = re.compile(r"\d{1,3}(,\d{3})+(\.\d*)?")
_NOT_AN_AMOUNT = QT_TRANSLATE_NOOP("Validation", "“{value}” is not an amount")


def currency_digits(currency: str) -> int:
    """Minor-unit digits of *currency*; an unknown code is a ValidationError on "currency"."""
    try:
        return CURRENCY_DIGITS[currency.upper()]
    except KeyError:
        raise ValidationError("currency", QT_TRANSLATE_NOOP(
            "Validation", "Unknown currency “{value}”"), value=currency) from None


def minor_unit(currency: str) -> Decimal:
    """The smallest amount of *currency*: Decimal("0.01") for CNY, Decimal("1") for JPY."""
    return Decimal(1).scaleb(-currency_digits(currency))


def quantize(amount: Decimal, currency: str) -> Decimal:
    """*amount* rounded half-up to the currency's minor unit."""
    return amount.quantize(minor_unit(currency), rounding=ROUND_HALF_UP)


def to_minor(amount: Decimal, currency: str) -> int:
    """Integer minor units (fen, cents), rounded half-up: 1234.565 CNY -> 123457."""
    return int(quantize(amount, currency).scaleb(currency_digits(currency)))


def from_minor(minor: int, currency: str) -> Decimal:
    """Decimal with the currency's exponent: 123450 CNY -> Decimal("1234.50")."""
    return Decimal(int(minor)).scaleb(-currency_digits(currency))


def parse_amount(text: str) -> Decimal:
    """A typed amount as an exact Decimal (see the module docstring for the convention)."""
    raw = to_halfwidth(text or "").replace("￥", "¥").strip()
    if not raw:
        raise ValidationError("amount", QT_TRANSLATE_NOOP("Validation", "Enter an amount"))
    cleaned = re.sub(r"^[A-Za-z]{3}\s*|\s*[A-Za-z]{3}$", "", raw).strip()
    negative = cleaned.startswith("-")
    if cleaned[:1] in ("+", "-"):
        cleaned = cleaned[1:].strip()
    if cleaned[:1] and cleaned[0] in _SIGNS:
        cleaned = cleaned[1:].strip()
        if not negative and cleaned[:1] == "-":  # "¥-5" as well as "-¥5"
            negative, cleaned = True, cleaned[1:]
    grouped = cleaned
    for separator in _GROUP_SEPARATORS:
        grouped = grouped.replace(separator, ",")
    if "," in grouped:
        if not _GROUPED.fullmatch(grouped):
            if re.fullmatch(r"\d+(,\d{3})*,\d{1,2}", grouped):
                raise ValidationError("amount", QT_TRANSLATE_NOOP(
                    "Validation", "“{value}”: use a dot for decimals (1,234.50)"),
                    value=text.strip())
            raise ValidationError("amount", _NOT_AN_AMOUNT, value=text.strip())
        grouped = grouped.replace(",", "")
    if not _NUMBER.fullmatch(grouped):
        raise ValidationError("amount", _NOT_AN_AMOUNT, value=text.strip())
    try:
        value = Decimal(grouped)
    except InvalidOperation:
        raise ValidationError("amount", _NOT_AN_AMOUNT, value=text.strip()) from None
    return -value if negative else value


def format_amount(amount: Decimal, currency: str) -> str:
    """The number alone, grouped, with the currency's digits: "1,234.50"."""
    return f"{quantize(amount, currency):,.{currency_digits(currency)}f}"


def format_money(amount: Decimal, currency: str) -> str:
    """"¥1,234.50", "$1,234.50", "1,234.50 EUR", "1,235 JPY"; negatives "-¥5.00"."""
    code = currency.upper()
    number = format_amount(abs(amount), code)
    sign = "-" if quantize(amount, code) < 0 else ""
    symbol = _PREFIX_SYMBOLS.get(code)
    return f"{sign}{symbol}{number}" if symbol else f"{sign}{number} {code}"
