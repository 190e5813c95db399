"""Atomic file operations: write under a temporary name next to the target, fsync it,
rename it into place, fsync the folder. A kill at any moment leaves either the old file or
the complete new one under the target's name, never a half-written one; what is left under
a temporary name is recognisable (``is_temporary``) and removed by the next run."""

from __future__ import annotations

import os
import re
from pathlib import Path

from desk_crm.processes import alive

# ".<name>.partial-<pid>": hidden, and never matches a backup's or database's name.
_TEMPORARY = re.compile(r"^\.(.+)\.partial-(\d+)$")


def temporary_name(target: Path) -> Path:
    """Where to write *target*'s new content first (same folder: rename stays atomic)."""
    return target.with_name(f".{target.name}.partial-{os.getpid()}")


def is_temporary(path: Path) -> bool:
    return _TEMPORARY.match(path.name) is not None


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename in *folder* durable (POSIX); Windows has no directory handles."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def commit(temporary: Path, target: Path) -> None:
    """fsync *temporary*, rename it over *target* in one step, fsync the folder."""
    fsync_file(temporary)
    os.replace(temporary, target)
    fsync_dir(target.parent)


def write_bytes(target: Path, data: bytes) -> None:
    temporary = temporary_name(target)
    try:
        temporary.write_bytes(data)
        commit(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def write_text(target: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes(target, text.encode(encoding))


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete temporary files of processes that are gone (a kill mid-write)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        match = _TEMPORARY.match(path.name)
        if match is None or alive(int(match.group(2))):
            continue
        for companion in (path, *(Path(f"{path}{s}") for s in ("-journal", "-wal", "-shm"))):
            if companion.exists():
                companion.unlink(missing_ok=True)
                removed.append(companion)
    return removed


def shred(path: Path) -> None:
    """Overwrite *path* with zeros (fsynced) before deleting it, so plaintext does not stay
    readable in the freed blocks where the file system overwrites in place (not on
    copy-on-write or flash-remapped storage, which no application can reach)."""
    try:
        size = path.stat().st_size
        with open(path, "rb+") as handle:
            block = b"\0" * (1 << 20)
            left = size
            while left > 0:
                handle.write(block[:min(left, len(block))])
                left -= len(block)
            handle.flush()
            os.fsync(handle.fileno())
    except FileNotFoundError:
        return
    path.unlink(missing_ok=True)
