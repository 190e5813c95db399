"""Render the main window's areas to PNG files (offscreen), for the README and for review.

    .venv/bin/python tools/screenshots.py --data-dir demo-data --out shots [--language zh_CN]

Uses an existing database (create one with ``./dev run --demo --data-dir demo-data``).
Each area is shown in turn and the whole window grabbed; a real X display is not needed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", type=Path, default=Path("shots"))
    parser.add_argument("--language", default="en")
    parser.add_argument("--size", default="1440x900")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from desk_crm.paths import resolve_paths
    from desk_crm.services.bundle import build_services
    from desk_crm.settings import Settings
    from desk_crm.store.database import open_database
    from desk_crm.ui.events import AppEvents
    from desk_crm.ui.main_window import MainWindow
    from desk_crm.ui.translations import install_translations

    app = QApplication(sys.argv[:1])
    install_translations(app, args.language)
    paths = resolve_paths(args.data_dir)
    database = open_database(paths.database, paths.backups_dir)
    services = build_services(database, "screenshots")
    settings = Settings(args.out / "screenshot-settings.ini")
    window = MainWindow(services, settings, AppEvents(), paths.database)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.language == "en" else f"-{args.language}"
    for name in window.pages:
        window.show_area(name)
        page = window.pages[name]
        if name == "segments" and page.list.count():  # a saved segment, not an empty form
            page.list.setCurrentRow(page.list.count() - 1)
        _settle(app)
        target = args.out / f"{name}{suffix}.png"
        window.grab().save(str(target))
        print(target)
    # One editor, on a record with a Chinese name, as a user opens it from the list.
    from desk_crm.store.repositories import ListQuery

    window.show_area("contacts")
    row = services.lists.page(ListQuery("contact", search="张"), limit=1)
    if row:
        editor = window.open_record("contact", row[0].id)
        if editor is not None:
            editor.resize(760, 720)
            _settle(app)
            target = args.out / f"contact-editor{suffix}.png"
            editor.grab().save(str(target))
            print(target)
            editor.discard_and_close()
    database.close()
    return 0


def _settle(app: object, seconds: float = 4.0) -> None:
    """Let the page's background reads land (boards, My day, reports load off the UI
    thread): a grab right after showing it caught "Loading…"."""
    import time

    from PySide6.QtCore import QThreadPool

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        if QThreadPool.globalInstance().activeThreadCount() == 0 and \
                time.monotonic() > end - seconds + 0.5:
            break
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
