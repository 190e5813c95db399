"""bench/generate.py builds the scale benchmark's database; run at a small size here so it
cannot rot unnoticed again (it once crashed on a renamed store function, and bench/run with
it). The file it makes must open in the app's store and find its records."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from desk_crm.services.bundle import build_services
from desk_crm.store.database import open_database
from desk_crm.store.repositories import ListQuery

ROOT = Path(__file__).resolve().parents[1]


def test_the_bench_generator_makes_a_database_the_app_opens_and_searches(
        tmp_path: Path) -> None:
    out = tmp_path / "n-400" / "crm.sqlite3"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(out),
                    "--contacts", "400"], check=True, cwd=ROOT, timeout=600,
                   env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    with sqlite3.connect(out) as connection:
        counts = {table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                  for table in ("contact", "account", "opportunity", "activity")}
    assert counts == {"contact": 400, "account": 20, "opportunity": 40, "activity": 200}
    database = open_database(out, tmp_path / "backups")
    try:
        services = build_services(database, "bench")
        # The counter the migration's triggers keep, and the full-text rows written beside.
        assert services.lists.count(ListQuery("contact")) == 400
        hits = services.search.search("user399@example399")
        assert [hit.entity for hit in hits] == ["contact"]
        assert "user399@example399.com" in hits[0].detail
    finally:
        database.close()
