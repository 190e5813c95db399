"""Exporting a report: PNG is a picture of what is on screen (chart and table); PDF is an
A4 document with the title, the chart as a picture and the table as real text (selectable,
sharp at any zoom), written with QPdfWriter."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget


def save_png(widget: QWidget, path: Path) -> bool:
    return widget.grab().save(str(path), "PNG")


def report_html(title: str, subtitle: str, headers: Sequence[str],
                rows: Sequence[Sequence[str]], chart_png: bytes | None) -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>"
                   for row in rows)
    image = ""
    if chart_png:
        import base64

        image = (f"<p><img width='640' src='data:image/png;base64,"
                 f"{base64.b64encode(chart_png).decode()}'></p>")
    return (f"<h2>{escape(title)}</h2><p>{escape(subtitle)}</p>{image}"
            f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
            f"<tr>{head}</tr>{body}</table>")


def widget_png(widget: QWidget) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def save_pdf(path: Path, title: str, subtitle: str, headers: Sequence[str],
             rows: Sequence[Sequence[str]], chart: QWidget | None = None) -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Desk CRM")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15)))
    writer.setResolution(96)
    document = QTextDocument()
    document.setHtml(report_html(title, subtitle, headers, rows,
                                 widget_png(chart) if chart is not None else None))
    # The painter's origin is already the top left of the printable area (inside margins).
    paint = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = paint.width(), paint.height()
    document.setPageSize(QSizeF(width, height))
    painter = QPainter(writer)
    try:
        pages = max(1, document.pageCount())
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * height)
            document.drawContents(painter, QRectF(0, page * height, width, height))
            painter.restore()
    finally:
        painter.end()
