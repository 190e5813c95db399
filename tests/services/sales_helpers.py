"""Small builders for the sales service tests."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from desk_crm.domain.opportunities import OpportunityDraft
from desk_crm.services.bundle import Services
from desk_crm.services.sales_records import OpportunityRecord, StageRecord


def stages_by_name(services: Services) -> dict[str, StageRecord]:
    services.pipeline.ensure_defaults()
    return {stage.name: stage for stage in services.pipeline.stages(include_inactive=True)}


def add_opportunity(services: Services, name: str = "ERP rollout", stage: str = "Prospecting",
                    **fields: object) -> OpportunityRecord:
    stage_id = stages_by_name(services)[stage].id
    draft = replace(OpportunityDraft(name=name, amount=Decimal("1000.00"), currency="CNY",
                                     stage_id=stage_id), **fields)
    return services.opportunities.save(draft)
