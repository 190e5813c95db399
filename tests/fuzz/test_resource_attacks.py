"""Resource attacks on the importers (tests/fuzz/resource_attacks.py): every input of
tens of MB is read or refused clearly, each within 60 s and 300 MB of peak memory.

CI size: the 15 hand-made attacks and 20 mutated large files; DESK_CRM_FUZZ_SCALE
multiplies the mutations, DESK_CRM_FUZZ_SEED varies them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("resource_attacks.py")
MUTATIONS = 20


def test_large_hostile_files_are_read_or_refused_within_time_and_memory(
        tmp_path: Path) -> None:
    count = int(MUTATIONS * float(os.environ.get("DESK_CRM_FUZZ_SCALE", "1")))
    seed = os.environ.get("DESK_CRM_FUZZ_SEED", "1")
    result = subprocess.run([sys.executable, "-m", "fuzz.resource_attacks", str(tmp_path),
                             str(count), seed], capture_output=True, text=True,
                            timeout=3600, cwd=SCRIPT.parents[1])
    assert result.returncode == 0, result.stderr[-3000:]
    results = json.loads(result.stdout.strip().splitlines()[-1])
    for row in results:
        print(f"\n{row['input']}: {row['bytes'] / 1e6:.1f} MB, {row['outcome'][:90]}, "
              f"{row['seconds']} s, {row['peak_mb']} MB peak")
    refused = [r["input"] for r in results if r["outcome"].startswith("refused")]
    print(f"\nresource fuzz: {len(results)} inputs ({len(results) - count} attacks, "
          f"{count} mutations), {len(refused)} refused clearly, "
          f"max {max(r['peak_mb'] for r in results)} MB, "
          f"max {max(r['seconds'] for r in results)} s")
    assert [(r["input"], r["problems"]) for r in results if r["problems"]] == []
    assert len(results) == 15 + count
    # The attacks built to be refused are refused, with the line where it matters.
    for name in ("30 MB cell", "open quote before 20 MB", "30 MB line", "100,000 columns",
                 "xlsx zip bomb (1.2 GB)", "xlsx shared-strings bomb", "20 MB PHOTO",
                 "10,000 nested vCards", "fold bomb", "30 MB vCard line"):
        assert name in refused, name
    outcomes = {r["input"]: r["outcome"] for r in results}
    assert "Line 2" in outcomes["open quote before 20 MB"]
    assert outcomes["20 MB of rows"] == "accepted 300000 rows"
