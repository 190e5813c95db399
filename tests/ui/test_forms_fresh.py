"""The committed Designer forms (src/desk_crm/ui/forms/ui_*.py) match their ui/*.ui files:
fails when someone edited a .ui file and forgot ``python tools/build_forms.py``."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_build_forms() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_forms", ROOT / "tools" / "build_forms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_forms = load_build_forms()
FORMS = sorted(build_forms.FORMS_SRC.glob("*.ui"))


def test_there_are_forms_to_check() -> None:
    assert {form.name for form in FORMS} >= {"contact_editor.ui", "account_editor.ui"}


@pytest.mark.parametrize("ui_file", FORMS, ids=lambda path: path.name)
def test_committed_form_matches_its_ui_file(ui_file: Path) -> None:
    committed = build_forms.output_path(ui_file)
    assert committed.exists(), f"{committed.name} missing: run tools/build_forms.py"
    fresh = build_forms.compile_form(ui_file)
    assert committed.read_text(encoding="utf-8") == fresh, (
        f"{committed.name} is stale: run tools/build_forms.py")
    assert fresh.startswith(f"# Generated from ui/{ui_file.name}")
