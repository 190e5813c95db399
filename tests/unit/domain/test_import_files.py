"""Reading import files: encodings, delimiters, broken files, vCards, mapping guesses."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from desk_crm.domain.errors import ValidationError
from desk_crm.domain.import_files import ImportFileError, detect_encoding, open_csv, open_xlsx
from desk_crm.domain.import_mapping import (
    IMPORT_ENTITIES,
    ColumnRule,
    apply_transform,
    guess_mapping,
    mapped_values,
)
from desk_crm.domain.vcard import VCARD_HEADERS, open_vcard, unfold

TEXT = "姓名,公司,手机\n张三,星辰科技,13800138000\n"


DATA = Path(__file__).parents[2] / "data" / "import"  # real files, see README.md there
EXPECTED = [(2, ["张三", "星辰科技", "13800138000", "zhang@example.com", "北京"]),
            (3, ["李四", "云海贸易", "139 0013 9000", "li@example.com", "上海"]),
            (4, ["欧阳娜娜", "星辰科技", "+86 136-0013-6000", "ouyang@example.com", "杭州"])]


@pytest.mark.parametrize("name, expected", [
    ("contacts-utf8.csv", "utf-8"), ("contacts-utf8-bom.csv", "utf-8-sig"),
    ("contacts-gbk.csv", "gb18030"), ("contacts-gb18030.csv", "gb18030"),
    ("contacts-utf16.csv", "utf-16")])
def test_encodings_are_detected_and_read(name: str, expected: str) -> None:
    source = open_csv(DATA / name)
    assert source.encoding == expected
    assert source.headers == ("姓名", "公司", "手机", "邮箱", "城市")
    assert list(source.rows())[:3] == EXPECTED


def test_gb18030_keeps_characters_gbk_does_not_have() -> None:
    rows = list(open_csv(DATA / "contacts-gb18030.csv").rows())
    assert rows[3][1][:2] == ["王䶮", "龑达科技"]
    with pytest.raises(ImportFileError, match="gbk"):  # read as GBK it is refused, not garbled
        list(open_csv(DATA / "contacts-gb18030.csv", encoding="gbk").rows())


def test_semicolon_file_keeps_commas_inside_cells() -> None:
    source = open_csv(DATA / "contacts-semicolon.csv")
    assert source.delimiter == ";"
    assert source.headers == ("Name", "Company", "Email", "City", "Notes")
    assert next(iter(source.rows())) == (2, ["Ada Lovelace", "Analytical Engines, Ltd",
                                          "ada@example.org", "London", "pays 1,5 %"])


def test_quoted_newlines_stay_in_their_cell_and_rows_report_their_first_line() -> None:
    rows = list(open_csv(DATA / "quoted-newlines.csv").rows())
    assert rows == [(2, ["张三", "zhang@example.com", '第一行\n第二行, 带逗号\n第三行 "引号"']),
                    (5, ["李四", "li@example.com", "一行"])]


def test_the_empty_file_is_refused_with_a_reason() -> None:
    with pytest.raises(ImportFileError, match="empty"):
        open_csv(DATA / "empty.csv")


def test_a_100_column_file_maps_the_columns_it_knows_and_ignores_the_rest() -> None:
    source = open_csv(DATA / "wide-100-columns.csv")
    assert len(source.headers) == 100
    targets = guess_mapping(IMPORT_ENTITIES["contact"], source.headers)
    assert [t for t in targets if t] == ["full_name", "email", "city", "notes"]
    rows = list(source.rows())
    assert [len(cells) for _, cells in rows] == [100, 100, 100]
    values = mapped_values([ColumnRule(t) for t in targets], rows[2][1])
    assert values == {"family_name": "2", "given_name": "Person", "email": "p2@example.com",
                      "city": "Paris", "notes": "row 2"}


def test_xlsx_file_is_read_and_the_truncated_one_is_refused() -> None:
    source = open_xlsx(DATA / "accounts.xlsx")
    assert source.headers == ("公司名称", "行业", "城市", "电话")
    assert list(source.rows()) == [(2, ["星辰科技", "软件", "北京", "1088886666"]),
                                   (3, ["云海贸易", "贸易", "上海", "021-6666-8888"])]
    with pytest.raises(ImportFileError, match="damaged"):
        open_xlsx(DATA / "broken.xlsx")


@pytest.mark.parametrize("name, expected", [
    ("contacts-v3.vcf", {"Full name": "张三", "Company": "星辰科技", "Department": "销售部",
                         "Title": "销售经理", "Email": "zhang@example.com",
                         "Phone": "+86 138 0013 8000", "External id": "v3-zhang",
                         "Notes": "这是一段很长的备注，它被折成了好几行，因为 vCard 规定每行不能"
                                  "超过七十五个字节，续行以一个空格开头。"}),
    ("contacts-v4.vcf", {"Full name": "Ada Lovelace", "Family name": "Lovelace",
                         "Company": "Analytical Engines Ltd", "Phone": "+44-7911-123456",
                         "Notes": "Wrote the first published algorithm for a machine, "
                                  "the Analytical Engine.",
                         "External id": "urn:uuid:4f1b7c2e-0000-4000-8000-000000000001"})])
def test_vcard_files_with_photo_and_folded_lines(name: str, expected: dict[str, str]) -> None:
    rows = [dict(zip(VCARD_HEADERS, cells, strict=True))
            for _, cells in open_vcard(DATA / name).rows()]
    for header, value in expected.items():
        assert rows[0][header] == value, header
    # The photo's base64 (folded over two lines) leaks into no column.
    assert not any("iVBOR" in cell or "base64" in cell for row in rows for cell in row.values())


def test_a_chosen_encoding_that_does_not_fit_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(TEXT.encode("gbk"))
    with pytest.raises(ImportFileError, match="utf-8"):
        open_csv(path, encoding="utf-8")


def test_utf8_cut_mid_character_in_the_sample_is_still_utf8() -> None:
    assert detect_encoding("张三".encode()[:4]) == "utf-8"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_sniffed(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "f.csv"
    path.write_text(f"Name{delimiter}Email{delimiter}City\n"
                    f"Ada{delimiter}ada@x.org{delimiter}London\n"
                    f"Alan{delimiter}alan@x.org{delimiter}Wilmslow\n", encoding="utf-8")
    source = open_csv(path)
    assert source.delimiter == delimiter
    assert [cells for _, cells in source.rows()][1] == ["Alan", "alan@x.org", "Wilmslow"]


@pytest.mark.parametrize("content", [b"", b"   \n", b"\x00\x01\x02\xff\xfe\x00binary\x00\x00"])
def test_empty_and_binary_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError):
        open_csv(path)


def test_a_100k_row_csv_is_streamed_in_little_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Name,Email\n")
        for i in range(100_000):
            handle.write(f"Person {i},p{i}@example.com\n")
    source = open_csv(path)
    tracemalloc.start()
    count = sum(1 for _ in source.rows())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 100_000
    assert peak < 2_000_000  # the file is ~3 MB; rows are not kept


VCF = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nN:张;三;;;\r\nORG:星辰科技;销售部\r\n"
    "EMAIL;TYPE=work:zhang@example.com\r\nEMAIL;TYPE=home:z3@example.com\r\n"
    "TEL;TYPE=cell:+86 138 0013 8000\r\nNOTE:first line\\nsecond\\, with comma and a v\r\n"
    " ery long folded line\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9D=8E;=E5=9B=9B\r\n"
    "ADR;WORK;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:;;=D6=D0=B9=D8=B4=E5;=B1=B1=BE=A9=\r\n"
    "=CA=D0;;100080;=D6=D0=B9=FA\r\n"
    "TEL;CELL:13900139000\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Lovelace\r\nUID:urn:uuid:1234\r\n"
    "TEL;VALUE=uri;TYPE=work:tel:+44-20-7946-0000\r\nEND:VCARD\r\n"
)


def test_vcards_fold_quoted_printable_charsets_and_many_cards(tmp_path: Path) -> None:
    path = tmp_path / "c.vcf"
    path.write_text(VCF, encoding="utf-8", newline="")
    rows = [dict(zip(VCARD_HEADERS, cells, strict=True)) for _, cells in open_vcard(path).rows()]
    assert len(rows) == 3
    assert rows[0]["Family name"] == "张" and rows[0]["Company"] == "星辰科技"
    assert rows[0]["Email"] == "zhang@example.com; z3@example.com"
    assert rows[0]["Notes"] == "first line\nsecond, with comma and a very long folded line"
    assert (rows[1]["Family name"], rows[1]["Given name"]) == ("李", "四")
    assert (rows[1]["Street"], rows[1]["City"], rows[1]["Country"]) == ("中关村", "北京市", "中国")
    assert rows[2]["External id"] == "urn:uuid:1234"
    assert rows[2]["Phone"] == "+44-20-7946-0000"


def test_unfold_joins_continuation_lines() -> None:
    assert unfold("NOTE:a\r\n b\r\n\tc\r\n") == ["NOTE:abc"]


def test_mapping_guesses_english_and_chinese_headers() -> None:
    contact = IMPORT_ENTITIES["contact"]
    assert guess_mapping(contact, ["姓名", "公司", "职务", "手机", "电话", "邮箱", "地址",
                                   "城市", "省份", "备注", "Whatever"]) == [
        "full_name", "company", "title", "mobile", "phone", "email", "street", "city",
        "region", "notes", ""]
    assert guess_mapping(contact, ["First Name", "Last_Name", "E-mail", "Email"]) == [
        "given_name", "family_name", "email", ""]
    assert guess_mapping(contact, ["姓", "名"]) == ["family_name", "given_name"]
    assert guess_mapping(IMPORT_ENTITIES["account"], ["公司名称", "行业"]) == ["name",
                                                                           "industry"]


def test_transforms_split_names_and_read_dates() -> None:
    rules = (ColumnRule("full_name"), ColumnRule("city", "upper"))
    assert mapped_values(rules, ["欧阳娜娜", " beijing "]) == {
        "family_name": "欧阳", "given_name": "娜娜", "city": "BEIJING"}
    assert apply_transform("23/11/2026", "date", "%d/%m/%Y") == "2026-11-23"
    with pytest.raises(ValidationError):
        mapped_values((ColumnRule("notes", "date", "%d/%m/%Y"),), ["2026-13-45"])
