"""Bulk edit of every row of a (filtered) list: ids read from SQL page by page, applied
in chunks that share one batch id, so the whole run — finished or cancelled — undoes as one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desk_crm.services.bulk import BulkChanges
from desk_crm.services.bundle import build_services
from desk_crm.store.database import open_database
from desk_crm.store.repositories import ListQuery
from helpers.bulk import OWNERS, fill_contacts

ROWS = 20_000


def _cities(path: Path, owner: str | None = None) -> dict[str, str]:
    with sqlite3.connect(path) as connection:
        return dict(connection.execute(
            "SELECT id, city FROM contact WHERE deleted_at IS NULL "
            "AND (? IS NULL OR owner_id = ?)", (owner, owner)))


def test_all_matching_rows_change_in_chunks_and_undo_as_one(tmp_path: Path) -> None:
    path = fill_contacts(tmp_path / "crm.sqlite3", ROWS)
    before = _cities(path, OWNERS[0])
    others = _cities(path, OWNERS[1])
    database = open_database(path, tmp_path / "backups")
    try:
        services = build_services(database, actor="tester")
        query = ListQuery("contact", filters=(("owner_id", OWNERS[0]),))
        pages = list(services.lists.iter_id_pages(query, page_size=1500))
        assert all(len(p) <= 1500 for p in pages) and len(pages) > 1
        assert sorted(i for p in pages for i in p) == sorted(before)
        chunks: list[int] = []
        run = services.bulk.apply_pages(
            "contact", services.lists.iter_id_pages(query, page_size=1500),
            BulkChanges(city="Everywhere"), on_chunk=lambda done: chunks.append(done) or True)
        assert not run.cancelled and run.done == len(before) and len(chunks) > 1
        assert set(_cities(path, OWNERS[0]).values()) == {"Everywhere"}
        assert _cities(path, OWNERS[1]) == others  # outside the filter: untouched
        services.changes.undo_batch(run.batch_id)
        assert _cities(path, OWNERS[0]) == before
    finally:
        database.close()


def test_a_cancelled_run_keeps_whole_chunks_and_still_undoes(tmp_path: Path) -> None:
    path = fill_contacts(tmp_path / "crm.sqlite3", 3000)
    database = open_database(path, tmp_path / "backups")
    try:
        services = build_services(database, actor="tester")
        query = ListQuery("contact")
        before = _cities(path)
        run = services.bulk.apply_pages(
            "contact", services.lists.iter_id_pages(query, page_size=1000),
            BulkChanges(city="Stop"), on_chunk=lambda done: done < 1000)
        assert run.cancelled and run.done == 1000
        changed = [i for i, city in _cities(path).items() if city == "Stop"]
        assert len(changed) == 1000
        services.changes.undo_batch(run.batch_id)
        assert _cities(path) == before
    finally:
        database.close()
