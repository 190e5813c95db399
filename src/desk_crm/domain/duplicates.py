"""Scoring two accounts as possible duplicates, and grouping records by blocks.

Pure rules: no Qt, no database. Scores are 0..100; an exact normalised email, phone or
website domain is 100; company names are compared with ``rapidfuzz.fuzz.token_sort_ratio``
on case-folded pinyin keys without their legal form (Ltd = Limited = 有限公司). Only
records in one *block* are compared (same first three characters of a company name, same
email / phone / domain), never all pairs.

Contacts (people) are matched probabilistically instead: see ``domain/linkage``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from rapidfuzz import fuzz, process

from desk_crm.domain.names import company_sort_key

NAME_THRESHOLD = 90

# Legal-form words dropped before comparing company names (Ltd = Limited = 有限公司).
_LEGAL_FORMS = frozenset({
    "ltd", "limited", "inc", "incorporated", "llc", "co", "company", "corp", "corporation",
    "gmbh", "ag", "sa", "plc", "bv", "you xian gong si", "gu fen", "you xian ze ren gong si",
})  # fmt: skip
_CJK_LEGAL = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司")


@dataclass(frozen=True)
class AccountKey:
    id: str
    name: str
    emails: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()
    website: str = ""


K = TypeVar("K", bound="AccountKey")


@dataclass(frozen=True)
class Match:
    score: int
    reason: str  # "email" / "phone" / "website" / "name"
    value: str


@dataclass(frozen=True)
class ScoredGroup:
    members: tuple[str, ...]
    score: int
    reason: str
    value: str = field(default="")


@lru_cache(maxsize=65536)
def company_key(name: str) -> str:
    """Case-folded pinyin of a company name without its legal form."""
    text = name.strip()
    for suffix in _CJK_LEGAL:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    key = re.sub(r"[^\w ]+", " ", company_sort_key(text))
    words = key.split()
    while words and words[-1] in _LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def website_domain(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url.strip().casefold()).split("/")[0].split(":")[0]
    return host.removeprefix("www.")


def score_accounts(a: AccountKey, b: AccountKey) -> Match:
    """How likely *a* and *b* are one company (100 = same email, phone or web domain)."""
    for kind, left, right in (("email", a.emails, b.emails), ("phone", a.phones, b.phones)):
        shared = left & right
        if shared:
            return Match(100, kind, min(shared))
    domain = website_domain(a.website)
    if domain and domain == website_domain(b.website):
        return Match(100, "website", domain)
    key_a, key_b = company_key(a.name), company_key(b.name)
    if not key_a or not key_b:
        return Match(0, "name", "")
    return Match(round(fuzz.token_sort_ratio(key_a, key_b)), "name", a.name)


def account_blocks(key: AccountKey) -> set[str]:
    name = company_key(key.name).replace(" ", "")
    blocks = {f"e:{e}" for e in key.emails} | {f"p:{p}" for p in key.phones}
    if name:
        blocks.add(f"n:{name[:3]}")
    domain = website_domain(key.website)
    if domain:
        blocks.add(f"w:{domain}")
    return blocks


_SCREEN_FROM = 40  # block size from which the vectorised screen pays off


def _candidate_pairs(block: str, members: list[K], name_text: Callable[[K], str] | None,
                     threshold: int) -> Iterable[tuple[int, int]]:
    if name_text is None or not block.startswith("n:") or len(members) < _SCREEN_FROM:
        return ((i, j) for i in range(len(members)) for j in range(i + 1, len(members)))
    texts = [name_text(m) for m in members]
    pairs = []
    for i, text in enumerate(texts):
        later = texts[i + 1:]
        for _, _, j in process.extract(text, later, scorer=fuzz.token_sort_ratio,
                                       score_cutoff=threshold - 0.5,  # scores are rounded
                                       limit=None):
            pairs.append((i, i + 1 + j))
    return pairs


def account_name_text(key: AccountKey) -> str:
    return company_key(key.name)


def group_duplicates(
        keys: Iterable[K], score: Callable[[K, K], Match], blocks: Callable[[K], set[str]],
        threshold: int = NAME_THRESHOLD,
        progress: Callable[[int, int], None] | None = None,
        name_text: Callable[[K], str] | None = None) -> list[ScoredGroup]:
    """Groups of records scoring at least *threshold* with another member, compared only
    inside blocks; pairs linking groups are joined (A=B by email, B=C by name: one group).
    The group's score is its weakest link, so a low score means "check carefully".
    With *name_text* (the string the name score compares), big name blocks are first
    screened with ``rapidfuzz.process.extract`` (the loop runs in C); only pairs passing it
    are scored in full (the full score is never higher than that screen)."""
    records = list(keys)
    by_block: dict[str, list[K]] = {}
    for record in records:
        for block in blocks(record):
            by_block.setdefault(block, []).append(record)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges: list[tuple[str, str, Match]] = []
    compared: set[tuple[str, str]] = set()
    total = len(by_block)
    for done, (block, members) in enumerate(by_block.items(), 1):
        for i, j in _candidate_pairs(block, members, name_text, threshold):
            left, right = members[i], members[j]
            pair = (left.id, right.id) if left.id < right.id else (right.id, left.id)
            if pair in compared:
                continue
            compared.add(pair)
            match = score(left, right)
            if match.score >= threshold:
                edges.append((left.id, right.id, match))
        if progress is not None:
            progress(done, total)
    for left_id, right_id, _ in sorted(edges, key=lambda e: -e[2].score):
        parent[find(right_id)] = find(left_id)
    order = {record.id: i for i, record in enumerate(records)}
    groups: dict[str, list[tuple[str, str, Match]]] = {}
    for edge in edges:
        groups.setdefault(find(edge[0]), []).append(edge)
    result = []
    for group_edges in groups.values():
        ids: list[str] = sorted({m for e in group_edges for m in e[:2]},
                                key=order.__getitem__)
        best = max(group_edges, key=lambda e: e[2].score)[2]
        weakest = min(e[2].score for e in group_edges)
        result.append(ScoredGroup(tuple(ids), weakest, best.reason, best.value))
    result.sort(key=lambda g: (-g.score, order[g.members[0]]))
    return result
