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

from desk_crm.domain.errors import QT_TRANSLATE_NOOP

SAMPLE_BYTES = 64 * 1024
DELIMITERS = ",;\t|"
ENCODINGS = ("utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16")


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
        """(line number, cells) of every data row after the header, streamed."""
        try:
            with self.path.open(encoding=self.encoding, newline="") as handle:
                reader = csv.reader(handle, delimiter=self.delimiter)
                next(reader, None)
                # A record's first line (line_num is its last: quoted cells hold newlines).
                first = reader.line_num + 1
                for cells in reader:
                    if any(cell.strip() for cell in cells):
                        yield first, cells
                    first = reader.line_num + 1
        except UnicodeDecodeError as exc:
            raise ImportFileError(QT_TRANSLATE_NOOP(
                "Import", "The file is not valid {encoding} text; choose another encoding"),
                encoding=self.encoding) from exc
        except csv.Error as exc:
            raise ImportFileError(QT_TRANSLATE_NOOP(
                "Import", "The file is not valid CSV: {detail}"), detail=str(exc)) from exc


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
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if number == 1:
                    continue
                cells = [cell_text(v) for v in values]
                if any(c.strip() for c in cells):
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


def open_xlsx(path: Path) -> XlsxSource:
    if path.stat().st_size == 0:
        raise ImportFileError(QT_TRANSLATE_NOOP("Import", "The file is empty"))
    if not zipfile.is_zipfile(path):
        raise _broken_xlsx()
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
