"""CSV/spreadsheet exports that cannot run formulas ("CSV injection").

A cell starting with = + - @ (or a tab / carriage return, or their full-width forms, which
some spreadsheet apps fold to ASCII) is read as a formula by Excel, LibreOffice and Google
Sheets: "=HYPERLINK(...)" in a contact's name would run on the reader's machine. Such text
gets a leading apostrophe (OWASP's advice): shown as typed, never evaluated. Plain numbers
("-12.50") stay numbers. Every CSV export goes through :func:`write_csv`."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TextIO

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?([eE][+-]?\d+)?")


def escape_cell(value: Any) -> Any:
    """A value safe to put in a spreadsheet cell; numbers, dates and None pass through."""
    if value is None or isinstance(value, bool | int | float | Decimal | date | datetime):
        return value
    text = str(value)
    if text.startswith(TRIGGERS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def escape_row(values: Iterable[Any]) -> list[Any]:
    return [escape_cell(value) for value in values]


def write_csv(handle: TextIO, header: Iterable[str], rows: Iterable[Iterable[Any]]) -> int:
    """Write a header and rows, every cell escaped; returns the number of rows written.
    Open *handle* with ``newline=""`` and encoding "utf-8-sig" (Excel then reads UTF-8)."""
    writer = csv.writer(handle)
    writer.writerow(escape_row(header))
    count = 0
    for row in rows:
        writer.writerow(escape_row(row))
        count += 1
    return count
