"""Order history for the demo (called by ``DemoBuilder.build``): won and lost deals spread
over the last two years, in patterns a real customer base shows — loyal customers ordering
every two months, fading ones whose orders shrink and stop, new ones, churned ones — so
RFM, ABC, lifecycle and churn risk have something real to show.

Written through the services (change log, history); the stage history is then moved back
to the close date, as demo_sales does."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from desk_crm.domain.opportunities import OpportunityDraft
from desk_crm.services.bundle import Services
from desk_crm.services.demo_sales import LOST_REASONS, WON_REASONS
from desk_crm.store.sales_models import Opportunity, StageChange

CN_ORDERS = ("年度维保续约", "备件采购", "扩容订单", "软件许可", "培训服务")
EN_ORDERS = ("Annual support renewal", "Spare parts order", "Capacity expansion",
             "Software licences", "Training services")
PATTERNS = ("loyal", "loyal", "loyal", "fading", "fading", "new", "churned", "lost_deals")


class DemoHistory:
    def __init__(self, services: Services, rng: random.Random, reps: list[str]) -> None:
        self.services = services
        self.rng = rng
        self.reps = reps
        self.today = date.today()

    def build(self, accounts: list[tuple[str, bool]], share: float = 0.45) -> int:
        stages = self.services.pipeline.stages()
        first = next(s for s in stages if s.kind == "open")
        won = next(s for s in stages if s.kind == "won")
        lost = next(s for s in stages if s.kind == "lost")
        made = 0
        for account_id, chinese in accounts:
            if self.rng.random() > share:
                continue
            pattern = self.rng.choice(PATTERNS)
            for days_ago, amount, outcome in self._orders(pattern):
                self._deal(account_id, chinese, days_ago, amount,
                           won if outcome else lost, first.id)
                made += 1
        return made

    def _orders(self, pattern: str) -> list[tuple[int, int, bool]]:
        """(days ago, amount in CNY, won) for one customer."""
        rng = self.rng
        base = rng.randint(20, 300) * 1000
        if pattern == "loyal":
            step = rng.randint(45, 75)
            start = rng.randint(5, 40)
            return [(start + step * n, base + rng.randint(-5, 5) * 1000, True)
                    for n in range(rng.randint(4, 9))]
        if pattern == "fading":
            last = rng.randint(150, 320)
            count = rng.randint(3, 6)
            # Newest first: the last orders are the smallest.
            return [(last + 60 * n, int(base * (0.3 + 0.25 * n)), True) for n in range(count)]
        if pattern == "new":
            return [(rng.randint(10, 120), base, True)]
        if pattern == "churned":
            return [(rng.randint(400, 700) + 50 * n, base, True) for n in range(rng.randint(1, 3))]
        return [(rng.randint(20, 600), base, False) for _n in range(rng.randint(1, 3))]

    def _deal(self, account_id: str, chinese: bool, days_ago: int, amount: int,
              outcome_stage: object, first_stage: str) -> None:
        close = self.today - timedelta(days=days_ago)
        record = self.services.opportunities.save(OpportunityDraft(
            name=self.rng.choice(CN_ORDERS if chinese else EN_ORDERS), account_id=account_id,
            amount=Decimal(max(amount, 1000)), currency="CNY", close_date=close,
            stage_id=first_stage, owner_id=self.rng.choice(self.reps)))
        won = outcome_stage.kind == "won"  # type: ignore[attr-defined]
        reason = self.rng.choice(WON_REASONS if won else LOST_REASONS)
        self.services.opportunities.move_stage(record.id, outcome_stage.id,  # type: ignore[attr-defined]
                                               reason=reason)
        closed_at = datetime(close.year, close.month, close.day, 10, tzinfo=UTC)
        with self.services.context.write() as session:
            changes = session.scalars(select(StageChange).where(
                StageChange.opportunity_id == record.id).order_by(StageChange.pk)).all()
            opened = closed_at - timedelta(days=self.rng.randint(10, 60))
            changes[0].entered_at = opened
            changes[0].left_at = closed_at
            changes[-1].entered_at = closed_at
            session.scalars(select(Opportunity).where(
                Opportunity.id == record.id)).one().closed_at = closed_at
