"""The paged model over 100k contacts (raw-filled once per session) agrees with plain SQL:
paging, jumps, sorting, filters; counts never scan on the UI thread."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desk_crm.store.database import Database, open_database
from desk_crm.store.repositories import ListQuery, ListRepository
from desk_crm.ui.columns import contact_columns
from desk_crm.ui.list_model import PagedTableModel, RecordIdRole
from helpers.bulk import OWNERS, fill_contacts

ROWS = 100_000
COLUMNS = contact_columns("CN")


@pytest.fixture(scope="session")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fill_contacts(tmp_path_factory.mktemp("scale") / "crm.sqlite3", ROWS)


@pytest.fixture
def big(big_file: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_database(big_file, tmp_path / "backups")
    yield database
    database.close()


def plain_ids(path: Path, order: str, where: str = "", offset: int = 0,
              limit: int = 1) -> list[str]:
    sql = (f"SELECT id FROM contact WHERE deleted_at IS NULL {where} ORDER BY {order} "
           f"LIMIT {limit} OFFSET {offset}")
    with closing(sqlite3.connect(path)) as connection:
        return [row[0] for row in connection.execute(sql)]


def plain_count(path: Path, where: str = "") -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute(
            f"SELECT COUNT(*) FROM contact WHERE deleted_at IS NULL {where}").fetchone()[0])


def model_ids(model: PagedTableModel, rows: range) -> list[str]:
    return [model.data(model.index(row, 0), RecordIdRole) for row in rows]


def column(key: str) -> int:
    return next(position for position, c in enumerate(COLUMNS) if c.key == key)


def test_the_count_comes_at_once_and_paging_and_jumps_match_sql(
        qtbot: Any, big: Database, big_file: Path) -> None:
    started = time.perf_counter()
    model = PagedTableModel(ListRepository(big.session_factory), COLUMNS, ListQuery("contact"))
    assert time.perf_counter() - started < 0.1
    assert model.count_exact and model.rowCount() == plain_count(big_file) == 98_000
    assert model_ids(model, range(0, 450)) == plain_ids(big_file, "sort_name, pk", limit=450)
    for jump in (49_000, 97_800):
        assert model_ids(model, range(jump, jump + 200)) == plain_ids(
            big_file, "sort_name, pk", offset=jump, limit=200)


def test_sorting_descending_by_city_matches_sql(qtbot: Any, big: Database,
                                                big_file: Path) -> None:
    model = PagedTableModel(ListRepository(big.session_factory), COLUMNS, ListQuery("contact"))
    model.sort(column("city"), Qt.SortOrder.DescendingOrder)
    for start in (0, 200, 60_000):
        assert model_ids(model, range(start, start + 200)) == plain_ids(
            big_file, "city DESC, pk DESC", offset=start, limit=200)


def test_a_long_filtered_list_shows_the_cap_then_grows_to_the_exact_count(
        qtbot: Any, big: Database, big_file: Path) -> None:
    model = PagedTableModel(ListRepository(big.session_factory), COLUMNS,
                            ListQuery("contact"), count_cap=1000)
    counts: list[int] = []
    model.count_changed.connect(counts.append)
    started = time.perf_counter()
    model.set_query(ListQuery("contact", filters=(("owner_id", OWNERS[2]),)))
    assert time.perf_counter() - started < 0.1
    assert (model.rowCount(), model.count_exact) == (1000, False)
    where = f"AND owner_id = '{OWNERS[2]}'"
    qtbot.waitUntil(lambda: model.count_exact, timeout=10000)
    assert model.rowCount() == plain_count(big_file, where) > 1000
    assert counts == [1000, model.rowCount()]
    last = model.rowCount() - 150
    assert model_ids(model, range(last, last + 150)) == plain_ids(
        big_file, "sort_name, pk", where, offset=last, limit=150)


def test_a_count_for_an_older_query_is_dropped(qtbot: Any, big: Database) -> None:
    model = PagedTableModel(ListRepository(big.session_factory), COLUMNS,
                            ListQuery("contact"), count_cap=1000)
    model.set_query(ListQuery("contact", filters=(("owner_id", OWNERS[0]),)))
    model.set_query(ListQuery("contact", search="zzzz-nothing"))
    model.wait_for_count()
    qtbot.wait(50)  # queued results arrive
    assert (model.rowCount(), model.count_exact) == (0, True)


def test_a_model_growing_from_its_cap_passes_the_model_tester(
        qtbot: Any, qtmodeltester: Any, services: Any) -> None:
    from .factories import add_contact

    for given in ("一", "二", "三", "四", "五"):
        add_contact(services, "王", given)
    model = PagedTableModel(services.lists, COLUMNS, ListQuery("contact", search="王"),
                            count_cap=2)
    qtmodeltester.check(model)  # watches the rowsInserted that follows
    assert (model.rowCount(), model.count_exact) == (2, False)
    qtbot.waitUntil(lambda: model.count_exact, timeout=5000)
    assert model.rowCount() == 5
    assert sorted(model.index(row, 0).data() for row in range(5)) == sorted(
        f"王{given}" for given in ("一", "二", "三", "四", "五"))


@pytest.mark.parametrize(("sort_key", "descending"), [
    (None, False), ("city", True), ("title", False), ("updated_at", True)])
def test_position_of_a_record_matches_its_offset(big: Database, sort_key: str | None,
                                                 descending: bool) -> None:
    repository = ListRepository(big.session_factory)
    query = ListQuery("contact", sort_key=sort_key, descending=descending)
    for offset in (0, 1, 31_337, 97_999):
        row = repository.page(query, offset=offset, limit=1)[0]
        assert repository.position_of(query, row.id) == offset
    filtered = ListQuery("contact", sort_key=sort_key, descending=descending,
                         filters=(("owner_id", OWNERS[1]),))
    row = repository.page(filtered, offset=5000, limit=1)[0]
    assert repository.position_of(filtered, row.id) == 5000
