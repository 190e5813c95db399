"""Run one store operation in a subprocess that SIGKILLs itself in the middle of SQLite's
backup API (after the first page of a page-by-page copy): the exact state a user's kill
leaves, deterministic, for the backup/restore findings of issue 18.

    python killing.py backup|restore DATA_DIR [BACKUP_FILE]
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from desk_crm.store import backup


class _KillingConnection:
    """A raw connection whose backup() copies one page at a time and dies after the first."""

    def __init__(self, connection: object) -> None:
        self._connection = connection

    def backup(self, target: object, **_kwargs: object) -> None:
        inner = getattr(target, "_connection", target)

        def progress(_status: int, remaining: int, _total: int) -> None:
            if remaining > 0:
                os.kill(os.getpid(), signal.SIGKILL)

        self._connection.backup(inner, pages=1, progress=progress)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._connection, name)

    def close(self) -> None:
        self._connection.close()  # type: ignore[attr-defined]


def main() -> None:
    original = backup.connect_raw
    backup.connect_raw = lambda path, key=None: _KillingConnection(original(path, key))
    action, data = sys.argv[1], Path(sys.argv[2])
    if action == "backup":
        backup.backup_file(data / "crm.sqlite3", data / "backups", "manual")
    else:
        backup.restore_file(Path(sys.argv[3]), data / "crm.sqlite3")
    print("NOT KILLED", flush=True)


if __name__ == "__main__":
    main()
