"""The demo database includes a service desk: policy, articles, tickets in every status."""

from __future__ import annotations

from sqlalchemy import text

from desk_crm.services.bundle import Services
from desk_crm.services.demo import DemoBuilder
from desk_crm.store.database import Database


def test_demo_builds_tickets_articles_and_a_default_policy(services: Services,
                                                          database: Database) -> None:
    DemoBuilder(services).build(accounts=8, contacts=30, leads=0, opportunities=0,
                                activities=0, tickets=30)
    with database.engine.connect() as connection:
        statuses = dict(connection.execute(text(
            "SELECT status, COUNT(*) FROM ticket GROUP BY status")).tuples().all())
        entries = connection.execute(text("SELECT COUNT(*) FROM ticket_entry")).scalar_one()
        scored = connection.execute(text(
            "SELECT COUNT(*) FROM ticket WHERE csat_score IS NOT NULL")).scalar_one()
    assert sum(statuses.values()) == 30
    assert set(statuses) == {"new", "open", "waiting", "resolved", "closed"}
    assert entries > 30 and scored > 0
    policies = services.sla_policies.list()
    assert len(policies) == 1 and policies[0].draft.is_default
    assert policies[0].draft.timezone == "Asia/Shanghai"
    assert len(services.knowledge.search("", published_only=False)) == 20
    assert services.knowledge.search("打印")
    counts = services.tickets.counts(None)
    assert counts.open == statuses["new"] + statuses["open"] + statuses["waiting"]


def test_zero_tickets_means_none(services: Services, database: Database) -> None:
    DemoBuilder(services).build(accounts=2, contacts=3, leads=0, opportunities=0,
                                activities=0, tickets=0)
    assert services.tickets.counts(None).open == 0
