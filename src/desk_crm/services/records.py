"""Plain read views handed to the UI: never ORM objects, so nothing lazy-loads in a widget."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desk_crm.domain.drafts import AccountDraft, ContactDraft


@dataclass(frozen=True)
class AccountRecord:
    id: str
    version: int
    draft: AccountDraft
    owner_name: str
    created_at: datetime
    updated_at: datetime
    deleted: bool


@dataclass(frozen=True)
class ContactRecord:
    id: str
    version: int
    draft: ContactDraft
    display_name: str
    account_name: str
    owner_name: str
    created_at: datetime
    updated_at: datetime
    deleted: bool


@dataclass(frozen=True)
class UserRecord:
    id: str
    name: str
    email: str


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor: str
    operation: str
    changes: tuple[FieldChange, ...]
    merged_from: str = ""  # id of the merged-away record this entry was written for


@dataclass(frozen=True)
class DuplicateHint:
    record_id: str
    display_name: str
    matched_on: str
