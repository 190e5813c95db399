"""Clean-up of free text typed or pasted by users, and CJK detection."""

import re
import unicodedata

# Han ideographs (incl. Ext A, B-G and compatibility blocks), the ideographic
# iteration/zero marks, kana and Hangul. They are grouped because they share the
# properties that matter here: no spaces between words and no case.
CJK_CHAR_CLASS = (
    "\u1100-\u11ff"  # Hangul Jamo
    "\u3005-\u3007"  # 々 〆 〇
    "\u3040-\u309f"  # Hiragana
    "\u30a0-\u30ff"  # Katakana
    "\u3130-\u318f"  # Hangul Compatibility Jamo
    "\u31f0-\u31ff"  # Katakana Phonetic Extensions
    "\u3400-\u4dbf"  # CJK Unified Ideographs Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uac00-\ud7af"  # Hangul Syllables
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\uff66-\uff9f"  # Halfwidth Katakana
    "\U00020000-\U0003134f"  # Extensions B-G and Compatibility Ideographs Supplement
)
_CJK_RE = re.compile(f"[{CJK_CHAR_CLASS}]")

# Full-width ASCII (！ to ～) as typed by Chinese input methods left in full-width mode,
# plus the ideographic full stop that the same IMEs produce for ".".
_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALFWIDTH[0x3000] = ord(" ")
_HALFWIDTH[0x3002] = ord(".")


def is_cjk_char(char: str) -> bool:
    """True for a single character in one of the CJK blocks."""
    return _CJK_RE.fullmatch(char) is not None


def has_cjk(text: str) -> bool:
    """True when any character is a Han ideograph, kana or Hangul."""
    return _CJK_RE.search(text) is not None


def to_halfwidth(text: str) -> str:
    """Map full-width ASCII look-alikes (＠, ．, １) and 。 to plain ASCII."""
    if text.isascii():  # nothing to map, and translate() is slow per character
        return text
    return text.translate(_HALFWIDTH)


# Lone surrogates (from a broken paste or bytes decoded with surrogateescape) cannot be
# encoded as UTF-8, so SQLite would refuse the whole save; NUL truncates text in C code.
_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")


def without_unstorable(text: str) -> str:
    """*text* without characters no UTF-8 file or database can hold."""
    return _UNSTORABLE.sub("", text)


def clean_text(value: str | None) -> str:
    """Single-line value: NFC, trimmed, every whitespace run (incl. U+3000) -> one space."""
    if not value:
        return ""
    if value.isascii() and value.isprintable():
        # Printable ASCII is NFC already and holds no NUL or surrogate: only the spacing
        # (an import cleans some thirty values a row, most of them like this).
        return " ".join(value.split())
    return " ".join(unicodedata.normalize("NFC", without_unstorable(value)).split())


def clean_multiline(value: str | None) -> str:
    """Multi-line value: \\n line ends, no trailing spaces, no blank lines at either end.

    Leading indentation and blank lines in the middle are the user's formatting and stay.
    """
    if not value:
        return ""
    text = unicodedata.normalize("NFC", without_unstorable(value))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
