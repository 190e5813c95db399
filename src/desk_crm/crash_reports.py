"""Crash reports and the "did the last session end well?" marker.

An unexpected exception writes ``crash-<time>.txt`` in the log dir (secrets redacted); a
session marker with the process id exists while the app runs. The next start mentions
either once: unseen reports, or a marker left by a process that died."""

from __future__ import annotations

import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from desk_crm import __version__
from desk_crm.processes import alive
from desk_crm.security import redact

SEEN = "crash-reports-seen"
SESSION = "session.pid"


def write_report(log_dir: Path, details: str) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = log_dir / f"crash-{stamp}.txt"
    header = (f"Desk CRM {__version__}\nPython {sys.version.split()[0]} on "
              f"{platform.platform()}\nTime (UTC) {stamp}\n\n")
    path.write_text(header + redact(details), encoding="utf-8")
    return path


def unseen_reports(log_dir: Path) -> list[Path]:
    marker = log_dir / SEEN
    seen = marker.read_text(encoding="utf-8").strip() if marker.exists() else ""
    return sorted(p for p in log_dir.glob("crash-*.txt") if p.name > seen)


def mark_seen(log_dir: Path) -> None:
    reports = sorted(log_dir.glob("crash-*.txt"))
    if reports:
        (log_dir / SEEN).write_text(reports[-1].name, encoding="utf-8")


def running_pid(data_dir: Path) -> int | None:
    """The pid of a Desk CRM that has this data dir open right now, if any."""
    marker = data_dir / SESSION
    try:
        pid = int(marker.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None
    return pid if pid != os.getpid() and alive(pid) else None


def begin_session(data_dir: Path) -> bool:
    """Mark this session as running; True when the previous one did not end cleanly."""
    marker = data_dir / SESSION
    try:
        previous = int(marker.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        previous = None
    unclean = marker.exists() and previous != os.getpid() and (
        previous is None or not alive(previous))
    marker.write_text(str(os.getpid()), encoding="utf-8")
    return unclean


def end_session(data_dir: Path) -> None:
    (data_dir / SESSION).unlink(missing_ok=True)
