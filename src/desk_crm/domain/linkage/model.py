"""Fellegi–Sunter scoring: how much more often each comparison level happens between two
records of one person (m) than between two records of different people (u).

u comes from random pairs of the user's own records (nearly all of them are two different
people); m and the share of true matches among the candidate pairs are estimated by
expectation-maximisation over the candidate pairs, grouped by their pattern of levels so
that an iteration costs a few thousand rows whatever the database size. Both are pulled
gently towards a built-in model so that a small database still gives sane weights.
A pair's match weight is log2 of the prior odds plus log2(m/u) of each of its levels
("missing" counts 0); its match probability is 2^w / (1 + 2^w).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from desk_crm.domain.linkage.compare import COMPARISONS, FIELD_INDEX, Levels
from desk_crm.domain.linkage.table import RecordTable

Floats = npt.NDArray[np.float64]
MAX_LEVELS = max(len(c.levels) for c in COMPARISONS)
_LEVEL_BITS = 3
assert MAX_LEVELS <= 1 << _LEVEL_BITS  # pattern codes hold a level in 3 bits

# The built-in model: m and u per level (level 0, missing, is never used), and the prior.
_DEFAULT_M = {
    "family": (0, 0.80, 0.03, 0.02, 0.08, 0.04, 0.03),
    "given": (0, 0.78, 0.03, 0.02, 0.08, 0.05, 0.04),
    "address": (0, 0.60, 0.15, 0.10, 0.06, 0.05, 0.02, 0.02),
    "birth": (0, 0.85, 0.03, 0.08, 0.02, 0.02),
    "company": (0, 0.85, 0.08, 0.07),
    "email": (0, 0.85, 0.08, 0.07),
    "phone": (0, 0.85, 0.08, 0.07),
}
_DEFAULT_U = {
    "family": (0, 0.004, 0.0002, 0.0002, 0.002, 0.03, 0.9636),
    "given": (0, 0.006, 0.0002, 0.0002, 0.003, 0.04, 0.9506),
    "address": (0, 0.0001, 0.0002, 0.002, 0.001, 0.02, 0.05, 0.9267),
    "birth": (0, 0.00005, 0.00002, 0.0006, 0.012, 0.98733),
    "company": (0, 0.01, 0.005, 0.985),
    "email": (0, 0.0001, 0.0005, 0.9994),
    "phone": (0, 0.0001, 0.001, 0.9989),
}
_DEFAULT_PRIOR = 0.001
_U_PSEUDO_PAIRS = 200.0  # weight of the built-in u against the sampled pairs
_M_PSEUDO_PAIRS = 30.0
RANDOM_PAIRS = 200_000
# Decisive disagreements (what Splink users write as exclusion rules): two clearly
# different given names, or two birth dates that differ beyond a typo or a day/month swap,
# mean two people however much else agrees — spouses share an address and a phone, a
# father and son a name. Such a pair's weight is capped here (probability 50 %), so it is
# never grouped at the usual thresholds but can still be looked at with the slider.
VETO_BITS = 0.0
_GIVEN, _BIRTH = FIELD_INDEX["given"], FIELD_INDEX["birth"]
_GIVEN_DIFFERENT, _BIRTH_DIFFERENT = 6, 5


def _matrix(values: dict[str, tuple[float, ...]]) -> Floats:
    out = np.ones((len(COMPARISONS), MAX_LEVELS), dtype=np.float64)
    for f, comparison in enumerate(COMPARISONS):
        row = values[comparison.key]
        out[f, : len(row)] = row
        out[f, 0] = 1.0
    return out


@dataclass(frozen=True)
class FieldContribution:
    key: str  # the comparison, e.g. "family", "postcode"
    level: str  # e.g. "exact", "one edit", "missing"
    bits: float  # log2(m/u): > 0 speaks for one person, < 0 against


class MatchModel:
    """m, u (comparisons × levels) and the prior share of matches among candidates."""

    def __init__(self, m: Floats, u: Floats, prior: float) -> None:
        self.m, self.u, self.prior = m, u, float(prior)
        self.bits = np.log2(m / u)
        self.bits[:, 0] = 0.0  # a missing value tells nothing
        # A name in swapped order, or the same name in pinyin, is the same name: it cannot
        # say more than the name written alike (random pairs almost never show a swap, so
        # u alone would make a swap the strongest evidence of all).
        for f in (FIELD_INDEX["family"], FIELD_INDEX["given"]):
            self.bits[f, 2:4] = np.minimum(self.bits[f, 2:4], self.bits[f, 1])

    @classmethod
    def default(cls) -> MatchModel:
        return cls(_matrix(_DEFAULT_M), _matrix(_DEFAULT_U), _DEFAULT_PRIOR)

    def weights(self, gamma: Levels, adjust: Floats | None = None) -> Floats:
        """Match weights in bits; *adjust* adds per-pair bits (term frequencies)."""
        columns = np.arange(len(COMPARISONS))
        total = self.bits[columns, gamma.astype(np.intp)].sum(axis=1)
        total = total + math.log2(self.prior / (1 - self.prior))
        if adjust is not None:
            total = total + adjust
        vetoed = (gamma[:, _GIVEN] == _GIVEN_DIFFERENT) | (gamma[:, _BIRTH] == _BIRTH_DIFFERENT)
        return np.asarray(np.where(vetoed, np.minimum(total, VETO_BITS), total),
                          dtype=np.float64)

    @staticmethod
    def veto(levels: tuple[int, ...] | list[int]) -> str:
        """Why a pair's weight was capped: "given" or "birth" (or "" when it was not)."""
        if levels[_GIVEN] == _GIVEN_DIFFERENT:
            return "given"
        if levels[_BIRTH] == _BIRTH_DIFFERENT:
            return "birth"
        return ""

    def probability(self, gamma: Levels, adjust: Floats | None = None) -> Floats:
        weights = np.clip(self.weights(gamma, adjust), -60, 60)
        return np.asarray(1.0 / (1.0 + np.exp2(-weights)), dtype=np.float64)

    def explain(self, levels: tuple[int, ...] | list[int]) -> list[FieldContribution]:
        return [FieldContribution(c.key, c.levels[level], float(self.bits[f, level]))
                for f, (c, level) in enumerate(zip(COMPARISONS, levels, strict=True))]

    def to_json(self) -> str:
        return json.dumps({"m": self.m.tolist(), "u": self.u.tolist(), "prior": self.prior,
                           "fields": [c.key for c in COMPARISONS]})

    @classmethod
    def from_json(cls, text: str) -> MatchModel:
        """A saved model; the built-in one if it was saved for other comparisons."""
        try:
            data = json.loads(text)
            if data.get("fields") != [c.key for c in COMPARISONS]:
                return cls.default()
            return cls(np.asarray(data["m"], dtype=np.float64),
                       np.asarray(data["u"], dtype=np.float64), float(data["prior"]))
        except (ValueError, KeyError, TypeError):
            return cls.default()


