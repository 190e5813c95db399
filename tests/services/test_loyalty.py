"""Loyalty: points earned when a deal is won (same transaction), tiers, redemptions, and a
ledger that cannot go negative or be changed — even by raw SQL."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.loyalty import EarningRule, ProgrammeDraft, Tier
from desk_crm.services.bundle import Services
from helpers.drafts import account_draft
from helpers.sales import add_opportunity, stages_by_name

TIERS = (Tier("member", 0), Tier("silver", 500), Tier("gold", 2000))


@pytest.fixture
def programme(services: Services) -> ProgrammeDraft:
    return services.loyalty.save_programme(ProgrammeDraft(
        "Club", EarningRule("CNY", Decimal("0.1")), TIERS))


def test_winning_a_deal_earns_points_once_and_reopening_takes_them_back(
        services: Services, programme: ProgrammeDraft) -> None:
    account = services.accounts.save(account_draft()).id
    deal = add_opportunity(services, amount=Decimal("12345.67"), account_id=account)
    stages = stages_by_name(services)
    services.opportunities.move_stage(deal.id, stages["Closed won"].id, reason="fit")
    status = services.loyalty.status("account", account)
    assert (status.balance, status.earned, status.tier.name) == (1234, 1234, "silver")
    assert status.next_tier == Tier("gold", 2000)
    services.opportunities.move_stage(deal.id, stages["Negotiation"].id)
    assert services.loyalty.status("account", account).balance == 0
    services.opportunities.move_stage(deal.id, stages["Closed won"].id, reason="fit")
    assert services.loyalty.status("account", account).balance == 1234
    assert [e.kind for e in services.loyalty.status("account", account).entries] == [
        "earned", "reversed", "earned"]


def test_points_are_written_in_the_transaction_of_the_win(
        services: Services, programme: ProgrammeDraft, database) -> None:
    account = services.accounts.save(account_draft()).id
    deal = add_opportunity(services, amount=Decimal("5000"), account_id=account)
    won = stages_by_name(services)["Closed won"].id
    services.opportunities.move_stage(deal.id, won, reason="fit")
    with database.engine.connect() as connection:
        mutation = connection.execute(text(
            "SELECT mutation_id FROM change_log WHERE entity = 'points_entry'")).scalar_one()
        last = connection.execute(text(
            "SELECT entity FROM change_log WHERE mutation_id = :m"),
            {"m": mutation}).scalars().all()
    assert "points_entry" in last and "opportunity" in last


def test_a_redemption_cannot_take_the_balance_below_zero(
        services: Services, programme: ProgrammeDraft) -> None:
    account = services.accounts.save(account_draft()).id
    deal = add_opportunity(services, amount=Decimal("1000"), account_id=account)
    services.opportunities.move_stage(deal.id, stages_by_name(services)["Closed won"].id,
                                      reason="fit")
    status = services.loyalty.redeem("account", account, 60, "mug")
    assert (status.balance, status.earned, status.tier.name) == (40, 100, "member")
    with pytest.raises(ValidationError):
        services.loyalty.redeem("account", account, 41)
    assert services.loyalty.status("account", account).balance == 40


def test_the_database_refuses_a_negative_balance_and_changes_to_entries(
        services: Services, programme: ProgrammeDraft, database) -> None:
    account = services.accounts.save(account_draft()).id
    insert = text(
        "INSERT INTO points_entry (id, created_at, updated_at, version, holder_entity, "
        "holder_id, kind, points, balance_after, note, at) VALUES (:id, 'x', 'x', 1, "
        "'account', :a, 'redeemed', :p, :b, '', 'x')")
    with pytest.raises(IntegrityError, match="negative"), database.engine.begin() as c:
        c.execute(insert, {"id": "e1", "a": account, "p": -5, "b": 0})
    with database.engine.begin() as connection:
        connection.execute(insert, {"id": "e2", "a": account, "p": 10, "b": 10})
    for statement in ("UPDATE points_entry SET points = -100", "DELETE FROM points_entry"):
        with pytest.raises(IntegrityError, match="immutable"), database.engine.begin() as c:
            c.execute(text(statement))


def test_losing_a_deal_after_redeeming_takes_back_only_what_is_left(
        services: Services, programme: ProgrammeDraft) -> None:
    account = services.accounts.save(account_draft()).id
    deal = add_opportunity(services, amount=Decimal("1000"), account_id=account)
    stages = stages_by_name(services)
    services.opportunities.move_stage(deal.id, stages["Closed won"].id, reason="fit")
    services.loyalty.redeem("account", account, 70)
    services.opportunities.move_stage(deal.id, stages["Closed lost"].id, reason="cancelled")
    assert services.loyalty.status("account", account).balance == 0


def test_programme_settings_round_trip_and_validate(services: Services,
                                                   programme: ProgrammeDraft) -> None:
    assert services.loyalty.programme().tiers == TIERS
    fewer = services.loyalty.save_programme(ProgrammeDraft(
        "Club", EarningRule("CNY", Decimal(1)), (Tier("member", 0), Tier("vip", 100))))
    assert [t.name for t in fewer.tiers] == ["member", "vip"]
    with pytest.raises(ValidationErrors):
        services.loyalty.save_programme(ProgrammeDraft(tiers=(Tier("x", 5),)))


def test_no_programme_no_points(services: Services) -> None:
    account = services.accounts.save(account_draft()).id
    deal = add_opportunity(services, amount=Decimal("1000"), account_id=account)
    services.opportunities.move_stage(deal.id, stages_by_name(services)["Closed won"].id,
                                      reason="fit")
    assert services.loyalty.status("account", account).balance == 0


def test_holders_by_tier_for_a_segment_condition(services: Services,
                                                 programme: ProgrammeDraft) -> None:
    rich = services.accounts.save(account_draft("Rich")).id
    poor = services.accounts.save(account_draft("Poor")).id
    deal = add_opportunity(services, amount=Decimal("6000"), account_id=rich)
    services.opportunities.move_stage(deal.id, stages_by_name(services)["Closed won"].id,
                                      reason="fit")
    services.loyalty.redeem("account", rich, 500)  # redeeming does not demote
    assert services.loyalty.holder_ids_in_tier("account", "silver") == [rich]
    assert services.loyalty.holder_ids_in_tier("account", "member") == [poor]
    assert services.loyalty.holder_ids_in_tier("account", "gold") == []
    assert services.loyalty.holder_ids_in_tier("account", "platinum") == []


def test_undoing_a_win_cancels_its_points_with_a_counter_entry(
        services: Services, programme: ProgrammeDraft) -> None:
    account = services.accounts.save(account_draft()).id
    deal = add_opportunity(services, amount=Decimal("10000"), account_id=account)
    stages = stages_by_name(services)
    services.opportunities.move_stage(deal.id, stages["Closed won"].id, reason="fit")
    win = services.changes.last_mutation("opportunity", deal.id)
    assert win is not None
    undo = services.changes.undo_mutation(win)
    assert services.opportunities.get(deal.id).draft.stage_id == stages["Prospecting"].id
    status = services.loyalty.status("account", account)
    assert (status.balance, status.earned) == (0, 0)
    assert [e.kind for e in status.entries] == ["reversed", "earned"]
    services.changes.undo_batch(undo.batch_id)  # redo
    assert services.loyalty.status("account", account).balance == 1000
