"""100k contacts in a migrated file by raw executemany, for list tests at scale (seconds,
not minutes: no ORM, no full-text rows; the counters are kept by the triggers)."""

from __future__ import annotations

import random
import sqlite3
import uuid
from pathlib import Path

from desk_crm.domain.names import display_name, sort_key
from desk_crm.store.database import open_database

FAMILY = ["Smith", "Brown", "Garcia", "Lee", "Müller", "Rossi", "王", "李", "欧阳"]
GIVEN = ["Anna", "John", "Chloé", "Kevin", "伟", "秀英"]
CITIES = ["Shanghai", "北京", "Berlin", "Paris", ""]
TITLES = ["CEO", "Buyer", "", "采购经理", "Engineer"]
OWNERS = [f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 6)]
ACCOUNTS = [f"00000000-0000-4000-9000-{n:012d}" for n in range(1, 51)]


def fill_contacts(path: Path, rows: int, seed: int = 11) -> Path:
    open_database(path, path.parent / "backups").close()
    rng = random.Random(seed)
    names = [(f, g, display_name(f, g), sort_key(f, g)) for f in FAMILY for g in GIVEN]
    now = "2026-11-23T00:00:00.000000Z"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    connection.executemany(
        "INSERT INTO app_user(pk, id, created_at, updated_at, version, name, email, active) "
        "VALUES (?, ?, ?, ?, 1, ?, '', 1)",
        [(n, owner, now, now, f"Owner {n}") for n, owner in enumerate(OWNERS, 1)])
    connection.executemany(
        "INSERT INTO account(pk, id, created_at, updated_at, version, name, name_sort, "
        "industry, website, phone, email, street, city, region, postal_code, country, tags, "
        "notes) VALUES (?, ?, ?, ?, 1, ?, ?, '', '', '', '', '', '', '', '', '', '[]', '')",
        [(n, account, now, now, f"Account {n:02d}", f"account {n:02d}")
         for n, account in enumerate(ACCOUNTS, 1)])
    batch = []
    for number in range(1, rows + 1):
        family, given, shown, key = rng.choice(names)
        stamp = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T00:00:00.000000Z"
        batch.append((number, str(uuid.UUID(int=rng.getrandbits(128), version=4)), now,
                      stamp, family, given, shown, key, rng.choice(TITLES),
                      rng.choice(ACCOUNTS), f"u{number}@ex{number % 97}.com",
                      f"+86139{number:08d}", rng.choice(CITIES), rng.choice(OWNERS)))
    connection.executemany(
        "INSERT INTO contact(pk, id, created_at, updated_at, version, deleted_at, family_name, "
        "given_name, display_name, sort_name, title, department, account_id, emails, phones, "
        "primary_email, primary_phone, street, city, region, postal_code, country, tags, "
        "owner_id, notes) VALUES (?, ?, ?, ?, 1, NULL, ?, ?, ?, ?, ?, '', ?, '[]', '[]', ?, ?, "
        "'', ?, '', '', '', '[]', ?, '')", batch)
    # Every 50th contact is soft-deleted: lists and counts must leave them out.
    connection.execute("UPDATE contact SET deleted_at = ? WHERE pk % 50 = 0", (now,))
    connection.commit()
    connection.execute("ANALYZE")
    connection.close()
    return path
