from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.pipeline import StageDraft
from desk_crm.services.bundle import Services
from desk_crm.store.database import Database
from desk_crm.store.models import ChangeLogEntry

from .sales_helpers import add_opportunity


def drafts(services: Services) -> list[StageDraft]:
    return [StageDraft(s.name, s.probability, s.kind, s.active, s.id)
            for s in services.pipeline.stages(include_inactive=True)]


def test_ensure_defaults_creates_the_stages_once_through_the_change_log(
        services: Services, database: Database) -> None:
    services.pipeline.ensure_defaults()
    services.pipeline.ensure_defaults()
    stages = services.pipeline.stages()
    assert [s.name for s in stages][:2] == ["Prospecting", "Qualification"]
    assert len(stages) == 7
    assert [s.position for s in stages] == sorted(s.position for s in stages)
    assert stages[-2].kind == "won" and stages[-1].kind == "lost"
    assert stages[3].probability == Decimal(60)
    with database.session_factory() as session:
        logged = session.scalar(select(func.count()).select_from(ChangeLogEntry)
                                .where(ChangeLogEntry.entity == "pipeline_stage"))
    assert logged == 7


def test_save_stages_adds_renames_reorders_and_deactivates(services: Services) -> None:
    services.pipeline.ensure_defaults()
    current = drafts(services)
    current[0] = replace(current[0], name="Cold lead", probability=Decimal("5.5"))
    current[1], current[2] = current[2], current[1]
    current[4] = replace(current[4], active=False)
    current.insert(5, StageDraft("Verbal yes", Decimal(90)))
    services.pipeline.save_stages(current)
    active = services.pipeline.stages()
    assert [s.name for s in active] == ["Cold lead", "Needs analysis", "Qualification",
                                        "Proposal", "Verbal yes", "Closed won", "Closed lost"]
    assert active[0].probability == Decimal("5.5")
    assert len(services.pipeline.stages(include_inactive=True)) == 8


def test_a_stage_in_use_cannot_be_deleted_only_deactivated(services: Services) -> None:
    add_opportunity(services, stage="Proposal")
    current = drafts(services)
    without_proposal = [d for d in current if d.name != "Proposal"]
    with pytest.raises(ValidationErrors, match="deactivate"):
        services.pipeline.save_stages(without_proposal)
    assert "Proposal" in [s.name for s in services.pipeline.stages()]  # nothing changed
    without_qualification = [d for d in current if d.name != "Qualification"]
    services.pipeline.save_stages(without_qualification)  # unused: really removed
    assert "Qualification" not in [s.name for s in
                                   services.pipeline.stages(include_inactive=True)]


def test_save_stages_refuses_an_invalid_list_and_changes_nothing(services: Services) -> None:
    services.pipeline.ensure_defaults()
    current = [replace(d, kind="open") if d.kind == "lost" else d for d in drafts(services)]
    with pytest.raises(ValidationErrors, match="lost"):
        services.pipeline.save_stages(current)
    assert services.pipeline.stages()[-1].kind == "lost"
