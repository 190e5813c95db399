"""Reading rows out of the files people import: CSV in any delimiter and the encodings
Chinese and Western spreadsheets save in, Excel .xlsx, and vCard (see domain/vcard.py).

Every reader streams: rows come one at a time, so a 100k-row file costs no more memory
than a small one. A source is re-openable (``rows()`` starts again at the first data row),
so the preview and the import read the same file independently.
"""

from __future__ import annotations

import codecs
import csv
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from desk_crm.domain.errors import QT_TRANSLATE_NOOP

SAMPLE_BYTES = 64 * 1024
DELIMITERS = ",;\t|"
ENCODINGS = ("utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16")

# Limits on what one file may make the importer hold or do. Every reader streams, so these
# bound memory per row (a few MB) whatever the file's size; each is reported with its line.
MAX_LINE_CHARS = 1_000_000  # one physical line of text
MAX_FIELD_CHARS = csv.field_size_limit()  # one cell (131,072: the csv module's own limit)
MAX_COLUMNS = 1_000  # cells in one row
MAX_CELLS = 50_000_000  # cells in one workbook sheet (~ 5M rows x 10 columns)
MAX_XLSX_UNPACKED = 1_000_000_000  # bytes the parts of an .xlsx unpack to, all together
MAX_XLSX_STRINGS = 100_000_000  # bytes of its shared-strings part (held in memory whole)
MAX_XLSX_RATIO = 200  # unpacked / packed size of a part; real workbooks stay below ~30

_LONG_LINE = QT_TRANSLATE_NOOP("Import", "Line {line} is longer than {limit} characters")
_LONG_CELL = QT_TRANSLATE_NOOP(
    "Import", "Line {line}: a cell is longer than {limit} characters (is a quote left open?)")
_MANY_COLUMNS = QT_TRANSLATE_NOOP("Import", "Line {line} has more than {limit} columns")
_BAD_TEXT = QT_TRANSLATE_NOOP(
    "Import", "Line {line} is not valid {encoding} text; choose another encoding")
_OPEN_QUOTE = QT_TRANSLATE_NOOP(
    "Import", "Line {line}: a quote opened here is never closed, so the rest of the file "
    "would become one cell; close it or remove it")


class ImportFileError(ValueError):
    """The file cannot be read as rows; ``template`` is a translatable message."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message.format(**params) if params else message)
        self.template = message
        self.params = params


def detect_encoding(head: bytes) -> str:
    """BOMs first, then strict UTF-8, then GB18030 (a superset of GBK and GB2312)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        if head[1::2].count(0) > len(head) // 4:
            return "utf-16-le"
        if head[0::2].count(0) > len(head) // 4:
            return "utf-16-be"
        raise ImportFileError(QT_TRANSLATE_NOOP(
            "Import", "This is not a text file (it contains binary data)"))
    try:
        # final=False: a sample cut in the middle of a character is still valid UTF-8.
        codecs.getincrementaldecoder("utf-8")("strict").decode(head, final=False)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


