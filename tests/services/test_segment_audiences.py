"""The marketing side of segments: "loyalty tier" and "loyalty points" conditions, and a
segment as a campaign audience (contacts as they are, accounts by their contacts)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desk_crm.domain.campaigns import CampaignDraft
from desk_crm.domain.errors import ValidationError
from desk_crm.domain.loyalty import EarningRule, ProgrammeDraft, Tier
from desk_crm.domain.segments import Condition, SegmentDraft
from desk_crm.services.bundle import Services
from helpers.drafts import account_draft, contact_draft
from helpers.sales import add_opportunity, stages_by_name

TIERS = (Tier("member", 0), Tier("silver", 500), Tier("gold", 2000))


@pytest.fixture
def accounts(services: Services) -> dict[str, str]:
    """Three accounts that won deals worth 0, 800 and 3,000 points."""
    services.loyalty.save_programme(ProgrammeDraft("Club", EarningRule("CNY", Decimal(1)),
                                                   TIERS))
    won = stages_by_name(services)["Closed won"].id
    ids = {}
    for name, amount in (("Plain", 0), ("Silverline", 800), ("Goldmine", 3000)):
        ids[name] = services.accounts.save(account_draft(name)).id
        if amount:
            deal = add_opportunity(services, amount=Decimal(amount), account_id=ids[name])
            services.opportunities.move_stage(deal.id, won, reason="fit")
    return ids


def _matching(services: Services, *conditions: Condition) -> set[str]:
    segment = services.segments.save(SegmentDraft("S", "account", "all", conditions))
    return set(services.segments.matching_ids(segment.id, "account", today=date.today()))


def test_loyalty_tier_condition_matches_the_tier_the_points_give(
        services: Services, accounts: dict[str, str]) -> None:
    assert _matching(services, Condition("loyalty_tier", "is", "silver")) == {
        accounts["Silverline"]}
    services.segments.delete(services.segments.list_segments()[0].id)
    # Holders without points are in the first tier, as the loyalty service says.
    assert _matching(services, Condition("loyalty_tier", "is", "member")) == {
        accounts["Plain"]}
    assert set(services.loyalty.holder_ids_in_tier("account", "member")) == {accounts["Plain"]}


def test_loyalty_tier_is_not_and_points_earned(services: Services,
                                               accounts: dict[str, str]) -> None:
    assert _matching(services, Condition("loyalty_tier", "is_not", "gold"),
                     Condition("loyalty_points", "at_least", "1")) == {accounts["Silverline"]}


def test_an_unknown_tier_is_refused_when_saving(services: Services,
                                                accounts: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as refused:
        services.segments.save(SegmentDraft("S", "account", "all",
                                            (Condition("loyalty_tier", "is", "platinum"),)))
    assert refused.value.params["value"] == "platinum"


def test_a_segment_becomes_a_campaign_audience(services: Services,
                                               accounts: dict[str, str]) -> None:
    for account, name in ((accounts["Goldmine"], "金"), (accounts["Goldmine"], "银"),
                          (accounts["Plain"], "铜")):
        services.contacts.save(contact_draft(family_name=name, given_name="一",
                                             account_id=account))
    campaign = services.campaigns.save(CampaignDraft(name="Gold club evening"))
    gold = services.segments.save(SegmentDraft(
        "Gold", "account", "all", (Condition("loyalty_tier", "is", "gold"),)))
    seen: list[int] = []
    added = services.campaigns.add_segment(
        campaign.id, services.segments.matching_ids(gold.id), "account",
        lambda read: seen.append(read) or True)
    assert added == 2
    assert seen == [1]
    names = sorted(m.name for m in services.campaigns.members(campaign.id))
    assert names == ["金一", "银一"]
    # Adding the same audience again adds nobody twice.
    assert services.campaigns.add_segment(
        campaign.id, services.segments.matching_ids(gold.id), "account") == 0
