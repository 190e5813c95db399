"""Read views of the service desk handed to the UI (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desk_crm.domain.knowledge import ArticleDraft
from desk_crm.domain.sla import SlaState
from desk_crm.domain.tickets import SlaPolicyDraft, TicketDraft


@dataclass(frozen=True)
class TicketRecord:
    id: str
    version: int
    number: str
    draft: TicketDraft
    account_name: str
    contact_name: str
    assignee_name: str
    policy_name: str
    first_response_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    first_response_breached_at: datetime | None
    resolution_breached_at: datetime | None
    csat_score: int | None
    csat_comment: str
    sla: SlaState
    created_at: datetime
    updated_at: datetime
    deleted: bool


@dataclass(frozen=True)
class TicketEntryRecord:
    id: str
    kind: str  # note / reply / customer
    body: str
    author: str
    at: datetime


@dataclass(frozen=True)
class AttachmentRecord:
    id: str
    file_name: str
    size: int
    sha256: str
    created_at: datetime


@dataclass(frozen=True)
class SlaPolicyRecord:
    id: str
    version: int
    draft: SlaPolicyDraft


@dataclass(frozen=True)
class ArticleRecord:
    id: str
    version: int
    draft: ArticleDraft
    created_at: datetime
    updated_at: datetime
    deleted: bool


@dataclass(frozen=True)
class QueueCounts:
    open: int
    mine: int
    unassigned: int
    breaching_soon: int
    breached: int