@dataclass(frozen=True)
class CsvSource:
    path: Path
    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    kind: str = "csv"

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line number, cells) of every data row after the header, streamed. A problem
        (bad text, a cell or line over its limit, a quote never closed) stops the read
        with an ImportFileError naming its line."""
        with self.path.open(encoding=self.encoding, newline="") as handle:
            lines = BoundedLines(handle, self.encoding, self.path)
            reader = csv.reader(lines, delimiter=self.delimiter)
            try:
                next(reader, None)
                # A record's first line (line_num is its last: quoted cells hold newlines).
                first = lines.number + 1
                for cells in reader:
                    if lines.exhausted and lines.number > first:
                        # csv ends an open quote silently at the end of the file: the rows
                        # after it would be imported as one cell.
                        raise ImportFileError(_OPEN_QUOTE, line=first)
                    if len(cells) > MAX_COLUMNS:
                        raise ImportFileError(_MANY_COLUMNS, line=first, limit=MAX_COLUMNS)
                    if any(cell.strip() for cell in cells):
                        yield first, cells
                    first = lines.number + 1
            except csv.Error as exc:
                if "field limit" in str(exc):
                    raise ImportFileError(_LONG_CELL, line=first,
                                          limit=f"{MAX_FIELD_CHARS:,}") from exc
                raise ImportFileError(QT_TRANSLATE_NOOP(
                    "Import", "Line {line} is not valid CSV: {detail}"), line=first,
                    detail=str(exc)) from exc


def _first_bad_line(path: Path, encoding: str) -> int | None:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    with path.open("rb") as handle:
        for number, raw in enumerate(iter(lambda: handle.readline(MAX_LINE_CHARS), b""),
                                     start=1):
            try:
                decoder.decode(raw)
            except UnicodeDecodeError:
                return number
    return None


class BoundedLines:
    """The physical lines of a text file, one at a time, each at most MAX_LINE_CHARS, with
    their count (for error messages) and whether the end was reached."""

    def __init__(self, handle: Any, encoding: str, path: Path | None = None) -> None:
        self._handle = handle
        self._encoding = encoding
        self._path = path
        self.number = 0
        self.exhausted = False

    def __iter__(self) -> BoundedLines:
        return self

    def __next__(self) -> str:
        try:
            text: str = self._handle.readline(MAX_LINE_CHARS + 1)
        except UnicodeDecodeError as exc:
            # Text files decode ahead in blocks: find the line itself (error path only).
            bad = _first_bad_line(self._path, self._encoding) if self._path else None
            raise ImportFileError(_BAD_TEXT, line=bad or self.number + 1,
                                  encoding=self._encoding) from exc
        if not text:
            self.exhausted = True
            raise StopIteration
        self.number += 1
        if len(text) > MAX_LINE_CHARS:
            raise ImportFileError(_LONG_LINE, line=self.number, limit=f"{MAX_LINE_CHARS:,}")
        return text


def open_csv(path: Path, encoding: str | None = None,
             delimiter: str | None = None) -> CsvSource:
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
    if not head.strip():
        raise ImportFileError(QT_TRANSLATE_NOOP("Import", "The file is empty"))
    encoding = encoding or detect_encoding(head)
    try:
        sample = codecs.getincrementaldecoder(encoding)("strict").decode(head, final=False)
    except UnicodeDecodeError as exc:
        raise ImportFileError(QT_TRANSLATE_NOOP(
            "Import", "The file is not valid {encoding} text; choose another encoding"),
            encoding=encoding) from exc
    sample = sample.lstrip("\ufeff")
    if not sample.strip():  # e.g. only a BOM, or a character cut off by the sample end
        raise ImportFileError(QT_TRANSLATE_NOOP("Import", "The file is empty"))
    if delimiter is None:
        # Sniff on whole lines only: a cut last line confuses the sniffer.
        lines = sample.splitlines()[:50]
        try:
            delimiter = csv.Sniffer().sniff("\n".join(lines), DELIMITERS).delimiter
        except csv.Error:
            delimiter = ","
    first = next(csv.reader([sample.splitlines()[0]], delimiter=delimiter), [])
    headers = tuple(cell.strip() for cell in first)
    if not any(headers):
        raise ImportFileError(QT_TRANSLATE_NOOP("Import", "The first row has no column names"))
    return CsvSource(path, encoding, delimiter, headers)


def cell_text(value: object) -> str:
    """An Excel cell as the text a user would type: 13800138000 not 13800138000.0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date | Decimal):
        return str(value)
    return str(value)


