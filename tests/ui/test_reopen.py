"""The start-up loop in app.run_gui: a window asks for a re-open with a job (here: turning
encryption on), the store is closed, the job runs in a worker, a new window opens on the
converted store with the new key, and the session marker is cleared at the end."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desk_crm import app as app_module
from desk_crm.paths import resolve_paths
from desk_crm.store import encryption
from desk_crm.ui.encryption_dialog import ReopenJob
from desk_crm.ui.main_window import MainWindow


def test_reopen_runs_the_job_with_the_store_closed_and_opens_it_again(
        qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sqlcipher3")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr("desk_crm.ui.startup.mention_last_crash", lambda *a: "")
    paths = resolve_paths(tmp_path).ensure()
    seen: list[tuple[str | None, bool]] = []

    def work(_progress: Any) -> str:
        # Nothing may hold the old file: the conversion swaps it underneath.
        encryption.encrypt_with_backups(paths.database, paths.backups_dir, "new key")
        return "new key"

    def step() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            return
        window = windows[0]
        seen.append((window.services.backups.key, encryption.is_encrypted(paths.database)))
        if len(seen) == 1:
            window.request_reopen(ReopenJob("Encrypt", work))
        else:
            timer.stop()
            window.close()

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(200)
    assert app_module.run_gui(paths, demo=False) == 0
    assert seen == [(None, False), ("new key", True)]
    assert not (paths.data_dir / "session.pid").exists()
    # The daily backup taken before encryption was encrypted along with the database.
    assert all(encryption.is_encrypted(b) for b in paths.backups_dir.glob("crm-*.sqlite3"))