def frequency_bits(table: RecordTable, model: MatchModel, left: npt.NDArray[np.int32],
                   right: npt.NDArray[np.int32], gamma: Levels) -> Floats:
    """Term-frequency adjustment of an exact name (as Splink does it): two "Wang"s or two
    "Smith"s agree by chance far more often than two "Ouyang"s, so an exact family or given
    name weighs log2(m/u) with u the share of records bearing that very name instead of
    the average. Returns extra bits per pair (0 where the name is not exact)."""
    n = len(table)
    extra = np.zeros(len(left), dtype=np.float64)
    if n == 0 or len(left) == 0:
        return extra
    for key in ("family", "given"):
        f = FIELD_INDEX[key]
        codes = table.codes[key]
        share = np.bincount(codes, minlength=1).astype(np.float64) / n
        exact = gamma[:, f] == 1
        own = np.maximum(share[codes[left[exact]]], 1.0 / n)
        # Never below what a name seen once or twice would get in a tiny database.
        extra[exact] = np.log2(model.u[f, 1]) - np.log2(np.maximum(own, 1e-4))
    return extra


def _level_counts(gamma: npt.NDArray[np.integer[Any]],
                  weights: Floats | None = None) -> Floats:
    counts = np.zeros((len(COMPARISONS), MAX_LEVELS), dtype=np.float64)
    for f in range(len(COMPARISONS)):
        counts[f] = np.bincount(gamma[:, f], weights=weights, minlength=MAX_LEVELS)
    return counts


