from dataclasses import replace

import pytest

from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.leads import LeadDraft, validate_lead
from desk_crm.domain.scoring import LeadFacts, ScoringRules, score_lead, validate_rules


def test_score_adds_points_with_a_reason_for_each() -> None:
    facts = LeadFacts(source="referral", company_size=250, activity_count=2,
                      email="a@b.cn", phone="+8613800138000", company="瑞丰", title="")
    score = score_lead(facts, ScoringRules())
    assert score.explain() == ("+20 referral", "+15 200+ employees", "+10 2 activities",
                               "+5 has email", "+10 has phone", "+5 has company")
    assert score.total == 65


def test_activity_points_are_capped_and_empty_facts_score_zero() -> None:
    rules = ScoringRules()
    assert score_lead(LeadFacts(activity_count=40), rules).total == rules.max_activity_points
    assert score_lead(LeadFacts(activity_count=1), rules).explain() == ("+5 1 activity",)
    empty = score_lead(LeadFacts(), rules)
    assert (empty.total, empty.reasons) == (0, ())


def test_size_tiers_pick_the_largest_tier_reached() -> None:
    rules = ScoringRules()
    assert score_lead(LeadFacts(company_size=9), rules).total == 0
    assert score_lead(LeadFacts(company_size=10), rules).total == 5
    assert score_lead(LeadFacts(company_size=5000), rules).explain() == ("+20 1000+ employees",)


def test_edited_rules_change_the_score_and_round_trip_through_json() -> None:
    rules = replace(ScoringRules(), source_points={**ScoringRules().source_points,
                                                   "cold_call": -5},
                    completeness_points={"phone": 30})
    again = ScoringRules.from_json(rules.to_json())
    assert again.source_points["cold_call"] == -5
    score = score_lead(LeadFacts(source="cold_call", phone="+1"), again)
    assert score.explain() == ("-5 cold call", "+30 has phone")


def test_invalid_rules_are_refused() -> None:
    with pytest.raises(ValidationErrors) as raised:
        validate_rules(replace(ScoringRules(), size_tiers=((10, 5), (10, 6)),
                               points_per_activity=5000))
    assert {"size_tiers", "points_per_activity"} <= set(raised.value.by_field())


def test_validate_lead_normalises_and_refuses_a_typed_converted_status() -> None:
    clean = validate_lead(LeadDraft(family_name=" 张 ", given_name="伟",
                                    email="Zhang.Wei＠Example.COM", phone="138 0013 8000",
                                    source="referral"))
    assert (clean.family_name, clean.email, clean.phone) == (
        "张", "zhang.wei@example.com", "+8613800138000")
    with pytest.raises(ValidationErrors) as raised:
        validate_lead(LeadDraft(status="converted", source="carrier pigeon",
                                email="nope", company_size=-1))
    assert set(raised.value.by_field()) == {"family_name", "status", "source", "email",
                                            "company_size"}
