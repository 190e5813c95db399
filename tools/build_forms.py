"""Compile the Qt Designer forms in ui/*.ui into src/desk_crm/ui/forms/ui_*.py.

Run after editing a form: ``.venv/bin/python tools/build_forms.py``. The output is committed
so that a fresh clone and PyInstaller need no build step; tests/ui/test_forms_fresh.py fails
when a committed form is older than its .ui file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS_SRC = ROOT / "ui"
FORMS_OUT = ROOT / "src" / "desk_crm" / "ui" / "forms"
HEADER = "# Generated from ui/{name} by tools/build_forms.py: do not edit, edit the .ui file.\n"


def uic_executable() -> str:
    beside_python = Path(sys.executable).with_name("pyside6-uic")
    found = str(beside_python) if beside_python.exists() else shutil.which("pyside6-uic")
    if not found:
        raise SystemExit("pyside6-uic not found: install PySide6-Essentials")
    return found


def compile_form(ui_file: Path) -> str:
    generated = subprocess.run([uic_executable(), "--from-imports", str(ui_file)], check=True,
                               capture_output=True, text=True).stdout
    return HEADER.format(name=ui_file.name) + generated


def output_path(ui_file: Path) -> Path:
    return FORMS_OUT / f"ui_{ui_file.stem}.py"


def main() -> int:
    FORMS_OUT.mkdir(parents=True, exist_ok=True)
    (FORMS_OUT / "__init__.py").write_text('"""Generated Designer forms."""\n', encoding="utf-8")
    for ui_file in sorted(FORMS_SRC.glob("*.ui")):
        output_path(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"compiled {ui_file.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
