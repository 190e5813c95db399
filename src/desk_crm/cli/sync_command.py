"""``desk-crm sync``: one sync run with the server connected in the app, without a window
(cron, scripts).

    desk-crm sync [--entity contact ...] [--full] [--quiet] [--data-dir DIR]

The connection and its secret come from the keychain, where Sync > Connect put them (never
from an argument or the environment). Progress goes to stderr (one line per phase step,
with the total and the time left where the server can tell), the run report to stdout.

Exit codes: 0 synced and nothing waits for the user; 2 synced, but conflicts or refused
records wait in Sync > Conflicts; 1 failed (not connected, server unreachable, login
refused, another Desk CRM holds this data, or an unexpected error — the message says
which). The run is recorded in the sync history either way.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, TextIO

from desk_crm.cli.common import CliError, open_store
from desk_crm.paths import AppPaths
from desk_crm.sync.credentials import TRYTON_ENTITIES

if TYPE_CHECKING:
    from desk_crm.settings import Settings
    from desk_crm.store.database import Database
    from desk_crm.sync.credentials import Connection

OK, FAILED, CONFLICTS = 0, 1, 2
NAME = "sync"


def add_parser(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
               common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(NAME, parents=[common],
                                 help="sync with the connected server now (no window); "
                                      "exit 0 ok, 2 conflicts wait, 1 failed")
    parser.add_argument("--entity", action="append", dest="entities", metavar="ENTITY",
                        choices=TRYTON_ENTITIES,
                        help="sync only this entity (repeatable): account, contact, "
                        "opportunity, quote")
    parser.add_argument("--full", action="store_true",
                        help="full rescan: read every record again and check every linked "
                        "record still exists on the server (finds hard deletes)")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(handler=run)


class TerminalProgress:
    """One line per step on stderr; on a terminal the line is rewritten in place."""

    def __init__(self, out: TextIO) -> None:
        from desk_crm.sync.progress import PhaseClock

        self._out = out
        self._clock = PhaseClock()
        self._tty = out.isatty()
        self._last = 0.0

    def __call__(self, step: str, done: int, total: int) -> None:
        from desk_crm.sync.progress import format_eta

        state = self._clock.update(step, done, total)
        now = time.monotonic()
        if self._tty and now - self._last < 0.2 and done != total:
            return  # a terminal shows the latest; don't flood it
        self._last = now
        figure = f"{done}/{total}" if total else str(done)
        eta = format_eta(state.eta_seconds)
        line = f"{step}: {figure}" + (f", about {eta} left" if eta else "")
        if self._tty:
            self._out.write("\r\033[K" + line)
        else:
            self._out.write(line + "\n")
        self._out.flush()

    def close(self) -> None:
        if self._tty:
            self._out.write("\n")
            self._out.flush()


def run(args: argparse.Namespace, paths: AppPaths) -> int:
    """Runs under the data folder's session lock (cli.commands): while the window or
    another command has this data, the command is refused with the holder's name."""
    from desk_crm import crash_reports
    from desk_crm.settings import Settings
    from desk_crm.sync.credentials import CredentialStore

    connection = CredentialStore().load()
    if connection is None:
        raise CliError("not connected — use Sync > Connect to server in the app first "
                       "(the password is kept in the system keychain)")
    chosen = connection.chosen_entities()
    if args.entities:
        unknown = sorted(set(args.entities) - set(chosen))
        if unknown:
            raise CliError(f"{', '.join(unknown)} is not synced with this server "
                           f"(synced: {', '.join(chosen)})")
        chosen = tuple(e for e in chosen if e in args.entities)
    # Mark the session only when no earlier one ended badly: that marker is how the app
    # notices a crash on its next start, and a sync from cron must not erase it.
    marked = not (paths.data_dir / crash_reports.SESSION).exists()
    if marked:
        crash_reports.begin_session(paths.data_dir)
    progress = TerminalProgress(sys.stderr)
    try:
        settings = Settings(paths.settings_file)
        database = open_store(paths)
        try:
            return _run(database, connection, chosen, args, settings, progress)
        finally:
            database.close()
    finally:
        if marked:
            crash_reports.end_session(paths.data_dir)


def _run(database: Database, connection: Connection, chosen: tuple[str, ...],
         args: argparse.Namespace, settings: Settings, progress: TerminalProgress) -> int:
    from desk_crm import settings as opts
    from desk_crm.services.context import ServiceContext
    from desk_crm.sync.credentials import make_adapter
    from desk_crm.sync.engine import SyncEngine
    from desk_crm.sync.issues import SyncIssues
    from desk_crm.sync.protocol import AuthError, TransientError
    from desk_crm.sync.report_text import report_lines

    adapter = make_adapter(connection)
    engine = SyncEngine(database.session_factory, adapter, server=connection.label,
                        default_region=str(settings.get(opts.PHONE_REGION)),
                        progress=None if args.quiet else progress,
                        full=args.full, entities=chosen)
    started = time.monotonic()
    try:
        report = engine.run()
    except AuthError as error:
        print(f"desk-crm sync: the server refused the login ({error}); connect again "
              "in the app", file=sys.stderr)
        return FAILED
    except TransientError as error:
        print(f"desk-crm sync: server not reachable: {error}", file=sys.stderr)
        return FAILED
    finally:
        progress.close()
        adapter.close()
    waiting = SyncIssues(ServiceContext(database.session_factory, "sync")).status(
        count_pending=False).open_issues
    for line in report_lines(report, time.monotonic() - started, waiting):
        print(line)
    return CONFLICTS if waiting else OK
