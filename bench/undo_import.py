"""Undo of a whole import (issue 18: ≤ 1 minute for 300k rows; the per-row ORM undo ran at
~150-200 rows/s, ~30 min). Imports N contacts (with companies, so accounts are created
too), then times ``ChangeService.undo_batch``, beside a raw-sqlite3 baseline: one UPDATE
soft-deleting the same rows.

    PYTHONPATH=src python bench/undo_import.py [rows]
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
from desk_crm.services.bundle import build_services
from desk_crm.services.importer import ImportSettings, open_source
from desk_crm.store.database import open_database
from desk_crm.store.integrity import consistency_problems


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    folder = Path(tempfile.mkdtemp(prefix="undo-bench-"))
    try:
        csv_path = folder / "people.csv"
        csv_path.write_text("姓名,公司,手机,邮箱\n" + "".join(
            f"联系人{i},客户{i % 500},1380013{i % 10_000:04d},u{i}@example.com\n"
            for i in range(rows)), encoding="utf-8")
        database = open_database(folder / "crm.sqlite3", folder / "backups")
        services = build_services(database, "bench")
        source = open_source(csv_path)
        entity = IMPORT_ENTITIES["contact"]
        rules = tuple(ColumnRule(t) for t in guess_mapping(entity, list(source.headers)))
        started = time.monotonic()
        report = services.imports.run(source, ImportSettings("contact", rules,
                                                             match_key="email"))
        imported = time.monotonic() - started
        shutil.copy(folder / "crm.sqlite3", folder / "baseline.sqlite3")
        started = time.monotonic()
        result = services.changes.undo_batch(report.batch_id)
        undone = time.monotonic() - started
        database.close()
        problems = consistency_problems(folder / "crm.sqlite3")
        baseline = sqlite3.connect(folder / "baseline.sqlite3")
        started = time.monotonic()
        with baseline:
            baseline.execute("UPDATE contact SET deleted_at = '2026-01-01T00:00:00.000000Z', "
                             "version = version + 1")
        raw = time.monotonic() - started
        baseline.close()
        print(f"import of {rows:,} rows: {imported:.1f} s ({rows / imported:,.0f} rows/s)")
        print(f"undo: {result.records:,} records in {undone:.1f} s "
              f"({result.records / undone:,.0f} records/s); consistency problems: "
              f"{len(problems)}")
        print(f"raw sqlite3 soft delete of the same rows: {raw:.2f} s; "
              f"ratio {undone / raw:.1f}x")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
