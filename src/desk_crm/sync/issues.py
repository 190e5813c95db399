"""The conflict / rejection queue and what the status bar and history show.

Resolving writes through the normal service path (the user's actor, so the change-log rows
are ``pending``) and flags the link ``force_push``: the next push compares the record with
the base copy (the server's values) and sends whatever differs — "keep mine" sends mine,
"take theirs" sends nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from desk_crm.domain.entities import CUSTOMIZABLE, ENTITIES
from desk_crm.domain.fields import FieldDef
from desk_crm.services.context import ServiceContext
from desk_crm.services.custom_fields import CustomFieldService
from desk_crm.store.sync_models import SyncIssue, SyncLink, SyncRun
from desk_crm.store.types import utc_now
from desk_crm.sync import local, outbox
from desk_crm.sync.merge import DELETED

MINE, THEIRS = "mine", "theirs"


@dataclass(frozen=True)
class IssueRecord:
    pk: int
    kind: str               # conflict / rejected
    entity: str
    record_id: str
    title: str
    fields: dict[str, dict[str, Any]]   # field -> {"base", "mine", "theirs"}
    message: str
    created_at: datetime


@dataclass(frozen=True)
class RunRecord:
    pk: int
    server: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    pushed: int
    pulled: int
    conflicts: int
    rejected: int
    message: str
    # "pull:contact" -> {"created", "updated", "deleted", "unchanged"}; empty for runs
    # recorded before migration 0017.
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class SyncStatus:
    pending: int
    open_issues: int
    last_run: RunRecord | None


class SyncIssues:
    def __init__(self, context: ServiceContext,
                 entities: tuple[str, ...] = ("account", "contact", "opportunity")) -> None:
        self._context = context
        self._entities = entities

    def open_issues(self) -> list[IssueRecord]:
        with self._context.read() as session:
            rows = session.scalars(select(SyncIssue).where(SyncIssue.status == "open")
                                   .order_by(SyncIssue.pk)).all()
            return [_issue(row) for row in rows]

    def get(self, pk: int) -> IssueRecord:
        with self._context.read() as session:
            row = session.get(SyncIssue, pk)
            if row is None:
                raise LookupError(pk)
            return _issue(row)

    def status(self, *, count_pending: bool = True) -> SyncStatus:
        """*count_pending* False skips the outbox count (before the first connection every
        record ever written is pending, and counting them on each save costs)."""
        with self._context.read() as session:
            issues = session.scalar(select(func.count()).select_from(SyncIssue)
                                    .where(SyncIssue.status == "open")) or 0
            last = session.scalars(select(SyncRun).order_by(SyncRun.pk.desc()).limit(1)).first()
            pending = outbox.count_pending(session, self._entities) if count_pending else 0
            return SyncStatus(pending, int(issues),
                              _run(last) if last is not None else None)

    def history(self, limit: int = 200) -> list[RunRecord]:
        with self._context.read() as session:
            rows = session.scalars(select(SyncRun).order_by(SyncRun.pk.desc()).limit(limit))
            return [_run(row) for row in rows]

    def custom_fields(self, entity: str) -> dict[str, FieldDef]:
        """The entity's custom fields by their sync name (``custom.<key>``), archived ones
        too: what a conflict on one is titled by."""
        if entity not in CUSTOMIZABLE:
            return {}
        return {local.CUSTOM_PREFIX + f.key: f for f in CustomFieldService(
            self._context).definitions(entity, include_archived=True)}

    def resolve(self, pk: int, choices: Mapping[str, Any]) -> None:
        """*choices*: field -> MINE, THEIRS, or ("value", v) for an edited value."""
        with self._context.write() as session:
            issue = session.get(SyncIssue, pk)
            if issue is None or issue.status != "open":
                raise LookupError(pk)
            link = session.scalars(select(SyncLink).where(
                SyncLink.entity == issue.entity,
                SyncLink.record_id == issue.record_id)).one_or_none()
            row = local.load_row(session, issue.entity, issue.record_id)
            if issue.kind == "conflict" and link is not None and row is not None:
                if DELETED in issue.fields:
                    self._resolve_deletion(session, issue, link, row, choices.get(DELETED, MINE))
                else:
                    values: dict[str, Any] = {}
                    for name, values_of in issue.fields.items():
                        choice = choices.get(name, MINE)
                        if choice == THEIRS:
                            values[name] = values_of.get("theirs")
                        elif isinstance(choice, tuple):
                            values[name] = choice[1]
                    if values:
                        local.apply_fields(self._context, session, issue.entity,
                                           issue.record_id,
                                           _localize(session, issue.entity, values))
                link.force_push = True
            elif link is not None:
                link.force_push = True  # a rejection: try again with what we have now
            issue.status, issue.resolved_at = "resolved", utc_now()

    def _resolve_deletion(self, session: Any, issue: SyncIssue, link: SyncLink, row: Any,
                          choice: Any) -> None:
        deleted_here = bool(issue.fields[DELETED].get("mine"))
        if choice != THEIRS:
            return  # keep mine: the push restores on the server, or deletes there
        if deleted_here:
            row.deleted_at = None
            session.flush()
            local.apply_fields(self._context, session, issue.entity, issue.record_id,
                               _localize(session, issue.entity, link.base))
        else:
            row.deleted_at = utc_now()


def _localize(session: Any, entity: str, values: Mapping[str, Any]) -> dict[str, Any]:
    # Conflict values of references are remote ids; the local record needs local ids.
    out = dict(values)
    for target in ENTITIES[entity].links:
        key = f"{target}_id"
        if not out.get(key):
            continue
        link = session.scalars(select(SyncLink).where(
            SyncLink.entity == target, SyncLink.remote_id == str(out[key]))).one_or_none()
        out[key] = link.record_id if link is not None else None
    return out


def _issue(row: SyncIssue) -> IssueRecord:
    return IssueRecord(row.pk, row.kind, row.entity, row.record_id, row.title,
                       dict(row.fields or {}), row.message, row.created_at)


def _run(row: SyncRun) -> RunRecord:
    return RunRecord(row.pk, row.server, row.started_at, row.finished_at, row.status,
                     row.pushed, row.pulled, row.conflicts, row.rejected, row.message,
                     dict(row.counts or {}))
