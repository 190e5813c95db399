"""Writes the small import files next to this script (they are committed; run this only to
change them): `python tests/data/import/regenerate.py`. Each file is described in README.md."""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
# 䶮 (U+4DAE) is in GB18030 but not in GBK: the GB18030 file must keep it.
CONTACTS = ("姓名,公司,手机,邮箱,城市\n"
            "张三,星辰科技,13800138000,zhang@example.com,北京\n"
            "李四,云海贸易,139 0013 9000,li@example.com,上海\n"
            "欧阳娜娜,星辰科技,+86 136-0013-6000,ouyang@example.com,杭州\n")
RARE = "王䶮,龑达科技,13500135000,yan@example.com,广州\n"


def _photo_lines(prefix: str) -> str:
    """A real (1x1 PNG) photo, base64, folded at 75 octets as vCard requires."""
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
    data = prefix + base64.b64encode(png).decode()
    lines = [data[:75]] + [" " + data[i:i + 74] for i in range(75, len(data), 74)]
    return "\r\n".join(lines) + "\r\n"


def main() -> None:
    (HERE / "contacts-utf8.csv").write_bytes(CONTACTS.encode("utf-8"))
    (HERE / "contacts-utf8-bom.csv").write_bytes(CONTACTS.encode("utf-8-sig"))
    (HERE / "contacts-gbk.csv").write_bytes(CONTACTS.encode("gbk"))
    (HERE / "contacts-gb18030.csv").write_bytes((CONTACTS + RARE).encode("gb18030"))
    (HERE / "contacts-utf16.csv").write_bytes(CONTACTS.encode("utf-16"))  # with a BOM
    (HERE / "contacts-semicolon.csv").write_bytes(
        b"Name;Company;Email;City;Notes\n"
         b"Ada Lovelace;Analytical Engines, Ltd;ada@example.org;London;pays 1,5 %\n"
         b"Alan Turing;Bletchley;alan@example.org;Wilmslow;\n")
    (HERE / "quoted-newlines.csv").write_bytes(
        ('姓名,邮箱,备注\n'
         '张三,zhang@example.com,"第一行\n第二行, 带逗号\n第三行 ""引号"""\n'
         '李四,li@example.com,一行\n').encode())
    (HERE / "empty.csv").write_bytes(b"")
    headers = [f"Extra {i}" for i in range(1, 101)]
    headers[0], headers[1], headers[2], headers[99] = "Name", "Email", "City", "Notes"
    rows = [",".join(headers)]
    for n in range(3):
        cells = [f"v{n}-{i}" for i in range(1, 101)]
        cells[0], cells[1], cells[2], cells[99] = (f"Person {n}", f"p{n}@example.com",
                                                   "Paris", f"row {n}")
        rows.append(",".join(cells))
    (HERE / "wide-100-columns.csv").write_bytes(("\n".join(rows) + "\n").encode("utf-8"))
    (HERE / "duplicates.csv").write_bytes(
        ("姓名,手机,邮箱,城市\n"
         "张三,13800138000,zhang@example.com,北京\n"
         "张三,138 0013 8000, Zhang@Example.com ,天津\n"  # same email, other spelling
         "李四,13900139000,li@example.com,上海\n"
         "张三,+86 13800138000,ZHANG@example.com,重庆\n"  # third time
         "王五,13700137000,wang@example.com,广州\n").encode())
    _xlsx()
    (HERE / "contacts-v3.vcf").write_bytes((
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\nN:张;三;;;\r\nORG:星辰科技;销售部\r\n"
        "TITLE:销售经理\r\nEMAIL;TYPE=INTERNET,WORK:zhang@example.com\r\n"
        "TEL;TYPE=CELL:+86 138 0013 8000\r\n"
        + _photo_lines("PHOTO;ENCODING=b;TYPE=PNG:") +
        "NOTE:这是一段很长的备注，它被折成了好几行，因为 vCard 规定每行不能超过七十五个\r\n"
        " 字节，续行以一个空格开头。\r\nUID:v3-zhang\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:李四\r\nN:李;四;;;\r\n"
        "EMAIL:li@example.com\r\nUID:v3-li\r\nEND:VCARD\r\n").encode("utf-8"))
    (HERE / "contacts-v4.vcf").write_bytes((
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
        "ORG:Analytical Engines Ltd\r\nEMAIL;TYPE=work:ada@example.org\r\n"
        "TEL;VALUE=uri;TYPE=\"voice,cell\":tel:+44-7911-123456\r\n"
        + _photo_lines("PHOTO:data:image/png;base64,") +
        "NOTE:Wrote the first published algorithm for a machine\\, the Analytical En\r\n"
        " gine.\r\nUID:urn:uuid:4f1b7c2e-0000-4000-8000-000000000001\r\nEND:VCARD\r\n"
        ).encode("utf-8"))


def _xlsx() -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["公司名称", "行业", "城市", "电话"])
    sheet.append(["星辰科技", "软件", "北京", 1088886666])
    sheet.append(["云海贸易", "贸易", "上海", "021-6666-8888"])
    buffer = io.BytesIO()
    book.save(buffer)
    (HERE / "accounts.xlsx").write_bytes(buffer.getvalue())
    # A download cut off half way: the zip's central directory is missing.
    (HERE / "broken.xlsx").write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as whole:
        assert whole.testzip() is None


if __name__ == "__main__":
    main()
