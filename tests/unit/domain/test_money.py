from decimal import Decimal

import pytest

from desk_crm.domain.errors import ValidationError
from desk_crm.domain.money import (
    CURRENCY_DIGITS,
    format_money,
    from_minor,
    parse_amount,
    to_minor,
)


@pytest.mark.parametrize(("amount", "currency", "minor"), [
    (Decimal("1234.50"), "CNY", 123450),
    (Decimal("1234.565"), "CNY", 123457),  # half-up, not banker's rounding
    (Decimal("0.125"), "USD", 13),
    (Decimal("-0.125"), "USD", -13),  # half away from zero for negatives too
    (Decimal("1234.5"), "JPY", 1235),
    (Decimal("0.005"), "EUR", 1),
])
def test_to_minor_rounds_half_up_to_the_currency_digits(
        amount: Decimal, currency: str, minor: int) -> None:
    assert to_minor(amount, currency) == minor


def test_from_minor_keeps_the_currency_exponent() -> None:
    assert str(from_minor(123450, "CNY")) == "1234.50"
    assert str(from_minor(1235, "JPY")) == "1235"
    assert from_minor(to_minor(Decimal("99.99"), "USD"), "USD") == Decimal("99.99")


def test_unknown_currency_is_a_validation_error_on_currency() -> None:
    with pytest.raises(ValidationError) as raised:
        to_minor(Decimal(1), "XXX")
    assert raised.value.field == "currency"
    assert CURRENCY_DIGITS["JPY"] == 0 and CURRENCY_DIGITS["CNY"] == 2


@pytest.mark.parametrize(("text", "value"), [
    ("1,234.50", "1234.50"),
    ("¥1,234.5", "1234.5"),
    ("￥１，２３４．５０", "1234.50"),  # full-width, as a Chinese IME types it
    ("1 234.50", "1234.50"),
    ("$ 12", "12"),
    ("-¥5", "-5"),
    ("1234567.891", "1234567.891"),
    ("USD 10.00", "10.00"),
    ("10 cny", "10"),
    (".5", "0.5"),
])
def test_parse_amount_reads_what_users_type(text: str, value: str) -> None:
    parsed = parse_amount(text)
    assert parsed == Decimal(value)
    assert str(parsed) == value  # exact: the digits typed survive


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "12,34", "1,2345", "--5", "1e5"])
def test_parse_amount_refuses_ambiguous_or_garbage_input(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_amount(text)
    assert raised.value.field == "amount"


def test_a_decimal_comma_gets_a_message_that_says_to_use_a_dot() -> None:
    with pytest.raises(ValidationError, match="dot"):
        parse_amount("1 234,50")


@pytest.mark.parametrize(("amount", "currency", "text"), [
    (Decimal("1234.5"), "CNY", "¥1,234.50"),
    (Decimal("1234.5"), "USD", "$1,234.50"),
    (Decimal("1234.5"), "EUR", "1,234.50 EUR"),
    (Decimal("1234.5"), "JPY", "1,235 JPY"),
    (Decimal("-5"), "CNY", "-¥5.00"),
    (Decimal("0"), "CNY", "¥0.00"),
])
def test_format_money(amount: Decimal, currency: str, text: str) -> None:
    assert format_money(amount, currency) == text
