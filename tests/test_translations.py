"""The committed translations (resources/translations/*.ts) are complete, fresh and loadable.

Fails when
- a user-visible string has no finished translation (run ``tools/translations.py update``
  and translate what it marks unfinished);
- a string was added to or removed from the code or a ui/*.ui form without running
  ``tools/translations.py update`` (the .ts is stale);
- a translation lost a %1 placeholder, a line break, an Alt+letter accelerator or a
  Ctrl+ shortcut hint of its source;
- the compiled catalogue does not turn English into Chinese at run time.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]


def load_translations_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_tool",
                                                  ROOT / "tools" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = load_translations_tool()
LANGUAGES = tool.LANGUAGES
TS_FILES = {language: tool.ts_file(language) for language in LANGUAGES}

# (context, source, disambiguation comment)
Key = tuple[str, str, str]


def read_messages(path: Path) -> dict[Key, ET.Element]:
    """Every <message> of a .ts file by (context, source, comment)."""
    messages: dict[Key, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            key = (name, message.findtext("source", default=""),
                   message.findtext("comment", default=""))
            messages[key] = message
    return messages


def translation_texts(message: ET.Element) -> list[str]:
    """The translated text, or each plural form of a numerus message."""
    translation = message.find("translation")
    if translation is None:
        return []
    forms = translation.findall("numerusform")
    if forms:
        return [form.text or "" for form in forms]
    return [translation.text or ""]


def label(key: Key) -> str:
    context, source, comment = key
    return f"[{context}] {source!r}" + (f" ({comment})" if comment else "")


PLACEHOLDER = re.compile(r"%(\d+)|\{(\w+)\}")
# "&File", "E&mails:" — an & before a letter or digit; "&&" is a literal ampersand.
ACCELERATOR = re.compile(r"(?<!&)&(?!&)(\w)")
SHORTCUT = re.compile(r"\b(?:Ctrl|Alt|Shift|Meta)\+\S+?(?=[)）\s]|$)")
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module", params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module")
def committed(language: str) -> dict[Key, ET.Element]:
    path = TS_FILES[language]
    assert path.exists(), f"{path.name} missing: run tools/translations.py update"
    return read_messages(path)


def test_ts_file_has_messages(committed: dict[Key, ET.Element]) -> None:
    contexts = {context for context, _, _ in committed}
    assert {"Areas", "Columns", "MainWindow", "ContactEditor", "AccountEditor"} <= contexts
    assert len(committed) > 100


def test_every_message_is_translated(committed: dict[Key, ET.Element]) -> None:
    problems = []
    for key, message in committed.items():
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        texts = translation_texts(message)
        if kind in {"unfinished", "vanished", "obsolete", "missing"}:
            problems.append(f"{label(key)}: translation {kind}")
        elif not texts or not all(text.strip() for text in texts):
            problems.append(f"{label(key)}: empty translation")
    assert not problems, ("untranslated strings (run tools/translations.py update, then "
                          "translate):\n" + "\n".join(problems))


def test_ts_file_is_up_to_date(language: str, committed: dict[Key, ET.Element],
                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run tools/translations.py update itself (same lupdate arguments) on a copy."""
    copy = tmp_path / TS_FILES[language].name
    shutil.copyfile(TS_FILES[language], copy)
    for other in LANGUAGES:
        if other != language and TS_FILES[other].exists():
            shutil.copyfile(TS_FILES[other], tmp_path / TS_FILES[other].name)
    monkeypatch.setattr(tool, "TRANSLATIONS", tmp_path)
    tool.update()  # lupdate's report goes to the captured output
    fresh = read_messages(copy)
    added = sorted(set(fresh) - set(committed))
    removed = sorted(set(committed) - set(fresh))
    assert not added and not removed, (
        f"{copy.name} is stale: run tools/translations.py update and translate the new "
        "strings\n" + "\n".join([f"new in code: {label(k)}" for k in added]
                                + [f"gone from code: {label(k)}" for k in removed]))


def _quiet_run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)
    assert result.returncode == 0, f"{args[0]} failed:\n{result.stdout}{result.stderr}"
    return result


def test_translations_keep_placeholders_breaks_and_accelerators(
        committed: dict[Key, ET.Element]) -> None:
    problems = []
    for key, message in committed.items():
        source = key[1]
        for text in translation_texts(message):
            if not text:
                continue  # reported by test_every_message_is_translated
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"{label(key)} -> {text!r}: placeholders differ")
            if source.count("\n") != text.count("\n"):
                problems.append(f"{label(key)} -> {text!r}: line breaks differ")
            if len(ACCELERATOR.findall(source)) != len(ACCELERATOR.findall(text)):
                problems.append(f"{label(key)} -> {text!r}: accelerator (&) lost or added; "
                                "write it as 文件(&F)")
            for shortcut in SHORTCUT.findall(source):
                if shortcut not in text:
                    problems.append(f"{label(key)} -> {text!r}: shortcut {shortcut} lost")
            if source.endswith(":") and not text.endswith(":"):
                problems.append(f"{label(key)} -> {text!r}: form labels end with ASCII ':'")
            if text != text.strip() and source == source.strip():
                problems.append(f"{label(key)} -> {text!r}: leading or trailing space")
    assert not problems, "\n".join(problems)


def test_compiled_translation_is_used_at_run_time(qapp: QApplication, tmp_path: Path) -> None:
    if "zh_CN" not in LANGUAGES:
        pytest.skip("no zh_CN translation")
    qm = tmp_path / "desk_crm_zh_CN.qm"
    _quiet_run([tool.tool("pyside6-lrelease"), "-silent", str(TS_FILES["zh_CN"]),
                "-qm", str(qm)], cwd=ROOT)
    translator = QTranslator()
    assert translator.load(str(qm)), "lrelease output does not load"
    assert qapp.installTranslator(translator)
    try:
        translate = QCoreApplication.translate
        assert translate("Entities", "Contacts") == "联系人"
        assert translate("Entities", "Accounts") == "客户"
        assert translate("Columns", "Name") == "名称"
        assert translate("MainWindow", "&File") == "文件(&F)"
        about = translate("MainWindow", "Desk CRM %1\nAn offline-first desktop CRM.\n\n"
                                        "Data file: %2")
        assert HAN.search(about) and "%1" in about and "%2" in about
        assert translate("Areas", "No such string") == "No such string"
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("Areas", "Contacts") == "Contacts"
