"""Plain read views of the sales area (stages, opportunities, leads) handed to the UI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from desk_crm.domain.leads import LeadDraft
from desk_crm.domain.opportunities import OpportunityDraft


@dataclass(frozen=True)
class StageRecord:
    id: str
    name: str
    position: int
    probability: Decimal  # default percent for opportunities in this stage
    kind: str  # "open" / "won" / "lost"
    active: bool


@dataclass(frozen=True)
class OpportunityRecord:
    id: str
    version: int
    draft: OpportunityDraft
    account_name: str
    contact_name: str
    stage_name: str
    stage_kind: str
    effective_probability: Decimal
    weighted_amount: Decimal
    owner_name: str
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    deleted: bool


@dataclass(frozen=True)
class StageSpan:
    """Time one opportunity spent in one stage; ``left_at`` None while it is still there."""

    stage_id: str
    stage_name: str
    entered_at: datetime
    left_at: datetime | None
    duration: timedelta


@dataclass(frozen=True)
class LeadRecord:
    id: str
    version: int
    draft: LeadDraft
    display_name: str
    owner_name: str
    score: int
    score_reasons: tuple[str, ...]  # "+20 referral", "+10 has phone"
    converted_at: datetime | None
    account_id: str | None
    contact_id: str | None
    opportunity_id: str | None
    account_name: str
    contact_name: str
    opportunity_name: str
    created_at: datetime
    updated_at: datetime
    deleted: bool

    @property
    def converted(self) -> bool:
        return self.converted_at is not None


@dataclass(frozen=True)
class DuplicateMatch:
    """A contact or lead that already uses an email or phone being typed."""

    entity: str  # "contact" or "lead"
    record_id: str
    display_name: str
    matched_on: str


@dataclass(frozen=True)
class ConversionResult:
    account_id: str
    contact_id: str
    opportunity_id: str | None
