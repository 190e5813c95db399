"""The demo's leads and opportunities (DemoBuilder.build calls SalesDemo)."""

import itertools
from datetime import date, timedelta

from sqlalchemy import func, select

from desk_crm.services.bundle import Services
from desk_crm.services.demo import DemoBuilder
from desk_crm.store.database import Database
from desk_crm.store.sales_models import Lead, Opportunity, PipelineStage, StageChange


def test_demo_builds_leads_and_opportunities_with_stage_histories(
        services: Services, database: Database) -> None:
    DemoBuilder(services).build(accounts=8, contacts=16, leads=20, opportunities=30)
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Lead)) == 20
        statuses = set(session.scalars(select(Lead.status)))
        assert "converted" in statuses and len(statuses) >= 3
        opportunities = session.scalars(select(Opportunity)).all()
        assert len(opportunities) >= 30  # plus those made by converting leads
        kinds = dict(session.execute(select(PipelineStage.id, PipelineStage.kind)).all())
        today = date.today()
        for opportunity in opportunities:
            spans = session.scalars(select(StageChange).where(
                StageChange.opportunity_id == opportunity.id)
                .order_by(StageChange.entered_at)).all()
            assert spans and [s.left_at for s in spans].count(None) == 1
            assert spans[-1].stage_id == opportunity.stage_id
            for earlier, later in itertools.pairwise(spans):
                assert earlier.left_at == later.entered_at
                assert earlier.entered_at < earlier.left_at  # time really spent there
            closed = kinds[opportunity.stage_id] != "open"
            assert (opportunity.closed_at is not None) == closed
            if closed:
                assert opportunity.outcome_reason
            assert opportunity.close_date is not None
            assert abs(opportunity.close_date - today) <= timedelta(days=190)
        currencies = [o.currency for o in opportunities]
        assert currencies.count("CNY") > len(currencies) // 2  # mostly CNY
