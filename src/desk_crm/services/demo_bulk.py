"""Set-based writes for the demo's bulk records (accounts, contacts, activities): one
mutation and a few ``executemany`` per kind instead of one service call per record.

The rows, change-log rows, versions, full-text rows and contact points are the ones the
services' ORM path writes for the same validated drafts (store/bulk.py ``BulkWriter`` does
the flush hooks' work; the column values come from the services' own
``account_columns``/``contact_columns`` and the activity fields the activity service sets).
What the services check against the database (owner and linked records exist) holds by
construction here: the demo links only records it has just written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from desk_crm.domain.activities import LINK_FIELDS, ActivityDraft, validate_activity
from desk_crm.domain.drafts import AccountDraft, ContactDraft, validate_account, validate_contact
from desk_crm.services.accounts import account_columns
from desk_crm.services.contacts import contact_columns
from desk_crm.services.context import ServiceContext
from desk_crm.services.records import ContactRecord
from desk_crm.store.bulk import BulkWriter
from desk_crm.store.models import Account, Contact
from desk_crm.store.sales_models import Activity
from desk_crm.store.types import utc_now


def write_accounts(context: ServiceContext, drafts: Sequence[AccountDraft]) -> list[str]:
    """Insert validated *drafts* as new accounts; their ids in order."""
    if not drafts:
        return []
    with context.write() as session:
        writer = BulkWriter(session, Account)
        ids = [writer.stage_insert(account_columns(validate_account(draft,
                                                                    context.default_region)))
               for draft in drafts]
        writer.flush()
    return ids


def write_contacts(context: ServiceContext,
                   drafts: Sequence[ContactDraft]) -> list[ContactRecord]:
    """Insert validated *drafts* as new contacts; their records in order."""
    if not drafts:
        return []
    now = utc_now()
    records = []
    with context.write() as session:
        writer = BulkWriter(session, Contact)
        for draft in drafts:
            clean = validate_contact(draft, context.default_region)
            columns = contact_columns(clean)
            record_id = writer.stage_insert(columns)
            records.append(ContactRecord(
                id=record_id, version=1, draft=clean, display_name=columns["display_name"],
                account_name="", owner_name="", created_at=now, updated_at=now,
                deleted=False))
        writer.flush()
    return records


def activity_columns(clean: ActivityDraft, done_at: datetime | None) -> dict[str, Any]:
    """The fields ActivityService.save sets on a new, non-recurring activity."""
    columns: dict[str, Any] = {
        "kind": clean.kind, "subject": clean.subject, "notes": clean.notes,
        "due_at": clean.due_at, "duration_minutes": clean.duration_minutes,
        "remind_at": clean.remind_at, "recurrence": clean.recurrence,
        "owner_id": clean.owner_id, "done_at": done_at if clean.done else None,
    }
    for field in LINK_FIELDS:
        columns[field] = getattr(clean, field)
    return columns


def write_activities(context: ServiceContext,
                     drafts: Sequence[tuple[ActivityDraft, datetime | None]]) -> list[str]:
    """Insert new one-off activities, each (draft, when it was done); ids in order.
    Recurring ones go through ActivityService.save (their series and next occurrence)."""
    if not drafts:
        return []
    with context.write() as session:
        writer = BulkWriter(session, Activity)
        ids = []
        for draft, done_at in drafts:
            clean = validate_activity(draft)
            if clean.recurrence:
                raise ValueError("recurring activities are saved through ActivityService")
            ids.append(writer.stage_insert(activity_columns(clean, done_at or utc_now())))
        writer.flush()
    return ids
