"""How fast the list views are on a large database, against raw sqlite3 in the same run.

    .venv/bin/python bench/lists.py [--rows 1000000] [--data bench/.data]

Builds (once, cached in --data) a migrated Desk CRM database with ROWS contacts (a tenth
with Chinese names) and their full-text index, then times what a list view does: the row
count, the first page, the next page by keyset, a jump of the scroll thumb (deep offset),
sorting by another column, a search, and the Qt model answering data() for a screenful
after a jump. Each figure is the median of several runs, printed with its ratio to the
plain sqlite3 query that returns the same rows without the app's layers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk_crm.domain.names import display_name, sort_key
from desk_crm.store import derived
from desk_crm.store.database import open_database
from desk_crm.store.repositories import ListQuery, ListRepository

FAMILY = ["Smith", "Johnson", "Brown", "Miller", "Garcia", "Martin", "Lee", "Walker", "King",
          "Young", "Müller", "Dubois", "Rossi", "Novak", "Jensen"]
GIVEN = ["James", "Mary", "John", "Linda", "David", "Susan", "Emily", "Daniel", "Chloé",
         "Søren", "Anna", "Mark", "Paul", "Laura", "Kevin"]
CN_FAMILY = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "欧阳"]
CN_GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "强", "磊", "军", "洋", "建华", "子涵"]


def build(path: Path, rows: int) -> None:
    if path.exists():
        return
    print(f"building {rows:,} contacts in {path} (once) …", flush=True)
    started = time.perf_counter()
    database = open_database(path, path.parent / "backups")
    database.close()
    rng = random.Random(7)
    now = "2026-11-23T00:00:00.000000Z"
    names = {}
    for family in FAMILY:
        for given in GIVEN:
            names[(family, given)] = (display_name(family, given), sort_key(family, given))
    for family in CN_FAMILY:
        for given in CN_GIVEN:
            names[(family, given)] = (display_name(family, given), sort_key(family, given))
    latin = [k for k in names if k[0] in FAMILY]
    chinese = [k for k in names if k[0] in CN_FAMILY]
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=OFF")
    batch = []
    fts = []
    for number in range(1, rows + 1):
        family, given = rng.choice(chinese) if number % 10 == 0 else rng.choice(latin)
        shown, key = names[(family, given)]
        email = f"user{number}@example{number % 997}.com"
        phone = f"+86138{number:08d}"
        batch.append((number, str(uuid.UUID(int=rng.getrandbits(128))), now, now, family, given,
                      shown, key, json.dumps([{"value": email, "label": "", "primary": True}]),
                      json.dumps([{"value": phone, "label": "", "primary": True}]), email, phone,
                      "Shanghai" if number % 3 else "北京"))
        fts.append((number, derived.contact_index_text(_Row(family, given, shown, email, phone))))
        if len(batch) == 50_000:
            _flush(connection, batch, fts)
    _flush(connection, batch, fts)
    connection.execute("ANALYZE")
    connection.commit()
    connection.close()
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)


class _Row:
    def __init__(self, family: str, given: str, shown: str, email: str, phone: str) -> None:
        self.display_name, self.family_name, self.given_name = shown, family, given
        self.title = self.department = self.region = self.country = self.street = ""
        self.city = ""
        self.tags: list[str] = []
        self.emails = [{"value": email}]
        self.phones = [{"value": phone}]


def _flush(connection: sqlite3.Connection, batch: list, fts: list) -> None:
    connection.executemany(
        "INSERT INTO contact(pk, id, created_at, updated_at, version, deleted_at, family_name, "
        "given_name, display_name, sort_name, title, department, account_id, emails, phones, "
        "primary_email, primary_phone, street, city, region, postal_code, country, tags, "
        "owner_id, notes) VALUES (?, ?, ?, ?, 1, NULL, ?, ?, ?, ?, '', '', NULL, ?, ?, ?, ?, "
        "'', ?, '', '', '', '[]', NULL, '')", batch)
    connection.executemany("INSERT INTO contact_fts(rowid, body) VALUES (?, ?)", fts)
    connection.commit()
    batch.clear()
    fts.clear()


def timed(fn: Callable[[], object], repeat: int = 7) -> float:
    fn()  # warm the page cache once
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / ".data")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    path = args.data / f"contacts-{args.rows}.sqlite3"
    build(path, args.rows)

    database = open_database(path, args.data / "backups")
    repository = ListRepository(database.session_factory)
    raw = sqlite3.connect(path)
    base = ListQuery("contact")
    first_page = repository.page(base, limit=200)
    deep = args.rows // 2
    search = "zhang"

    cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        ("row count", lambda: repository.count(base),
         lambda: raw.execute("SELECT COUNT(*) FROM contact WHERE deleted_at IS NULL").fetchone()),
        ("first page (200 rows)", lambda: repository.page(base, limit=200),
         lambda: raw.execute("SELECT pk, display_name FROM contact WHERE deleted_at IS NULL "
                             "ORDER BY sort_name, pk LIMIT 200").fetchall()),
        ("next page by keyset", lambda: repository.page(base, limit=200, after=first_page[-1]),
         lambda: raw.execute("SELECT pk, display_name FROM contact WHERE deleted_at IS NULL "
                             "AND (sort_name, pk) > (?, ?) ORDER BY sort_name, pk LIMIT 200",
                             (first_page[-1].sort_value, first_page[-1].pk)).fetchall()),
        (f"jump to row {deep:,} (offset)", lambda: repository.page(base, offset=deep, limit=200),
         lambda: raw.execute("SELECT pk, display_name FROM contact WHERE deleted_at IS NULL "
                             "ORDER BY sort_name, pk LIMIT 200 OFFSET ?", (deep,)).fetchall()),
        (f"search “{search}”: count", lambda: repository.count(ListQuery("contact", search=search)),
         lambda: raw.execute("SELECT COUNT(*) FROM contact_fts WHERE contact_fts MATCH ?",
                             ('"zhang"*',)).fetchone()),
        (f"search “{search}”: first page",
         lambda: repository.page(ListQuery("contact", search=search), limit=200),
         lambda: raw.execute("SELECT c.pk, c.display_name FROM contact c WHERE c.pk IN (SELECT "
                             "rowid FROM contact_fts WHERE contact_fts MATCH ?) ORDER BY "
                             "c.sort_name, c.pk LIMIT 200", ('"zhang"*',)).fetchall()),
        ("search “张” (one character): count",
         lambda: repository.count(ListQuery("contact", search="张")),
         lambda: raw.execute("SELECT COUNT(*) FROM contact_fts WHERE contact_fts MATCH ?",
                             ('"张"',)).fetchone()),
    ]
    print(f"\nDesk CRM list benchmark — {args.rows:,} contacts, sqlite {sqlite3.sqlite_version}")
    print(f"{'operation':<40}{'app ms':>10}{'raw ms':>10}{'ratio':>8}")
    for name, app_fn, raw_fn in cases:
        app_ms, raw_ms = timed(app_fn), timed(raw_fn)
        print(f"{name:<40}{app_ms:>10.2f}{raw_ms:>10.2f}{app_ms / max(raw_ms, 1e-6):>8.2f}")

    from PySide6.QtWidgets import QApplication

    from desk_crm.ui.columns import contact_columns
    from desk_crm.ui.list_model import PagedTableModel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    started = time.perf_counter()
    model = PagedTableModel(repository, contact_columns("CN"), base)
    opened = (time.perf_counter() - started) * 1000

    def screenful(start: int) -> None:
        for row in range(start, start + 40):
            for column in range(model.columnCount()):
                model.data(model.index(row, column))

    started = time.perf_counter()
    screenful(0)
    first_screen = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    screenful(int(args.rows * 0.9))
    jump_screen = (time.perf_counter() - started) * 1000
    print(f"\nQt model: open {opened:.1f} ms, first screen {first_screen:.1f} ms, "
          f"screen after a jump to 90% {jump_screen:.1f} ms, pages held {len(model._pages)}")
    del app
    raw.close()
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
