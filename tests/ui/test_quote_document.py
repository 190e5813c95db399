"""The quote PDF: rendered from the template, its text holds the lines, the totals and a
Chinese customer name; the e-mail carries it as an attachment."""

from __future__ import annotations

import email
from pathlib import Path

import pypdf
from pytestqt.qtbot import QtBot

from desk_crm.services.bundle import Services
from desk_crm.services.outbox import write_eml
from desk_crm.ui.quote_document import document_status, pdf_file_name, render_quote_pdf
from helpers.quotes import add_quote, line


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_the_pdf_shows_lines_totals_and_a_chinese_customer(
        qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    quote = add_quote(services, line("实施服务 Implementation", 3, "1200.00", tax=6),
                      line("Annual licence", 1, "9999.99", tax=13, discount="10"),
                      account="上海云帆软件有限公司")
    target = render_quote_pdf(quote, services.quote_settings.get(),
                              tmp_path / pdf_file_name(quote))
    assert target.read_bytes().startswith(b"%PDF")
    text = _pdf_text(target)
    compact = "".join(text.split())
    assert "上海云帆软件有限公司" in compact
    assert "实施服务" in compact and "Annuallicence" in compact
    assert "Q-2026-00001" in compact
    # 3 × 1200 = 3,600.00; 9999.99 − 10 % = 8,999.99; tax 216.00 + 1,170.00
    for figure in ("¥3,600.00", "¥8,999.99", "¥216.00", "¥1,170.00", "¥13,985.99"):
        assert figure in compact


def test_the_email_attaches_the_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "Q-2026-00001.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    eml = write_eml(tmp_path / "outbox", subject="Quote Q-2026-00001", body="请查收报价单",
                    to="buyer@example.com", attachments=(pdf,))
    again = write_eml(tmp_path / "outbox", subject="Quote Q-2026-00001", body="x")
    assert eml.parent == tmp_path / "outbox" and again != eml
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert message["To"] == "buyer@example.com"
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "Q-2026-00001.pdf"
    assert attachment.get_content() == b"%PDF-1.4 test"
    assert "请查收报价单" in message.get_body().get_content()


def test_a_discount_waiting_for_approval_says_so_and_a_0_percent_rate_prints_no_row(
        qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    # 20 % off is above the 15 % approval threshold; the lines carry no tax at all.
    quote = add_quote(services, line("实施服务", 2, "1400.00", tax=0, discount="20"))
    assert quote.needs_approval and not quote.approved_by_name
    assert document_status(quote) == "Draft · discount approval pending"
    text = "".join(_pdf_text(render_quote_pdf(quote, services.quote_settings.get(),
                                              tmp_path / "q.pdf")).split())
    assert "discountapprovalpending" in text
    assert "Tax0" not in text  # no "Tax 0 % on ¥2,240.00 … ¥0.00" row
    assert "¥2,240.00" in text
