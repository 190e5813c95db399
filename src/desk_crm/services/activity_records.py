"""Read views of activities handed to the UI (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desk_crm.domain.activities import ActivityDraft


@dataclass(frozen=True)
class ActivityRecord:
    id: str
    version: int
    draft: ActivityDraft
    done_at: datetime | None
    reminded_at: datetime | None
    series_id: str | None
    # The most specific record it is linked to (contact, lead, opportunity, then account).
    link_entity: str
    link_id: str | None
    link_name: str
    account_name: str
    owner_name: str
    created_at: datetime
    updated_at: datetime
    deleted: bool

    @property
    def done(self) -> bool:
        return self.done_at is not None

    @property
    def subject(self) -> str:
        return self.draft.subject

    @property
    def kind(self) -> str:
        return self.draft.kind

    @property
    def due_at(self) -> datetime | None:
        return self.draft.due_at


@dataclass(frozen=True)
class MyDay:
    """Open activities by local day; each list is capped, the counts are not."""

    overdue: tuple[ActivityRecord, ...]
    today: tuple[ActivityRecord, ...]
    upcoming: tuple[ActivityRecord, ...]
    overdue_count: int
    today_count: int
    upcoming_count: int