@dataclass(frozen=True)
class XlsxSource:
    path: Path
    headers: tuple[str, ...]
    kind: str = "xlsx"

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        from openpyxl import load_workbook  # heavy; only when an .xlsx is opened

        try:
            book = load_workbook(self.path, read_only=True, data_only=True)
        except _BROKEN_XLSX as exc:
            raise _broken_xlsx() from exc
        try:
            sheet = book.active
            cells_read = 0
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if number == 1:
                    continue
                row = list(values)
                while row and row[-1] is None:  # a stated sheet size pads rows with None
                    row.pop()
                if len(row) > MAX_COLUMNS:
                    raise ImportFileError(QT_TRANSLATE_NOOP(
                        "Import", "Row {line} has more than {limit} columns"),
                        line=number, limit=MAX_COLUMNS)
                cells_read += len(row)
                if cells_read > MAX_CELLS:
                    raise ImportFileError(QT_TRANSLATE_NOOP(
                        "Import", "Row {line}: the sheet has more than {limit} cells"),
                        line=number, limit=f"{MAX_CELLS:,}")
                cells = [cell_text(v) for v in row]
                if any(c.strip() for c in cells):
                    for column, cell in enumerate(cells, start=1):
                        if len(cell) > MAX_FIELD_CHARS:
                            raise ImportFileError(QT_TRANSLATE_NOOP(
                                "Import", "Row {line}, column {column}: the cell is longer "
                                "than {limit} characters"), line=number, column=column,
                                limit=f"{MAX_FIELD_CHARS:,}")
                    yield number, cells
        except _BROKEN_XLSX as exc:
            raise _broken_xlsx() from exc
        finally:
            book.close()


# What a damaged .xlsx raises from inside openpyxl: bad zip structure, a corrupt deflate
# stream (zlib.error), a missing member, bad values (ValueError), a cut file, and
# malformed XML (xml.etree ParseError and lxml's XMLSyntaxError are both SyntaxErrors),
# an unknown XML attribute (openpyxl passes attributes as keywords: TypeError).
_BROKEN_XLSX = (zipfile.BadZipFile, zlib.error, KeyError, OSError, ValueError, EOFError,
                SyntaxError, TypeError)


def _broken_xlsx() -> ImportFileError:
    return ImportFileError(QT_TRANSLATE_NOOP(
        "Import", "The Excel file is damaged or not an .xlsx workbook"))


def check_unpacked_size(path: Path) -> None:
    """Refuse a zip bomb before anything unpacks it: the sizes the archive declares (Python's
    zipfile never unpacks a part beyond its declared size) against MAX_XLSX_*."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _broken_xlsx() from exc
    total = 0
    for part in parts:
        total += part.file_size
        ratio = part.file_size / max(part.compress_size, 1)
        too_big = (total > MAX_XLSX_UNPACKED or (part.file_size > 10_000_000 and
                                                  ratio > MAX_XLSX_RATIO)
                   or (part.filename.endswith("sharedStrings.xml")
                       and part.file_size > MAX_XLSX_STRINGS))
        if too_big:
            raise ImportFileError(QT_TRANSLATE_NOOP(
                "Import", "The Excel file unpacks to more than the importer accepts (part "
                "{part}: {size} MB); save it as CSV or split it"),
                part=part.filename, size=f"{part.file_size / 1e6:,.0f}")


def open_xlsx(path: Path) -> XlsxSource:
    if path.stat().st_size == 0:
        raise ImportFileError(QT_TRANSLATE_NOOP("Import", "The file is empty"))
    if not zipfile.is_zipfile(path):
        raise _broken_xlsx()
    check_unpacked_size(path)
    headers: tuple[str, ...] = ()
    probe = XlsxSource(path, ())
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            first = next(book.active.iter_rows(max_row=1, values_only=True), ())
        finally:
            book.close()
    except _BROKEN_XLSX as exc:
        raise _broken_xlsx() from exc
    headers = tuple(cell_text(v).strip() for v in first)
    if not any(headers):
        raise ImportFileError(QT_TRANSLATE_NOOP("Import", "The first row has no column names"))
    return XlsxSource(probe.path, headers)
