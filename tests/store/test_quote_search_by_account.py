"""Quotes are found by their customer's name, as users look for them ("海岸")."""

from __future__ import annotations

from desk_crm.services.bundle import Services
from desk_crm.store.repositories import ListQuery
from helpers.quotes import add_quote


def test_a_quote_is_found_by_part_of_its_account_name(services: Services) -> None:
    coast = add_quote(services, account="青岛海岸贸易有限公司")
    other = add_quote(services, account="北京星辰科技有限公司")
    for search in ("海岸", "青岛海岸", coast.number):
        rows = services.lists.page(ListQuery("quote", search=search), limit=10)
        assert [row.id for row in rows] == [coast.id], search
        assert services.lists.count(ListQuery("quote", search=search)) == 1
        assert services.lists.count_bounded(ListQuery("quote", search=search), 100) == (1, True)
    rows = services.lists.page(ListQuery("quote", search="星辰"), limit=10)
    assert [row.id for row in rows] == [other.id]
    assert services.lists.page(ListQuery("quote", search="不存在"), limit=10) == []
