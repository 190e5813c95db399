"""Lists at scale: the trigger-kept row counters, capped counts, and an index behind every
sortable column's window query."""

from __future__ import annotations

from sqlalchemy import text

from desk_crm.services.bundle import Services
from desk_crm.store.database import Database
from desk_crm.store.repositories import SOURCES, ListQuery, ListRepository
from desk_crm.store.scale_models import COUNTED_TABLES, own_expression
from helpers.db import scalar
from helpers.drafts import account_draft, contact_draft

# Sort columns over a joined table or a subquery: SQLite cannot index across tables, so
# their window query sorts (USE TEMP B-TREE). Listed here so a new column is a decision.
NOT_INDEXABLE = {
    ("contact", "account"), ("contact", "owner"), ("account", "owner"), ("lead", "owner"),
    ("opportunity", "account"), ("opportunity", "stage"), ("opportunity", "probability"),
    ("opportunity", "owner"), ("opportunity", "next_activity"),
    ("activity", "linked"), ("activity", "owner"),
    ("quote", "opportunity"), ("quote", "owner"), ("quote", "account"),
    ("ticket", "account"), ("ticket", "assignee"),
    ("campaign", "owner"),
}


def _live(database: Database, table: str) -> int:
    return int(scalar(database, "SELECT live FROM row_count WHERE table_name = :t", t=table))


def _real(database: Database, table: str) -> int:
    return int(scalar(database, f"SELECT COUNT(*) FROM {table} WHERE deleted_at IS NULL"))


def test_every_list_table_has_a_counter_starting_at_zero(database: Database) -> None:
    assert set(COUNTED_TABLES) <= set(SOURCES)
    for table in COUNTED_TABLES:
        assert _live(database, table) == 0


def test_the_counter_follows_insert_soft_delete_restore_and_purge(
        database: Database, services: Services) -> None:
    first = services.contacts.save(contact_draft("王", "伟"))
    second = services.contacts.save(contact_draft("李", "娜"))
    services.accounts.save(account_draft("Acme"))
    assert (_live(database, "contact"), _live(database, "account")) == (2, 1)
    services.contacts.delete(first.id)
    assert _live(database, "contact") == 1
    services.contacts.restore(first.id)
    assert _live(database, "contact") == 2
    services.contacts.delete(second.id)
    with database.engine.begin() as connection:  # purging a deleted row changes nothing
        connection.execute(text("DELETE FROM contact WHERE id = :id"), {"id": second.id})
        connection.execute(text("DELETE FROM contact_point"))
    assert _live(database, "contact") == _real(database, "contact") == 1
    with database.engine.begin() as connection:  # a live row's hard delete counts down
        connection.execute(text("DELETE FROM contact WHERE id = :id"), {"id": first.id})
    assert _live(database, "contact") == _real(database, "contact") == 0


def test_an_update_that_keeps_the_row_live_does_not_move_the_counter(
        database: Database, services: Services) -> None:
    record = services.contacts.save(contact_draft("张", "三"))
    services.contacts.save(contact_draft("张", "三丰"), record.id, record.version)
    assert _live(database, "contact") == 1


def test_unfiltered_count_reads_the_counter_and_filtered_counts_are_capped(
        database: Database, services: Services) -> None:
    for given in ("一", "二", "三", "四"):
        services.contacts.save(contact_draft("王", given))
    repository = ListRepository(database.session_factory)
    with database.engine.begin() as connection:  # prove the counter is what is read
        connection.execute(text("UPDATE row_count SET live = 99 WHERE table_name = 'contact'"))
    assert repository.count(ListQuery("contact")) == 99
    assert repository.count_bounded(ListQuery("contact"), 2) == (99, True)
    search = ListQuery("contact", search="王")
    assert repository.count(search) == 4
    assert repository.count_bounded(search, 2) == (2, False)
    assert repository.count_bounded(search, 4) == (4, True)
    assert repository.count_bounded(ListQuery("contact", search="赵"), 10) == (0, True)


def _sortable() -> list[tuple[str, str]]:
    return [(entity, column.key) for entity, source in SOURCES.items()
            for column in source.columns if column.sort_expression is not None]


def test_the_not_indexable_list_is_exactly_the_joined_or_computed_sort_columns() -> None:
    joined = {(entity, key) for entity, key in _sortable()
              if own_expression(SOURCES[entity],
                                SOURCES[entity].column(key).sort_expression or "") is None}
    assert joined == NOT_INDEXABLE


def test_the_window_query_of_every_indexable_sort_column_walks_an_index(
        database: Database) -> None:
    repository = ListRepository(database.session_factory)
    checked = []
    with database.engine.connect() as connection:
        for entity, key in _sortable():
            if (entity, key) in NOT_INDEXABLE:
                continue
            for descending in (False, True):
                sql, params = repository.window_query(
                    ListQuery(entity, sort_key=key, descending=descending), offset=500_000)
                plan = [row[3] for row in connection.execute(
                    text(f"EXPLAIN QUERY PLAN {sql}"), params)]
                assert not any("TEMP B-TREE" in step for step in plan), (entity, key, plan)
                assert any(step.startswith("SCAN") and "USING INDEX" in step
                           for step in plan), (entity, key, plan)
                checked.append((entity, key))
    assert len(checked) == 2 * (len(_sortable()) - len(NOT_INDEXABLE))
