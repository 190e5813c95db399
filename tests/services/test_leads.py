from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.leads import LeadDraft
from desk_crm.domain.scoring import ScoringRules
from desk_crm.services import conversion
from desk_crm.services.bundle import Services
from desk_crm.store.changelog import mutation
from desk_crm.store.database import Database
from desk_crm.store.models import Account, ChangeLogEntry, Contact
from desk_crm.store.repositories import ListQuery
from desk_crm.store.sales_models import Activity, Lead, Opportunity, StageChange

from .sales_helpers import stages_by_name

LEAD = LeadDraft(family_name="张", given_name="伟", company="上海瑞丰贸易有限公司",
                 title="采购经理", email="zhang.wei@ruifeng.cn", phone="13800138000",
                 source="referral", company_size=250, city="上海")


def counts(database: Database) -> dict[str, int]:
    with database.session_factory() as session:
        return {model.__name__: session.scalar(select(func.count()).select_from(model)) or 0
                for model in (Account, Contact, Opportunity, StageChange, ChangeLogEntry)}


def test_save_stores_the_score_and_its_reasons(services: Services) -> None:
    lead = services.leads.save(LEAD)
    assert lead.score == 20 + 15 + 5 + 10 + 5 + 5
    assert "+20 referral" in lead.score_reasons and "+10 has phone" in lead.score_reasons
    assert lead.display_name == "张伟"
    assert lead.draft.phone == "+8613800138000"
    listed = services.lists.page(ListQuery("lead"))
    assert listed[0].values["score"] == lead.score


def test_scoring_rules_change_rescores_every_lead(services: Services) -> None:
    first = services.leads.save(LEAD)
    other = services.leads.save(LeadDraft(given_name="Ann", source="cold_call"))
    rules = replace(ScoringRules(), source_points={**ScoringRules().source_points,
                                                   "referral": 50, "cold_call": 3})
    changed = services.leads.save_scoring_rules(rules)
    assert changed == 2
    assert services.leads.get(first.id).score == first.score + 30
    assert services.leads.get(other.id).score == 3
    assert services.leads.get(other.id).version == other.version  # score is not audited
    assert services.leads.scoring_rules().source_points["referral"] == 50


def test_logged_activities_raise_the_score_on_rescore(services: Services,
                                                      database: Database) -> None:
    lead = services.leads.save(LEAD)
    with mutation(database.session_factory, "tester") as session:
        session.add_all([Activity(subject=f"Call {n}", lead_id=lead.id) for n in range(3)])
        session.flush()
    assert services.leads.rescore([lead.id]) == 1
    again = services.leads.get(lead.id)
    assert again.score == lead.score + 15 and "+15 3 activities" in again.score_reasons


def test_find_duplicates_over_contacts_and_leads(services: Services) -> None:
    contact = services.contacts.save(ContactDraft(
        family_name="李", given_name="娜", emails=(ContactPoint("li.na@x.cn", "", True),
                                                   ContactPoint("ZHANG.WEI@ruifeng.cn"))))
    lead = services.leads.save(LEAD)
    matches = services.leads.find_duplicates("Zhang.Wei@Ruifeng.CN", "138-0013-8000")
    assert {(m.entity, m.record_id) for m in matches} == {("contact", contact.id),
                                                          ("lead", lead.id)}
    assert services.leads.find_duplicates("zhang.wei@ruifeng.cn", "", exclude_id=lead.id)[
        0].entity == "contact"
    assert services.leads.find_duplicates("not an email", "12") == []


def test_convert_creates_account_contact_opportunity_and_links_back(
        services: Services) -> None:
    stages = stages_by_name(services)
    lead = services.leads.save(LEAD)
    result = services.leads.convert(
        lead.id, account_name="", create_opportunity=True, opportunity_name="ERP 升级",
        amount=Decimal("88000.00"), currency="CNY", close_date=date(2027, 1, 31),
        stage_id=stages["Qualification"].id)
    account = services.accounts.get(result.account_id)
    contact = services.contacts.get(result.contact_id)
    assert result.opportunity_id is not None
    opportunity = services.opportunities.get(result.opportunity_id)
    assert account.draft.name == "上海瑞丰贸易有限公司" and account.draft.city == "上海"
    assert contact.display_name == "张伟" and contact.account_name == account.draft.name
    assert contact.draft.emails[0].value == "zhang.wei@ruifeng.cn"
    assert (opportunity.draft.lead_id, opportunity.draft.contact_id) == (lead.id, contact.id)
    assert opportunity.draft.amount == Decimal("88000.00")
    assert opportunity.stage_name == "Qualification"
    converted = services.leads.get(lead.id)
    assert converted.converted and converted.draft.status == "converted"
    assert (converted.account_id, converted.contact_id, converted.opportunity_id) == (
        result.account_id, result.contact_id, result.opportunity_id)
    assert converted.opportunity_name == "ERP 升级"
    with pytest.raises(ValidationErrors, match="read-only"):
        services.leads.save(replace(converted.draft, status="new", notes="x"), lead.id)
    with pytest.raises(ValidationErrors, match="read-only"):
        services.leads.convert(lead.id)


def test_convert_into_an_existing_account_without_opportunity(services: Services) -> None:
    account = services.accounts.save(AccountDraft(name="Acme Ltd"))
    lead = services.leads.save(LeadDraft(given_name="Ann", family_name="Lee"))
    result = services.leads.convert(lead.id, account_id=account.id)
    assert result.account_id == account.id and result.opportunity_id is None
    assert services.contacts.get(result.contact_id).account_name == "Acme Ltd"


def test_a_failure_halfway_leaves_nothing_half_converted(
        services: Services, database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    lead = services.leads.save(LEAD)
    services.pipeline.ensure_defaults()
    before = counts(database)
    flushed_accounts: list[int] = []

    def failing_contact(session, lead_row, account_id, region):  # type: ignore[no-untyped-def]
        # The account is already flushed (it has a row in this transaction) ...
        flushed_accounts.append(session.scalar(select(func.count()).select_from(Account)))
        raise RuntimeError("disk on fire")  # ... and then the contact step fails.

    monkeypatch.setattr(conversion, "new_contact", failing_contact)
    with pytest.raises(RuntimeError, match="disk on fire"):
        services.leads.convert(lead.id, create_opportunity=True, opportunity_name="X",
                               amount=Decimal(1))
    assert flushed_accounts == [before["Account"] + 1]
    assert counts(database) == before  # no account, contact, opportunity or change_log row
    after = services.leads.get(lead.id)
    assert (after.version, after.converted_at, after.draft.status) == (lead.version, None,
                                                                       "new")
    with database.session_factory() as session:
        row = session.scalars(select(Lead)).one()
        assert (row.account_id, row.contact_id, row.opportunity_id) == (None, None, None)


def test_a_bad_opportunity_in_the_conversion_rolls_everything_back(
        services: Services, database: Database) -> None:
    lead = services.leads.save(LEAD)
    services.pipeline.ensure_defaults()
    before = counts(database)
    with pytest.raises(ValidationErrors) as raised:
        services.leads.convert(lead.id, create_opportunity=True, opportunity_name="X",
                               amount=Decimal("1.234"))
    assert "amount" in raised.value.by_field()
    assert counts(database) == before
    assert not services.leads.get(lead.id).converted
