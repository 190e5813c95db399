"""A database of the at-risk list's shape at 1M contacts, made with plain SQL in a couple of
minutes (bench/generate.py makes a realistic one but takes most of an hour at 1M).

    PYTHONPATH=src .venv/bin/python bench/analytics_data.py OUT.sqlite3 [--contacts 1000000]

Migrated by the app; then N/20 accounts, N contacts (one in two on an account), N/5
opportunities over two years (a third won), N/2 activities (half on an account, half on a
contact), N/20 tickets (half rated, a tenth breached) and N/50 campaign responses. Names
are plain ("Account 17"); no full-text rows (the insight pages never search). Links are a
multiplicative hash of the row number (deterministic); dates use SQLite's random().
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

from desk_crm.store.database import open_database

STAMP = "'2024-01-01T00:00:00.000000Z'"
UID = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
       "substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || "
       "hex(randomblob(6)))")
DAY = "date('2026-11-23', '-' || (abs(random()) % {days}) || ' days')"


def _numbers(n: int) -> str:
    return (f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) ")


def generate(path: Path, contacts: int) -> None:
    database = open_database(path, path.parent / "analytics-bench-backups")
    database.close()
    c = sqlite3.connect(path)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("PRAGMA synchronous=OFF")
    accounts = contacts // 20
    started = time.perf_counter()
    users = [f"u{i:02}" + "0" * 34 for i in range(20)]
    c.executemany("INSERT INTO app_user(id, created_at, updated_at, version, name, email, "
                  f"active) VALUES (?, {STAMP}, {STAMP}, 1, ?, ?, 1)",
                  [(u[:36], f"Rep {i}", f"rep{i}@example.com") for i, u in enumerate(users)])
    stages = [("s-open-1", "Qualify", 0, "10", "open"), ("s-open-2", "Propose", 1, "50", "open"),
              ("s-won", "Won", 2, "100", "won"), ("s-lost", "Lost", 3, "0", "lost")]
    c.executemany("INSERT INTO pipeline_stage(id, created_at, updated_at, version, name, "
                  f"position, probability, kind, active) VALUES (?, {STAMP}, {STAMP}, 1, ?, "
                  "?, ?, ?, 1)", stages)
    for table in ("users", "accounts", "contacts"):  # row number -> id, by primary key
        c.execute(f"CREATE TEMP TABLE {table}(k INTEGER PRIMARY KEY, id TEXT)")
    c.execute("INSERT INTO users(id) SELECT id FROM app_user ORDER BY pk")
    c.execute(_numbers(accounts) + "INSERT INTO account(id, created_at, updated_at, version, "
              "name, name_sort, industry, website, phone, email, street, city, region, "
              "postal_code, country, tags, notes, owner_id) SELECT " + UID + f", {STAMP}, "
              f"{STAMP}, 1, 'Account ' || i, 'account ' || i, '', '', '', '', '', '', '', '', "
              "'', '[]', '', (SELECT id FROM users WHERE k = 1 + i % 20) FROM n")
    c.execute("INSERT INTO accounts(id) SELECT id FROM account ORDER BY pk")
    c.execute(_numbers(contacts) + "INSERT INTO contact(id, created_at, updated_at, version, "
              "family_name, given_name, display_name, sort_name, title, department, emails, "
              "phones, primary_email, primary_phone, street, city, region, postal_code, "
              "country, tags, notes, account_id) SELECT " + UID + f", {STAMP}, {STAMP}, 1, "
              "'Person', 'P' || i, 'P' || i || ' Person', 'person p' || i, '', '', '[]', "
              "'[]', '', '', '', '', '', '', '', '[]', '', CASE WHEN i % 2 = 0 THEN (SELECT id "
              f"FROM accounts WHERE k = 1 + i % {accounts}) END FROM n")
    c.execute("INSERT INTO contacts(id) SELECT id FROM contact WHERE account_id IS NOT NULL "
              "ORDER BY pk")
    linked = c.execute("SELECT COUNT(*) FROM contacts").fetchone()[0]
    print(f"  accounts and contacts {time.perf_counter() - started:.0f} s", flush=True)
    c.execute(_numbers(contacts // 5) + "INSERT INTO opportunity(id, created_at, updated_at, "
              "version, name, name_sort, amount_minor, currency, stage_id, next_step, "
              "outcome_reason, notes, account_id, close_date, closed_at, owner_id) SELECT "
              + UID + f", {STAMP}, {STAMP}, 1, 'Deal ' || i, 'deal ' || i, "
              "(1 + abs(random()) % 5000) * 10000, CASE WHEN i % 10 = 0 THEN 'USD' ELSE 'CNY' "
              "END, stage, '', '', '', (SELECT id FROM accounts WHERE k = 1 + (i * 2654435761) % 4294967291 % "
              f"{accounts}), day, CASE WHEN stage IN ('s-won', 's-lost') THEN day || "
              "'T10:00:00.000000Z' END, (SELECT id FROM users WHERE k = 1 + i % 20) FROM "
              "(SELECT i, CASE i % 3 WHEN 0 THEN 's-won' WHEN 1 THEN 's-lost' ELSE CASE i % 2 "
              "WHEN 0 THEN 's-open-1' ELSE 's-open-2' END END AS stage, "
              + DAY.format(days=730) + " AS day FROM n)")
    print(f"  opportunities {time.perf_counter() - started:.0f} s", flush=True)
    c.execute(_numbers(contacts // 2) + "INSERT INTO activity(id, created_at, updated_at, "
              "version, kind, subject, notes, duration_minutes, recurrence, account_id, "
              "contact_id, done_at) SELECT " + UID + f", {STAMP}, {STAMP}, 1, 'call', 'Call', "
              "'', 15, 'none', CASE WHEN i % 2 = 0 THEN (SELECT id FROM accounts WHERE k = 1 + "
              f"(i * 2654435761) % 4294967291 % {accounts}) END, CASE WHEN i % 2 = 1 THEN "
              "(SELECT id FROM contacts WHERE k = 1 + (i * 40503 + 7) % 4294967291 % "
              f"{linked}) END, "
              + DAY.format(days=730) + " || 'T09:00:00.000000Z' FROM n")
    print(f"  activities {time.perf_counter() - started:.0f} s", flush=True)
    c.execute(_numbers(contacts // 20) + "INSERT INTO ticket(id, created_at, updated_at, "
              "version, number, subject, description, channel, category, priority, status, "
              "product, contract_ref, sla_target, csat_comment, account_id, csat_score, "
              "resolution_breached_at) SELECT " + UID + ", day || 'T08:00:00.000000Z', "
              f"{STAMP}, 1, 'T-' || i, 'Problem', '', 'email', '', 'normal', CASE WHEN i % 4 = 0"
              " THEN 'open' ELSE 'closed' END, '', '', '', '', (SELECT id FROM accounts WHERE "
              f"k = 1 + (i * 2654435761) % 4294967291 % {accounts}), CASE WHEN i % 2 = 0 THEN 1 + abs(random())"
              " % 5 END, CASE WHEN i % 10 = 0 THEN day || 'T20:00:00.000000Z' END FROM "
              "(SELECT i, " + DAY.format(days=730) + " AS day FROM n)")
    c.execute("ANALYZE")
    c.commit()
    print(f"  tickets, ANALYZE {time.perf_counter() - started:.0f} s", flush=True)
    c.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    if args.out.exists():
        raise SystemExit(f"{args.out} exists")
    generate(args.out, args.contacts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
