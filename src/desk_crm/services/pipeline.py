"""Pipeline stages: the defaults on first start, and the settings dialog's save."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.pipeline import DEFAULT_STAGES, StageDraft, validate_stages
from desk_crm.services.context import ServiceContext
from desk_crm.services.sales_records import StageRecord
from desk_crm.store.sales_models import Opportunity, PipelineStage, StageChange
from desk_crm.store.types import utc_now

__all__ = ["PipelineService", "StageRecord"]


def stage_record(stage: PipelineStage) -> StageRecord:
    return StageRecord(stage.id, stage.name, stage.position, stage.probability,
                       stage.kind, stage.active)


class PipelineService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def ensure_defaults(self, translate: Callable[[str], str] | None = None) -> None:
        """Create the default stages when the store has none (first start), named in the
        user's language when *translate* is given (stage names are data afterwards)."""
        with self._context.read() as session:
            if session.scalar(select(PipelineStage.pk).limit(1)) is not None:
                return
        with self._context.write() as session:
            # Checked again inside the write: two windows starting at once make one set.
            if session.scalar(select(PipelineStage.pk).limit(1)) is not None:
                return
            for position, draft in enumerate(DEFAULT_STAGES):
                name = translate(draft.name) if translate else draft.name
                session.add(PipelineStage(name=name, position=position,
                                          probability=draft.probability,
                                          kind=str(draft.kind), active=True))

    def stages(self, include_inactive: bool = False) -> list[StageRecord]:
        """Live stages in pipeline order (inactive ones too when asked)."""
        with self._context.read() as session:
            query = select(PipelineStage).where(PipelineStage.deleted_at.is_(None))
            if not include_inactive:
                query = query.where(PipelineStage.active.is_(True))
            rows = session.scalars(query.order_by(PipelineStage.position,
                                                  PipelineStage.pk)).all()
            return [stage_record(row) for row in rows]

    def get(self, stage_id: str) -> StageRecord:
        with self._context.read() as session:
            stage = session.scalars(select(PipelineStage)
                                    .where(PipelineStage.id == stage_id)).one()
            return stage_record(stage)

    def in_use(self, stage_id: str) -> bool:
        with self._context.read() as session:
            return _in_use(session, stage_id)

    def save_stages(self, drafts: Sequence[StageDraft]) -> list[StageRecord]:
        """Replace the stage list with *drafts*, in their order: new ones (id None) are
        added, known ones renamed/re-ordered/(de)activated, missing ones removed — unless
        an opportunity uses or used them, which is a ValidationError("stages", …): such a
        stage can only be deactivated, so its history keeps its name."""
        clean = validate_stages(drafts)
        with self._context.write() as session:
            existing = {row.id: row for row in session.scalars(
                select(PipelineStage).where(PipelineStage.deleted_at.is_(None)))}
            unknown = [d.id for d in clean if d.id is not None and d.id not in existing]
            if unknown:
                raise ValidationErrors([ValidationError("stages", QT_TRANSLATE_NOOP(
                    "Validation", "A stage was removed elsewhere; reopen the dialog"))])
            kept = {d.id for d in clean if d.id is not None}
            problems = []
            for stage_id, row in existing.items():
                if stage_id in kept:
                    continue
                if _in_use(session, stage_id):
                    problems.append(ValidationError("stages", QT_TRANSLATE_NOOP(
                        "Validation", "“{value}” is used by opportunities: deactivate it "
                                      "instead of deleting it"), value=row.name))
                else:
                    row.deleted_at = utc_now()
            if problems:
                raise ValidationErrors(problems)
            for position, draft in enumerate(clean):
                row = existing[draft.id] if draft.id is not None else PipelineStage()
                if draft.id is None:
                    session.add(row)
                row.name = draft.name
                row.position = position
                row.probability = draft.probability
                row.kind = str(draft.kind)
                row.active = draft.active
            session.flush()
        return self.stages(include_inactive=True)


def _in_use(session: Session, stage_id: str) -> bool:
    used = select(Opportunity.pk).where(Opportunity.stage_id == stage_id)
    visited = select(StageChange.pk).where(StageChange.stage_id == stage_id)
    return bool(session.scalar(select(or_(exists(used), exists(visited)))))
