"""tools/qm_file.py (the wheel's translation compiler) gives QTranslator the same text for
every message as pyside6-lrelease's .qm."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "desk_crm_zh_CN.ts"
spec = importlib.util.spec_from_file_location("qm_file", ROOT / "tools" / "qm_file.py")
assert spec is not None and spec.loader is not None
qm_file = importlib.util.module_from_spec(spec)
spec.loader.exec_module(qm_file)


def test_elf_hash_matches_qt() -> None:
    # Qt's elfHash (translator.cpp) by hand for short inputs; 0 becomes 1. Long texts,
    # where the top nibble folds back, are checked by the lrelease comparison below.
    assert qm_file.elf_hash(b"") == 1
    assert qm_file.elf_hash(b"A") == 0x41
    assert qm_file.elf_hash(b"AB") == (0x41 << 4) + 0x42


def test_python_and_lrelease_catalogues_translate_alike(tmp_path: Path, qapp: object) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        found = shutil.which("pyside6-lrelease")
        if not found:
            pytest.skip("pyside6-lrelease not installed")
        lrelease = Path(found)
    ours, theirs = tmp_path / "ours.qm", tmp_path / "theirs.qm"
    qm_file.write_qm(TS, ours)
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(theirs)], check=True)
    mine, reference = QTranslator(), QTranslator()
    assert mine.load(str(ours)) and reference.load(str(theirs))
    assert mine.language() == reference.language() == "zh_CN"
    messages = qm_file.messages(TS)
    assert len(messages) > 1000
    for context, source, comment, _forms in messages:
        expected = reference.translate(context, source, comment or None)
        assert expected, (context, source)
        assert mine.translate(context, source, comment or None) == expected, (context, source)
    assert mine.translate("Areas", "no such text") == ""
