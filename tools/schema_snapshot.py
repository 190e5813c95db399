"""Record the schema every migration revision leaves in a fresh database.

``tests/store/test_migration_chain.py`` upgrades a new file one revision at a time and
compares ``sqlite_master`` after each step with ``tests/data/schema_snapshot.json``, so an
old migration can never silently change what it builds. Run this after adding a migration:
it appends the new revisions and refuses to rewrite a recorded one (pass ``--force`` only
when a recorded revision was never released).

    .venv/bin/python tools/schema_snapshot.py [--force]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from contextlib import closing
from pathlib import Path

from alembic.script import ScriptDirectory

from desk_crm.store import migrate
from desk_crm.store.engine import create_sqlite_engine

SNAPSHOT = Path(__file__).resolve().parents[1] / "tests" / "data" / "schema_snapshot.json"


def revision_chain() -> list[str]:
    """Revision ids from the first migration to the head, in the order they run."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [rev.revision for rev in script.walk_revisions("base", "heads")][::-1]


def schema(path: Path) -> list[list[str]]:
    """sqlite_master without the Alembic bookkeeping: (type, name, table, normalised sql)."""
    with closing(sqlite3.connect(path)) as connection:
        found = connection.execute(
            "SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'alembic_%' "
            "ORDER BY type, name").fetchall()
    return [[type_, name, table, _normalised(sql)] for type_, name, table, sql in found]


def _normalised(sql: str) -> str:
    """One space between words, and a table's clauses in sorted order: Alembic's batch
    rebuild of a table writes its constraints in set order, which differs run to run."""
    sql = " ".join(sql.split())
    if not sql.startswith("CREATE TABLE") or not sql.endswith(")") or "(" not in sql:
        return sql
    head, body = sql.split("(", 1)
    clauses, depth, current = [], 0, ""
    for char in body[:-1]:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            clauses.append(current.strip())
            current = ""
        else:
            current += char
    clauses.append(current.strip())
    return f"{head}( " + ", ".join(sorted(clauses)) + " )"


def schemas_by_revision(directory: Path) -> dict[str, list[list[str]]]:
    """Upgrade one fresh file revision by revision, dumping the schema after each."""
    path = directory / "chain.sqlite3"
    engine = create_sqlite_engine(path)
    found: dict[str, list[list[str]]] = {}
    try:
        for revision in revision_chain():
            migrate.upgrade(engine, path, directory / "backups", target=revision)
            found[revision] = schema(path)
    finally:
        engine.dispose()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true",
                        help="rewrite revisions already recorded (unreleased ones only)")
    args = parser.parse_args()
    recorded = json.loads(SNAPSHOT.read_text("utf-8")) if SNAPSHOT.exists() else {}
    with tempfile.TemporaryDirectory() as directory:
        current = schemas_by_revision(Path(directory))
    changed = [rev for rev in recorded if rev in current and recorded[rev] != current[rev]]
    if changed and not args.force:
        print(f"refusing: recorded revisions {changed} now build a different schema",
              file=sys.stderr)
        return 1
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(current, ensure_ascii=False, indent=1) + "\n", "utf-8")
    added = [rev for rev in current if rev not in recorded]
    print(f"{SNAPSHOT.name}: {len(current)} revisions, added {added or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
