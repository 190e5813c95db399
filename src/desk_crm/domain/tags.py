"""Free-form tags typed as one comma-separated string or picked from a list."""

import re
from collections.abc import Iterable

from desk_crm.domain.text import clean_text

# ASCII and Chinese list separators, so "VIP，北京、合作伙伴" gives three tags.
_SEPARATORS = re.compile(r"[,，;；、\r\n]")


def normalize_tags(raw: str | Iterable[str]) -> tuple[str, ...]:
    """Cleaned, case-insensitively unique tags (first spelling wins), sorted by casefold."""
    items = [raw] if isinstance(raw, str) else raw
    unique: dict[str, str] = {}
    for item in items:
        for piece in _SEPARATORS.split(item):
            tag = clean_text(piece)
            if tag:
                unique.setdefault(tag.casefold(), tag)
    return tuple(sorted(unique.values(), key=str.casefold))


def format_tags(tags: Iterable[str]) -> str:
    """Tags as one editable string; normalize_tags reads it back."""
    return ", ".join(tags)
