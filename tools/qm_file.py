"""Write a Qt .qm catalogue from a .ts file in plain Python (no Qt tools needed).

The wheel build (setup.py) uses it so ``pip install .`` ships the compiled zh_CN
catalogue without pulling PySide6 into the isolated build environment;
tests/test_qm_file.py checks that QTranslator gives the same text for every message as
with the .qm pyside6-lrelease writes.

Format (Qt's translator.cpp / linguist qm.cpp): a 16-byte magic, then tagged sections
(tag byte, big-endian uint32 length, payload): Language, Hashes (pairs of ELF hash of
source+comment and offset into Messages, sorted) and Messages (per message: translation
forms as UTF-16BE, source, comment and context as UTF-8, then an end tag).
"""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

MAGIC = bytes((0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95,
               0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD))
TAG_HASHES, TAG_MESSAGES, TAG_LANGUAGE = 0x42, 0x69, 0xA7
TAG_END, TAG_TRANSLATION, TAG_SOURCE, TAG_CONTEXT, TAG_COMMENT = 1, 3, 6, 7, 8


def elf_hash(data: bytes) -> int:
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def _text(element: ET.Element | None) -> str:
    return "" if element is None else "".join(element.itertext())


def _block(tag: int, data: bytes) -> bytes:
    return struct.pack(">BI", tag, len(data)) + data


def messages(ts_path: Path) -> list[tuple[str, str, str, list[str]]]:
    """(context, source, comment, translation forms) of every finished message."""
    found = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in (
                    "unfinished", "vanished", "obsolete"):
                continue
            forms = ([_text(form) for form in translation.iter("numerusform")]
                     if message.get("numerus") == "yes" else [_text(translation)])
            if not any(forms):
                continue
            found.append((name, _text(message.find("source")),
                          _text(message.find("comment")), forms))
    return found


def qm_bytes(ts_path: Path) -> bytes:
    language = ET.parse(ts_path).getroot().get("language", "")
    payload = bytearray()
    hashes: list[tuple[int, int]] = []
    for context, source, comment, forms in messages(ts_path):
        offset = len(payload)
        for form in forms:
            encoded = form.encode("utf-16-be")
            payload += struct.pack(">BI", TAG_TRANSLATION, len(encoded)) + encoded
        for tag, value in ((TAG_SOURCE, source), (TAG_COMMENT, comment),
                           (TAG_CONTEXT, context)):
            encoded = value.encode("utf-8")
            payload += struct.pack(">BI", tag, len(encoded)) + encoded
        payload.append(TAG_END)
        hashes.append((elf_hash((source + comment).encode("utf-8")), offset))
    table = b"".join(struct.pack(">II", h, o) for h, o in sorted(hashes))
    out = MAGIC
    if language:
        out += _block(TAG_LANGUAGE, language.encode("utf-8"))
    return out + _block(TAG_HASHES, table) + _block(TAG_MESSAGES, bytes(payload))


def write_qm(ts_path: Path, qm_path: Path) -> None:
    qm_path.parent.mkdir(parents=True, exist_ok=True)
    qm_path.write_bytes(qm_bytes(ts_path))
