"""File names that come from outside (attachments, imports, e-mail parts) made safe to
create inside a folder: one path component, no control or direction-override characters,
nothing Windows refuses, never outside the folder."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError

MAX_NAME_BYTES = 240  # below the 255-byte limit of common file systems, room for " (2)"
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
# Bidi overrides/isolates and zero-width characters can disguise "exe.pdf" as "pdf.exe".
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$",
                               re.IGNORECASE)


def _reject(name: str) -> ValidationError:
    shown = name if len(name) <= 80 else name[:77] + "…"
    return ValidationError("file_name", QT_TRANSLATE_NOOP(
        "Validation", "“{value}” cannot be used as a file name"), value=shown)


def safe_file_name(name: str, fallback: str | None = None) -> str:
    """The last component of *name*, cleaned; when nothing usable is left, *fallback* (for
    names that only label a stored file) or a ValidationError. The one cleaner every
    attachment, export and document name goes through."""
    try:
        return _clean(name)
    except ValidationError:
        if fallback is None:
            raise
        return fallback


def _clean(name: str) -> str:
    if not isinstance(name, str):
        raise _reject(repr(name))
    text = unicodedata.normalize("NFC", name.replace("\\", "/")).split("/")[-1]
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch == " ")
    text = _INVISIBLE.sub("", text)
    text = _FORBIDDEN.sub("_", text)
    text = text.strip(" .")  # Windows drops trailing dots/spaces: "a.exe." is "a.exe"
    if not text or text in (".", ".."):
        raise _reject(name)
    if _WINDOWS_RESERVED.match(text):
        text = "_" + text
    if len(text.encode("utf-8")) > MAX_NAME_BYTES:
        stem, dot, suffix = text.rpartition(".")
        if not dot or len(suffix) > 16:
            stem, suffix = text, ""
        keep = MAX_NAME_BYTES - len(suffix.encode("utf-8")) - (1 if suffix else 0)
        stem = stem.encode("utf-8")[:keep].decode("utf-8", "ignore").rstrip(" .")
        text = f"{stem}.{suffix}" if suffix else stem
        if not stem:
            raise _reject(name)
    return text


def safe_attachment_path(base: Path, name: str) -> Path:
    """Where an attachment called *name* may be written under *base*: inside *base* (also
    after resolving symlinks), never an existing file (a free " (n)" name is chosen)."""
    clean = safe_file_name(name)
    root = base.resolve()
    candidate = root / clean
    stem, suffix = candidate.stem, candidate.suffix
    number = 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = root / f"{stem} ({number}){suffix}"
    if candidate.resolve().parent != root:
        raise _reject(name)
    return candidate
