"""PagedTableModel: a COUNT for rowCount, a window of pages fetched by keyset while
scrolling, sorting and searching done by the SQL query."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import ContactDraft
from desk_crm.services.bundle import Services
from desk_crm.services.records import ContactRecord
from desk_crm.store.database import Database
from desk_crm.store.repositories import ListQuery, ListRepository, PageRow
from desk_crm.ui.columns import account_columns, contact_columns
from desk_crm.ui.list_model import PagedTableModel, RecordIdRole

from .factories import add_account, add_contact

PAGE = 100
MAX_PAGES = 3
CONTACT_COLUMNS = contact_columns("CN")
ACCOUNT_COLUMNS = account_columns("CN")


def column(key: str, columns: tuple[Any, ...] = CONTACT_COLUMNS) -> int:
    return next(position for position, c in enumerate(columns) if c.key == key)


class RecordingRepository(ListRepository):
    """The real repository, noting how the model asked for each page."""

    def __init__(self, database: Database) -> None:
        super().__init__(database.session_factory)
        self.page_requests: list[str] = []

    def page(self, query: ListQuery, *, offset: int = 0, limit: int = 200,
             after: PageRow | None = None) -> list[PageRow]:
        self.page_requests.append("keyset" if after is not None else f"offset {offset}")
        return super().page(query, offset=offset, limit=limit, after=after)


@pytest.fixture
def repository(database: Database) -> RecordingRepository:
    return RecordingRepository(database)


def contact_model(repository: ListRepository, query: ListQuery | None = None,
                  ) -> PagedTableModel:
    return PagedTableModel(repository, CONTACT_COLUMNS, query or ListQuery("contact"),
                           page_size=PAGE, max_pages=MAX_PAGES)


def ids_in_store_order(services: Services, query: ListQuery) -> list[str]:
    return [row.id for row in services.lists.page(query, limit=10_000)]


def record_id(model: PagedTableModel, row: int) -> str:
    return model.index(row, 0).data(RecordIdRole)


# -- the model contract -------------------------------------------------------------------


def test_contacts_model_passes_the_model_tester(qtmodeltester: Any, repository: Any,
                                                many_contacts: list[ContactRecord]) -> None:
    model = contact_model(repository)
    assert model.rowCount() == 450
    qtmodeltester.check(model)


def test_accounts_model_passes_the_model_tester(qtmodeltester: Any, services: Services,
                                                repository: Any) -> None:
    for number in range(12):
        account = add_account(services, f"Account {number:02d}", city="Shanghai")
        for person in range(number % 3):
            add_contact(services, f"Person{number}", f"P{person}", account_id=account.id)
    model = PagedTableModel(repository, ACCOUNT_COLUMNS, ListQuery("account"),
                            page_size=5, max_pages=2)
    assert model.rowCount() == 12
    qtmodeltester.check(model)
    # The contacts column counts the live contacts of each account.
    assert model.index(5, column("contacts", ACCOUNT_COLUMNS)).data() == "2"
    assert model.index(5, 0).data() == "Account 05"


@pytest.mark.parametrize("entity", ["contact", "account"])
def test_model_on_an_empty_store_passes_the_model_tester(qtmodeltester: Any,
                                                         repository: Any,
                                                         entity: str) -> None:
    columns = CONTACT_COLUMNS if entity == "contact" else ACCOUNT_COLUMNS
    model = PagedTableModel(repository, columns, ListQuery(entity))
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert model.columnCount() == len(columns)
    assert model.data(model.index(0, 0)) is None
    assert model.record_id(0) is None
    assert repository.page_requests == []  # nothing to show, nothing fetched


def test_child_rows_and_unhandled_roles_are_empty(repository: Any,
                                                  many_contacts: list[ContactRecord]) -> None:
    model = contact_model(repository)
    top = model.index(0, 0)
    assert model.rowCount(top) == 0
    assert model.columnCount(top) == 0
    assert model.data(top, Qt.ItemDataRole.DecorationRole) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.headerData(9, Qt.Orientation.Vertical) == 10
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


# -- paging -------------------------------------------------------------------------------


def test_rows_across_pages_follow_the_repository_order(
        services: Services, repository: Any, many_contacts: list[ContactRecord]) -> None:
    model = contact_model(repository)
    expected = ids_in_store_order(services, ListQuery("contact"))
    assert model.rowCount() == len(expected) == services.lists.count(ListQuery("contact"))
    by_id = {record.id: record for record in many_contacts}
    # Jumps first (offset pages), then every row.
    for row in (449, 0, 250, 101, 99, 100, 300):
        assert record_id(model, row) == expected[row]
    for row in range(model.rowCount()):
        assert record_id(model, row) == expected[row]
        assert model.index(row, 0).data() == by_id[expected[row]].display_name
    assert model.row_of(expected[321]) == 321


def test_scrolling_down_loads_one_page_at_a_time_by_keyset(
        repository: Any, many_contacts: list[ContactRecord]) -> None:
    model = contact_model(repository)
    loads = []
    for row in range(model.rowCount()):
        model.index(row, 0).data()
        loads.append(model.page_loads)
        assert len(model._pages) <= MAX_PAGES  # the window never grows past max_pages
    # One load when each new page is first touched: rows 0, 100, 200, 300, 400.
    assert [loads[row] for row in (0, 99, 100, 199, 200, 300, 400, 449)] == [
        1, 1, 2, 2, 3, 4, 5, 5]
    assert repository.page_requests == ["offset 0", "keyset", "keyset", "keyset", "keyset"]


def test_the_page_window_forgets_the_least_recently_used_page(
        repository: Any, many_contacts: list[ContactRecord]) -> None:
    model = contact_model(repository)
    for row in range(0, model.rowCount(), PAGE):
        model.index(row, 0).data()
    assert model.page_loads == 5
    model.index(449, 0).data()  # the last page is still held
    model.index(250, 0).data()
    assert model.page_loads == 5
    first = record_id(model, 0)  # page 0 was dropped: fetched again, by offset
    assert model.page_loads == 6
    assert repository.page_requests[-1] == "offset 0"
    assert first == many_contacts[0].id
    assert len(model._pages) == MAX_PAGES


def test_sort_by_another_column_changes_the_sql_order(
        services: Services, repository: Any, many_contacts: list[ContactRecord]) -> None:
    model = contact_model(repository)
    assert record_id(model, 0) == many_contacts[0].id  # Fam000 first by name
    with_email = column("email")
    model.sort(with_email, Qt.SortOrder.AscendingOrder)
    assert model.query.sort_key == "email"
    assert model.index(0, with_email).data() == "u000@example.com"
    assert record_id(model, 0) == many_contacts[444].id
    expected = ids_in_store_order(services, model.query)
    assert [record_id(model, row) for row in range(model.rowCount())] == expected
    assert "keyset" in repository.page_requests

    model.sort(with_email, Qt.SortOrder.DescendingOrder)
    assert model.index(0, with_email).data() == "zh4@example.cn"
    assert [record_id(model, row) for row in range(model.rowCount())] == expected[::-1]


def test_sort_on_a_column_sql_cannot_sort_is_ignored(
        qtbot: Any, repository: Any, many_contacts: list[ContactRecord]) -> None:
    model = contact_model(repository)
    before = model.query
    with qtbot.assertNotEmitted(model.modelReset):
        model.sort(column("tags"), Qt.SortOrder.DescendingOrder)
    assert model.query == before


@pytest.mark.parametrize(("text", "expected"), [
    ("三", {"张三", "李三丰", "三好"}),  # one Chinese character, anywhere in the name
    ("三丰", {"李三丰"}),
    ("fam00", {f"Test Fam00{n}" for n in range(10)}),  # Latin prefix, any case
    ("Fam444", {"Test Fam444"}),
])
def test_search_filters_in_sql(qtbot: Any, repository: Any,
                               many_contacts: list[ContactRecord], text: str,
                               expected: set[str]) -> None:
    model = contact_model(repository)
    with qtbot.waitSignal(model.count_changed) as changed:
        model.set_search(text)
    assert changed.args == [len(expected)]
    assert model.rowCount() == len(expected)
    assert {model.index(row, 0).data() for row in range(model.rowCount())} == expected
    with qtbot.waitSignal(model.count_changed) as changed:
        model.set_search("")
    assert changed.args == [450]


def test_search_for_the_same_text_keeps_the_cache(
        qtbot: Any, repository: Any, many_contacts: list[ContactRecord]) -> None:
    model = contact_model(repository)
    model.set_search("三")
    model.index(0, 0).data()
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_search("三")
    model.index(0, 0).data()
    assert model.page_loads == 1


def test_reload_after_a_save_shows_the_new_value_in_place(
        qtbot: Any, services: Services, repository: Any,
        many_contacts: list[ContactRecord]) -> None:
    model = contact_model(repository)
    title = column("title")
    target = many_contacts[250]
    row = model.row_of(target.id)
    assert row == 250
    assert model.index(row, title).data() == "Title 5"
    draft = target.draft
    draft.title = "Head of Purchasing"
    services.contacts.save(draft, target.id, target.version)
    assert model.index(row, title).data() == "Title 5"  # the page is cached until reload

    with qtbot.assertNotEmitted(model.modelReset), \
            qtbot.assertNotEmitted(model.count_changed), \
            qtbot.waitSignal(model.dataChanged):
        model.reload()
    assert model.rowCount() == 450
    assert model.index(row, title).data() == "Head of Purchasing"
    assert record_id(model, row) == target.id


def test_reload_after_a_delete_drops_the_row(
        qtbot: Any, services: Services, repository: Any,
        many_contacts: list[ContactRecord]) -> None:
    model = contact_model(repository)
    gone = many_contacts[10]
    assert record_id(model, 10) == gone.id
    services.contacts.delete(gone.id)
    with qtbot.waitSignal(model.modelReset), qtbot.waitSignal(model.count_changed) as changed:
        model.reload()
    assert changed.args == [449]
    assert model.rowCount() == 449
    assert record_id(model, 10) == many_contacts[11].id
    assert model.row_of(gone.id) is None


@pytest.fixture
def mixed_contacts(services: Services) -> int:
    """31 contacts with repeated and empty values in every sortable column: some at one of
    three accounts, some owned by one of two reps, some with neither."""
    reps = [services.users.ensure("Rep A").id, services.users.ensure("Rep B").id]
    accounts = [add_account(services, name).id for name in ("Acme", "北京科技", "Zeta")]
    for number in range(31):
        services.contacts.save(ContactDraft(
            family_name=f"Name{number % 9}", given_name="Same" if number % 4 else "",
            title=("", "CEO", "CTO")[number % 3],
            emails=(ContactPoint(f"m{number % 5}.{number}@example.com"),) if number % 3
            else (),
            phones=(ContactPoint(f"1380013{8000 + number % 6:04d}"),) if number % 2 else (),
            account_id=accounts[number % 4] if number % 4 < 3 else None,
            owner_id=reps[number % 3] if number % 3 < 2 else None,
            city=("", "上海", "Berlin", "")[number % 4]))
    return 31


@pytest.mark.parametrize("key", [c.key for c in CONTACT_COLUMNS if c.sortable])
def test_keyset_pages_match_offset_order_for_every_sortable_column(
        services: Services, repository: Any, mixed_contacts: int, key: str) -> None:
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model = PagedTableModel(repository, CONTACT_COLUMNS, ListQuery("contact"),
                                page_size=4, max_pages=2)
        model.sort(column(key), order)
        expected = ids_in_store_order(services, model.query)
        assert len(expected) == mixed_contacts
        scrolled = [record_id(model, row) for row in range(model.rowCount())]
        assert scrolled == expected, f"{key} {order}"
        assert len(set(scrolled)) == mixed_contacts
