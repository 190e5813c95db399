"""The lead and opportunity list sources: columns, filters, sorting, the no-next-step flag."""

from datetime import UTC, date, datetime
from decimal import Decimal

from desk_crm.services.bundle import Services
from desk_crm.store.changelog import mutation
from desk_crm.store.database import Database
from desk_crm.store.repositories import ListQuery
from desk_crm.store.sales_models import Activity

from .sales_helpers import add_opportunity, stages_by_name


def add_activity(database: Database, opportunity_id: str, due: datetime | None,
                 done: bool = False) -> None:
    with mutation(database.session_factory, "tester") as session:
        session.add(Activity(subject="Call", opportunity_id=opportunity_id, due_at=due,
                             done_at=datetime.now(UTC) if done else None))
        session.flush()


def rows(services: Services, **query: object) -> list[dict[str, object]]:
    return [row.values for row in services.lists.page(ListQuery("opportunity", **query))]


def test_opportunity_list_filters_by_owner_stage_and_close_month(services: Services) -> None:
    stages = stages_by_name(services)
    rep = services.users.ensure("王芳")
    add_opportunity(services, "A", close_date=date(2026, 11, 30), owner_id=rep.id)
    add_opportunity(services, "B", stage="Proposal", close_date=date(2026, 12, 1))
    add_opportunity(services, "C", close_date=None)
    assert [r["name"] for r in rows(services, filters=(("close_month", "2026-11"),))] == ["A"]
    assert [r["name"] for r in rows(services, filters=(("close_month", "2026-12"),))] == ["B"]
    assert [r["name"] for r in rows(services, filters=(("owner_id", rep.id),))] == ["A"]
    assert [r["name"] for r in rows(
        services, filters=(("stage_id", stages["Proposal"].id),))] == ["B"]
    assert services.lists.count(ListQuery("opportunity")) == 3


def test_opportunity_list_sorts_by_amount_in_minor_units_and_formats_exactly(
        services: Services) -> None:
    add_opportunity(services, "small", amount=Decimal("9.99"))
    add_opportunity(services, "big", amount=Decimal("100000.00"))
    add_opportunity(services, "usd", amount=Decimal("50.5"), currency="USD")
    listed = rows(services, sort_key="amount", descending=True)
    assert [r["name"] for r in listed] == ["big", "usd", "small"]
    assert listed[1]["amount"] == "5050 USD"
    assert listed[0]["probability"] == "10"
    # nulls sort as "" so keyset paging over close dates never loses rows
    assert len(rows(services, sort_key="close_date")) == 3


def test_next_activity_column_flags_open_opportunities_without_one(
        services: Services, database: Database) -> None:
    stages = stages_by_name(services)
    none = add_opportunity(services, "none")
    planned = add_opportunity(services, "planned")
    only_done = add_opportunity(services, "done")
    won = add_opportunity(services, "won")
    services.opportunities.move_stage(won.id, stages["Closed won"].id, reason="Price")
    add_activity(database, planned.id, datetime(2026, 12, 3, 8, 0, tzinfo=UTC))
    add_activity(database, planned.id, datetime(2026, 12, 1, 8, 0, tzinfo=UTC))
    add_activity(database, only_done.id, datetime(2026, 12, 1, tzinfo=UTC), done=True)
    by_name = {r["name"]: r["next_activity"] for r in rows(services)}
    assert by_name["none"] is None
    assert by_name["done"] is None
    assert by_name["planned"] == "2026-12-01T08:00:00.000000Z"  # the earliest open one
    assert by_name["won"] == "closed"
    assert none.id
