"""A whole-table duplicate scan: blocking → comparison levels → m/u by EM → probabilities,
and the check of one new record against a few candidates with a model already fitted.

*progress(done, total)* is called between steps and every chunk of pairs; it may raise to
stop the scan (the worker's Cancel)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from desk_crm.domain.linkage.blocking import candidate_pairs
from desk_crm.domain.linkage.compare import Levels, compare
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

    Pairs stream through in chunks twice: first their levels are computed and kept as one
    pattern code each (4 bytes a pair) while the pattern counts EM needs are summed; then,
    with the model fitted, each chunk's probabilities are computed and only the pairs
    worth showing are kept with their levels. Nothing holds a row per pair and comparison
    for all pairs at once."""
    _report(progress, 1)

    def blocking_progress(done: int, total: int) -> None:
        _report(progress, 1 + 19 * done // max(total, 1))

    left, right = candidate_pairs(table, progress=blocking_progress)
    _report(progress, 20)
    codes = np.empty(len(left), dtype=np.int32)
    counts = pattern_counts(codes[:0])
    for start in range(0, len(left), _CHUNK):
        stop = start + _CHUNK
        codes[start:stop] = pattern_codes(compare(table, left[start:stop], right[start:stop]))
        counts += pattern_counts(codes[start:stop])
        _report(progress, 20 + 60 * min(stop, len(left)) // max(len(left), 1))
    u = estimate_u(table, np.random.default_rng(seed))
    _report(progress, 85)
    model = estimate_from_counts(counts, u, len(table) * (len(table) - 1) // 2)
    kept: list[tuple[npt.NDArray[np.intp], Levels, npt.NDArray[np.float64],
                     npt.NDArray[np.float64]]] = []
    below = 0.0
    for start in range(0, len(left), _CHUNK):
        stop = start + _CHUNK
        gamma = levels_of(codes[start:stop])
        adjust = frequency_bits(table, model, left[start:stop], right[start:stop], gamma)
        probability = model.probability(gamma, adjust)
        keep = probability >= KEEP_FROM
        below += float(probability[~keep].sum())
        kept.append((np.flatnonzero(keep) + start, gamma[keep], adjust[keep],
                     probability[keep]))
    del codes
    chosen = np.concatenate([k[0] for k in kept]) if kept else np.zeros(0, dtype=np.intp)
    _report(progress, 100)
    return ScanResult(
        left[chosen], right[chosen],
        np.concatenate([k[1] for k in kept]) if kept else compare(table, left, right),
        np.concatenate([k[2] for k in kept]) if kept else np.zeros(0),
        np.concatenate([k[3] for k in kept]) if kept else np.zeros(0),
        model, len(left), below)


def score_against(table: RecordTable, model: MatchModel,
                  others: list[int]) -> tuple[npt.NDArray[np.float64], Levels]:
    """Probability and levels of record 0 of *table* against each record in *others*."""
    left = np.zeros(len(others), dtype=np.int32)
    right = np.asarray(others, dtype=np.int32)
    gamma = compare(table, left, right)
    return model.probability(gamma), gamma
