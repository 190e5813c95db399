from datetime import date

from desk_crm.store.board_queries import BoardFilter, ColumnTotals
from helpers.sales_rows import add_account, add_activity, add_opportunity, add_stages


def test_column_is_limited_and_ordered_by_close_date_undated_last(services) -> None:
    stages = add_stages(services)
    proposal = stages["Proposal"]
    add_opportunity(services, proposal, "No date", 100)
    add_opportunity(services, proposal, "Late", 100, close_date=date(2026, 9, 1))
    add_opportunity(services, proposal, "Early 1", 100, close_date=date(2026, 1, 1))
    add_opportunity(services, proposal, "Early 2", 100, close_date=date(2026, 1, 1))
    add_opportunity(services, stages["Won"], "Elsewhere", 100, close_date=date(2025, 1, 1))
    names = [card.name for card in services.board.cards(proposal, BoardFilter())]
    assert names == ["Early 1", "Early 2", "Late", "No date"]  # same date: creation order
    limited = services.board.cards(proposal, BoardFilter(), limit=2)
    assert [card.name for card in limited] == ["Early 1", "Early 2"]
    newest = services.board.cards(proposal, BoardFilter(), newest_first=True)
    assert [card.name for card in newest] == ["Late", "Early 2", "Early 1", "No date"]
    assert [c.name for c in services.board.cards(proposal, BoardFilter(), limit=3)] == [
        "Early 1", "Early 2", "Late"]
    # totals count everything that matches, not only the cards the limit let through
    assert services.board.totals(BoardFilter())[proposal].count == 4


def test_totals_sum_per_currency_most_common_first(services) -> None:
    stages = add_stages(services)
    stage = stages["Negotiation"]
    add_opportunity(services, stage, "a", 123_400, "CNY")
    add_opportunity(services, stage, "b", 100_000, "CNY")
    add_opportunity(services, stage, "c", 5_000_000, "USD")
    totals = services.board.totals(BoardFilter())
    assert totals[stage] == ColumnTotals(3, (("CNY", 223_400), ("USD", 5_000_000)))
    assert stages["Prospecting"] not in totals
    columns = services.board.columns([(s, False) for s in stages.values()], BoardFilter())
    assert columns[stages["Prospecting"]] == ([], ColumnTotals(0, ()))


def test_owner_and_text_filters(services) -> None:
    stages = add_stages(services)
    stage = stages["Prospecting"]
    li = services.users.ensure("Li Lei").id
    wang = services.users.ensure("王芳").id
    acme = add_account(services, "Acme Robotics")
    add_opportunity(services, stage, "Warehouse fit-out", 1, owner_id=li, account_id=acme)
    add_opportunity(services, stage, "Server upgrade", 1, owner_id=wang)
    add_opportunity(services, stage, "Cloud migration", 1, owner_id=li)
    mine = services.board.cards(stage, BoardFilter(owner_id=li))
    assert sorted(card.name for card in mine) == ["Cloud migration", "Warehouse fit-out"]
    assert all(card.owner_name == "Li Lei" for card in mine)
    by_name = services.board.cards(stage, BoardFilter(search="server"))
    assert [card.name for card in by_name] == ["Server upgrade"]
    by_account = services.board.cards(stage, BoardFilter(search="acme"))
    assert [(c.name, c.account_name) for c in by_account] == [("Warehouse fit-out",
                                                              "Acme Robotics")]
    assert services.board.totals(BoardFilter(owner_id=wang, search="cloud")) == {}
    assert services.board.cards(stage, BoardFilter(search="!!")) == []


def test_no_next_step_flag_follows_open_activities(services) -> None:
    stages = add_stages(services)
    stage = stages["Proposal"]
    open_one = add_opportunity(services, stage, "a open", 1)
    done_only = add_opportunity(services, stage, "b done", 1)
    deleted_only = add_opportunity(services, stage, "c deleted", 1)
    add_opportunity(services, stage, "d nothing", 1)
    add_activity(services, open_one)
    add_activity(services, open_one, done=True)
    add_activity(services, done_only, done=True)
    add_activity(services, deleted_only, deleted=True)
    flags = {c.name: c.has_next_step for c in services.board.cards(stage, BoardFilter())}
    assert flags == {"a open": True, "b done": False, "c deleted": False, "d nothing": False}


def test_deleted_opportunities_are_hidden(services) -> None:
    from desk_crm.services._common import soft_delete
    from desk_crm.store.sales_models import Opportunity

    stages = add_stages(services)
    gone = add_opportunity(services, stages["Proposal"], "gone", 5)
    with services.context.write() as session:
        soft_delete(session, Opportunity, gone)
        session.flush()  # the change log needs the flush inside the mutation
    assert services.board.cards(stages["Proposal"], BoardFilter()) == []
    assert services.board.totals(BoardFilter()) == {}
