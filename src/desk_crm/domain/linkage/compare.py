"""Comparison levels of a pair of records, field by field, for many pairs at once.

Each comparison gives every pair one level (0 = a value is missing on either side, then 1
the strongest agreement down to the last, "different"). Equality is an integer compare of
vocabulary codes; fuzzy similarity (Jaro-Winkler, Indel, OSA edit distance from rapidfuzz)
is computed once per distinct pair of values, so "Smith"/"Smyth" is scored once however
many pairs share it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel, JaroWinkler

from desk_crm.domain.linkage.table import RecordTable, Vocabulary

Levels = npt.NDArray[np.int8]
Floats = npt.NDArray[np.float32]
Index = npt.NDArray[np.int32]


@dataclass(frozen=True)
class Comparison:
    key: str
    levels: tuple[str, ...]  # level labels; index 0 is always "missing"


_NAME_LEVELS = ("missing", "exact", "swapped", "same pinyin", "very similar", "similar",
                "different")
COMPARISONS = (
    Comparison("family", _NAME_LEVELS),
    Comparison("given", _NAME_LEVELS),
    # Address lines and postcode judged together: they say the same thing twice, and
    # counting both in full would let a shared address outvote two different given names.
    Comparison("address", ("missing", "exact", "very similar", "similar", "same postcode",
                           "same city", "same region", "different")),
    Comparison("birth", ("missing", "exact", "day and month swapped", "one edit",
                         "same year", "different")),
    Comparison("company", ("missing", "exact", "similar", "different")),
    Comparison("email", ("missing", "exact", "similar", "different")),
    Comparison("phone", ("missing", "exact", "one edit", "different")),
)
FIELD_INDEX = {c.key: i for i, c in enumerate(COMPARISONS)}


def compare(table: RecordTable, left: Index, right: Index) -> Levels:
    """Levels (pairs × comparisons) of the record pairs (left[i], right[i])."""
    gamma = np.zeros((len(left), len(COMPARISONS)), dtype=np.int8)
    if len(left) == 0:
        return gamma
    family, given = _names(table, left, right)
    gamma[:, 0], gamma[:, 1] = family, given
    gamma[:, 2] = _address(table, left, right)
    gamma[:, 3] = _birth(table, left, right)
    gamma[:, 4] = _banded(table, "company", left, right, JaroWinkler.normalized_similarity,
                          (0.9,))
    gamma[:, 5] = _points(table, "email", left, right)
    gamma[:, 6] = _points(table, "phone", left, right)
    return gamma


def _unique_pairs(ca: Index, cb: Index) -> tuple[Index, Index, npt.NDArray[np.intp]]:
    width = int(max(ca.max(initial=0), cb.max(initial=0))) + 1
    encoded = ca.astype(np.int64) * width + cb
    unique, inverse = np.unique(encoded, return_inverse=True)
    return ((unique // width).astype(np.int32), (unique % width).astype(np.int32),
            inverse.reshape(-1))


def _scores(values_a: Vocabulary, ca: Index, values_b: Vocabulary, cb: Index,
            scorer: Callable[..., Any], dtype: Any = np.float32) -> Floats:
    """scorer(values_a[ca[i]], values_b[cb[i]]) for every i, once per distinct pair."""
    if len(ca) == 0:
        return np.zeros(0, dtype=dtype)
    ua, ub, inverse = _unique_pairs(ca, cb)
    result = process.cpdist(values_a.pick(ua), values_b.pick(ub), scorer=scorer,
                            dtype=dtype, workers=1)
    return np.asarray(result, dtype=dtype)[inverse]


def _similarity(table: RecordTable, field_a: str, ca: Index, field_b: str, cb: Index,
                scorer: Callable[..., Any]) -> Floats:
    """Similarity over all pairs: 1 where the codes are equal, 0 where one is missing."""
    sim = np.zeros(len(ca), dtype=np.float32)
    present = (ca != 0) & (cb != 0)
    if field_a == field_b:
        equal = present & (ca == cb)
        sim[equal] = 1.0
        fuzzy = present & ~equal
    else:
        fuzzy = present
    sim[fuzzy] = _scores(table.vocab[field_a], ca[fuzzy], table.vocab[field_b], cb[fuzzy],
                         scorer)
    return sim


def _names(table: RecordTable, left: Index, right: Index) -> tuple[Levels, Levels]:
    fa, fb = table.codes["family"][left], table.codes["family"][right]
    ga, gb = table.codes["given"][left], table.codes["given"][right]
    jw = JaroWinkler.normalized_similarity
    s_ff = _similarity(table, "family", fa, "family", fb, jw)
    s_gg = _similarity(table, "given", ga, "given", gb, jw)
    # Swapped parts are only looked for where the names in order do not already agree.
    s_fg = np.zeros(len(left), dtype=np.float32)
    s_gf = np.zeros(len(left), dtype=np.float32)
    loose = (s_ff + s_gg) < 1.9
    s_fg[loose] = _similarity(table, "family", fa[loose], "given", gb[loose], jw)
    s_gf[loose] = _similarity(table, "given", ga[loose], "family", fb[loose], jw)
    swapped = loose & (s_fg + s_gf > s_ff + s_gg + 0.1) & (s_fg > 0.8) & (s_gf > 0.8)
    cjk_family = (table.codes["family_cjk"][left] == table.codes["family_cjk"][right])
    cjk_given = (table.codes["given_cjk"][left] == table.codes["given_cjk"][right])
    family = _name_levels(np.where(swapped, s_fg, s_ff), (fa != 0) & (fb != 0), swapped,
                          cjk_family)
    given = _name_levels(np.where(swapped, s_gf, s_gg), (ga != 0) & (gb != 0), swapped,
                         cjk_given)
    return family, given


def _name_levels(sim: Floats, present: npt.NDArray[np.bool_], swapped: npt.NDArray[np.bool_],
                 same_chars: npt.NDArray[np.bool_]) -> Levels:
    levels = np.full(len(sim), 6, dtype=np.int8)
    levels[sim >= 0.80] = 5
    levels[sim >= 0.92] = 4
    levels[(sim >= 1.0) & ~same_chars] = 3  # 张三 / 章三 / Zhang San: one sound
    levels[(sim >= 0.92) & swapped] = 2
    levels[(sim >= 1.0) & same_chars & ~swapped] = 1
    levels[~(present | swapped)] = 0
    return levels


def _banded(table: RecordTable, field: str, left: Index, right: Index,
            scorer: Callable[..., Any] | None, bands: tuple[float, ...]) -> Levels:
    ca, cb = table.codes[field][left], table.codes[field][right]
    present = (ca != 0) & (cb != 0)
    equal = present & (ca == cb)
    levels = np.full(len(ca), len(bands) + 2, dtype=np.int8)
    if scorer is not None and bands:
        sim = _similarity(table, field, ca, field, cb, scorer)
        for offset, band in reversed(list(enumerate(bands))):
            levels[present & (sim >= band)] = offset + 2
    levels[equal] = 1
    levels[~present] = 0
    return levels


def _address(table: RecordTable, left: Index, right: Index) -> Levels:
    """Address lines, postcode, city and region as one comparison: they say the same thing
    several times, and counting each in full would let a shared address outvote two
    different given names."""
    lines = _banded(table, "address", left, right, Indel.normalized_similarity, (0.9, 0.75))
    postcode = _edits(table, "postcode", left, right, 1)
    city = _banded(table, "city", left, right, JaroWinkler.normalized_similarity, (0.88,))
    region = _banded(table, "region", left, right, None, ())
    # lines: 0 missing 1 exact 2 ≥0.9 3 ≥0.75 4 different; postcode: 0 1 2(one edit) 3;
    # city: 0 missing 1 exact 2 similar 3 different; region: 0 missing 1 same 2 different.
    levels = np.full(len(left), 7, dtype=np.int8)
    levels[region == 1] = 6
    levels[(city == 1) | (city == 2)] = 5
    levels[postcode == 1] = 4
    postcode_ok = postcode != 3
    levels[((lines == 3) & postcode_ok) | ((lines <= 2) & (lines > 0) & ~postcode_ok)] = 3
    levels[((lines == 1) & (postcode != 1) & postcode_ok)
           | ((lines == 2) & postcode_ok)] = 2
    levels[(lines == 1) & (postcode == 1)] = 1
    levels[(lines == 0) & (postcode == 0) & (city == 0) & (region == 0)] = 0
    return levels


def _edits(table: RecordTable, field: str, left: Index, right: Index, most: int) -> Levels:
    ca, cb = table.codes[field][left], table.codes[field][right]
    present = (ca != 0) & (cb != 0)
    equal = present & (ca == cb)
    levels = np.full(len(ca), 3, dtype=np.int8)
    fuzzy = present & ~equal
    values = table.vocab[field]
    distance = _scores(values, ca[fuzzy], values, cb[fuzzy], OSA.distance, np.int32)
    sub = levels[fuzzy]
    sub[distance <= most] = 2
    levels[fuzzy] = sub
    levels[equal] = 1
    levels[~present] = 0
    return levels


def _birth(table: RecordTable, left: Index, right: Index) -> Levels:
    ca, cb = table.codes["birth"][left], table.codes["birth"][right]
    present = (ca != 0) & (cb != 0)
    equal = present & (ca == cb)
    levels = np.zeros(len(ca), dtype=np.int8)
    fuzzy = present & ~equal
    if fuzzy.any():
        digits = _date_digits(table)
        fa, fb = ca[fuzzy], cb[fuzzy]
        da, db = digits[fa], digits[fb]
        year = (da[:, :4] == db[:, :4]).all(axis=1)
        found = np.full(len(fa), 5, dtype=np.int8)
        found[year] = 4
        found[_one_edit(da, db)] = 3
        swapped = year & (da[:, 4:6] == db[:, 6:8]).all(axis=1) & \
            (da[:, 6:8] == db[:, 4:6]).all(axis=1)
        found[swapped] = 2
        levels[fuzzy] = found
    levels[equal] = 1
    return levels


def _date_digits(table: RecordTable) -> npt.NDArray[np.uint8]:
    """The eight digits of each distinct birth date (YYYYMMDD), by vocabulary code."""
    values = table.vocab["birth"].values
    text = "".join(v or "00000000" for v in values).encode("ascii")
    return np.frombuffer(text, dtype=np.uint8).reshape(len(values), 8)


def _one_edit(a: npt.NDArray[np.uint8], b: npt.NDArray[np.uint8]) -> npt.NDArray[np.bool_]:
    """Two different strings of one length at most one edit apart (optimal string
    alignment): one character changed, or two neighbours swapped."""
    differ = a != b
    count = differ.sum(axis=1)
    neighbours = differ[:, :-1] & differ[:, 1:] & (a[:, :-1] == b[:, 1:]) & \
        (a[:, 1:] == b[:, :-1])
    return np.asarray((count == 1) | ((count == 2) & neighbours.any(axis=1)))


def _points(table: RecordTable, field: str, left: Index, right: Index) -> Levels:
    """E-mails or phones: any value shared is "exact"; else the primary values compared."""
    if field == "email":
        levels = _banded(table, field, left, right, JaroWinkler.normalized_similarity, (0.9,))
        extra = table.extra_emails
    else:
        levels = _edits(table, field, left, right, 1)
        extra = table.extra_phones
    if extra:
        codes, values = table.codes[field], table.vocab[field].values
        has_extra = np.zeros(len(table), dtype=np.bool_)
        has_extra[np.fromiter(extra, dtype=np.int64)] = True
        check = (levels > 1) & (has_extra[left] | has_extra[right])
        for i in np.flatnonzero(check).tolist():
            a, b = int(left[i]), int(right[i])
            mine = extra.get(a) or frozenset({values[int(codes[a])]})
            theirs = extra.get(b) or frozenset({values[int(codes[b])]})
            if mine & theirs:
                levels[i] = 1
    return levels
