"""Quote totals against hand-computed figures (the rule is in domain/quote_totals.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.file_names import safe_file_name as _safe_file_name
from desk_crm.domain.quote_totals import LineAmounts, check_lines, compute_totals, line_total
from desk_crm.domain.quotes import (
    contract_end,
    format_number,
    notice_deadline,
    validate_pattern,
)


def safe_file_name(name: str) -> str:
    """The one cleaner (domain/file_names.py) with the fallback this service uses."""
    return _safe_file_name(name, fallback="file")


def test_three_times_a_tenth_is_exactly_thirty_cents() -> None:
    totals = compute_totals([LineAmounts(D(3), D("0.1"))], "CNY")
    assert totals.line_totals == (D("0.30"),)
    assert str(totals.grand_total) == "0.30"


def test_a_third_off_rounds_half_up_per_line() -> None:
    # 100 × (1 − 0.33333) = 66.667 -> 66.67
    assert line_total(LineAmounts(D(1), D(100), discount_percent=D("33.333")), "CNY") \
        == D("66.67")


def test_rounding_per_line_differs_from_rounding_the_sum() -> None:
    # Each line 10.00 − 33.333 % = 6.6667 -> 6.67; three lines 20.01 (not 20.00).
    lines = [LineAmounts(D(1), D(10), discount_percent=D("33.333"))] * 3
    assert compute_totals(lines, "CNY").subtotal == D("20.01")


def test_half_up_not_bankers_rounding() -> None:
    # 5 × 0.025 = 0.125 -> 0.13 (banker's rounding would give 0.12)
    assert line_total(LineAmounts(D(5), D("0.025")), "CNY") == D("0.13")


def test_mixed_tax_rates_are_summarised_per_rate() -> None:
    lines = [LineAmounts(D(1), D("100.00"), D(13)), LineAmounts(D(1), D("50.00"), D(6)),
             LineAmounts(D(1), D("19.99"), D(13))]
    totals = compute_totals(lines, "CNY")
    assert totals.subtotal == D("169.99")
    # 13 %: 119.99 × 0.13 = 15.5987 -> 15.60; 6 %: 50 × 0.06 = 3.00
    assert [(t.rate, t.base, t.tax) for t in totals.taxes] == [
        (D(6), D("50.00"), D("3.00")), (D(13), D("119.99"), D("15.60"))]
    assert totals.grand_total == D("188.59")


def test_document_discount_shipping_and_tax_share() -> None:
    lines = [LineAmounts(D(2), D("50.00"), D(13)), LineAmounts(D(1), D("100.00"), D(0))]
    totals = compute_totals(lines, "CNY", document_discount_percent=D(10),
                            shipping=D("15.5"))
    # subtotal 200.00, discount 20.00; the 13 % lines' share 100 × 180/200 = 90.00 -> 11.70
    assert totals.document_discount == D("20.00")
    assert [(t.rate, t.base, t.tax) for t in totals.taxes] == [
        (D(0), D("90.00"), D("0.00")), (D(13), D("90.00"), D("11.70"))]
    assert totals.grand_total == D("200.00") - D("20.00") + D("15.50") + D("11.70")
    assert totals.discount_percent == D(10)


def test_yen_has_no_decimals() -> None:
    # 999 × (1 − 0.33333) = 666.00333 -> 666; tax 10 % = 66.6 -> 67; total 733
    totals = compute_totals([LineAmounts(D(1), D(999), D(10), D("33.333"))], "JPY")
    assert totals.line_totals == (D(666),)
    assert totals.tax_total == D(67)
    assert totals.grand_total == D(733)
    assert str(totals.grand_total) == "733"


def test_a_discount_amount_per_line() -> None:
    totals = compute_totals([LineAmounts(D(4), D("25.00"), discount_amount=D("7.5"))], "USD")
    assert totals.grand_total == D("92.50")
    assert totals.discount_percent == D("7.5")


def test_invalid_lines_name_every_problem() -> None:
    with pytest.raises(ValidationErrors) as caught:
        check_lines([LineAmounts(D(0), D(-1), D(120), D(101))])
    assert set(caught.value.by_field()) == {
        "lines[0].quantity", "lines[0].unit_price", "lines[0].tax_rate", "lines[0].discount"}


def test_numbers_follow_the_pattern() -> None:
    assert format_number("Q-{year}-{seq:05d}", 2026, 7) == "Q-2026-00007"
    assert validate_pattern("INV{seq}") == "INV{seq}"
    for bad in ("Q-{year}", "Q-{seq}-{seq}", "Q-{name}-{seq}", "Q-{seq"):
        with pytest.raises(ValidationErrors):
            validate_pattern(bad)


def test_contract_dates() -> None:
    assert contract_end(date(2026, 1, 31), 1) == date(2026, 2, 27)
    assert contract_end(date(2026, 1, 1), 12) == date(2026, 12, 31)
    assert notice_deadline(date(2026, 12, 31), 30) == date(2026, 12, 1)


@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc/passwd", "passwd"), ("..\\..\\x.pdf", "x.pdf"), ("合同 签字.pdf", "合同 签字.pdf"),
    ("..", "file"), ("a:b?.pdf", "a_b_.pdf")])
def test_safe_file_names_stay_in_their_folder(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected
