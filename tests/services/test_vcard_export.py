"""Contacts exported as vCard read back through the importer's own vCard reader."""

from __future__ import annotations

from pathlib import Path

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.domain.vcard import VCARD_HEADERS, open_vcard
from desk_crm.domain.vcard_writer import Card, fold, format_card
from desk_crm.services.bundle import Services
from desk_crm.store.repositories import ListQuery


def test_long_lines_are_folded_without_splitting_a_character() -> None:
    line = "NOTE:" + "备注" * 60
    folded = fold(line)
    pieces = folded.split("\r\n ")
    assert len(pieces) > 1
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert "".join(pieces) == line


def test_special_characters_are_escaped() -> None:
    text = format_card(Card("u1", "O'Brien; Jr", "Ann, Marie", "Ann O'Brien",
                            notes="line 1\nline 2"))
    assert "N:O'Brien\\; Jr;Ann\\, Marie;;;" in text
    assert "NOTE:line 1\\nline 2" in text


def test_exported_contacts_read_back_with_every_email_and_phone(services: Services,
                                                                 tmp_path: Path) -> None:
    account = services.accounts.save(AccountDraft(name="上海瑞丰贸易有限公司"))
    services.contacts.save(ContactDraft(
        family_name="张", given_name="三丰", title="销售总监", account_id=account.id,
        emails=(ContactPoint("zhang.sanfeng@example.com", "work", True),
                ContactPoint("zsf@163.com", "home")),
        phones=(ContactPoint("13800138000", "mobile", True),),
        city="上海", notes="喜欢上午沟通；不要周五打电话"))
    services.contacts.save(ContactDraft(family_name="Smith", given_name="John",
                                        emails=(ContactPoint("john@example.com"),)))
    target = tmp_path / "contacts.vcf"
    count = services.exports.export_vcards(ListQuery("contact"), target, services.contacts.get)
    assert count == 2
    rows = [dict(zip(VCARD_HEADERS, cells, strict=True))
            for _line, cells in open_vcard(target).rows()]
    by_name = {row["Family name"]: row for row in rows}
    zhang = by_name["张"]
    assert zhang["Given name"] == "三丰"
    assert zhang["Company"] == "上海瑞丰贸易有限公司"
    assert zhang["Email"] == "zhang.sanfeng@example.com; zsf@163.com"
    assert zhang["Phone"] == "+8613800138000"
    assert zhang["Notes"] == "喜欢上午沟通；不要周五打电话"
    assert by_name["Smith"]["Email"] == "john@example.com"
