"""``desk-crm --self-test`` in a fresh process, as an installer or CI would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_self_test_passes_on_a_new_data_dir(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "desk_crm", "--self-test", "--data-dir", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "FAIL" not in result.stdout
    assert "ok   main window" in result.stdout
    assert (tmp_path / "crm.sqlite3").exists()
