"""How long ``--demo`` takes to fill its database (DemoBuilder.build, the loader the app's
worker runs), beside a raw sqlite3 copy of the same rows into an empty migrated file.

    PYTHONPATH=src .venv/bin/python bench/demo_load.py [--repeat 1]

Prints wall and CPU seconds of the build (the machine is shared: CPU time is the figure to
compare between runs), rows written and change-log rows, and the ratio to the raw copy.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path


def _build(folder: Path) -> tuple[float, float, Path]:
    from desk_crm.services.bundle import build_services
    from desk_crm.services.demo import DemoBuilder
    from desk_crm.store.database import open_database

    database = open_database(folder / "crm.sqlite3", folder / "backups")
    try:
        services = build_services(database, actor="bench")
        wall, cpu = time.perf_counter(), time.process_time()
        DemoBuilder(services).build()
        return time.perf_counter() - wall, time.process_time() - cpu, folder / "crm.sqlite3"
    finally:
        database.close()


def _tables(connection: sqlite3.Connection) -> list[str]:
    return [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%fts%' AND name NOT IN ('alembic_version', 'row_count')")]


def _raw_copy(source: Path, folder: Path) -> tuple[float, int]:
    """Every row of *source* written with executemany into an empty migrated file, one
    transaction: what the same data costs without services, ORM or change-log logic."""
    from desk_crm.store.database import open_database

    open_database(folder / "raw.sqlite3", folder / "raw-backups").close()
    rows = 0
    with sqlite3.connect(source) as old, sqlite3.connect(folder / "raw.sqlite3") as new:
        new.execute("PRAGMA foreign_keys=OFF")
        data = {table: old.execute(f"SELECT * FROM [{table}]").fetchall()
                for table in _tables(old)}
        started = time.perf_counter()
        for table, values in data.items():
            if not values:
                continue
            new.execute(f"DELETE FROM [{table}]")  # defaults the migration inserted
            new.executemany(f"INSERT INTO [{table}] VALUES ({', '.join('?' * len(values[0]))})",
                            values)
            rows += len(values)
        new.commit()
        return time.perf_counter() - started, rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    for _run in range(args.repeat):
        folder = Path(tempfile.mkdtemp(prefix="desk-crm-demo-bench-"))
        wall, cpu, path = _build(folder)
        with sqlite3.connect(path) as connection:
            log = connection.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
            records = sum(connection.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0]
                          for t in _tables(connection) if t != "change_log")
        raw, rows = _raw_copy(path, folder)
        print(f"demo build: {wall:6.1f} s wall, {cpu:5.1f} s CPU; {records:,} records, "
              f"{log:,} change-log rows; raw sqlite3 copy of the same {rows:,} rows "
              f"(change log included) {raw:5.2f} s; ratio raw/build {raw / wall:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
