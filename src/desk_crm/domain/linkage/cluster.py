"""Groups of duplicates from scored pairs: pairs at or above the threshold join their
records (A=B and B=C make one group of three), strongest pairs first; pairs marked "not a
duplicate" never join. A group's probability is its weakest joining pair, so a low figure
says "check this one carefully"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class Cluster:
    members: tuple[int, ...]  # record indices, in table order
    probability: float  # the weakest pair that joined the group
    pairs: tuple[int, ...]  # indices of the scored pairs inside the group


def clusters(left: npt.NDArray[np.int32], right: npt.NDArray[np.int32],
             probability: npt.NDArray[np.float64], threshold: float,
             dismissed: Iterable[tuple[int, int]] = ()) -> list[Cluster]:
    """Groups of two or more records, most probable first."""
    blocked = {(min(a, b), max(a, b)) for a, b in dismissed}
    chosen = np.flatnonzero(probability >= threshold)
    chosen = chosen[np.argsort(-probability[chosen], kind="stable")]
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    weakest: dict[int, float] = {}
    kept: list[int] = []
    lefts, rights, probs = left.tolist(), right.tolist(), probability.tolist()
    for pair in chosen.tolist():
        a, b = lefts[pair], rights[pair]
        if blocked and (min(a, b), max(a, b)) in blocked:
            continue
        kept.append(pair)
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        root_a, root_b = find(a), find(b)
        if root_a == root_b:
            continue
        low = min(weakest.get(root_a, 1.0), weakest.get(root_b, 1.0), probs[pair])
        parent[root_b] = root_a
        weakest[root_a] = low
        weakest.pop(root_b, None)
    members: dict[int, list[int]] = {}
    for record in parent:
        members.setdefault(find(record), []).append(record)
    pairs: dict[int, list[int]] = {}
    for pair in kept:
        pairs.setdefault(find(lefts[pair]), []).append(pair)
    found = [Cluster(tuple(sorted(records)), weakest.get(root, 1.0),
                     tuple(pairs.get(root, ())))
             for root, records in members.items() if len(records) > 1]
    found.sort(key=lambda c: (-c.probability, c.members[0]))
    return found
