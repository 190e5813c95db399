from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desk_crm.domain.drafts import AccountDraft
from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.pipeline import StageDraft
from desk_crm.services.bundle import Services
from desk_crm.services.errors import StaleRecord
from desk_crm.store.database import Database
from desk_crm.store.sales_models import StageChange

from .sales_helpers import add_opportunity, stages_by_name


def test_new_opportunity_enters_its_first_stage_and_reads_back_exactly(
        services: Services) -> None:
    account = services.accounts.save(AccountDraft(name="上海瑞丰贸易有限公司"))
    record = add_opportunity(services, "ERP 升级", stage="Proposal", account_id=account.id,
                             amount=Decimal("123456.78"), close_date=date(2026, 12, 31))
    assert record.draft.amount == Decimal("123456.78")
    assert record.account_name == "上海瑞丰贸易有限公司"
    assert (record.stage_name, record.stage_kind) == ("Proposal", "open")
    assert record.effective_probability == Decimal(60)
    assert record.weighted_amount == Decimal("74074.07")  # 74074.068 half-up
    assert record.closed_at is None
    history = services.opportunities.stage_history(record.id)
    assert [(s.stage_name, s.left_at) for s in history] == [("Proposal", None)]


def test_probability_override_wins_over_the_stage_default(services: Services) -> None:
    record = add_opportunity(services, stage="Proposal", probability=Decimal("72.5"))
    assert record.effective_probability == Decimal("72.5")
    assert record.weighted_amount == Decimal("725.00")
    moved = services.opportunities.move_stage(record.id, stages_by_name(services)
                                              ["Negotiation"].id)
    assert moved.draft.probability is None  # a move drops the override
    assert moved.effective_probability == Decimal(80)


def test_move_stage_closes_the_open_span_and_opens_the_next(services: Services) -> None:
    stages = stages_by_name(services)
    record = add_opportunity(services)
    services.opportunities.move_stage(record.id, stages["Qualification"].id)
    services.opportunities.move_stage(record.id, stages["Proposal"].id)
    history = services.opportunities.stage_history(record.id)
    assert [s.stage_name for s in history] == ["Prospecting", "Qualification", "Proposal"]
    assert history[0].left_at == history[1].entered_at
    assert history[1].left_at == history[2].entered_at
    assert history[2].left_at is None
    assert all(span.duration.total_seconds() >= 0 for span in history)


def test_moving_to_won_or_lost_needs_a_reason_and_sets_closed_at(
        services: Services, database: Database) -> None:
    stages = stages_by_name(services)
    record = add_opportunity(services)
    with pytest.raises(ValidationErrors) as raised:
        services.opportunities.move_stage(record.id, stages["Closed won"].id)
    assert "outcome_reason" in raised.value.by_field()
    assert services.opportunities.get(record.id).stage_name == "Prospecting"
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(StageChange)) == 1

    won = services.opportunities.move_stage(record.id, stages["Closed won"].id,
                                            reason="Best support offer")
    assert won.closed_at is not None and won.draft.outcome_reason == "Best support offer"
    assert won.effective_probability == Decimal(100)
    reopened = services.opportunities.move_stage(record.id, stages["Negotiation"].id)
    assert reopened.closed_at is None and reopened.stage_kind == "open"
    assert len(services.opportunities.stage_history(record.id)) == 3


def test_saving_with_another_stage_is_a_stage_change(services: Services) -> None:
    stages = stages_by_name(services)
    record = add_opportunity(services)
    with pytest.raises(ValidationErrors) as raised:
        services.opportunities.save(replace(record.draft, stage_id=stages["Closed lost"].id),
                                    record.id, record.version)
    assert "outcome_reason" in raised.value.by_field()
    lost = services.opportunities.save(
        replace(record.draft, stage_id=stages["Closed lost"].id, outcome_reason="Price"),
        record.id, record.version)
    assert lost.stage_kind == "lost" and lost.closed_at is not None
    assert [s.stage_name for s in services.opportunities.stage_history(record.id)] == [
        "Prospecting", "Closed lost"]
    # a plain edit of a closed opportunity keeps its stage history as it was
    edited = services.opportunities.save(replace(lost.draft, next_step="Ask again in Q3"),
                                         record.id, lost.version)
    assert len(services.opportunities.stage_history(record.id)) == 2
    assert edited.closed_at == lost.closed_at


def test_stale_version_is_refused(services: Services) -> None:
    stages = stages_by_name(services)
    record = add_opportunity(services)
    services.opportunities.save(replace(record.draft, next_step="Call"), record.id,
                                record.version)
    with pytest.raises(StaleRecord):
        services.opportunities.move_stage(record.id, stages["Proposal"].id,
                                          expected_version=record.version)


def test_cannot_enter_an_inactive_stage(services: Services) -> None:
    stages = stages_by_name(services)
    services.pipeline.save_stages([
        StageDraft(s.name, s.probability, s.kind, s.name != "Proposal", s.id)
        for s in stages.values()])
    record = add_opportunity(services)
    with pytest.raises(ValidationErrors) as raised:
        services.opportunities.move_stage(record.id, stages["Proposal"].id)
    assert "stage_id" in raised.value.by_field()


def test_delete_and_restore(services: Services) -> None:
    record = add_opportunity(services)
    services.opportunities.delete(record.id)
    with pytest.raises(LookupError):
        services.opportunities.get(record.id)
    services.opportunities.restore(record.id)
    assert services.opportunities.get(record.id).deleted is False