def _normalise(counts: Floats) -> Floats:
    present = counts.copy()
    present[:, 0] = 0.0
    sums = present.sum(axis=1, keepdims=True)
    out = present / np.where(sums > 0, sums, 1.0)
    out[:, 0] = 1.0
    return out


def _blend(counts: Floats, default: Floats, pseudo: float) -> Floats:
    shape = np.zeros_like(default)
    for f, comparison in enumerate(COMPARISONS):
        shape[f, 1: len(comparison.levels)] = default[f, 1: len(comparison.levels)]
    present = counts.copy()
    present[:, 0] = 0.0
    out = _normalise(present + pseudo * shape)
    out[shape == 0] = 1.0  # levels a comparison does not have: never looked up
    return out


def estimate_u(table: RecordTable, rng: np.random.Generator,
               sample: int = RANDOM_PAIRS) -> Floats:
    """u from random pairs of distinct records (every pair when there are few)."""
    from desk_crm.domain.linkage.compare import compare

    n = len(table)
    default = MatchModel.default().u
    if n < 2:
        return default
    if n * (n - 1) // 2 <= sample:
        left, right = np.triu_indices(n, k=1)
    else:
        left = rng.integers(0, n, size=sample)
        right = rng.integers(0, n - 1, size=sample)
        right = right + (right >= left)
    gamma = compare(table, left.astype(np.int32), right.astype(np.int32))
    return _blend(_level_counts(gamma), default, _U_PSEUDO_PAIRS)


# EM sessions as Splink trains them: each runs over the candidate pairs that agree
# exactly on some comparisons (as if blocked on them) and estimates m of the others only,
# so the agreement that made pairs candidates cannot pose as evidence of a match.
# Sessions in order; each trains only the comparisons no earlier session trained. Pairs
# sharing an e-mail address or a birth date are nearly all one person, so they teach the
# other comparisons well; the address session leaves the phone out (people at one address
# share a landline, so there it would take households for duplicates).
_SESSIONS = (
    (("email",), {"email": (1,)}),
    (("birth",), {"birth": (1,)}),
    (("address", "phone"), {"address": (1,)}),
    (("family", "given"), {"family": (1, 2), "given": (1, 2)}),
)
_SESSION_MIN_PAIRS = 50


def _em(patterns: npt.NDArray[np.intp], weight: Floats, m: Floats, u: Floats,
        used: list[int], free: list[int], iterations: int) -> tuple[Floats, float]:
    """EM over *patterns* with the *used* comparisons in the likelihood (the blocked-on
    ones are left out), updating m of the *free* ones only, u fixed."""
    columns = np.asarray(used, dtype=np.intp)
    update = np.asarray(free, dtype=np.intp)
    sub = patterns[:, columns]
    log_u = np.log(u)[columns, sub].sum(axis=1)
    prior = 0.3
    base = MatchModel.default().m
    for _ in range(iterations):
        log_m = np.log(m)[columns, sub].sum(axis=1)
        odds = np.exp(np.clip(log_u - log_m, -700, 700)) * (1 - prior) / prior
        post = 1.0 / (1.0 + odds)
        prior = min(max(float((post * weight).sum() / weight.sum()), 1e-6), 0.999)
        new_m = _blend(_level_counts(patterns, post * weight), base, _M_PSEUDO_PAIRS)
        change = float(np.abs(new_m[update] - m[update]).max())
        m = m.copy()
        m[update] = new_m[update]
        if change < 1e-5:
            break
    return m, prior


