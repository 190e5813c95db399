"""Inputs the fuzzer found, kept as plain tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from desk_crm.domain.import_files import ImportFileError, open_csv, open_xlsx
from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
from desk_crm.domain.vcard import parse_line
from desk_crm.services.bundle import Services
from desk_crm.services.importer import ImportSettings, open_source
from desk_crm.store.import_models import ExternalKey
from helpers.drafts import contact_draft


def test_lone_surrogates_and_nul_are_dropped_not_crashing_the_save(services: Services) -> None:
    # bytes decoded with surrogateescape: b"\xe5\xbc" -> "\udce5\udcbc" (fuzz: contact save)
    record = services.contacts.save(contact_draft("张\udce5\udcbc", "三\x00", notes="a\udc89b"))
    assert record.display_name == "张三"
    assert record.draft.notes == "ab"


# -- importers (fuzz: import csv / xlsx / xlsx sheet xml / vcard) -------------------------
def _contact_settings(source: object, mode: str = "upsert") -> ImportSettings:
    targets = guess_mapping(IMPORT_ENTITIES["contact"], source.headers)  # type: ignore[attr-defined]
    return ImportSettings("contact", tuple(ColumnRule(t) for t in targets), match_mode=mode)


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\xef\xbb", b"\xff\xfe"])
def test_csv_of_only_a_bom_is_empty_not_index_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(data)
    with pytest.raises(ImportFileError, match="empty"):
        open_csv(path)


def _xlsx(tmp_path: Path, sheet_xml: bytes | None = None, corrupt: bool = False) -> Path:
    from openpyxl import Workbook

    book, buffer = Workbook(), io.BytesIO()
    book.active.append(["Name", "Email"])
    book.active.append(["张三", "z@example.com"])
    book.save(buffer)
    path = tmp_path / "book.xlsx"
    if sheet_xml is None and not corrupt:
        path.write_bytes(buffer.getvalue())
        return path
    out = io.BytesIO()
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == member and sheet_xml is not None:
                body = sheet_xml
            dst.writestr(info.filename, body)
    data = out.getvalue()
    if corrupt:  # damage the deflate stream of the sheet, keeping the zip directory
        start = data.index(member.encode()) + len(member)
        data = data[:start + 5] + bytes(b ^ 0x5A for b in data[start + 5:start + 40]) \
            + data[start + 40:]
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("sheet_xml", [
    b"<worksheet", b"\x80\x80",
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetFormatPr defRowHeight="15"/><sheetData/></worksheet>'])
def test_damaged_sheet_xml_is_an_import_file_error(tmp_path: Path, sheet_xml: bytes) -> None:
    path = _xlsx(tmp_path, sheet_xml)
    with pytest.raises(ImportFileError):
        list(open_xlsx(path).rows())


def test_corrupt_deflate_stream_is_an_import_file_error(tmp_path: Path) -> None:
    path = _xlsx(tmp_path, corrupt=True)
    with pytest.raises(ImportFileError):
        list(open_xlsx(path).rows())


def test_same_email_twice_in_one_chunk_upserts_instead_of_crashing(
        tmp_path: Path, services: Services) -> None:
    path = tmp_path / "twice.csv"
    path.write_bytes(b"Name,Email\nAnna,b@x.org\nBob,b@x.org\n")
    source = open_source(path)
    report = services.imports.run(source, _contact_settings(source))
    assert (report.status, report.created, report.updated) == ("completed", 1, 1)


def test_repeated_vcard_uid_keeps_its_first_record_and_imports_the_rest(
        tmp_path: Path, services: Services) -> None:
    card = "BEGIN:VCARD\r\nFN:{0}\r\nEMAIL:{1}\r\nUID:urn:uuid:1\r\nEND:VCARD\r\n"
    path = tmp_path / "cards.vcf"
    path.write_text(card.format("张三", "z@example.com") + card.format("李四", "l@example.com"),
                    encoding="utf-8")
    source = open_source(path)
    report = services.imports.run(source, _contact_settings(source))
    assert (report.status, report.created) == ("completed", 2)
    again = services.imports.run(open_source(path), _contact_settings(source))  # 2nd import
    assert again.status == "completed" and again.updated == 2
    with services.context.read() as session:
        keys = session.scalars(select(ExternalKey.record_id)).all()
    assert keys == [report.outcomes[0].record_id]


def test_vcard_charset_with_nul_falls_back_to_utf8() -> None:
    # fuzz: import vcard at DESK_CRM_FUZZ_SCALE=10 ("embedded null character")
    prop = parse_line("FN;CHARSET=UTF\x00-8;ENCODING=QUOTED-PRINTABLE:=E6=9D=8E")
    assert prop.value == "李"
