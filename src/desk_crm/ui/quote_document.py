"""A quote as a document: HTML from resources/templates/quote.html, rendered to PDF with
QTextDocument + QPdfWriter. Safe in a worker thread (no widgets); the CJK glyphs come
from the system font Qt falls back to (fonts-wqy-microhei on Linux)."""

from __future__ import annotations

import html
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from string import Template

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desk_crm.domain.money import format_money
from desk_crm.paths import resources_dir
from desk_crm.services.quote_records import QuoteRecord
from desk_crm.services.quote_settings import QuoteSettings

translate = QCoreApplication.translate


def status_titles() -> dict[str, str]:
    return {"draft": translate("QuoteDocument", "Draft"),
            "sent": translate("QuoteDocument", "Sent"),
            "accepted": translate("QuoteDocument", "Accepted"),
            "rejected": translate("QuoteDocument", "Rejected"),
            "expired": translate("QuoteDocument", "Expired")}


def document_status(quote: QuoteRecord) -> str:
    """The status printed on the document; a discount over the approval threshold that
    nobody approved yet says so, so a "Draft" is not sent as if it were final."""
    status = status_titles().get(quote.status, quote.status)
    if quote.needs_approval and not quote.approved_by_name:
        status += " · " + translate("QuoteDocument", "discount approval pending")
    elif quote.needs_approval:
        status += " · " + translate("QuoteDocument", "discount approved by %1").replace(
            "%1", quote.approved_by_name)
    return status


def _percent(value: Decimal) -> str:
    return f"{value.normalize():f} %"


def _row(label: str, value: str, e: Callable[[object], str]) -> str:
    return f"<tr><td>{e(label)}</td><td align='right'>{e(value)}</td></tr>"


def quote_html(quote: QuoteRecord, settings: QuoteSettings, account_address: str = "") -> str:
    """The filled template; every value is HTML-escaped."""
    currency = quote.draft.currency
    money = lambda amount: format_money(amount, currency)  # noqa: E731

    def e(text: object) -> str:
        return html.escape(str(text)).replace("\n", "<br>")

    rows = []
    for index, (line, total) in enumerate(zip(quote.draft.lines, quote.totals.line_totals,
                                              strict=True), start=1):
        if line.discount_percent is not None:
            discount = _percent(line.discount_percent) if line.discount_percent else ""
        else:
            discount = money(line.discount_amount) if line.discount_amount else ""
        rows.append(
            f"<tr><td>{index}</td><td>{e(line.description)}</td>"
            f"<td align='right'>{e(f'{line.quantity.normalize():f}')}</td>"
            f"<td align='right'>{e(money(line.unit_price))}</td>"
            f"<td align='right'>{e(discount)}</td>"
            f"<td align='right'>{e(_percent(line.tax_rate))}</td>"
            f"<td align='right'>{e(money(total))}</td></tr>")
    tax_label = translate("QuoteDocument", "Tax %1 on %2")
    tax_rows = []
    totals = quote.totals
    # Rows that would only say 0: a discount or shipping not given, a rate with no lines.
    if totals.document_discount:
        tax_rows.append(_row(translate("QuoteDocument", "Discount"),
                             money(-totals.document_discount), e))
    if totals.shipping:
        tax_rows.append(_row(translate("QuoteDocument", "Shipping"), money(totals.shipping),
                             e))
    for tax in quote.totals.shown_taxes:
        label = tax_label.replace("%1", _percent(tax.rate)).replace("%2", money(tax.base))
        tax_rows.append(f"<tr><td>{e(label)}</td>"
                        f"<td align='right'>{e(money(tax.tax))}</td></tr>")
    values = {
        "company_name": e(settings.company_name), "company_address": e(settings.company_address),
        "title": e(translate("QuoteDocument", "Quote")), "number": e(quote.label),
        "issue_label": e(translate("QuoteDocument", "Date:")),
        "issue_date": e(quote.draft.issue_date or ""),
        "expiry_label": e(translate("QuoteDocument", "Valid until:")),
        "expiry_date": e(quote.draft.expiry_date or ""),
        "to_label": e(translate("QuoteDocument", "Prepared for")),
        "account_name": e(quote.account_name), "contact_name": e(quote.contact_name),
        "account_address": e(account_address or quote.account_address),
        "opportunity_label": e(translate("QuoteDocument", "Regarding")),
        "opportunity_name": e(quote.opportunity_name),
        "status": e(document_status(quote)),
        "h_description": e(translate("QuoteDocument", "Description")),
        "h_quantity": e(translate("QuoteDocument", "Qty")),
        "h_unit_price": e(translate("QuoteDocument", "Unit price")),
        "h_discount": e(translate("QuoteDocument", "Discount")),
        "h_tax": e(translate("QuoteDocument", "Tax")),
        "h_total": e(translate("QuoteDocument", "Amount")),
        "line_rows": "\n".join(rows), "tax_rows": "\n".join(tax_rows),
        "subtotal_label": e(translate("QuoteDocument", "Subtotal")),
        "subtotal": e(money(quote.totals.subtotal)),
        "total_label": e(translate("QuoteDocument", "Total")),
        "grand_total": e(money(quote.totals.grand_total)),
        "terms_label": e(translate("QuoteDocument", "Terms")), "terms": e(quote.draft.terms),
    }
    template = (resources_dir() / "templates" / "quote.html").read_text(encoding="utf-8")
    return Template(template).safe_substitute(values)


def render_pdf(document_html: str, target: Path) -> Path:
    """Write *document_html* as an A4 PDF to *target*."""
    target.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(target.stem)
    writer.setCreator("Desk CRM")
    document = QTextDocument()
    # Lay out with the writer's metrics (300 dpi), not the screen's, or 10 pt comes out
    # a third of its size on paper.
    document.documentLayout().setPaintDevice(writer)
    logo = QImage(str(resources_dir() / "icons" / "desk-crm.png"))
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("logo"), logo)
    document.setHtml(document_html)
    layout = writer.pageLayout()
    size = layout.paintRectPixels(writer.resolution()).size()
    document.setPageSize(QSizeF(size))
    document.print_(writer)
    return target


def render_quote_pdf(quote: QuoteRecord, settings: QuoteSettings, target: Path,
                     account_address: str = "") -> Path:
    return render_pdf(quote_html(quote, settings, account_address), target)


def pdf_file_name(quote: QuoteRecord) -> str:
    suffix = "" if quote.revision == 1 else f"-rev{quote.revision}"
    return f"{quote.number}{suffix}.pdf".replace("/", "-")
