"""``pip install .`` / a wheel carries what the app reads at run time: the self-test passes
from the installed package alone, zh_CN included (it once failed with
"desk_crm_zh_CN.qm not found"), with no source tree beside it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_self_test_passes_from_an_installed_wheel(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q",
                    "-w", str(wheels)], check=True, timeout=600, capture_output=True)
    (wheel,) = wheels.glob("desk_crm-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "desk_crm/resources/translations/desk_crm_zh_CN.qm" in names
    assert "desk_crm/resources/templates/quote.html" in names
    assert not any("screenshots" in name for name in names)

    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(site), str(wheel)], check=True, timeout=300, capture_output=True)
    # The installed copy, not the source tree (first on the path; run from elsewhere).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(site)}
    where = subprocess.run([sys.executable, "-c", "import desk_crm.paths as p; "
                            "print(p.__file__); print(p.resources_dir())"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    module_file, resources = where.stdout.split()
    assert module_file.startswith(str(site)) and resources.startswith(str(site))
    result = subprocess.run([sys.executable, "-m", "desk_crm", "--self-test", "--data-dir",
                             str(tmp_path / "data")], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=180, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAIL" not in result.stdout
    assert "zh_CN loads" in result.stdout
