"""Start-up: arguments, paths, logging, open and migrate the store, show the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import traceback
from collections.abc import Sequence
from types import TracebackType

from desk_crm import __version__
from desk_crm.logging_setup import configure, log_time
from desk_crm.paths import AppPaths, resolve_paths, resources_dir

log = logging.getLogger("desk_crm.app")
STARTED = time.perf_counter()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="desk-crm", description="Offline-first desktop CRM")
    parser.add_argument("--data-dir", help="keep the database, settings and logs in DIR "
                        "(portable use, tests) instead of the per-user folders")
    parser.add_argument("--demo", action="store_true",
                        help="fill an empty database with realistic sample data")
    parser.add_argument("--self-test", action="store_true",
                        help="open the store and the main window offscreen, check them, exit")
    parser.add_argument("--verbose", action="store_true", help="log debug messages")
    parser.add_argument("--version", action="version", version=f"desk-crm {__version__}")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paths = resolve_paths(args.data_dir).ensure()
    configure(paths.log_dir, args.verbose)
    if args.self_test:
        from desk_crm.self_test import run_self_test

        return run_self_test(paths)
    return run_gui(paths, demo=args.demo)


def run_gui(paths: AppPaths, *, demo: bool) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desk_crm import settings as opts
    from desk_crm.services.bundle import build_services
    from desk_crm.settings import Settings
    from desk_crm.store.database import open_database
    from desk_crm.ui.events import AppEvents
    from desk_crm.ui.main_window import MainWindow
    from desk_crm.ui.translations import install_translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Desk CRM")
    app.setOrganizationName("DeskCRM")
    app.setApplicationVersion(__version__)
    icon = QIcon(str(resources_dir() / "icons" / "desk-crm.svg"))
    app.setWindowIcon(icon)
    settings = Settings(paths.settings_file)
    install_translations(app, settings.get(opts.LANGUAGE))
    sys.excepthook = _excepthook

    try:
        with log_time(log, "opening the database"):
            database = open_database(paths.database, paths.backups_dir)
    except Exception as error:  # the user must see why the app cannot start
        log.exception("cannot open %s", paths.database)
        QMessageBox.critical(None, "Desk CRM",
                             QCoreApplication.translate(
                                 "App", "The database %1 cannot be opened:\n\n%2")
                             .replace("%1", str(paths.database)).replace("%2", str(error)))
        return 1
    services = build_services(database, settings.get(opts.CURRENT_USER),
                              settings.get(opts.PHONE_REGION))
    services.users.ensure(settings.get(opts.CURRENT_USER))
    services.pipeline.ensure_defaults()
    events = AppEvents()
    window = MainWindow(services, settings, events, paths.database, icon)
    if os.environ.get("DESK_CRM_EXIT_AFTER_PAINT"):
        from desk_crm.ui.paint_probe import FirstPaintProbe

        page = window.current_page()
        FirstPaintProbe(page.table.viewport() if hasattr(page, "table") else page, STARTED)
    window.show()
    if demo:
        from desk_crm.ui.demo_loader import load_demo_if_empty

        load_demo_if_empty(window, services, events)
    code = app.exec()
    database.close()
    return int(code)


def _excepthook(kind: type[BaseException], error: BaseException,
                tb: TracebackType | None) -> None:
    """Unexpected errors: log, show a dialog with details to copy, keep the app running."""
    details = "".join(traceback.format_exception(kind, error, tb))
    log.error("unexpected error\n%s", details)
    from desk_crm.ui.error_dialog import show_unexpected_error

    show_unexpected_error(error, details)
