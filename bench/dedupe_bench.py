"""Duplicate-finding quality on labelled synthetic records (bench/dedupe_data.py):
precision, recall and F1 of the pairs inside the groups found, with and without birth
dates, at the default threshold; and the blocking's pair completeness.

    PYTHONPATH=src .venv/bin/python bench/dedupe_bench.py [--originals 5000] [--seeds 2 3]
        [--threshold 0.9] [--sweep]

Seed 1 (dedupe_data.TUNE_SEED) is the one thresholds and levels were tuned on; report the
others.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from dedupe_data import generate, without_birth_dates

from desk_crm.domain.linkage.blocking import candidate_pairs
from desk_crm.domain.linkage.cluster import clusters
from desk_crm.domain.linkage.record import DEFAULT_THRESHOLD
from desk_crm.domain.linkage.scan import scan
from desk_crm.domain.linkage.table import table_of


def true_pairs(labels: list[int]) -> set[tuple[int, int]]:
    by_entity: dict[int, list[int]] = {}
    for index, entity in enumerate(labels):
        by_entity.setdefault(entity, []).append(index)
    return {pair for members in by_entity.values()
            for pair in itertools.combinations(sorted(members), 2)}


def scores(found: set[tuple[int, int]], truth: set[tuple[int, int]]) -> tuple[float, ...]:
    hits = len(found & truth)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run(originals: int, seed: int, birth: bool, thresholds: list[float]) -> None:
    labelled = generate(originals, seed)
    if not birth:
        labelled = without_birth_dates(labelled)
    labels = [entity for entity, _ in labelled]
    table = table_of([record for _, record in labelled])
    truth = true_pairs(labels)
    start = time.perf_counter()
    left, right = candidate_pairs(table)
    blocked = set(zip(left.tolist(), right.tolist(), strict=True))
    completeness = len(blocked & truth) / len(truth)
    result = scan(table)
    seconds = time.perf_counter() - start
    for threshold in thresholds:
        found: set[tuple[int, int]] = set()
        for group in clusters(result.left, result.right, result.probability, threshold):
            found.update(itertools.combinations(group.members, 2))
        precision, recall, f1 = scores(found, truth)
        est_p, est_r, _ = result.quality(threshold)
        print(f"seed {seed} {'with' if birth else 'without'} birth dates, "
              f"{len(labels)} records, threshold {threshold:.2f}: "
              f"precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} | "
              f"estimated precision {est_p:.3f} recall {est_r:.3f} | "
              f"blocking completeness {completeness:.3f}, {result.candidates} pairs, "
              f"{seconds:.1f} s, prior {result.model.prior:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--originals", type=int, default=5000)
    parser.add_argument("--seeds", type=int, nargs="*", default=[2, 3])
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()
    thresholds = ([0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99] if args.sweep
                  else [args.threshold])
    for seed in args.seeds:
        for birth in (True, False):
            run(args.originals, seed, birth, thresholds)


if __name__ == "__main__":
    main()
