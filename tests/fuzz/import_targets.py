"""Fuzz targets for the importers: mutated CSV, .xlsx and vCard files through the reader
and, for every SAMPLE-th input, through ImportService preview + run into a real database.

Outcome per input: rows read (and imported or skipped row by row), or ImportFileError /
ValidationError with a message. A file rejected with ImportFileError must leave the
database as it was: change_log and record counts are compared (robust under WAL, unlike
the file bytes; import_batch bookkeeping is not a synced table and may record the failure).
"""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import text

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.import_files import ImportFileError
from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
from desk_crm.services.bundle import build_services
from desk_crm.services.importer import ImportSettings, open_source
from desk_crm.store.database import open_database

SAMPLE = 10  # every 10th input also goes through preview + run (the database is the slow part)
IMPORT_CLEAR = (ImportFileError, ValidationError, ValidationErrors)
_counter = itertools.count()
_services_by_dir: dict[Path, Any] = {}
_COUNTS = text("SELECT (SELECT COUNT(*) FROM change_log), (SELECT COUNT(*) FROM contact), "
               "(SELECT COUNT(*) FROM account)")

# -- seeds -------------------------------------------------------------------------------
_ROWS = [("姓名", "公司", "手机", "邮箱", "城市"),
         ("张三", "星辰科技", "13800138000", "zhang@example.com", "北京"),
         ("欧阳娜娜", "月亮贸易", "+86 139 0013 9000", "nana@example.cn", "上海"),
         ("李四", "", "12", "not-an-email", "广州")]


def _csv(delimiter: str, quote_all: bool = False) -> str:
    def cell(value: str) -> str:
        return f'"{value}"' if quote_all or delimiter in value else value
    return "\r\n".join(delimiter.join(cell(v) for v in row) for row in _ROWS) + "\r\n"


def csv_seeds(_workdir: Path) -> list[bytes]:
    return [_csv(",").encode("utf-8"), _csv(";").encode("utf-8-sig"),
            _csv("\t").encode("gbk"), _csv("|", quote_all=True).encode("utf-16"),
            _csv(",", quote_all=True).encode("gb18030"),
            b'Name,Email\n"Anna ""A"" Smith","a@x.org"\n"multi\nline",b@x.org\n']


def xlsx_seeds(_workdir: Path) -> list[bytes]:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in _ROWS:
        sheet.append(list(row))
    sheet.append(["王五", "星辰科技", 13700137000, "wang@example.com", 3.5])
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    # Truncations of the zip (cut central directory, cut member) are seeds too.
    return [data, data[: len(data) * 3 // 4], data[: len(data) - 30]]


VCARDS = [
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:张;三;;;\r\nFN:张三\r\nORG:星辰科技;销售部\r\n"
    "EMAIL;TYPE=work:zhang@example.com\r\nTEL;TYPE=cell:13800138000\r\n"
    "NOTE:a long note that is\r\n  folded over two lines\\, with escapes\\n\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
    "=E6=9D=8E;=E5=9B=9B\r\nFN;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:=C0=EE=CB=C4=\r\n"
    "\r\nTEL;WORK;VOICE:+86 10 6552 9988\r\nADR;HOME:;;长安街 1 号;北京;;100000;中国\r\n"
    "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Smith\r\nN:Smith;Anna;;;\r\n"
    "item1.EMAIL:anna@example.org\r\nUID:urn:uuid:1\r\nEND:VCARD\r\n",
]


def vcard_seeds(_workdir: Path) -> list[bytes]:
    return [VCARDS[0].encode("utf-8"), VCARDS[1].encode("utf-8"),
            VCARDS[0].encode("gb18030"), VCARDS[1].encode("utf-16")]


def xlsx_member_seeds(workdir: Path) -> list[bytes]:
    """The sheet XML and shared strings of the seed workbook: mutating them (and zipping
    again, with valid CRCs) reaches openpyxl's XML reading, which byte flips in the zip
    almost never get past."""
    with zipfile.ZipFile(io.BytesIO(xlsx_seeds(workdir)[0])) as book:
        return [book.read("xl/worksheets/sheet1.xml"), book.read("xl/sharedStrings.xml")
                if "xl/sharedStrings.xml" in book.namelist() else b""]


def import_xlsx_member(data: bytes, workdir: Path) -> None:
    from openpyxl import Workbook

    if not hasattr(import_xlsx_member, "template"):
        out = io.BytesIO()
        book = Workbook()
        for row in _ROWS:
            book.active.append(list(row))
        book.save(out)
        import_xlsx_member.template = out.getvalue()  # type: ignore[attr-defined]
    member = "xl/worksheets/sheet1.xml"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(import_xlsx_member.template)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:  # type: ignore[attr-defined]
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == member
                         else src.read(info.filename))
    import_file(".xlsx")(out.getvalue(), workdir)


# -- run ---------------------------------------------------------------------------------
def _services(workdir: Path) -> Any:
    services = _services_by_dir.get(workdir)
    if services is None:
        database = open_database(workdir / "import.sqlite3", workdir / "backups")
        services = _services_by_dir[workdir] = build_services(database, "fuzz")
    return services


def _counts(services: Any) -> tuple[int, ...]:
    with services.context.read() as session:
        return tuple(session.execute(_COUNTS).one())


def import_file(suffix: str) -> Any:
    def run(data: bytes, workdir: Path) -> None:
        number = next(_counter)
        path = workdir / f"import-{number}{suffix}"
        path.write_bytes(data)
        try:
            _read_and_import(path, workdir, through_services=number % SAMPLE == 0)
        finally:
            path.unlink()
    return run


def _read_and_import(path: Path, workdir: Path, through_services: bool) -> None:
    try:
        source = open_source(path)
        assert any(source.headers)
        for line, cells in source.rows():
            assert isinstance(line, int) and all(isinstance(c, str) for c in cells)
    except ImportFileError as error:
        assert str(error).strip(), "an ImportFileError without a message"
        raise
    if not through_services:
        return
    services = _services(workdir)
    entity = IMPORT_ENTITIES["contact"]
    settings = ImportSettings("contact", tuple(
        ColumnRule(t) for t in guess_mapping(entity, source.headers)), match_mode="upsert")
    before = _counts(services)
    try:
        services.imports.preview(source, settings)
        report = services.imports.run(source, settings)
    except ImportFileError:
        assert _counts(services) == before, "a rejected file changed the database"
        raise
    assert report.status == "completed", report.status
    assert report.created + report.updated + report.skipped == report.rows
