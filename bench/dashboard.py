"""How long the dashboard takes on a large file, against a raw sqlite3 baseline.

    PYTHONPATH=src python bench/dashboard.py [--contacts 1000000] [--opportunities 200000]
                                            [--file /tmp/dash.sqlite3]

The file comes from bench/generate.py (N contacts, N/20 accounts, N/10 opportunities, N/2
activities); opportunities are topped up with plain SQL to --opportunities, with close
dates over two years and a closed_at for the won ones. An existing --file is reused.

Printed: the dashboard service call (what the Dashboard page runs in its worker) for this
quarter and for the last 12 months, cold (first call) and warm; the raw baseline is one
plain sqlite3 GROUP BY over every opportunity (stage counts and sums) — the least any
funnel has to read; customer insight (RFM/ABC over every customer) and the at-risk list
are timed too (their pages compute them in a worker, not part of the 2 s budget).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from desk_crm.domain.forecast import add_months, custom_months, quarter_of
from desk_crm.services.bundle import build_services
from desk_crm.services.insight import DashboardQuery
from desk_crm.store.database import open_database

TODAY = date(2026, 11, 23)


def top_up(path: Path, wanted: int) -> None:
    connection = sqlite3.connect(path)
    have = connection.execute("SELECT COUNT(*) FROM opportunity").fetchone()[0]
    stages = connection.execute("SELECT id, kind FROM pipeline_stage ORDER BY position").fetchall()
    accounts = [row[0] for row in connection.execute("SELECT id FROM account")]
    owners = [row[0] for row in connection.execute("SELECT id FROM app_user")]
    rng = random.Random(11)
    rows = []
    for number in range(have + 1, wanted + 1):
        stage_id, kind = rng.choice(stages)
        close = TODAY - timedelta(days=rng.randint(-180, 540))
        closed_at = f"{close.isoformat()}T10:00:00.000000Z" if kind != "open" else None
        rows.append((number, str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                     "2024-01-01T00:00:00.000000Z", "2026-01-01T00:00:00.000000Z",
                     f"Deal {number}", f"deal {number}", rng.choice(accounts),
                     rng.randint(1, 5000) * 10000, rng.choice(("CNY",) * 9 + ("USD",)),
                     close.isoformat(), stage_id, rng.choice(owners), closed_at))
    connection.executemany(
        "INSERT INTO opportunity(pk, id, created_at, updated_at, version, name, name_sort, "
        "account_id, amount_minor, currency, close_date, stage_id, owner_id, next_step, "
        "outcome_reason, notes, closed_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, "
        "'', '', '', ?)", rows)
    connection.execute("ANALYZE")
    connection.commit()
    connection.close()


def timed(label: str, call: object, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        call()  # type: ignore[operator]
        best = min(best, time.perf_counter() - started)
    print(f"  {label:<48} {best * 1000:8.0f} ms", flush=True)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--opportunities", type=int, default=200_000)
    parser.add_argument("--file", type=Path, default=Path("/tmp/desk-dashboard-bench.sqlite3"))
    args = parser.parse_args(argv)
    if not args.file.exists():
        generate(args.file, args.contacts)
        top_up(args.file, args.opportunities)
    raw = sqlite3.connect(args.file)
    counts = {table: raw.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
              for table in ("contact", "account", "opportunity", "activity")}
    print("file:", args.file, ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    database = open_database(args.file, args.file.parent / "bench-backups")
    services = build_services(database, actor="bench")
    quarter = DashboardQuery(quarter_of(TODAY), today=TODAY)
    year = DashboardQuery(custom_months(add_months(TODAY.replace(day=1), -11), TODAY),
                          today=TODAY)
    print("dashboard (services.insight.dashboard):")
    cold = timed("this quarter, first call (cold)", lambda: services.insight.dashboard(quarter))
    warm = timed("this quarter, warm (best of 3)",
                 lambda: services.insight.dashboard(quarter), 3)
    twelve = timed("last 12 months, warm (best of 3)",
                   lambda: services.insight.dashboard(year), 3)
    print("raw sqlite3 baseline:")
    baseline = timed("GROUP BY stage over every opportunity", lambda: raw.execute(
        "SELECT stage_id, COUNT(*), SUM(amount_minor) FROM opportunity "
        "WHERE deleted_at IS NULL GROUP BY stage_id").fetchall(), 3)
    print(f"  ratio dashboard (12 months) / baseline: {twelve / baseline:.1f}x")
    print("customer insight (worker, not in the 2 s budget):")
    timed("RFM + ABC over every customer", lambda: services.customers.population(TODAY))
    timed("customers at risk list", lambda: services.customers.at_risk())
    verdict = "within" if max(cold, warm, twelve) < 2 else "OVER"
    print(f"dashboard {verdict} the 2 s budget (worst {max(cold, warm, twelve):.2f} s)")
    raw.close()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
