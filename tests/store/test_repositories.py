"""ListRepository: counts and pages of the account and contact lists, in SQL order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

from desk_crm.services.bundle import Services
from desk_crm.store.database import Database
from desk_crm.store.repositories import ListQuery, ListRepository, PageRow
from helpers.db import captured_sql
from helpers.drafts import account_draft, contact_draft

# Display names in list order: sort keys are pinyin for Chinese, folded Latin otherwise,
# so Chinese and Latin names interleave alphabetically.
CONTACTS_IN_ORDER = ["Paul Anderson", "Anna Lee", "李四", "欧阳娜娜", "John Smith", "王五",
                     "张三", "Émile Zola"]
ACCOUNTS_IN_ORDER = ["阿里巴巴网络技术有限公司", "Acme Inc", "北京科技有限公司", "Zenith Ltd"]


@dataclass
class People:
    ids: dict[str, str]  # display name -> id
    accounts: dict[str, str]  # account name -> id
    deleted_id: str


@pytest.fixture
def people(services: Services) -> People:
    accounts = {name: services.accounts.save(account_draft(name)).id
                for name in ("Zenith Ltd", "北京科技有限公司", "Acme Inc",
                             "阿里巴巴网络技术有限公司")}
    drafts = [
        contact_draft("张", "三", emails=["zhang.san@example.com"], phones=["138 0013 8000"],
                      account_id=accounts["北京科技有限公司"], tags=("VIP",), city="北京"),
        contact_draft("Zola", "Émile", emails=["emile@example.com"]),
        contact_draft("Smith", "John", account_id=accounts["Acme Inc"], title="Buyer"),
        contact_draft("王", "五", account_id=accounts["北京科技有限公司"]),
        contact_draft("Anderson", "Paul", account_id=accounts["Acme Inc"]),
        contact_draft("李", "四", phones=["139 0000 1111"]),
        contact_draft("Lee", "Anna", emails=["anna.lee@example.com"]),
        contact_draft("欧阳", "娜娜"),
    ]
    ids = {}
    for draft in drafts:
        record = services.contacts.save(draft)
        ids[record.display_name] = record.id
    deleted = services.contacts.save(contact_draft("张", "伟", emails=["zhang.wei@example.com"],
                                                   account_id=accounts["Acme Inc"]))
    services.contacts.delete(deleted.id)
    services.accounts.save(account_draft("Deleted Corp"))
    deleted_account = services.lists.page(ListQuery("account", search="Deleted"))[0].id
    services.accounts.delete(deleted_account)
    return People(ids, accounts, deleted.id)


def names(rows: list[PageRow]) -> list[str]:
    return [row.values["name"] for row in rows]


def test_count_without_search_counts_live_rows(services: Services, people: People) -> None:
    assert services.lists.count(ListQuery("contact")) == len(CONTACTS_IN_ORDER)
    assert services.lists.count(ListQuery("account")) == len(ACCOUNTS_IN_ORDER)


@pytest.mark.parametrize(("entity", "expected"), [
    ("contact", CONTACTS_IN_ORDER),
    ("account", ACCOUNTS_IN_ORDER),
])
def test_default_page_is_ordered_by_name_chinese_by_pinyin_among_latin(
        services: Services, people: People, entity: str, expected: list[str]) -> None:
    assert names(services.lists.page(ListQuery(entity))) == expected


@pytest.mark.parametrize("entity", ["contact", "account"])
def test_descending_reverses_the_order(services: Services, people: People,
                                       entity: str) -> None:
    ascending = names(services.lists.page(ListQuery(entity)))
    descending = names(services.lists.page(ListQuery(entity, descending=True)))
    assert descending == ascending[::-1]


def test_deleted_rows_are_left_out_of_counts_pages_and_searches(
        services: Services, people: People) -> None:
    everything = services.lists.page(ListQuery("contact"))
    assert people.deleted_id not in {row.id for row in everything}
    assert services.lists.count(ListQuery("contact", search="zhang.wei")) == 0
    assert services.lists.count(ListQuery("account", search="Deleted")) == 0
    assert services.lists.position_of(ListQuery("contact"), people.deleted_id) is None


@pytest.mark.parametrize(("search", "expected"), [
    ("三", ["张三"]),  # one character of a Chinese name
    ("张", ["张三"]),  # 张伟 is deleted
    ("欧阳", ["欧阳娜娜"]),
    ("ann", ["Anna Lee"]),  # prefix, case-insensitive
    ("emile", ["Émile Zola"]),  # accents ignored
    ("8000", ["张三"]),  # last four digits of the phone
    ("13900001111", ["李四"]),
    ("zhang.san@example", ["张三"]),
    ("buyer", ["John Smith"]),
    ("北京", ["张三"]),  # his city; the account name is not part of a contact's index
])
def test_search_finds_contacts_by_name_phone_email_and_title(
        services: Services, people: People, search: str, expected: list[str]) -> None:
    query = ListQuery("contact", search=search)
    assert names(services.lists.page(query)) == expected
    assert services.lists.count(query) == len(expected)


@pytest.mark.parametrize(("search", "expected"), [
    ("AND", ["Paul Anderson"]),  # an FTS operator typed by the user is just a word
    ("and", ["Paul Anderson"]),
    ("OR", []),
    ("张 OR 李", []),  # not "张 or 李": every word must match
    ("NOT", []),
    ("NEAR(", []),
    ('"', []),
    ('"Smith', ["John Smith"]),
    ("Smith)", ["John Smith"]),
    ("*", []),
    ("(", []),
    (")", []),
    ("'", []),
    ("name:", []),
    ("-", []),
    ("^", []),
    ("   ", CONTACTS_IN_ORDER),  # blank means no search
])
def test_searches_with_fts_syntax_never_break_the_query(
        services: Services, people: People, search: str, expected: list[str]) -> None:
    query = ListQuery("contact", search=search)
    assert services.lists.count(query) == len(expected)
    assert names(services.lists.page(query)) == expected


def test_account_filter_lists_only_that_accounts_contacts(services: Services,
                                                          people: People) -> None:
    query = ListQuery("contact", filters=(("account_id", people.accounts["Acme Inc"]),))
    # The deleted 张伟 also belonged to Acme: still left out.
    assert names(services.lists.page(query)) == ["Paul Anderson", "John Smith"]
    assert services.lists.count(query) == 2
    both = ListQuery("contact", search="smith",
                     filters=(("account_id", people.accounts["Acme Inc"]),))
    assert names(services.lists.page(both)) == ["John Smith"]


def test_account_list_counts_live_contacts_per_account(services: Services,
                                                       people: People) -> None:
    counts = {row.values["name"]: row.values["contacts"]
              for row in services.lists.page(ListQuery("account"))}
    assert counts == {"阿里巴巴网络技术有限公司": 0, "Acme Inc": 2, "北京科技有限公司": 2,
                      "Zenith Ltd": 0}


def test_page_values_are_decoded(services: Services, people: People) -> None:
    [row] = services.lists.page(ListQuery("contact", search="张三"))
    assert row.values["tags"] == ["VIP"]
    assert row.values["account"] == "北京科技有限公司"
    assert row.values["email"] == "zhang.san@example.com"
    assert row.values["phone"] == "+8613800138000"
    assert isinstance(row.values["updated_at"], datetime)
    assert row.values["updated_at"].tzinfo is not None


def test_offset_and_limit_cut_the_ordered_list(services: Services, people: People) -> None:
    page = services.lists.page(ListQuery("contact"), offset=2, limit=3)
    assert names(page) == CONTACTS_IN_ORDER[2:5]
    assert services.lists.page(ListQuery("contact"), offset=50) == []


# -- keyset pages and positions over a list with ties -------------------------------------

@pytest.fixture
def crowd(services: Services) -> None:
    """23 contacts with repeated names, cities and titles, so the pk breaks ties."""
    account = services.accounts.save(account_draft("Acme Inc")).id
    family = ["王", "Smith", "王", "李", "Lee", "王", "Smith"]
    given = ["五", "John", "五", "四", "Anna", "芳", "John"]
    cities = ["北京", "Paris", "", "上海"]
    for number in range(23):
        services.contacts.save(contact_draft(
            family[number % 7], given[number % 7], city=cities[number % 4],
            title=("Buyer" if number % 3 else ""),
            account_id=account if number % 2 else None))


KEYSET_CASES = [
    ("contact", None, False),
    ("contact", None, True),
    ("contact", "city", False),
    ("contact", "title", True),
    ("contact", "account", False),
    ("contact", "updated_at", True),
    ("contact", "tags", False),  # not sortable: falls back to the name
    ("account", None, False),
    ("account", "name", True),
]


def _walk_keyset(lists: ListRepository, query: ListQuery, size: int) -> list[list[str]]:
    pages: list[list[str]] = []
    after: PageRow | None = None
    while True:
        page = lists.page(query, limit=size, after=after)
        if not page:
            return pages
        pages.append([row.id for row in page])
        after = page[-1]


@pytest.mark.parametrize(("entity", "sort_key", "descending"), KEYSET_CASES)
def test_keyset_pages_equal_offset_pages(services: Services, crowd: None, entity: str,
                                         sort_key: str | None, descending: bool) -> None:
    query = ListQuery(entity, sort_key=sort_key, descending=descending)
    total = services.lists.count(query)
    size = 5
    by_offset = [[row.id for row in services.lists.page(query, offset=start, limit=size)]
                 for start in range(0, total, size)]
    assert _walk_keyset(services.lists, query, size) == by_offset
    whole = [row.id for row in services.lists.page(query, limit=1000)]
    assert [record for page in by_offset for record in page] == whole
    assert len(whole) == len(set(whole)) == total


@pytest.mark.parametrize(("entity", "sort_key", "descending"), KEYSET_CASES)
def test_position_of_is_the_index_in_the_list(services: Services, crowd: None, entity: str,
                                              sort_key: str | None, descending: bool) -> None:
    query = ListQuery(entity, sort_key=sort_key, descending=descending)
    whole = services.lists.page(query, limit=1000)
    assert [services.lists.position_of(query, row.id) for row in whole] == \
        list(range(len(whole)))


def test_position_of_respects_the_search(services: Services, people: People) -> None:
    query = ListQuery("contact", search="example")
    assert names(services.lists.page(query)) == ["Anna Lee", "张三", "Émile Zola"]
    assert services.lists.position_of(query, people.ids["Émile Zola"]) == 2
    assert services.lists.position_of(query, people.ids["王五"]) is None
    assert services.lists.position_of(query, "no-such-id") is None


# -- the query plan of the list everyone opens first --------------------------------------

@pytest.mark.parametrize(("entity", "index"), [
    ("contact", "ix_contact_live_name"),
    ("account", "ix_account_live_name"),
])
@pytest.mark.parametrize("keyset", [False, True])
def test_default_list_page_reads_the_live_name_index_without_sorting(
        services: Services, database: Database, crowd: None, entity: str, index: str,
        keyset: bool) -> None:
    query = ListQuery(entity)
    after = services.lists.page(query, limit=3)[-1] if keyset else None
    with captured_sql(database.engine) as statements:
        services.lists.page(query, limit=50, after=after)
    [(sql, params)] = [(s, p) for s, p in statements if "ORDER BY" in s]
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params).all()
    # The page is found by the window subquery (which may skip many rows on a deep offset):
    # it must walk the index in order. The outer query only re-sorts the page's rows.
    [window_id] = [row[0] for row in rows if row[3].startswith("LIST SUBQUERY")]
    window_ids = {window_id}
    for row in rows:
        if row[1] in window_ids:
            window_ids.add(row[0])
    window = [row[3] for row in rows if row[0] in window_ids - {window_id}]
    assert any(index in step for step in window), window
    assert not any("TEMP B-TREE" in step for step in window), window
