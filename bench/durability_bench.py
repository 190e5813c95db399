"""What synchronous=FULL costs against NORMAL, through the service layer (one commit each).

    PYTHONPATH=src python bench/durability_bench.py [--writes 400] [--folder DIR]

Each write is one service call (contact create, edit, activity): one transaction with its
change log, as the app does per user action. Use --folder on the disk you care about: a
tmpfs /tmp hides fsync costs. Prints median and p95 per write in ms and the FULL/NORMAL ratio.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import ContactDraft
from desk_crm.services.bundle import build_services
from desk_crm.store import engine as engine_module
from desk_crm.store.database import open_database


def run(mode: str, folder: Path, writes: int) -> list[float]:
    engine_module.SYNCHRONOUS = mode
    path = folder / f"bench-{mode}.sqlite3"
    database = open_database(path, folder / "backups")
    services = build_services(database, "bench")
    times: list[float] = []
    try:
        last = None
        for number in range(writes):
            draft = ContactDraft(family_name="王", given_name=f"小{number}",
                                 emails=(ContactPoint(f"w{number}@example.com"),))
            start = time.perf_counter()
            if last is None or number % 2 == 0:
                last = services.contacts.save(draft)
            else:
                last = services.contacts.save(draft, last.id, last.version)
            times.append((time.perf_counter() - start) * 1000)
    finally:
        database.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writes", type=int, default=400)
    parser.add_argument("--folder", help="where the files go (default: a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.folder) as name:
        folder = Path(name)
        run("NORMAL", folder, 50)  # warm-up: imports, first migration
        results = {mode: run(mode, folder, args.writes) for mode in ("NORMAL", "FULL")}
    for mode, times in results.items():
        ordered = sorted(times)
        print(f"{mode:6}  median {statistics.median(times):6.2f} ms  "
              f"p95 {ordered[int(len(ordered) * 0.95)]:6.2f} ms  "
              f"writes/s {1000 / statistics.mean(times):7.0f}")
    ratio = statistics.median(results["FULL"]) / statistics.median(results["NORMAL"])
    print(f"FULL / NORMAL median ratio: {ratio:.2f}")


if __name__ == "__main__":
    main()
