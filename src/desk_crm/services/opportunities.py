"""Use cases for opportunities: save, move through the pipeline, stage history.

Every stage change, whether from the editor's save or a drag on the board
(:meth:`OpportunityService.move_stage`), goes through :func:`apply_stage`: it closes the open
``StageChange`` (left_at) and opens the next in the same transaction, asks for a reason when
the stage is won or lost, and sets or clears ``closed_at``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.money import from_minor, to_minor
from desk_crm.domain.names import company_sort_key
from desk_crm.domain.opportunities import OpportunityDraft, validate_opportunity
from desk_crm.domain.pipeline import (
    effective_probability,
    is_closed,
    require_outcome_reason,
    weighted_amount,
)
from desk_crm.services import _common, loyalty
from desk_crm.services._campaign_links import require_campaign
from desk_crm.services.context import ServiceContext
from desk_crm.services.sales_records import OpportunityRecord, StageSpan
from desk_crm.store.models import Account, Contact, User
from desk_crm.store.sales_models import Lead, Opportunity, PipelineStage, StageChange
from desk_crm.store.types import utc_now

__all__ = ["OpportunityDraft", "OpportunityRecord", "OpportunityService", "StageSpan"]


class OpportunityService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def save(self, draft: OpportunityDraft, opportunity_id: str | None = None,
             expected_version: int | None = None) -> OpportunityRecord:
        """Create or update; a new opportunity enters its first stage now, a changed
        stage_id is a stage change like :meth:`move_stage` (reason checked, history kept)."""
        clean = validate_opportunity(draft)
        with self._context.write() as session:
            opportunity = None
            if opportunity_id is not None:
                opportunity = _common.load(session, Opportunity, opportunity_id)
                _common.check_version(opportunity, expected_version)
            opportunity = write_opportunity(session, clean, opportunity)
            return self._record(session, opportunity)

    def move_stage(self, opportunity_id: str, stage_id: str, reason: str = "",
                   expected_version: int | None = None) -> OpportunityRecord:
        """Move to *stage_id* in one transaction. A probability override is dropped: the
        new stage's default applies (the user can override again). Moving to the stage it
        is in changes nothing."""
        with self._context.write() as session:
            opportunity = _common.load(session, Opportunity, opportunity_id)
            _common.check_version(opportunity, expected_version)
            if stage_id != opportunity.stage_id:
                stage = load_stage(session, stage_id, allow_inactive=False)
                apply_stage(session, opportunity, stage, reason, utc_now())
                opportunity.probability = None
                session.flush()
            return self._record(session, opportunity)

    def delete(self, opportunity_id: str) -> None:
        with self._context.write() as session:
            _common.soft_delete(session, Opportunity, opportunity_id)

    def restore(self, opportunity_id: str) -> None:
        with self._context.write() as session:
            _common.restore(session, Opportunity, opportunity_id)

    def get(self, opportunity_id: str) -> OpportunityRecord:
        with self._context.read() as session:
            return self._record(session, _common.load(session, Opportunity, opportunity_id))

    def stage_history(self, opportunity_id: str) -> list[StageSpan]:
        """Each stage the opportunity was in, oldest first, with the time spent there
        (until now for the current one)."""
        now = utc_now()
        with self._context.read() as session:
            _common.load(session, Opportunity, opportunity_id, include_deleted=True)
            rows = session.execute(
                select(StageChange, PipelineStage.name)
                .join(PipelineStage, PipelineStage.id == StageChange.stage_id)
                .where(StageChange.opportunity_id == opportunity_id,
                       StageChange.deleted_at.is_(None))
                .order_by(StageChange.entered_at, StageChange.pk)).all()
            return [StageSpan(change.stage_id, name, change.entered_at, change.left_at,
                              (change.left_at or now) - change.entered_at)
                    for change, name in rows]

    @staticmethod
    def _record(session: Session, opportunity: Opportunity) -> OpportunityRecord:
        return opportunity_record(session, opportunity)


def opportunity_record(session: Session, opportunity: Opportunity) -> OpportunityRecord:
    stage = session.scalars(select(PipelineStage)
                            .where(PipelineStage.id == opportunity.stage_id)).one()
    amount = from_minor(opportunity.amount_minor, opportunity.currency)
    probability = effective_probability(stage.probability, opportunity.probability)
    draft = OpportunityDraft(
        name=opportunity.name, account_id=opportunity.account_id,
        contact_id=opportunity.contact_id, amount=amount, currency=opportunity.currency,
        close_date=opportunity.close_date, stage_id=opportunity.stage_id,
        probability=opportunity.probability, owner_id=opportunity.owner_id,
        next_step=opportunity.next_step, outcome_reason=opportunity.outcome_reason,
        notes=opportunity.notes, lead_id=opportunity.lead_id,
        campaign_id=opportunity.campaign_id,
    )
    account_name = contact_name = ""
    if opportunity.account_id:
        account_name = session.scalar(select(Account.name)
                                      .where(Account.id == opportunity.account_id)) or ""
    if opportunity.contact_id:
        contact_name = session.scalar(select(Contact.display_name)
                                      .where(Contact.id == opportunity.contact_id)) or ""
    return OpportunityRecord(
        id=opportunity.id, version=opportunity.version, draft=draft,
        account_name=account_name, contact_name=contact_name, stage_name=stage.name,
        stage_kind=stage.kind, effective_probability=probability,
        weighted_amount=weighted_amount(amount, probability, opportunity.currency),
        owner_name=_common.owner_name(session, opportunity.owner_id),
        created_at=opportunity.created_at, updated_at=opportunity.updated_at,
        closed_at=opportunity.closed_at, deleted=opportunity.deleted_at is not None,
    )


def load_stage(session: Session, stage_id: str, *, allow_inactive: bool) -> PipelineStage:
    stage = session.scalars(select(PipelineStage).where(
        PipelineStage.id == stage_id, PipelineStage.deleted_at.is_(None))).one_or_none()
    if stage is None or (not stage.active and not allow_inactive):
        raise ValidationErrors([ValidationError("stage_id", QT_TRANSLATE_NOOP(
            "Validation", "Choose an active stage"))])
    return stage


def write_opportunity(session: Session, clean: OpportunityDraft,
                      opportunity: Opportunity | None) -> Opportunity:
    """Write a validated draft into *opportunity* (None: a new one) inside the caller's
    transaction; shared by the editor's save and the lead conversion."""
    _check_links(session, clean)
    now = utc_now()
    new = opportunity is None
    stage_changes = new or (opportunity is not None and opportunity.stage_id != clean.stage_id)
    # An opportunity may stay in a stage that was deactivated since; it cannot enter one.
    stage = load_stage(session, clean.stage_id, allow_inactive=not stage_changes)
    if opportunity is None:
        opportunity = Opportunity(stage_id=stage.id)
        session.add(opportunity)
    opportunity.name = clean.name
    opportunity.name_sort = company_sort_key(clean.name)
    opportunity.account_id = clean.account_id
    opportunity.contact_id = clean.contact_id
    opportunity.lead_id = clean.lead_id
    opportunity.amount_minor = to_minor(clean.amount, clean.currency)
    opportunity.currency = clean.currency
    opportunity.close_date = clean.close_date
    opportunity.probability = clean.probability
    opportunity.owner_id = clean.owner_id
    opportunity.next_step = clean.next_step
    if clean.campaign_id != opportunity.campaign_id:
        with session.no_autoflush:  # the new row is not complete yet
            require_campaign(session, clean.campaign_id)
    opportunity.campaign_id = clean.campaign_id
    opportunity.notes = clean.notes
    if stage_changes:
        session.flush()  # the new row needs its id before a StageChange can point at it
        apply_stage(session, opportunity, stage, clean.outcome_reason, now, first=new)
    elif is_closed(stage.kind):
        opportunity.outcome_reason = require_outcome_reason(stage.kind, clean.outcome_reason)
    else:
        opportunity.outcome_reason = clean.outcome_reason
    session.flush()
    return opportunity


