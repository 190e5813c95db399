"""A realistic Desk CRM database of N contacts, fast: migrated once by the app, then filled
by streaming executemany on plain sqlite3 (no ORM), FTS rows and contact points included;
the live-row counters are kept by the migration's triggers as rows go in.

    PYTHONPATH=src .venv/bin/python bench/generate.py OUT.sqlite3 [--contacts 1000000]

Proportions per contact: 1/20 account, 1/10 opportunity, 1/2 activity; one contact in ten
has a Chinese name; 20 owners. Deterministic (seeded), so runs compare.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import JSON

from desk_crm.domain.names import company_sort_key, display_name, sort_key
from desk_crm.services.bundle import build_services
from desk_crm.store import derived
from desk_crm.store.database import open_database
from desk_crm.store.models import Base

FAMILY = ["Smith", "Johnson", "Brown", "Miller", "Garcia", "Martin", "Lee", "Walker", "King",
          "Young", "Müller", "Dubois", "Rossi", "Novak", "Jensen", "Clark", "Lopez", "Hill"]
GIVEN = ["James", "Mary", "John", "Linda", "David", "Susan", "Emily", "Daniel", "Chloé",
         "Søren", "Anna", "Mark", "Paul", "Laura", "Kevin", "Grace", "Oscar", "Nina"]
CN_FAMILY = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "欧阳"]
CN_GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "强", "磊", "军", "洋", "建华", "子涵"]
COMPANY = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay",
           "Soylent", "Tyrell", "华为", "腾讯", "阿里", "小米", "京东", "美团"]
SUFFIX = ["Ltd", "GmbH", "Inc", "Trading", "Systems", "科技", "集团", "贸易"]
CITIES = ["Shanghai", "北京", "Shenzhen", "广州", "Berlin", "Paris", "London", "New York"]
TITLES = ["Sales Manager", "CTO", "Buyer", "Engineer", "CEO", "采购经理", "总经理", ""]
INDUSTRIES = ["Manufacturing", "Retail", "Software", "Logistics", "制造业", "金融"]
SUBJECTS = ["Call back", "Send quote", "Demo meeting", "Follow up", "回访客户", "发送报价",
            "Contract review", "Kick-off"]
BATCH = 20_000
NOW = "2026-11-23T00:00:00.000000Z"


def _stamp(rng: random.Random) -> str:
    return (f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T"
            f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00.000000Z")


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class Writer:
    """INSERTs for one table with every column filled (ORM defaults for the missing ones),
    plus its FTS rows, in batches."""

    def __init__(self, connection: sqlite3.Connection, table: str, search: bool = True) -> None:
        self.connection = connection
        self.table = table
        columns = Base.metadata.tables[table].columns
        self.columns = [c.name for c in columns]
        self.defaults: dict[str, Any] = {}
        for column in columns:
            default = column.default.arg if column.default is not None else None
            if isinstance(column.type, JSON):
                default = "[]"
            elif callable(default):
                default = None
            self.defaults[column.name] = default
        self.index = derived.SEARCH_INDEXES.get(table) if search else None
        self.rows: list[tuple[Any, ...]] = []
        self.fts: list[tuple[int, str]] = []
        self.points: list[tuple[str, str, str]] = []
        marks = ", ".join("?" for _ in self.columns)
        self.sql = f"INSERT INTO {table}({', '.join(self.columns)}) VALUES ({marks})"
        self.written = 0

    def add(self, row: dict[str, Any]) -> None:
        row = {**self.defaults, "version": 1, "created_at": NOW, "updated_at": NOW, **row}
        self.rows.append(tuple(row[c] for c in self.columns))
        if self.index is not None:
            self.fts.append((row["pk"], self.index.build(derived.RowView(row))))
        if self.table == "contact":
            for kind in ("emails", "phones"):
                for point in json.loads(row[kind]):
                    self.points.append((row["id"], kind[:-1], point["value"]))
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        self.connection.executemany(self.sql, self.rows)
        if self.index is not None:
            self.connection.executemany(
                f"INSERT INTO {self.index.fts_table}(rowid, body) VALUES (?, ?)", self.fts)
        if self.points:
            self.connection.executemany("INSERT INTO contact_point(contact_id, kind, value) "
                                        "VALUES (?, ?, ?)", self.points)
        self.connection.commit()
        self.written += len(self.rows)
        self.rows.clear()
        self.fts.clear()
        self.points.clear()


def _people(rng: random.Random, number: int) -> tuple[str, str, str, str]:
    if number % 10 == 0:
        family, given = rng.choice(CN_FAMILY), rng.choice(CN_GIVEN)
    else:
        family, given = rng.choice(FAMILY), rng.choice(GIVEN)
    return family, given, display_name(family, given), sort_key(family, given)


def generate(path: Path, contacts: int, *, seed: int = 7, quiet: bool = False,
             search: bool = True) -> Path:
    """Create *path* (must not exist) with *contacts* contacts and related rows; without
    *search* the full-text index stays empty (faster: tests of paging and sorting)."""
    started = time.perf_counter()
    database = open_database(path, path.parent / "backups")
    services = build_services(database, actor="bench")
    services.pipeline.ensure_defaults()
    database.close()
    rng = random.Random(seed)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("PRAGMA cache_size=-200000")
    stages = [row[0] for row in connection.execute(
        "SELECT id FROM pipeline_stage ORDER BY position")]

    users = Writer(connection, "app_user")
    owners = []
    for number in range(1, 21):
        owners.append(_uuid(rng))
        users.add({"pk": number, "id": owners[-1], "name": f"Owner {number}",
                   "email": f"owner{number}@desk.example", "active": 1})
    users.flush()

    accounts = Writer(connection, "account", search)
    account_ids = []
    for number in range(1, max(contacts // 20, 1) + 1):
        name = f"{rng.choice(COMPANY)} {rng.choice(SUFFIX)} {number}"
        account_ids.append(_uuid(rng))
        accounts.add({"pk": number, "id": account_ids[-1], "name": name,
                      "name_sort": company_sort_key(name), "industry": rng.choice(INDUSTRIES),
                      "city": rng.choice(CITIES), "phone": f"+8621{number:08d}",
                      "website": f"www.company{number}.example", "tags": "[]",
                      "owner_id": rng.choice(owners), "updated_at": _stamp(rng)})
    accounts.flush()

    people = Writer(connection, "contact", search)
    contact_ids = []
    for number in range(1, contacts + 1):
        family, given, shown, key = _people(rng, number)
        email = f"user{number}@example{number % 997}.com"
        phone = f"+86138{number:08d}"
        contact_ids.append(_uuid(rng))
        people.add({"pk": number, "id": contact_ids[-1], "family_name": family,
                    "given_name": given, "display_name": shown, "sort_name": key,
                    "title": rng.choice(TITLES), "account_id": rng.choice(account_ids),
                    "emails": json.dumps([{"value": email, "label": "", "primary": True}]),
                    "phones": json.dumps([{"value": phone, "label": "", "primary": True}]),
                    "primary_email": email, "primary_phone": phone,
                    "city": rng.choice(CITIES), "owner_id": rng.choice(owners),
                    "updated_at": _stamp(rng)})
        if not quiet and number % 200_000 == 0:
            print(f"  {number:,} contacts", flush=True)
    people.flush()

    deals = Writer(connection, "opportunity", search)
    deal_ids = []
    for number in range(1, max(contacts // 10, 1) + 1):
        name = f"{rng.choice(COMPANY)} deal {number}"
        deal_ids.append(_uuid(rng))
        deals.add({"pk": number, "id": deal_ids[-1], "name": name,
                   "name_sort": company_sort_key(name),
                   "account_id": rng.choice(account_ids), "stage_id": rng.choice(stages),
                   "amount_minor": rng.randint(1, 5000) * 10000, "currency": "CNY",
                   "close_date": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                   "owner_id": rng.choice(owners), "next_step": "", "outcome_reason": "",
                   "notes": "", "updated_at": _stamp(rng)})
    deals.flush()

    tasks = Writer(connection, "activity", search)
    for number in range(1, max(contacts // 2, 1) + 1):
        done = rng.random() < 0.6
        tasks.add({"pk": number, "id": _uuid(rng), "kind": rng.choice(
            ["task", "call", "meeting", "email"]), "subject": rng.choice(SUBJECTS),
            "notes": "", "due_at": _stamp(rng), "done_at": _stamp(rng) if done else None,
            "recurrence": "", "owner_id": rng.choice(owners),
            "contact_id": rng.choice(contact_ids),
            "opportunity_id": rng.choice(deal_ids) if number % 3 == 0 else None,
            "updated_at": _stamp(rng)})
    tasks.flush()
    connection.execute("ANALYZE")
    connection.commit()
    connection.close()
    if not quiet:
        print(f"generated {contacts:,} contacts in {time.perf_counter() - started:.0f} s "
              f"({path})", flush=True)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    if args.out.exists():
        print(f"{args.out} exists", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    generate(args.out, args.contacts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
