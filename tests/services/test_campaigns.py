"""Campaigns: members added idempotently (list, CSV addresses), member status, results."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from desk_crm.domain.campaigns import CampaignDraft
from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.leads import LeadDraft
from desk_crm.services.bundle import Services
from helpers.db import count, rows
from helpers.drafts import account_draft, contact_draft
from helpers.sales import add_opportunity


def _campaign(services: Services, **fields: object) -> str:
    draft = replace(CampaignDraft(name="Spring fair", actual_cost=Decimal("1000")), **fields)
    return services.campaigns.save(draft).id


def test_add_members_is_idempotent_and_skips_deleted_records(services: Services) -> None:
    campaign = _campaign(services)
    people = [services.contacts.save(contact_draft(given_name=str(n))).id for n in range(3)]
    lead = services.leads.save(LeadDraft(family_name="王", email="wang@example.com")).id
    services.contacts.delete(people[2])
    assert services.campaigns.add_members(campaign, contact_ids=people, lead_ids=[lead]) == 3
    assert services.campaigns.add_members(campaign, contact_ids=people, lead_ids=[lead]) == 0
    assert services.campaigns.member_count(campaign) == 3
    members = services.campaigns.members(campaign)
    services.campaigns.remove_members([members[0].id])
    assert services.campaigns.member_count(campaign) == 2
    assert services.campaigns.add_members(campaign, contact_ids=people[:1]) == 1  # restored


def test_add_members_in_chunks(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    from desk_crm.services import campaigns as module

    monkeypatch.setattr(module, "CHUNK", 2)
    campaign = _campaign(services)
    people = [services.contacts.save(contact_draft(given_name=str(n))).id for n in range(5)]
    assert services.campaigns.add_members(campaign, contact_ids=people + people) == 5


def test_members_from_a_list_of_addresses(services: Services) -> None:
    campaign = _campaign(services)
    services.contacts.save(contact_draft(emails=["zhang@example.com"]))
    services.leads.save(LeadDraft(family_name="Li", email="li@example.com"))
    report = services.campaigns.add_members_by_email(
        campaign, ["ZHANG@example.com", "li@example.com", "nobody@example.com", "not-mail", ""])
    assert report.added == 2
    assert report.unmatched == ("nobody@example.com",)
    assert report.invalid == ("not-mail",)
    again = services.campaigns.add_members_by_email(campaign, ["zhang@example.com"])
    assert (again.added, again.already) == (0, 1)


def test_member_status_counts_responses(services: Services) -> None:
    campaign = _campaign(services)
    people = [services.contacts.save(contact_draft(given_name=str(n))).id for n in range(4)]
    services.campaigns.add_members(campaign, contact_ids=people)
    ids = [m.id for m in services.campaigns.members(campaign)]
    assert services.campaigns.set_member_status(ids[:2], "attended") == 2
    with pytest.raises(ValidationErrors):
        services.campaigns.set_member_status(ids, "bored")
    assert services.campaigns.results(campaign).responses == 2


def test_results_count_leads_opportunities_won_revenue_and_roi(services: Services) -> None:
    campaign = _campaign(services)
    lead = services.leads.save(LeadDraft(family_name="王", campaign_id=campaign))
    assert services.leads.get(lead.id).draft.campaign_id == campaign
    account = services.accounts.save(account_draft()).id
    add_opportunity(services, "won deal", "Closed won", campaign_id=campaign,
                    account_id=account, amount=Decimal("5000"), outcome_reason="price")
    add_opportunity(services, "open deal", campaign_id=campaign)
    add_opportunity(services, "other campaign")
    figures = services.campaigns.results(campaign)
    assert (figures.leads, figures.opportunities, figures.won_deals) == (3, 2, 1)
    assert figures.won_revenue == Decimal("5000.00")
    assert figures.roi == Decimal("400.0")
    assert figures.cost_per_lead == Decimal("333.33")


def test_a_deleted_campaign_cannot_be_chosen_as_a_source(services: Services) -> None:
    campaign = _campaign(services)
    services.campaigns.delete(campaign)
    with pytest.raises(ValidationErrors) as caught:
        services.leads.save(LeadDraft(family_name="王", campaign_id=campaign))
    assert "campaign_id" in caught.value.by_field()


def test_campaign_writes_go_to_the_change_log_and_search(services: Services, database) -> None:
    campaign = _campaign(services, name="春季展会")
    assert rows(database, "SELECT entity FROM change_log WHERE record_id = :r",
                r=campaign) == [{"entity": "campaign"}]
    assert count(database, "campaign_fts") == 1
    assert services.campaigns.choices() == [(campaign, "春季展会")]


def test_a_merged_contact_stays_opted_out_if_any_of_them_was(services: Services) -> None:
    keep = services.contacts.save(contact_draft("张", "三", emails=["a@example.com"])).id
    gone = services.contacts.save(contact_draft("张", "三", emails=["b@example.com"],
                                                email_opt_out=True)).id
    services.merges.merge(keep, [gone])
    assert services.contacts.get(keep).draft.email_opt_out is True


def test_members_of_deleted_records_are_not_listed(services: Services) -> None:
    campaign = _campaign(services)
    people = [services.contacts.save(contact_draft(given_name=str(n))).id for n in range(2)]
    services.campaigns.add_members(campaign, contact_ids=people)
    services.contacts.delete(people[0])
    assert [m.record_id for m in services.campaigns.members(campaign)] == [people[1]]


def test_a_contact_merge_moves_campaign_memberships_once(services: Services) -> None:
    first, second = _campaign(services), _campaign(services, name="Second")
    keep = services.contacts.save(contact_draft("张", "三")).id
    gone = services.contacts.save(contact_draft("张", "三")).id
    services.campaigns.add_members(first, contact_ids=[keep, gone])
    services.campaigns.add_members(second, contact_ids=[gone])
    batch = services.merges.merge(keep, [gone])
    assert [m.record_id for m in services.campaigns.members(first)] == [keep]
    assert [m.record_id for m in services.campaigns.members(second)] == [keep]
    services.changes.undo_batch(batch)
    assert [m.record_id for m in services.campaigns.members(second)] == [gone]
    assert sorted(m.record_id for m in services.campaigns.members(first)) == sorted(
        [keep, gone])
