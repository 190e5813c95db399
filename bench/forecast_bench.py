"""How long the forecast report and a board reload take on 100k opportunities.

    PYTHONPATH=src python bench/forecast_bench.py [count]

Rows are inserted with plain SQL (a bench needs volume, not a change log); the timed
calls are the real service and repository calls the pages make.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

from desk_crm.domain.forecast import quarter_of, year_of
from desk_crm.services.bundle import build_services
from desk_crm.services.forecast import ForecastQuery
from desk_crm.store.board_queries import BoardFilter
from desk_crm.store.database import open_database

STAGES = (("Prospecting", "10", "open"), ("Qualified", "25", "open"),
          ("Proposal", "50", "open"), ("Negotiation", "75", "open"),
          ("Won", "100", "won"), ("Lost", "0", "lost"))


def fill(path: Path, count: int) -> None:
    rng = random.Random(7)
    now = "2026-01-01T00:00:00.000000Z"
    connection = sqlite3.connect(path)
    stage_ids = []
    for position, (name, probability, kind) in enumerate(STAGES):
        stage_id = str(uuid.uuid4())
        stage_ids.append(stage_id)
        connection.execute(
            "INSERT INTO pipeline_stage(id, created_at, updated_at, version, name, position, "
            "probability, kind, active) VALUES (?, ?, ?, 1, ?, ?, ?, ?, 1)",
            (stage_id, now, now, name, position, probability, kind))
    users = []
    for number in range(12):
        user_id = str(uuid.uuid4())
        users.append(user_id)
        connection.execute("INSERT INTO app_user(id, created_at, updated_at, version, name, "
                           "email, active) VALUES (?, ?, ?, 1, ?, '', 1)",
                           (user_id, now, now, f"Rep {number}"))
    start = date(2025, 1, 1)
    rows = []
    for number in range(count):
        close = start + timedelta(days=rng.randrange(3 * 365))
        rows.append((str(uuid.uuid4()), now, now, f"Deal {number}", f"deal {number}",
                     rng.randrange(1_000, 10_000_000), rng.choice(("CNY",) * 4 + ("USD",)),
                     close.isoformat(), rng.choice(stage_ids),
                     rng.choice((None, None, None, "33.3")), rng.choice(users)))
    connection.executemany(
        "INSERT INTO opportunity(id, created_at, updated_at, version, name, name_sort, "
        "amount_minor, currency, close_date, stage_id, probability, owner_id, next_step, "
        "outcome_reason, notes) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '')", rows)
    connection.commit()
    connection.close()


def timed(label: str, call, repeat: int = 3) -> None:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    print(f"{label:<44} {best * 1000:8.1f} ms (best of {repeat})")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crm.sqlite3"
        open_database(path, Path(folder) / "backups").close()
        fill(path, count)
        database = open_database(path, Path(folder) / "backups")
        services = build_services(database, actor="bench")
        today = date(2026, 5, 15)
        print(f"{count:,} opportunities over 3 years, 6 stages, 2 currencies")
        timed("forecast: this quarter", lambda: services.forecast.report(
            ForecastQuery(quarter_of(today))))
        timed("forecast: this year", lambda: services.forecast.report(
            ForecastQuery(year_of(today))))
        stages = [(s.id, s.kind != "open") for s in services.pipeline.stages()]
        timed("board: all columns, limit 200", lambda: services.board.columns(
            stages, BoardFilter()))
        timed("board: owner filter", lambda: services.board.columns(
            stages, BoardFilter(owner_id=services.users.list_active()[0].id)))
        timed("board: text filter 'deal 12'", lambda: services.board.columns(
            stages, BoardFilter(search="deal 12")))
        database.close()


if __name__ == "__main__":
    main()
