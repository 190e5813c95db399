"""How long the reminder check and My day take with many activities.

    PYTHONPATH=src python bench/bench_activities.py [--count 100000]

Rows are inserted with one bulk INSERT (no change log: this measures the reads only).
Prints the median of repeated calls, in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from desk_crm.services.bundle import build_services
from desk_crm.store.database import open_database
from desk_crm.store.sales_models import Activity


def median_ms(call, repeat: int = 20) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(1)
    now = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "crm.sqlite3", Path(folder) / "backups")
        services = build_services(database, "bench")
        rows = []
        for number in range(args.count):
            due = now + timedelta(minutes=rng.randint(-60 * 24 * 365, 60 * 24 * 365))
            done = due < now and rng.random() < 0.9
            reminded = rng.random() < 0.95
            rows.append({
                "id": str(uuid.uuid4()), "created_at": now, "updated_at": now, "version": 1,
                "kind": "task", "subject": f"Task {number}", "notes": "", "due_at": due,
                "duration_minutes": 0, "remind_at": due - timedelta(minutes=15),
                "reminded_at": (due if reminded and due < now else None),
                "done_at": (due if done else None), "recurrence": "",
            })
        with database.engine.begin() as connection:
            connection.execute(insert(Activity.__table__), rows)
        due = services.activities.due_reminders(now)
        print(f"{args.count:,} activities, {len(due)} reminders due")
        print(f"due_reminders: {median_ms(lambda: services.activities.due_reminders(now)):.2f} ms")
        print(f"my_day: {median_ms(lambda: services.activities.my_day(None, now)):.2f} ms")
        database.close()


if __name__ == "__main__":
    main()
