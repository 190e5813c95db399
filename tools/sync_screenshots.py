"""Screenshots of sync for the README: the status-bar indicator after a real sync, and the
conflict dialog of the first open conflict. Offscreen; needs a data dir with a connection
and conflicts (tools/remote_servers/sync_demo.py makes one, with its Tryton server).

    PYTHONPATH=src:tools/remote_servers PYTHON_KEYRING_BACKEND=demo_keyring.DemoFileKeyring \
    DESK_CRM_DEMO_KEYRING=DIR/keyring.json python tools/sync_screenshots.py --data-dir DIR
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", type=Path, default=Path("resources/screenshots"))
    args = parser.parse_args()

    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    from desk_crm.paths import resolve_paths
    from desk_crm.services.bundle import build_services
    from desk_crm.settings import Settings
    from desk_crm.store.database import open_database
    from desk_crm.ui.events import AppEvents
    from desk_crm.ui.main_window import MainWindow
    from desk_crm.ui.sync_conflicts import ConflictDialog

    app = QApplication(sys.argv[:1])
    paths = resolve_paths(args.data_dir)
    database = open_database(paths.database, paths.backups_dir)
    services = build_services(database, "screenshots")
    settings = Settings(Path(args.data_dir) / "screenshot-settings.ini")
    window = MainWindow(services, settings, AppEvents(), paths.database)
    window.resize(1280, 720)
    window.show()
    window.show_area("accounts")
    results: list[object] = []
    window.sync.finished.connect(results.append)
    window.sync.sync_now()
    deadline = time.monotonic() + 60
    while not results and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()
    args.out.mkdir(parents=True, exist_ok=True)
    shot = window.grab()
    bar = window.statusBar().geometry()
    strip = shot.copy(QRect(bar.x() + bar.width() - 760, bar.y() - 4, 760, bar.height() + 8))
    strip.save(str(args.out / "sync-status.png"))
    issue = window.sync.issues.open_issues()[0]
    dialog = ConflictDialog(window.sync.issues, issue, window)
    if "city" in dialog.choices:  # show a mixed choice: their city, my name
        dialog.choices["city"].setCurrentIndex(dialog.choices["city"].findData("theirs"))
    dialog.show()
    for _ in range(20):
        app.processEvents()
    dialog.grab().save(str(args.out / "sync-conflict.png"))
    print(results, args.out)
    window.sync.shutdown()
    database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
