"""tools/system_check.py names the system packages Qt lacks on a bare machine (./dev runs it
before starting anything), instead of Qt aborting with a loader error."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("system_check", ROOT / "tools" / "system_check.py")
assert spec is not None and spec.loader is not None
system_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(system_check)

LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6Gui.so.6 => /venv/PySide6/Qt/lib/libQt6Gui.so.6 (0x00007f)
\tlibEGL.so.1 => not found
\tlibxcb-cursor.so.0 => not found
\tlibfontconfig.so.1 => /lib/x86_64-linux-gnu/libfontconfig.so.1 (0x00007f)
"""


def test_ldd_lines_without_a_library_are_found() -> None:
    assert system_check.NOT_FOUND.findall(LDD_OUTPUT) == ["libEGL.so.1", "libxcb-cursor.so.0"]


def test_missing_libraries_are_named_as_packages_with_the_command(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(system_check, "missing_libraries",
                        lambda gui: ["libEGL.so.1", "libxcb-cursor.so.0", "libweird.so.9"])
    monkeypatch.setattr(system_check, "has_cjk_font", lambda: False)
    assert system_check.main(["--gui"]) == 1  # not asked to install: names them, fails
    out = capsys.readouterr().out
    assert "sudo apt-get install -y --no-install-recommends libegl1 libxcb-cursor0" in out
    assert "no known package for: libweird.so.9" in out
    assert "fonts-wqy-microhei" in out


def test_this_machine_has_what_the_tests_need() -> None:
    # The test run itself got here, so offscreen Qt loads: the check must agree.
    assert system_check.missing_libraries(gui=False) == []
    assert system_check.main([]) == 0
