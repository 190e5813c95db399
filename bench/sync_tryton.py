"""Sync with a real Tryton server: the first full pull of N contacts (default 10,000), an
incremental sync of 500 changes (250 edited on the server and pulled, 250 edited here and
pushed), and the first push of P contacts made here (default N), each beside the server's
own time for the same calls; peak memory (RSS) after the first pull.

    PYTHONPATH=src:. python bench/sync_tryton.py [contacts] [pushed]

Baseline ("server calls"): the same adapter calls (list_changes pages for a pull; update
with the expected version for a push) made in a loop with nothing stored locally — what
the server and the wire cost. The ratio says what the engine adds on top: mapping, merge,
validation through the services, change log, id map and base copies, one transaction per
page. The first push's baseline is ``party.create`` with the same values (name, e-mail and
phone mechanisms, the idempotency identifier) in lists of the engine's batch size.
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

from tests.sync.tryton_server import DATABASE, PASSWORD, start_server

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import ContactDraft
from desk_crm.services.bundle import build_services
from desk_crm.store.database import open_database
from desk_crm.sync.adapters.tryton import TrytonAdapter
from desk_crm.sync.engine import CREATE_BATCH, SyncEngine, SyncReport

PAGE = 500


def seed(admin, count: int) -> None:
    for start in range(0, count, 100):  # serially: parallel party creates clash on codes
        admin("model.party.party.create", [
            {"name": f"联系人{n:05d}", "contact_mechanisms": [["create", [
                {"type": "email", "value": f"u{n}@example.com"},
                {"type": "phone", "value": f"+86 138 {n // 10_000:04d} {n % 10_000:04d}"}]]]}
            for n in range(start, min(count, start + 100))])


def raw_pull(adapter: TrytonAdapter, cursor: str | None) -> tuple[float, int]:
    started, seen = time.monotonic(), 0
    while True:
        page = adapter.list_changes("contact", cursor, PAGE)
        seen += len(page.records)
        cursor = page.cursor
        if not page.has_more:
            return time.monotonic() - started, seen


def raw_push(admin, count: int) -> float:
    """The creates alone: lists of CREATE_BATCH parties shaped as the adapter sends them."""
    started = time.monotonic()
    for start in range(0, count, CREATE_BATCH):
        admin("model.party.party.create", [
            {"name": f"原始 推送{n:05d}", "identifiers": [["create", [
                {"code": f"desk-crm:{uuid.uuid4()}"}]]],
             "contact_mechanisms": [["create", [
                 {"type": "email", "value": f"raw{n}@example.org", "sequence": 1},
                 {"type": "phone", "value": f"+8613900{n:06d}", "sequence": 1}]]]}
            for n in range(start, min(count, start + CREATE_BATCH))])
    return time.monotonic() - started


def first_push(folder: Path, adapter, admin, count: int) -> None:
    """A database made here (an import, say) pushed to the server for the first time."""
    database = open_database(folder / "push.sqlite3", folder / "push-backups")
    services = build_services(database, "bench")
    started = time.monotonic()
    for n in range(count):
        services.contacts.save(ContactDraft(
            family_name="推送", given_name=f"{n:05d}",
            emails=(ContactPoint(f"push{n}@example.org"),),
            phones=(ContactPoint(f"+86 139 01{n // 10_000:02d} {n % 10_000:04d}"),)))
    print(f"made {count} contacts here in {time.monotonic() - started:.1f} s")
    engine = SyncEngine(database.session_factory, adapter(), page_size=PAGE)
    report = SyncReport()
    started = time.monotonic()
    engine.push(report)
    push_time = time.monotonic() - started
    raw_time = raw_push(admin, count)
    print(f"first push: {report.pushed} records in {push_time:.1f} s "
          f"({report.pushed / push_time:.0f}/s); raw creates alone {raw_time:.1f} s "
          f"for {count}; ratio {push_time / raw_time:.2f}")
    database.close()


def run(engine: SyncEngine) -> tuple[float, SyncReport]:
    started = time.monotonic()
    report = engine.run()
    return time.monotonic() - started, report


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    folder = Path(tempfile.mkdtemp(prefix="desk-sync-bench-"))
    server = start_server(folder / "tryton")
    try:
        admin = server.admin()
        started = time.monotonic()
        seed(admin, count)
        print(f"seeded {count} parties on the server in {time.monotonic() - started:.1f} s")

        def adapter() -> TrytonAdapter:
            return TrytonAdapter(server.url, DATABASE, "admin", PASSWORD,
                                 with_opportunities=False)

        database = open_database(folder / "crm.sqlite3", folder / "backups")
        services = build_services(database, "bench")
        engine = SyncEngine(database.session_factory, adapter(), page_size=PAGE)

        server_time, seen = raw_pull(adapter(), None)
        pull_time, report = run(engine)
        print(f"first full pull: {report.pulled} records in {pull_time:.1f} s "
              f"({report.pulled / pull_time:.0f}/s); server calls alone {server_time:.1f} s "
              f"for {seen}; ratio {pull_time / server_time:.2f}; peak RSS "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

        # Incremental: 250 edits on the server, 250 here.
        with database.engine.connect() as connection:
            links = connection.exec_driver_sql(
                "SELECT record_id, remote_id FROM sync_link WHERE entity='contact' "
                "ORDER BY pk LIMIT 500").fetchall()
        server_side, local_side = links[:250], links[250:500]
        admin("model.party.party.write", [int(r) for _l, r in server_side],
              {"name": "改名 服务器"})
        for record_id, _remote in local_side:
            record = services.contacts.get(record_id)
            services.contacts.save(replace(record.draft, given_name=record.draft.given_name
                                           + "甲"), record_id, record.version)
        with database.engine.connect() as connection:
            cursor = connection.exec_driver_sql(
                "SELECT cursor FROM sync_cursor WHERE entity='contact'").scalar()
        raw_pull_time, raw_seen = raw_pull(adapter(), cursor)
        sync_time, report = run(SyncEngine(database.session_factory, adapter(),
                                           page_size=PAGE))
        # Baseline for the push half: the same 250 updates (same field, the version the
        # engine holds now) straight through the adapter.
        with database.engine.connect() as connection:
            versions = dict(connection.exec_driver_sql(
                "SELECT remote_id, remote_version FROM sync_link").fetchall())
        direct = adapter()
        started = time.monotonic()
        for record_id, remote in local_side:
            given = services.contacts.get(record_id).draft.given_name
            direct.update("contact", remote, {"given_name": given},
                          expected_version=versions[remote])
        raw_push_time = time.monotonic() - started
        baseline = raw_pull_time + raw_push_time
        print(f"incremental sync of 500 changes: pushed {report.pushed}, pulled "
              f"{report.pulled} (250 server edits; the rest are our own pushes and the "
              f"cursor's overlap read again), "
              f"conflicts {report.conflicts}, in {sync_time:.2f} s; server calls alone "
              f"{baseline:.2f} s (pull {raw_pull_time:.2f} s for {raw_seen}, "
              f"push {raw_push_time:.2f} s); ratio {sync_time / baseline:.2f}")
        database.close()
        first_push(folder, adapter, admin,
                   int(sys.argv[2]) if len(sys.argv) > 2 else count)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
