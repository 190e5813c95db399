"""Time 10,000 contacts (Chinese names, companies, mobiles, emails) through the import.

    PYTHONPATH=src python bench/import_contacts.py [rows]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
from desk_crm.services.bundle import build_services
from desk_crm.services.importer import ImportSettings, open_source
from desk_crm.store.database import open_database


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    folder = Path(tempfile.mkdtemp())
    database = open_database(folder / "crm.sqlite3", folder / "backups")
    services = build_services(database, actor="bench")
    path = folder / "contacts.csv"
    path.write_text("姓名,公司,手机,邮箱,城市\n" + "".join(
        f"联系人{i},客户{i % 50},1380013{i % 10_000:04d},u{i}@example.com,北京\n"
        for i in range(rows)), encoding="utf-8")
    source = open_source(path)
    targets = guess_mapping(IMPORT_ENTITIES["contact"], source.headers)
    settings = ImportSettings("contact", tuple(ColumnRule(t) for t in targets))
    started = time.monotonic()
    report = services.imports.run(source, settings)
    seconds = time.monotonic() - started
    print(f"{report.created} contacts created in {seconds:.1f} s "
          f"({report.created / seconds:.0f} rows/s)")
    database.close()


if __name__ == "__main__":
    main()
