"""Start-up: arguments, paths, logging, open and migrate the store, show the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

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
    parser.add_argument("--stall-probe", action="store_true",
                        help="debugging: log every stall of the window over 50 ms with the "
                        "code that was running")
    parser.add_argument("--version", action="version", version=f"desk-crm {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    from desk_crm.cli import add_commands

    add_commands(commands)
    return parser.parse_args(list(argv))


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paths = resolve_paths(args.data_dir).ensure()
    configure(paths.log_dir, args.verbose)
    if args.command is not None:
        from desk_crm.cli import run_command

        return run_command(args, paths)
    from desk_crm.session_lock import SessionBusy, SessionLock

    lock = SessionLock(paths.data_dir, "the self-test" if args.self_test else "the window")
    try:
        lock.acquire()
    except SessionBusy as error:
        return _refuse_second_session(error, window=not args.self_test)
    try:
        if args.self_test:
            from desk_crm.self_test import run_self_test

            return run_self_test(paths)
        return run_gui(paths, demo=args.demo, stall_probe=args.stall_probe)
    finally:
        lock.release()


def _refuse_second_session(error: Exception, *, window: bool) -> int:
    """Another process (a window, or a command such as an import) has this data folder."""
    print(f"desk-crm: {error}", file=sys.stderr)
    if window:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
        QMessageBox.warning(None, "Desk CRM", QCoreApplication.translate(
            "App", "Desk CRM is already working with this data (%1). Wait for it to finish "
            "or close it, then start again.").replace("%1", getattr(error, "holder", "")))
    return 1


def backups_dir(paths: AppPaths, settings: Any) -> Path:
    """The user's chosen backup folder (setting), else backups/ in the data dir."""
    from desk_crm import settings as opts

    chosen = settings.get(opts.BACKUP_FOLDER)
    return Path(chosen).expanduser() if chosen else paths.backups_dir


def run_gui(paths: AppPaths, *, demo: bool, stall_probe: bool = False) -> int:
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desk_crm import crash_reports
    from desk_crm import settings as opts
    from desk_crm.security import redact
    from desk_crm.services.bundle import build_services
    from desk_crm.settings import Settings
    from desk_crm.store.database import open_database
    from desk_crm.ui.after_start import AfterStart
    from desk_crm.ui.events import AppEvents
    from desk_crm.ui.main_window import MainWindow
    from desk_crm.ui.startup import (
        StartCancelled,
        apply_restore,
        check_or_restore,
        mention_last_crash,
        run_job,
        unlock,
    )
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
    global _log_dir
    _log_dir = paths.log_dir
    sys.excepthook = _excepthook
    folder = backups_dir(paths, settings)
    if stall_probe:
        from desk_crm.ui.stall_probe import StallProbe

        probe = StallProbe(50.0, parent=app, log_stalls=True)
        probe.start()
    unclean = crash_reports.begin_session(paths.data_dir)
    job = None
    key: str | None = None
    first = True
    try:
        while True:
            # Nothing has the file open here: the place for restores and conversions.
            try:
                if first:
                    key = unlock(paths.database, folder)
                if job is not None:
                    key = run_job(job, paths.database, key)
                if apply_restore(paths.database, key):
                    key = unlock(paths.database, folder) if key is None else key
                # The whole-file check only after an unclean exit: on a clean start its
                # time would grow with the file (2 s at 1M contacts, 95 s cold); the
                # daily backup checks its copy whole after the window shows.
                check_or_restore(paths.database, folder, key, thorough=first and unclean)
                if key is not None:  # no plaintext copy beside an encrypted database
                    from desk_crm.store.encryption import secure_leftovers

                    secure_leftovers(paths.database, folder, key)
            except StartCancelled:
                return 1
            try:
                with log_time(log, "opening the database"):
                    database = open_database(paths.database, folder, key, check=False)
            except Exception as error:  # the user must see why the app cannot start
                log.exception("cannot open %s", paths.database)
                QMessageBox.critical(None, "Desk CRM",
                                     QCoreApplication.translate(
                                         "App", "The database %1 cannot be opened:\n\n%2")
                                     .replace("%1", str(paths.database))
                                     .replace("%2", redact(str(error))))
                return 1
            services = build_services(database, settings.get(opts.CURRENT_USER),
                                      settings.get(opts.PHONE_REGION))
            services.users.ensure(settings.get(opts.CURRENT_USER))
            if first:  # this process holds the session lock: nothing else imports now
                services.imports.mark_interrupted()
            # A new database is given its stages and quote terms in this window's language.
            services.data_language.ensure_defaults(QLocale().name(),
                                                   QCoreApplication.translate)
            services.quotes.expire_overdue()  # sent quotes past their expiry date
            events = AppEvents()
            window = MainWindow(services, settings, events, paths.database, icon)
            if os.environ.get("DESK_CRM_EXIT_AFTER_PAINT"):
                from desk_crm.ui.paint_probe import FirstPaintProbe

                page = window.current_page()
                FirstPaintProbe(page.table.viewport() if hasattr(page, "table") else page,
                                STARTED)
            reopen: list[object] = []
            window.reopen_requested.connect(reopen.append)
            window.show()
            after_start = AfterStart(window, services.backups)
            after_start.start()
            if first:
                mention_last_crash(window, paths.log_dir, unclean)
            if demo and first:
                from desk_crm.ui.demo_loader import load_demo_if_empty

                load_demo_if_empty(window, services, events)
            first = False
            code = app.exec()
            # The next loop may run a conversion: nothing of this window may touch the
            # store any more (the reminder timer would otherwise reconnect to the file).
            after_start.stop()
            window.reminders.timer.stop()
            if window.reminders.tray is not None:
                window.reminders.tray.hide()
            window.deleteLater()
            # Queued background writes finish before the file closes (ui/operations.py).
            from desk_crm.ui.operations import writer_pool

            writer_pool().waitForDone()
            database.close()
            if not reopen:
                return int(code)
            job = reopen[0]
    finally:
        crash_reports.end_session(paths.data_dir)


_log_dir: Path | None = None


def _excepthook(kind: type[BaseException], error: BaseException,
                tb: TracebackType | None) -> None:
    """Unexpected errors: log, write a crash report, show a dialog with details to copy,
    keep the app running."""
    details = "".join(traceback.format_exception(kind, error, tb))
    log.error("unexpected error\n%s", details)
    report = None
    if _log_dir is not None:
        from desk_crm.crash_reports import write_report

        try:
            report = write_report(_log_dir, details)
        except OSError:
            log.exception("cannot write a crash report")
    from desk_crm.security import redact
    from desk_crm.ui.error_dialog import show_unexpected_error

    show_unexpected_error(error, redact(details), report)
