"""The command line without a window: ``desk-crm backup|restore|import|export …``.
Each command is one module registered in :mod:`desk_crm.cli.commands`."""

from desk_crm.cli.commands import COMMANDS, add_commands, run_command

__all__ = ["COMMANDS", "add_commands", "run_command"]
