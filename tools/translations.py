"""Extract and compile the app's translations.

    .venv/bin/python tools/translations.py update    # refresh resources/translations/*.ts
    .venv/bin/python tools/translations.py compile   # .ts -> .qm (done by ./dev and build.spec)

``update`` runs pyside6-lupdate over every module in src/desk_crm and every ui/*.ui form,
keeping the translations already in the .ts files (strings that disappeared are marked
obsolete and dropped with -no-obsolete). ``compile`` writes the .qm files beside them; they
are build output and not committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    beside_python = Path(sys.executable).with_name(name)
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    python = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "src" / "desk_crm").rglob("*.py")
                    if "forms" not in p.parts)
    forms = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.ui"))
    return python + forms


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"desk_crm_{language}.ts"


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                        *sources(), "-ts", str(ts_file(language))],
                       check=True, cwd=ROOT)


def compile_all(quiet: bool = False) -> None:
    for language in LANGUAGES:
        source = ts_file(language)
        target = source.with_suffix(".qm")
        if not source.exists():
            continue
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        subprocess.run([tool("pyside6-lrelease"), *(["-silent"] if quiet else []),
                        str(source), "-qm", str(target)], check=True, cwd=ROOT)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        update()
    elif command == "compile":
        compile_all(quiet="--quiet" in argv)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
