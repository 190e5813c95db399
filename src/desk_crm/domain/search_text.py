"""Text for, and queries against, an SQLite FTS5 table using the unicode61 tokenizer.

unicode61 splits on anything that is not a letter, number or mark, so Latin words and
email or phone fragments index well as they are. It keeps a run of Chinese characters
as ONE token, though: "张三丰" is indexed as a single word and a search for "三" would
not find it. So each CJK run is indexed again as single characters and bigrams, and a
query is rewritten to the same tokens. (The trigram tokenizer would avoid this but
cannot find one- or two-character terms, which is most of a Chinese name.)
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Literal

from desk_crm.domain.text import has_cjk, is_cjk_char

Kind = Literal["cjk", "word", "separator"]
_PHONE_LIKE = re.compile(r"^\s*\+?[\d\s\-().]+$")


def index_text(parts: Iterable[str]) -> str:
    """One string for the FTS body column: "张三丰" -> "张三丰 张 三 丰 张三 三丰"."""
    pieces: list[str] = []
    for part in parts:
        part = unicodedata.normalize("NFC", part)
        if not has_cjk(part):  # most parts (emails, numbers, Latin names): one regex test
            pieces.append(part)
            continue
        # Non-CJK text is kept verbatim: unicode61 does its own splitting of punctuation.
        verbatim = ""
        for kind, run in _runs(part):
            if kind == "cjk":
                pieces.append(verbatim)
                pieces.extend(_cjk_index_tokens(run))
                verbatim = ""
            else:
                verbatim += run
        pieces.append(verbatim)
    return " ".join(" ".join(pieces).split())


def match_query(user_text: str) -> str | None:
    """A safe FTS5 MATCH expression for free user input; None if nothing is searchable.

    Every token is a double-quoted string, so FTS5 operators typed by the user (AND,
    NEAR, *, quotes, brackets, column:) are only ever searched for as words.
    """
    text = unicodedata.normalize("NFC", user_text or "")
    if _PHONE_LIKE.match(text) and sum(c.isdigit() for c in text) >= 3:
        # "138 0013 8000", "021-8888-6666", "+86 (20) 8888": one number typed in groups.
        # The index holds whole numbers, so search the digits joined as one prefix.
        return _quote("".join(c for c in text if c.isdigit())) + "*"
    tokens: list[str] = []
    for kind, run in _runs(text):
        if kind == "cjk":
            tokens.extend(_quote(gram) for gram in _cjk_query_grams(run))
        elif kind == "word":
            # Prefix search so results narrow while the user is still typing.
            tokens.append(_quote(run) + "*")
    unique = list(dict.fromkeys(tokens))
    return " AND ".join(unique) if unique else None


def _runs(text: str) -> Iterator[tuple[Kind, str]]:
    """Split text into maximal runs of CJK token chars, other token chars and the rest."""
    kind: Kind | None = None
    start = 0
    for index, char in enumerate(text):
        char_kind = _kind(char)
        if char_kind != kind:
            if kind is not None:
                yield kind, text[start:index]
            kind, start = char_kind, index
    if kind is not None:
        yield kind, text[start:]


@lru_cache(maxsize=65536)  # per character: an import indexes the same few thousand
def _kind(char: str) -> Kind:
    # Mirrors unicode61's default token characters: letters, numbers, marks, private use.
    category = unicodedata.category(char)
    if category[0] not in "LNM" and category != "Co":
        return "separator"
    return "cjk" if is_cjk_char(char) else "word"


def _cjk_index_tokens(run: str) -> list[str]:
    grams = [run, *run, *(run[i : i + 2] for i in range(len(run) - 1))]
    return list(dict.fromkeys(grams))


def _cjk_query_grams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _quote(token: str) -> str:
    # Tokens never contain a quote today; doubling keeps that safe if _runs ever changes.
    return '"' + token.replace('"', '""') + '"'
