"""One logging configuration: a rotating file in the per-user log dir, warnings to stderr."""

from __future__ import annotations

import logging
import logging.handlers
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desk_crm.security import RedactingFilter

AREAS = ("desk_crm.store", "desk_crm.services", "desk_crm.ui", "desk_crm.sync", "desk_crm.app")


def configure(log_dir: Path, verbose: bool = False) -> None:
    log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger("desk_crm")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.handlers.clear()
    file_handler = logging.handlers.RotatingFileHandler(
        log_dir / "desk-crm.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    file_handler.addFilter(RedactingFilter())
    root.addHandler(file_handler)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    console.addFilter(RedactingFilter())
    root.addHandler(console)


@contextmanager
def log_time(logger: logging.Logger, what: str) -> Iterator[None]:
    """Log how long a start-up phase or a slow query took."""
    started = time.perf_counter()
    try:
        yield
    finally:
        logger.info("%s took %.0f ms", what, (time.perf_counter() - started) * 1000)
