"""One lock per data folder, held by whatever has the database open for work: the window
for its whole life, every command-line command for its run. A second holder is refused
with a sentence saying who has it, so a ``restore`` can never move the file from under a
running import, nor two imports race into "database is locked".

The lock is the operating system's (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on
``session.lock``: it goes away with the process, also after a SIGKILL or a power cut, so a
stale lock never has to be broken by hand. The file's text (pid and what holds it) is only
for the message."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

LOCK_FILE = "session.lock"


class SessionBusy(RuntimeError):
    """Another Desk CRM process works on this data folder."""

    def __init__(self, holder: str) -> None:
        super().__init__(f"Desk CRM is already working with this data ({holder}); "
                         "wait for it to finish or close it, then try again")
        self.holder = holder


def _try_lock(handle: IO[str]) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class SessionLock:
    """``with SessionLock(data_dir, "desk-crm import"):`` or acquire()/release()."""

    def __init__(self, data_dir: Path, what: str) -> None:
        self._path = data_dir / LOCK_FILE
        self._what = what
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> SessionLock:
        if self._handle is not None:
            return self
        self._path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self._path, "a+", encoding="utf-8")
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise SessionBusy(holder)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{self._what}, process {os.getpid()}")
        handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing drops the OS lock
            self._handle = None

    def __enter__(self) -> SessionLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()
