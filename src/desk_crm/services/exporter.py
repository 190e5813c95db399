"""Exporting a list as the user sees it: its query (search, filter, sort) and the visible
columns with their formatting, to CSV (UTF-8 with BOM, so Excel reads Chinese) or .xlsx.
Rows are read in keyset pages and written as they come, so memory stays flat."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk_crm.domain.export_text import escape_formula
from desk_crm.domain.fields import FieldDef, FieldType, display
from desk_crm.domain.vcard_writer import Card, CardPoint, format_card
from desk_crm.store.field_columns import column_key
from desk_crm.store.repositories import ListQuery, ListRepository, PageRow

PAGE_ROWS = 1000


@dataclass(frozen=True)
class ExportColumn:
    key: str
    title: str
    format: Callable[[Any], str]


def field_columns(fields: Sequence[FieldDef], chinese: bool = False) -> list[ExportColumn]:
    """Export columns of declared fields (custom fields, demographics), read from the
    list's ``cf_<key>`` columns (``ListQuery.fields``): titled and written as the field
    shows them (``domain.fields.display``: choice titles, "12.50 CNY", Yes/No)."""
    def formatter(field: FieldDef) -> Callable[[Any], str]:
        def text(value: Any) -> str:
            if isinstance(value, str) and field.type in (FieldType.MONEY,
                                                         FieldType.MULTI_PICKLIST):
                value = json.loads(value)  # the list column carries the JSON value
            return display(field, value, chinese)
        return text

    return [ExportColumn(column_key(f), (f.title_zh or f.title) if chinese else f.title,
                         formatter(f)) for f in fields if not f.archived]


class ExportService:
    def __init__(self, lists: ListRepository) -> None:
        self._lists = lists

    def _rows(self, query: ListQuery) -> Iterator[PageRow]:
        after: PageRow | None = None
        while True:
            page = self._lists.page(query, limit=PAGE_ROWS, after=after)
            yield from page
            if len(page) < PAGE_ROWS:
                return
            after = page[-1]

    def export(self, query: ListQuery, columns: Sequence[ExportColumn], path: Path, *,
               report: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] = lambda: False) -> int:
        """Write the list to *path* (.xlsx by suffix, else CSV); returns the row count.
        A cancelled export removes its half-written file."""
        total = self._lists.count(query)
        titles = [escape_formula(c.title) for c in columns]
        written = 0
        xlsx = path.suffix.lower() == ".xlsx"
        try:
            if xlsx:
                from openpyxl import Workbook

                book = Workbook(write_only=True)
                sheet = book.create_sheet()
                sheet.append(titles)
                sink: Callable[[list[str]], Any] = sheet.append
                handle = None
            else:
                handle = path.open("w", encoding="utf-8-sig", newline="")
                sink = csv.writer(handle).writerow
                sink(titles)
            try:
                for row in self._rows(query):
                    if cancelled():
                        raise ExportCancelled
                    sink([escape_formula(c.format(row.values.get(c.key))) for c in columns])
                    written += 1
                    if report is not None and written % 500 == 0:
                        report(written, total, "")
            finally:
                if handle is not None:
                    handle.close()
            if xlsx:
                book.save(path)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return written


    def export_vcards(self, query: ListQuery, path: Path, read_contact: Callable[[str], Any],
                      *, report: Callable[[int, int, str], None] | None = None,
                      cancelled: Callable[[], bool] = lambda: False) -> int:
        """The contacts of the list as one vCard 3.0 file (UTF-8); returns the count.
        *read_contact* is ContactService.get: a card needs every email and phone."""
        total = self._lists.count(query)
        written = 0
        try:
            with path.open("w", encoding="utf-8", newline="") as handle:
                for row in self._rows(query):
                    if cancelled():
                        raise ExportCancelled
                    handle.write(format_card(_card(read_contact(row.id))))
                    written += 1
                    if report is not None and written % 200 == 0:
                        report(written, total, "")
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return written


def _card(record: Any) -> Card:
    draft = record.draft
    return Card(
        uid=record.id, family_name=draft.family_name, given_name=draft.given_name,
        display_name=record.display_name, company=record.account_name,
        department=draft.department, title=draft.title,
        emails=tuple(CardPoint(p.value, p.label, p.primary) for p in draft.emails),
        phones=tuple(CardPoint(p.value, p.label, p.primary) for p in draft.phones),
        street=draft.street, city=draft.city, region=draft.region,
        postal_code=draft.postal_code, country=draft.country, notes=draft.notes)


class ExportCancelled(Exception):
    pass
