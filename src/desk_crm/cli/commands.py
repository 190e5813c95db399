"""The command registry. A command is a module with ``NAME``, ``add_parser(commands,
common)`` (which sets ``handler``) and a ``run(args, paths) -> int``; adding one is one
line in COMMANDS. Every command runs under the data folder's session lock and gets the
same options (``--data-dir``, ``--verbose``) before or after its name."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from desk_crm.cli.common import CliError, report_failure
from desk_crm.paths import AppPaths
from desk_crm.session_lock import SessionBusy, SessionLock

COMMANDS = (
    "desk_crm.cli.backup_command",
    "desk_crm.cli.restore_command",
    "desk_crm.cli.import_command",
    "desk_crm.cli.export_command",
    "desk_crm.cli.sync_command",
)


def common_options() -> argparse.ArgumentParser:
    """Options every command accepts after its name too (SUPPRESS: the top-level value
    stays when the option is not repeated)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", dest="data_dir", default=argparse.SUPPRESS,
                        help="as the top-level --data-dir")
    common.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="log debug messages")
    return common


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    common = common_options()
    for name in COMMANDS:
        importlib.import_module(name).add_parser(commands, common)


def run_command(args: argparse.Namespace, paths: AppPaths) -> int:
    handler: Callable[[argparse.Namespace, AppPaths], int] = args.handler
    name = f"desk-crm {args.command}"
    try:
        with SessionLock(paths.data_dir, name):
            return handler(args, paths)
    except SessionBusy as error:
        print(f"{name}: {error}", file=sys.stderr)
        return 1
    except CliError as error:
        print(f"{name}: {error}", file=sys.stderr)
        return error.code
    except Exception as error:
        if report_failure(name, error):
            return 1
        raise
