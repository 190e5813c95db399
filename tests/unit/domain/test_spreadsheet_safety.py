"""CSV exports never hand a spreadsheet a formula."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from desk_crm.domain.spreadsheet_safety import escape_cell, write_csv


@pytest.mark.parametrize("text", [
    "=HYPERLINK(\"http://evil.example\",\"click\")", "+1+2", "-2+3", "@SUM(A1:A9)",
    "\t=1+1", "\r=1+1", "＝1+1", "=cmd|' /C calc'!A0",
])
def test_formula_triggers_get_an_apostrophe(text: str) -> None:
    assert escape_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["张三", "Acme, Inc.", "a=b", "", "1-2", "e@x.com"])
def test_ordinary_text_is_unchanged(value: str) -> None:
    assert escape_cell(value) == value


@pytest.mark.parametrize("value", [Decimal("-12.50"), -3, 1.5, date(2026, 1, 2), None, "-12.50",
                                   "+86"])
def test_numbers_stay_numbers(value: object) -> None:
    assert escape_cell(value) == value


def test_write_csv_escapes_every_cell_and_round_trips() -> None:
    handle = io.StringIO(newline="")
    count = write_csv(handle, ["Name", "=Note"], [["=1+1", "张三"], ["ok", "-5"]])
    assert count == 2
    assert list(csv.reader(io.StringIO(handle.getvalue()))) == [
        ["Name", "'=Note"], ["'=1+1", "张三"], ["ok", "-5"]]
