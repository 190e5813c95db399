"""Contacts (Chinese names, companies, mobiles, emails) through the import, with upsert on
email as the issue's target asks, beside a raw sqlite3 load of the same CSV rows.

    PYTHONPATH=src python bench/import_contacts.py [rows] [--mode upsert|create] [--twice]

--twice imports the same file a second time (every row then matches and is updated).

The raw baseline reads the same CSV with the csv module and inserts the contact rows and
their full-text rows with executemany in one transaction: no validation, no normalisation,
no matching, no change log — the floor the import is measured against.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
from desk_crm.services.bundle import build_services
from desk_crm.services.importer import ImportSettings, open_source
from desk_crm.store.database import open_database


def write_csv(path: Path, rows: int) -> None:
    path.write_text("姓名,公司,手机,邮箱,城市\n" + "".join(
        f"联系人{i},客户{i % 50},1380013{i % 10_000:04d},u{i}@example.com,北京\n"
        for i in range(rows)), encoding="utf-8")


def raw_load(database: Path, csv_path: Path) -> float:
    started = time.monotonic()
    now = "2026-11-23T00:00:00.000000Z"
    connection = sqlite3.connect(database)
    with csv_path.open(encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        contacts, fts = [], []
        for number, (name, _company, phone, email, city) in enumerate(reader, start=1):
            contacts.append((number, str(uuid.uuid4()), now, now, name[0], name[1:], name, name,
                             json.dumps([{"value": email}]), json.dumps([{"value": phone}]),
                             email, phone, city))
            fts.append((number, f"{name} {email} {phone}"))
    connection.executemany(
        "INSERT INTO contact(pk, id, created_at, updated_at, version, family_name, given_name, "
        "display_name, sort_name, title, department, emails, phones, primary_email, "
        "primary_phone, street, city, region, postal_code, country, tags, notes) VALUES "
        "(?, ?, ?, ?, 1, ?, ?, ?, ?, '', '', ?, ?, ?, ?, '', ?, '', '', '', '[]', '')",
        contacts)
    connection.executemany("INSERT INTO contact_fts(rowid, body) VALUES (?, ?)", fts)
    connection.commit()
    connection.close()
    return time.monotonic() - started


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rows = int(args[0]) if args else 10_000
    mode = "create" if "--mode=create" in sys.argv or "create" in sys.argv[2:] else "upsert"
    folder = Path(tempfile.mkdtemp())
    path = folder / "contacts.csv"
    write_csv(path, rows)

    database = open_database(folder / "crm.sqlite3", folder / "backups")
    services = build_services(database, actor="bench")
    source = open_source(path)
    targets = guess_mapping(IMPORT_ENTITIES["contact"], source.headers)
    settings = ImportSettings("contact", tuple(ColumnRule(t) for t in targets),
                              match_mode=mode, match_key="email")
    started, cpu_started = time.monotonic(), time.process_time()
    report = services.imports.run(source, settings)
    seconds, cpu = time.monotonic() - started, time.process_time() - cpu_started
    if "--twice" in sys.argv:  # the same file again: every row matches and is updated
        again_started = time.monotonic()
        again = services.imports.run(open_source(path), settings)
        again_seconds = time.monotonic() - again_started
    database.close()

    baseline = open_database(folder / "raw.sqlite3", folder / "backups")
    baseline.close()
    cpu_started = time.process_time()
    raw_seconds = raw_load(folder / "raw.sqlite3", path)
    raw_cpu = time.process_time() - cpu_started
    print(f"import ({mode} on email): {report.created} created, {report.updated} updated "
          f"in {seconds:.1f} s ({report.rows / seconds:,.0f} rows/s)")
    print(f"raw sqlite3 load of the same rows: {raw_seconds:.2f} s "
          f"({rows / raw_seconds:,.0f} rows/s); import/raw speed ratio "
          f"{raw_seconds / seconds:.3f}")
    if "--twice" in sys.argv:
        print(f"the same file again: {again.created} created, {again.updated} updated in "
              f"{again_seconds:.1f} s ({again.rows / again_seconds:,.0f} rows/s)")
    # CPU seconds of this process: what the work costs when the machine is shared (wall
    # time then includes waiting for a core); fsync waits are not in it.
    print(f"CPU time: import {cpu:.1f} s ({report.rows / cpu:,.0f} rows/CPU-s), raw "
          f"{raw_cpu:.2f} s; ratio {raw_cpu / cpu:.3f}")


if __name__ == "__main__":
    main()
