"""Run one sync in its own process (the kill -9 test kills it mid-push).
Usage: python -m tests.sync.push_worker DB_PATH URL SCOPE"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.sync.tryton_server import DATABASE, PASSWORD

from desk_crm.store.database import open_database
from desk_crm.sync.adapters.tryton import TrytonAdapter
from desk_crm.sync.engine import RetryPolicy, SyncEngine


def main() -> None:
    db_path, url, scope = sys.argv[1], sys.argv[2], sys.argv[3]
    database = open_database(Path(db_path), Path(db_path).parent / "backups", check=False)
    adapter = TrytonAdapter(url, DATABASE, "admin", PASSWORD, scope_category=scope,
                            with_opportunities=False)
    SyncEngine(database.session_factory, adapter,
               retry=RetryPolicy(attempts=3, base_delay=0.05)).run()
    database.close()


if __name__ == "__main__":
    main()