def apply_stage(session: Session, opportunity: Opportunity, stage: PipelineStage,
                reason: str, now: datetime, *, first: bool = False) -> None:
    """Enter *stage* now: close the open span, open a new one, keep closed_at and the
    outcome reason in step with the stage's kind."""
    cleaned = require_outcome_reason(stage.kind, reason)
    old_kind = None if first else session.scalar(
        select(PipelineStage.kind).where(PipelineStage.id == opportunity.stage_id))
    if not first:
        for change in session.scalars(select(StageChange).where(
                StageChange.opportunity_id == opportunity.id,
                StageChange.left_at.is_(None), StageChange.deleted_at.is_(None))):
            change.left_at = now
    session.add(StageChange(opportunity_id=opportunity.id, stage_id=stage.id,
                            entered_at=now))
    opportunity.stage_id = stage.id
    if is_closed(stage.kind):
        opportunity.closed_at = now
        opportunity.outcome_reason = cleaned
    else:
        # Reopened: no longer closed; the old reason stays readable in the history.
        opportunity.closed_at = None
        opportunity.outcome_reason = cleaned
    # Loyalty points for a won deal (or back for a reopened one), in this transaction.
    loyalty.on_stage_entered(session, opportunity, stage.kind, old_kind, now)


def _check_links(session: Session, draft: OpportunityDraft) -> None:
    problems = []
    for field, model, value, template in (
            ("account_id", Account, draft.account_id,
             QT_TRANSLATE_NOOP("Validation", "That account no longer exists")),
            ("contact_id", Contact, draft.contact_id,
             QT_TRANSLATE_NOOP("Validation", "That contact no longer exists")),
            ("owner_id", User, draft.owner_id, _common.UNKNOWN_OWNER),
            ("lead_id", Lead, draft.lead_id,
             QT_TRANSLATE_NOOP("Validation", "That lead no longer exists"))):
        if value is None:
            continue
        try:
            _common.load(session, model, value, include_deleted=field == "lead_id")
        except LookupError:
            problems.append(ValidationError(field, template))
    if problems:
        raise ValidationErrors(problems)