def estimate(gamma: Levels, u: Floats, all_pairs: int, iterations: int = 60) -> MatchModel:
    """m by EM sessions over the candidate pairs (u fixed, from random pairs), then the
    prior: the chance that two records picked at random (*all_pairs* of them) are one
    person, consistent with u from random pairs. (A prior over the candidate pairs only
    would count the agreement that made them candidates twice.)"""
    return estimate_from_counts(pattern_counts(pattern_codes(gamma)), u, all_pairs,
                                iterations)


def pattern_codes(gamma: Levels) -> npt.NDArray[np.int32]:
    """Each pair's levels as one number (3 bits per comparison): 4 bytes a pair instead
    of one per comparison, and the key EM groups pairs by."""
    codes = np.zeros(len(gamma), dtype=np.int32)
    for f in range(len(COMPARISONS)):
        codes |= gamma[:, f].astype(np.int32) << (_LEVEL_BITS * f)
    return codes


def levels_of(codes: npt.NDArray[np.int32]) -> Levels:
    """The levels (pairs × comparisons) back from :func:`pattern_codes`."""
    gamma = np.empty((len(codes), len(COMPARISONS)), dtype=np.int8)
    for f in range(len(COMPARISONS)):
        gamma[:, f] = (codes >> (_LEVEL_BITS * f)) & (MAX_LEVELS - 1)
    return gamma


def pattern_counts(codes: npt.NDArray[np.int32]) -> Floats:
    """How many pairs show each pattern (indexed by pattern code); add the counts of
    several chunks of pairs to get those of all."""
    return np.bincount(codes, minlength=MAX_LEVELS ** len(COMPARISONS)).astype(np.float64)


def estimate_from_counts(counts: Floats, u: Floats, all_pairs: int,
                         iterations: int = 60) -> MatchModel:
    """:func:`estimate` from the pattern counts of the candidate pairs."""
    base = MatchModel.default()
    seen = np.flatnonzero(counts)
    if len(seen) == 0:
        return MatchModel(base.m, u, base.prior)
    patterns = levels_of(seen.astype(np.int32)).astype(np.intp)
    weight = counts[seen]
    keys = [c.key for c in COMPARISONS]
    m = base.m.copy()
    trained: set[int] = set()
    for fixed, agree in _SESSIONS:
        mask = np.ones(len(patterns), dtype=np.bool_)
        for key, levels in agree.items():
            mask &= np.isin(patterns[:, keys.index(key)], levels)
        if weight[mask].sum() < _SESSION_MIN_PAIRS:  # too few to learn from: keep built-in m
            continue
        used = [i for i, key in enumerate(keys) if key not in fixed]
        free = [i for i in used if i not in trained]
        if not free:
            continue
        session_m, _ = _em(patterns[mask], weight[mask], m, u, used, free, iterations)
        m[free] = session_m[free]
        trained.update(free)
    columns = np.arange(len(COMPARISONS))
    log_ratio = (np.log(u) - np.log(m))[columns, patterns].sum(axis=1)
    total = max(float(all_pairs), float(weight.sum()))
    prior = min(0.5, float(weight.sum()) / total)
    for _ in range(iterations):
        post = 1.0 / (1.0 + np.exp(np.clip(log_ratio, -700, 700)) * (1 - prior) / prior)
        new_prior = min(max(float((post * weight).sum()) / total, 1e-12), 0.5)
        if abs(new_prior - prior) < 1e-3 * prior:
            break
        prior = new_prior
    return MatchModel(m, u, prior)


def estimate_quality(probabilities: Floats, threshold: float,
                     below_total: float = 0.0) -> tuple[float, float, float]:
    """Expected precision, recall and number of true matches above *threshold*, read off
    the model's own probabilities (pairs below the kept ones add *below_total*)."""
    above = probabilities >= threshold
    expected_above = float(probabilities[above].sum())
    expected_all = float(probabilities.sum()) + below_total
    count = int(above.sum())
    precision = expected_above / count if count else 1.0
    recall = expected_above / expected_all if expected_all > 0 else 1.0
    return precision, recall, expected_above
