"""A whole-table duplicate scan: blocking → comparison levels → m/u by EM → probabilities,
and the check of one new record against a few candidates with a model already fitted.

*progress(done, total)* is called between steps and every chunk of pairs; it may raise to
stop the scan (the worker's Cancel)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from desk_crm.domain.linkage.blocking import Blocks
from desk_crm.domain.linkage.compare import Levels, compare
from desk_crm.domain.linkage.memory import release_free_memory
from desk_crm.domain.linkage.model import (
    MatchModel,
    estimate_from_counts,
    estimate_quality,
    estimate_u,
    frequency_bits,
    levels_of,
    pattern_codes,
    pattern_counts,
)
from desk_crm.domain.linkage.table import RecordTable

Progress = Callable[[int, int], None]
KEEP_FROM = 0.05  # pairs less likely than this are not kept for the slider
_CHUNK = 250_000
_STEPS = 100  # progress is reported on a 0..100 scale


@dataclass
class ScanResult:
    """Scored candidate pairs that may be duplicates (probability ≥ KEEP_FROM)."""

    left: npt.NDArray[np.int32]
    right: npt.NDArray[np.int32]
    gamma: Levels
    adjust: npt.NDArray[np.float64]  # term-frequency bits of each pair's names
    probability: npt.NDArray[np.float64]
    model: MatchModel
    candidates: int  # pairs compared
    below_total: float  # sum of probabilities of the pairs not kept

    def quality(self, threshold: float) -> tuple[float, float, float]:
        return estimate_quality(self.probability, threshold, self.below_total)


def _report(progress: Progress | None, done: int) -> None:
    if progress is not None:
        progress(done, _STEPS)


def scan(table: RecordTable, progress: Progress | None = None,
         seed: int = 7) -> ScanResult:
    """Score every candidate pair of *table* with m/u estimated from *table* itself.

    Candidate pairs are made a range of records at a time (about two million before
    deduplication) and pass twice: first their levels are computed and kept as one pattern
    code each (2 bytes a pair: an index into the range's patterns) while the pattern
    counts EM needs are summed; then, with
    the model fitted, the same pairs are made again, their probabilities computed and only
    those worth showing kept with their levels. Only the pattern codes of all pairs are
    held at once."""
    _report(progress, 1)
    release_free_memory()  # what reading the database freed
    blocks = Blocks(table)
    release_free_memory()  # the sort's temporaries
    ranges = blocks.ranges()
    _report(progress, 10)
    codes: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.integer]]] = []
    counts = pattern_counts(np.zeros(0, dtype=np.int32))
    candidates = 0
    for number, (low, high) in enumerate(ranges):
        left, right = blocks.pairs(low, high)
        candidates += len(left)
        part = np.empty(len(left), dtype=np.int32)
        for start in range(0, len(left), _CHUNK):
            stop = start + _CHUNK
            part[start:stop] = pattern_codes(compare(table, left[start:stop],
                                                     right[start:stop]))
        del left, right  # before the index's temporaries
        seen = pattern_counts(part)
        counts += seen
        codes.append(_compact(part, seen))
        del seen
        del part
        release_free_memory()
        _report(progress, 10 + 70 * (number + 1) // len(ranges))
    u = estimate_u(table, np.random.default_rng(seed))
    _report(progress, 85)
    model = estimate_from_counts(counts, u, len(table) * (len(table) - 1) // 2)
    kept: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], Levels,
                     npt.NDArray[np.float64], npt.NDArray[np.float64]]] = []
    below = 0.0
    for number, ((low, high), (patterns, index)) in enumerate(zip(ranges, codes,
                                                                  strict=True)):
        left, right = blocks.pairs(low, high)  # the same pairs, in the same order
        for start in range(0, len(left), _CHUNK):
            stop = start + _CHUNK
            chunk = index[start:stop]
            gamma = levels_of(patterns[chunk] if len(patterns) else chunk.astype(np.int32))
            adjust = frequency_bits(table, model, left[start:stop], right[start:stop], gamma)
            probability = model.probability(gamma, adjust)
            keep = probability >= KEEP_FROM
            below += float(probability[~keep].sum())
            kept.append((left[start:stop][keep], right[start:stop][keep], gamma[keep],
                         adjust[keep], probability[keep]))
        # (a [:0] view would keep the range's index alive)
        codes[number] = (patterns, np.zeros(0, dtype=np.uint16))
        del index, left, right  # before the next range's pairs are made
        _report(progress, 85 + 15 * (number + 1) // len(ranges))
    del blocks, codes
    if not kept:
        empty = np.zeros(0, dtype=np.int32)
        kept.append((empty, empty, compare(table, empty, empty), np.zeros(0), np.zeros(0)))
    left, right, gamma, adjust, probability = (np.concatenate([k[i] for k in kept])
                                               for i in range(5))
    return ScanResult(left, right, gamma, adjust, probability, model, candidates, below)


def _compact(part: npt.NDArray[np.int32], seen: npt.NDArray[np.float64]
             ) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.integer]]:
    """A range's pattern codes as (distinct patterns, 2-byte index into them): a range
    shows a few thousand of the 8^7 possible patterns, so the pass-1 codes of all pairs
    (22.8 M at a million records) cost 46 MB instead of 91 MB. *seen* is the range's
    count of each pattern; the index is made through a table of all 8^7 patterns (8 MB)
    rather than by sorting the range's codes (``np.unique``: ~60 MB of temporaries)."""
    patterns = np.flatnonzero(seen).astype(np.int32)
    if len(patterns) > 1 << 16:
        return np.zeros(0, dtype=np.int32), part  # too many kinds: the codes themselves
    place = np.zeros(len(seen), dtype=np.uint16)
    place[patterns] = np.arange(len(patterns), dtype=np.uint16)
    return patterns, place[part]


def score_against(table: RecordTable, model: MatchModel,
                  others: list[int]) -> tuple[npt.NDArray[np.float64], Levels]:
    """Probability and levels of record 0 of *table* against each record in *others*."""
    left = np.zeros(len(others), dtype=np.int32)
    right = np.asarray(others, dtype=np.int32)
    gamma = compare(table, left, right)
    return model.probability(gamma), gamma
