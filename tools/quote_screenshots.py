"""Screenshots of the quote area (offscreen): the Quotes, Products and Renewals pages, the
quote editor on a quote for a Chinese customer, and page 1 of that quote's PDF.

    .venv/bin/python tools/quote_screenshots.py --data-dir demo-data --out shots

Needs a demo database (``./dev run --demo``) and ``pdftoppm`` (poppler-utils) for the PDF.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", type=Path, default=Path("shots"))
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from desk_crm.domain.text import has_cjk
    from desk_crm.paths import resolve_paths
    from desk_crm.services.bundle import build_services
    from desk_crm.settings import Settings
    from desk_crm.store.database import open_database
    from desk_crm.store.repositories import ListQuery
    from desk_crm.ui.editors.quote_editor import QuoteEditor
    from desk_crm.ui.events import AppEvents
    from desk_crm.ui.main_window import MainWindow
    from desk_crm.ui.quote_document import render_quote_pdf

    app = QApplication(sys.argv[:1])
    paths = resolve_paths(args.data_dir)
    database = open_database(paths.database, paths.backups_dir)
    services = build_services(database, "screenshots")
    args.out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(services, Settings(args.out / "screenshot-settings.ini"),
                        AppEvents(), paths.database)
    window.resize(1440, 900)
    window.show()
    for name in ("quotes", "products", "renewals"):
        window.show_area(name)
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(args.out / f"{name}.png"))
        print(args.out / f"{name}.png")

    # An editable quote for a Chinese customer, with the most lines.
    rows = services.lists.page(ListQuery("quote", filters=(("current", "1"),)), limit=500)
    chinese = [r for r in rows if has_cjk(r.values.get("account") or "")] or rows
    quote = max((services.quotes.get(r.id) for r in chinese),
                key=lambda q: (q.status == "draft", len(q.draft.lines),
                               bool(q.draft.document_discount_percent or q.draft.shipping)))
    editor = QuoteEditor(services, quote.id, parent=window)
    editor.resize(1240, 800)
    editor.show()
    for _ in range(20):
        app.processEvents()
    editor.grab().save(str(args.out / "quote-editor.png"))
    print(args.out / "quote-editor.png")
    pdf = render_quote_pdf(quote, services.quote_settings.get(), args.out / "quote.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(args.out / "quote-pdf")], check=True)
    print(args.out / "quote-pdf.png")
    editor.discard_and_close()
    window.close()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
