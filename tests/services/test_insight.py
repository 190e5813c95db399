"""The dashboard, customer insight and performance services over a real store, with
figures checked by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from desk_crm.domain.forecast import Period
from desk_crm.domain.leads import LeadDraft
from desk_crm.services.bundle import Services
from desk_crm.services.insight import DashboardQuery
from desk_crm.store.sales_models import Lead, StageChange
from desk_crm.store.service_models import Ticket
from helpers.sales_rows import add_account, add_opportunity, add_stages

TODAY = date(2026, 11, 23)
NOVEMBER = Period(date(2026, 11, 1), date(2026, 12, 1))


def _history(services: Services, opportunity_id: str, *stage_ids: str) -> None:
    with services.context.write() as session:
        for stage_id in stage_ids:
            session.add(StageChange(opportunity_id=opportunity_id, stage_id=stage_id,
                                    entered_at=datetime(2026, 10, 1, tzinfo=UTC)))


def test_dashboard_funnel_wins_forecast_and_top_accounts(services: Services) -> None:
    stages = add_stages(services)
    north = add_account(services, "Northwind")
    south = add_account(services, "Southwind")
    nov = date(2026, 11, 10)
    add_opportunity(services, stages["Prospecting"], "p1", 100000, close_date=nov)
    add_opportunity(services, stages["Prospecting"], "p2", 100000, close_date=nov)
    add_opportunity(services, stages["Proposal"], "pr", 200000, close_date=nov,
                    probability=Decimal("25"))
    won1 = add_opportunity(services, stages["Won"], "w1", 500000, close_date=nov,
                           account_id=north)
    add_opportunity(services, stages["Won"], "w2", 300000, close_date=date(2026, 12, 3),
                    account_id=south)
    lost = add_opportunity(services, stages["Lost"], "l1", 900000, close_date=nov)
    _history(services, lost, stages["Prospecting"], stages["Proposal"])
    _history(services, won1, stages["Prospecting"])
    add_opportunity(services, stages["Won"], "usd", 100, currency="USD", close_date=nov)
    add_opportunity(services, stages["Won"], "old", 100, close_date=date(2026, 6, 1))
    services.insight.set_monthly_target("CNY", Decimal("10000"))

    board = services.insight.dashboard(DashboardQuery(NOVEMBER, today=TODAY))
    assert board.currency == "CNY"
    assert board.currencies == ("CNY", "USD")
    rows = {row.stage.name: row for row in board.funnel.rows}
    assert [name for name in rows] == ["Prospecting", "Proposal", "Negotiation", "Won"]
    assert rows["Prospecting"].stage.count == 2
    assert rows["Prospecting"].stage.amount == Decimal("2000.00")
    # furthest: p1, p2 at 0; pr at 1; lost got to 1 (history); 3 won (w1, w2, usd)
    assert [row.reached for row in board.funnel.rows] == [7, 5, 3, 3]
    assert rows["Prospecting"].conversion == Decimal("71.4")
    # wins: w1, w2 (Dec 3 is in the period), usd won; l1 lost
    assert (board.wins.won, board.wins.lost) == (3, 1)
    assert board.wins.won_amount == Decimal("8000.00")
    assert board.wins.win_rate == Decimal("75.0")
    # weighted November: p1 + p2 at 10 % (200) + pr at 25 % (500); won 5000
    assert [(m.month.month, m.weighted, m.won) for m in board.months] == [
        (11, Decimal("200.000") + Decimal("500.00"), Decimal("5000.00")),
        (12, Decimal(0), Decimal("3000.00"))]
    assert board.months[0].target == Decimal("10000.00")
    assert board.months[0].attainment == Decimal("57.0")
    assert [(a.name, a.amount) for a in board.top_accounts] == [
        ("Northwind", Decimal("5000.00")), ("Southwind", Decimal("3000.00"))]
    # A short period (1 of 9 opportunities) is read through the indexes: same rules.
    december = services.insight.dashboard(DashboardQuery(
        Period(date(2026, 12, 1), date(2026, 12, 1)), today=TODAY))
    assert (december.wins.won, december.wins.won_amount) == (1, Decimal("3000.00"))
    assert [a.name for a in december.top_accounts] == ["Southwind"]
    # another owner sees nothing
    empty = services.insight.dashboard(DashboardQuery(NOVEMBER, owner_id="nobody",
                                                      today=TODAY))
    assert empty.wins.won == 0 and empty.top_accounts == ()


def test_customer_insight_and_retention_task(services: Services) -> None:
    stages = add_stages(services)
    loyal = add_account(services, "Loyal Ltd")
    fading = add_account(services, "Fading Ltd")
    for days in (20, 100, 200, 300):
        add_opportunity(services, stages["Won"], "l", 100000, account_id=loyal,
                        close_date=TODAY - timedelta(days=days))
    for days, amount in ((400, 900000), (300, 900000), (200, 100000)):
        add_opportunity(services, stages["Won"], "f", amount, account_id=fading,
                        close_date=TODAY - timedelta(days=days))
    with services.context.write() as session:
        session.add(Ticket(number="T-1", subject="Broken", account_id=fading, status="open",
                           csat_score=1))
    population = services.customers.population(TODAY)
    good = services.customers.account(loyal, population)
    bad = services.customers.account(fading, population)
    assert good.lifecycle.stage == "loyal"
    assert bad.lifecycle.stage == "at_risk"
    assert good.rfm is not None and bad.rfm is not None
    assert (good.rfm.r, bad.rfm.r) == (3, 1)  # 2 customers: 1 + 5 × worse // 2
    assert good.abc is not None and good.abc.klass == "A"
    assert bad.abc is not None and bad.abc.klass == "A"  # 10000 of 14000 in the last year
    assert bad.churn is not None and good.churn is not None
    assert bad.churn.score > good.churn.score
    keys = [reason.key for reason in bad.churn.reasons]
    assert "falling_value" in keys and "open_tickets" in keys and "low_csat" in keys
    assert bad.clv.historical == Decimal("19000.00")
    risky = services.customers.at_risk(minimum=1, population=population)
    assert risky[0].name == "Fading Ltd"

    task = services.customers.retention_task(fading, "Call Fading Ltd", notes="reasons")
    assert task.subject == "Call Fading Ltd"
    timeline = services.activities.timeline("account", fading)
    assert [item.id for item in timeline] == [task.id]


def test_performance_by_rep_and_by_lead_source(services: Services) -> None:
    stages = add_stages(services)
    rep = services.users.ensure("Wang Fang", "wang@example.com").id
    add_opportunity(services, stages["Won"], "a", 100000, owner_id=rep,
                    close_date=date(2026, 11, 5))
    add_opportunity(services, stages["Lost"], "b", 100000, owner_id=rep,
                    close_date=date(2026, 11, 6))
    with services.context.write() as session:
        for source in ("website", "website", "event"):
            session.add(Lead(family_name="X", display_name="X", sort_name="x", source=source))
    converted = services.leads.save(LeadDraft(family_name="Y", source="event"))
    services.leads.convert(converted.id, create_opportunity=True, opportunity_name="Deal",
                           amount=Decimal(10), currency="CNY", close_date=date.today())
    report = services.performance.report(NOVEMBER)
    assert len(report.reps) == 1
    row = report.reps[0]
    assert (row.owner, row.won, row.lost, row.won_amount, row.win_rate) == (
        "Wang Fang", 1, 1, Decimal("1000.00"), Decimal("50.0"))
    # leads count by the month they were created in (now)
    this_month = date.today().replace(day=1)
    sources = services.performance.report(Period(this_month, this_month)).sources
    assert [(s.source, s.leads, s.converted, s.opportunities) for s in sources] == [
        ("event", 2, 1, 1), ("website", 2, 0, 0)]


def test_the_demo_history_gives_every_lifecycle_something(services: Services) -> None:
    import random

    from desk_crm.services.demo_history import DemoHistory

    services.pipeline.ensure_defaults()
    reps = [services.users.ensure("Rep").id]
    accounts = [(add_account(services, f"Demo {n}"), n % 2 == 0) for n in range(12)]
    made = DemoHistory(services, random.Random(3), reps).build(accounts, share=1.0)
    assert made >= 12
    population = services.customers.population()
    stages = {services.customers.account(a, population).lifecycle.stage for a, _ in accounts}
    assert {"churned", "at_risk"} & stages and {"loyal", "active", "new"} & stages
    # the stage history is back-dated to the close: the sales cycle is 10-60 days
    board = services.insight.dashboard(DashboardQuery(Period(
        date.today().replace(day=1, year=date.today().year - 2),
        date.today().replace(day=1)), today=date.today()))
    assert board.wins.cycle_days is not None and 10 <= board.wins.cycle_days <= 60


def test_the_at_risk_list_is_kept_until_a_write(services: Services) -> None:
    stages = add_stages(services)
    fading = add_account(services, "Fading Ltd")
    today = date.today()
    for days, amount in ((500, 900_000), (440, 900_000), (380, 50_000)):
        add_opportunity(services, stages["Won"], "f", amount, account_id=fading,
                        close_date=today - timedelta(days=days))
    assert [item.name for item in services.customers.at_risk()] == ["Fading Ltd"]
    score = services.customers.at_risk()[0].churn
    assert score is not None
    # another threshold reuses the scores (same data), above the score nothing is left
    assert services.customers.at_risk(minimum=score.score + 1) == []
    add_opportunity(services, stages["Won"], "back", 900_000, account_id=fading,
                    close_date=today - timedelta(days=3))
    assert services.customers.at_risk() == []  # the write made it compute again
