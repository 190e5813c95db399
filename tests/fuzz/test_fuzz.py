"""Thousands of mutated inputs against every reader in targets.TARGETS: no crash, no hang,
a clear error for what is refused, nothing written by a refused input.

CI size runs in seconds; DESK_CRM_FUZZ_SCALE=20 (say) for a long local run,
DESK_CRM_FUZZ_SEED to vary the inputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .harness import fuzz
from .targets import TARGETS


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_fuzz_target(target: object, tmp_path: Path, qapp: object) -> None:
    scale = float(os.environ.get("DESK_CRM_FUZZ_SCALE", "1"))
    seed = int(os.environ.get("DESK_CRM_FUZZ_SEED", "1"))
    report = fuzz(target, tmp_path, seed, scale)  # type: ignore[arg-type]
    print("\nfuzz " + report.line())
    shown = "\n".join(f"  {data[:200]!r}: {error}" for data, error in report.failures[:10])
    assert report.failures == [], f"{report.line()}\n{shown}"
    assert report.total >= target.inputs * scale * 0.99  # type: ignore[attr-defined]
