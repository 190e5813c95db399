"""The marketing part of the demo: templates, campaigns with members and results, and a
loyalty programme whose points the won demo deals earned."""

from __future__ import annotations

from desk_crm.services.bundle import Services
from desk_crm.services.demo import DemoBuilder


def test_demo_campaigns_have_members_leads_and_results(services: Services) -> None:
    DemoBuilder(services).build(accounts=6, contacts=40, leads=4, opportunities=16,
                                activities=0, quotes=0, tickets=0, campaigns=True)
    campaigns = dict((name, cid) for cid, name in services.campaigns.choices())
    assert len(campaigns) == 4
    fair = services.campaigns.results(campaigns["2026 春季展会"])
    assert fair.members >= 40 and fair.leads >= 14 and fair.responses > 0  # all contacts
    assert services.campaigns.results(campaigns["Newsletter December"]).responses == 0
    assert {t.name for t in services.mail.templates()} == {"春季展会邀请",
                                                           "Webinar invitation"}
    assert services.loyalty.programme().tiers[0].name == "Member"


def test_small_demos_leave_campaigns_out_by_default(services: Services) -> None:
    DemoBuilder(services).build(accounts=3, contacts=10, leads=2, opportunities=3,
                                activities=0, quotes=0, tickets=0)
    assert services.campaigns.choices() == []
