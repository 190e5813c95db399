"""Custom-field storage at 1M contacts: JSON + expression index vs a real column.

Prints, for each storage, the time to the first page (50 rows) of
  * a sort by the custom field (keyset start, live rows only),
  * a filter "field = value" sorted by name,
  * the same sort with the keyset continued from the middle,
beside a raw built-in column (city) doing the same work. Run:
    .venv/bin/python bench/custom_fields.py [N]
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import sys
import tempfile
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
PAGE = 50
BANDS = ["<25k", "25-50k", "50-100k", "100-200k", ">200k"]


def build(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE contact (pk INTEGER PRIMARY KEY, id TEXT, sort_name TEXT, "
               "city TEXT, deleted_at TEXT, custom JSON NOT NULL DEFAULT '{}', cf_band TEXT, "
               "cf_score INTEGER)")
    rnd = random.Random(7)
    rows = []
    for i in range(N):
        band, score = rnd.choice(BANDS), rnd.randrange(0, 100_000)
        rows.append((i + 1, f"id{i}", f"name{rnd.randrange(10**9):09d}", f"city{i % 997}",
                     json.dumps({"band": band, "score": score}), band, score))
        if len(rows) == 100_000:
            db.executemany("INSERT INTO contact(pk, id, sort_name, city, custom, cf_band, "
                           "cf_score) VALUES (?,?,?,?,?,?,?)", rows)
            rows.clear()
    db.commit()
    where = "WHERE deleted_at IS NULL"
    db.execute(f"CREATE INDEX ix_city ON contact(city, pk) {where}")
    db.execute(f"CREATE INDEX ix_name ON contact(sort_name, pk) {where}")
    # What the app creates for an "indexed" custom field (migration-free, at definition time).
    db.execute("CREATE INDEX ix_cf_json_score ON contact(json_extract(custom, '$.score'), pk) "
               + where)
    db.execute("CREATE INDEX ix_cf_json_band ON contact(json_extract(custom, '$.band'), "
               f"sort_name, pk) {where}")
    db.execute(f"CREATE INDEX ix_cf_col_score ON contact(cf_score, pk) {where}")
    db.execute(f"CREATE INDEX ix_cf_col_band ON contact(cf_band, sort_name, pk) {where}")
    db.execute("ANALYZE")
    return db


def best(db: sqlite3.Connection, sql: str, params: tuple[object, ...] = ()) -> float:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        rows = db.execute(sql, params).fetchall()
        times.append(time.perf_counter() - start)
        assert len(rows) == PAGE, (sql, len(rows))
    return min(times) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.sqlite3")
        start = time.perf_counter()
        db = build(path)
        print(f"built {N:,} contacts in {time.perf_counter() - start:.0f} s")
        live = "deleted_at IS NULL"
        cases = {
            "built-in column (city): sort, first page":
                (f"SELECT pk FROM contact WHERE {live} ORDER BY city, pk LIMIT {PAGE}", ()),
            "JSON + expression index: sort, first page":
                (f"SELECT pk FROM contact WHERE {live} ORDER BY "
                 f"json_extract(custom, '$.score'), pk LIMIT {PAGE}", ()),
            "real column cf_score: sort, first page":
                (f"SELECT pk FROM contact WHERE {live} ORDER BY cf_score, pk LIMIT {PAGE}", ()),
            "JSON + expression index: sort, page after the middle (keyset)":
                (f"SELECT pk FROM contact WHERE {live} AND "
                 f"(json_extract(custom, '$.score'), pk) > (50000, 0) ORDER BY "
                 f"json_extract(custom, '$.score'), pk LIMIT {PAGE}", ()),
            "JSON + expression index: next page, expanded keyset (what the app runs)":
                (f"SELECT pk FROM contact WHERE {live} AND "
                 f"(json_extract(custom, '$.score') > 50000 OR "
                 f"(json_extract(custom, '$.score') = 50000 AND pk > 0)) ORDER BY "
                 f"json_extract(custom, '$.score'), pk LIMIT {PAGE}", ()),
            "JSON + expression index: jump to the middle (OFFSET N/2)":
                (f"SELECT pk FROM contact WHERE {live} ORDER BY "
                 f"json_extract(custom, '$.score'), pk LIMIT {PAGE} OFFSET {N // 2}", ()),
            "built-in column (city): jump to the middle (OFFSET N/2)":
                (f"SELECT pk FROM contact WHERE {live} ORDER BY city, pk "
                 f"LIMIT {PAGE} OFFSET {N // 2}", ()),
            "real column: sort, page after the middle (keyset)":
                (f"SELECT pk FROM contact WHERE {live} AND (cf_score, pk) > (50000, 0) "
                 f"ORDER BY cf_score, pk LIMIT {PAGE}", ()),
            "JSON + expression index: filter = value, sorted by name":
                (f"SELECT pk FROM contact WHERE {live} AND json_extract(custom, '$.band') = ? "
                 f"ORDER BY sort_name, pk LIMIT {PAGE}", ("50-100k",)),
            "real column: filter = value, sorted by name":
                (f"SELECT pk FROM contact WHERE {live} AND cf_band = ? "
                 f"ORDER BY sort_name, pk LIMIT {PAGE}", ("50-100k",)),
            "JSON without index: sort, first page (for scale)":
                (f"SELECT pk FROM contact WHERE {live} ORDER BY "
                 f"json_extract(custom, '$.nope'), pk LIMIT {PAGE}", ()),
        }
        base = best(db, *cases["built-in column (city): sort, first page"])
        for name, (sql, params) in cases.items():
            ms = best(db, sql, params)
            print(f"{name:64s} {ms:9.2f} ms   x{ms / base:6.1f} vs built-in")
        db.close()


if __name__ == "__main__":
    main()
