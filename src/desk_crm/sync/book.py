"""The engine's bookkeeping in the local store: links (id map, version, base copy), the
push journal, settled change-log rows, the issue queue and the run log. Each method is one
short transaction of its own, so what is recorded survives a crash of the next step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desk_crm.store.models import ChangeLogEntry
from desk_crm.store.sync_models import SyncIssue, SyncLink, SyncPush, SyncRun
from desk_crm.store.types import utc_now
from desk_crm.sync import local, outbox
from desk_crm.sync.protocol import RemoteRecord

OUTCOMES = ("created", "updated", "deleted", "unchanged")
PUSH, PULL = "push", "pull"


@dataclass
class SyncReport:
    """What one run did. ``pushed``/``pulled`` count records that changed on the other side
    (created, updated or deleted there); records seen but equal count as ``unchanged`` in
    ``counts`` only. ``counts`` maps ``"pull:contact"`` (direction, entity) to
    ``{"created": n, "updated": n, "deleted": n, "unchanged": n}``."""

    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: int = 0
    status: str = "running"
    message: str = ""
    entities: dict[str, int] = field(default_factory=dict)   # entity -> pulled changes
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    # Custom fields the server has no place for: "contact.key (money)" (sync.custom_sync).
    local_fields: list[str] = field(default_factory=list)

    def count(self, direction: str, entity: str, outcome: str, n: int = 1) -> None:
        per = self.counts.setdefault(f"{direction}:{entity}", dict.fromkeys(OUTCOMES, 0))
        per[outcome] += n
        if outcome == "unchanged":
            return
        if direction == PUSH:
            self.pushed += n
        else:
            self.pulled += n
            self.entities[entity] = self.entities.get(entity, 0) + n

    def outcome(self, direction: str, entity: str, outcome: str) -> int:
        return self.counts.get(f"{direction}:{entity}", {}).get(outcome, 0)


class SyncBook:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    def store_pushed(self, names: tuple[str, ...], entity: str, record_id: str,
                     remote: RemoteRecord, sent: Mapping[str, Any], last_seq: int,
                     keys: list[str]) -> None:
        """The server took our write: new base copy and version, rows settled, journal
        done — one transaction."""
        self.store_pushed_many(names, entity, [(record_id, remote, sent, last_seq, keys)])

    def store_pushed_many(self, names: tuple[str, ...], entity: str,
                          pushed: Sequence[tuple[str, RemoteRecord, Mapping[str, Any], int,
                                                 list[str]]]) -> None:
        """store_pushed for a batch of (record_id, remote, sent, last_seq, keys), in one
        transaction."""
        with self._factory() as session, session.begin():
            links = {link.record_id: link for link in session.scalars(select(SyncLink).where(
                SyncLink.entity == entity,
                SyncLink.record_id.in_([p[0] for p in pushed])))}
            for record_id, remote, sent, last_seq, keys in pushed:
                theirs = local.canonical({k: v for k, v in remote.fields.items()
                                          if k in names})
                link = links.get(record_id)
                # An update may answer with the written fields only: the rest of the base
                # stays.
                earlier = dict(link.base) if link is not None else {}
                base = {**earlier, **theirs, **{k: v for k, v in sent.items() if k in names}}
                if link is None:
                    session.add(SyncLink(entity=entity, record_id=record_id,
                                         remote_id=remote.remote_id,
                                         remote_version=remote.version,
                                         base=base, synced_at=utc_now()))
                else:
                    # A record re-created after a hard delete there gets a new remote id.
                    link.remote_id = remote.remote_id
                    link.base, link.remote_version = base, remote.version
                    link.remote_deleted, link.force_push = False, False
                    link.synced_at = utc_now()
                outbox.mark_synced(session, entity, record_id, last_seq)
                self.finish_journal(session, keys, remote.remote_id)

    def store_deleted(self, entity: str, record_id: str, last_seq: int, key: str) -> None:
        with self._factory() as session, session.begin():
            link = link_of(session, entity, record_id)
            if link is not None:
                link.remote_deleted, link.force_push = True, False
            outbox.mark_synced(session, entity, record_id, last_seq)
            self.finish_journal(session, [key], None)

    def settle(self, entity: str, record_id: str, last_seq: int) -> None:
        with self._factory() as session, session.begin():
            outbox.mark_synced(session, entity, record_id, last_seq)
            link = link_of(session, entity, record_id)
            if link is not None:
                link.force_push = False

    def journal(self, key: str, entity: str, record_id: str, operation: str) -> None:
        self.journal_many([(key, entity, record_id, operation)])

    def journal_many(self, entries: Sequence[tuple[str, str, str, str]]) -> None:
        """(key, entity, record_id, operation) marked sent — on disk before the request
        leaves, one commit for a whole batch."""
        with self._factory() as session, session.begin():
            known = {p.key: p for p in session.scalars(select(SyncPush).where(
                SyncPush.key.in_([e[0] for e in entries])))}
            for key, entity, record_id, operation in entries:
                push = known.get(key)
                if push is None:
                    session.add(SyncPush(key=key, entity=entity, record_id=record_id,
                                         operation=operation, state="sent",
                                         sent_at=utc_now()))
                else:
                    push.entity, push.record_id, push.operation = entity, record_id, operation
                    push.state, push.sent_at, push.done_at = "sent", utc_now(), None

    def finish_journal(self, session: Session, keys: list[str], remote_id: str | None) -> None:
        for key in keys:
            push = session.get(SyncPush, key)
            if push is not None:
                push.state, push.done_at = "done", utc_now()
                push.remote_id = remote_id

    def close_journal(self, keys: list[str]) -> None:
        with self._factory() as session, session.begin():
            self.finish_journal(session, keys, None)

    def reject(self, entity: str, record_id: str, message: str, key: str) -> None:
        with self._factory() as session, session.begin():
            row = local.load_row(session, entity, record_id)
            if _open_rejection(session, entity, record_id, None, message) is None:
                session.add(SyncIssue(kind="rejected", entity=entity, record_id=record_id,
                                      title=local.title_of(row) if row is not None
                                      else record_id,
                                      message=message, created_at=utc_now()))
            push = session.get(SyncPush, key)
            if push is not None:
                push.state, push.done_at = "failed", utc_now()

    def start_run(self, server: str) -> int:
        with self._factory() as session, session.begin():
            run = SyncRun(server=server, started_at=utc_now(), status="running",
                          pushed=0, pulled=0, conflicts=0, rejected=0, message="")
            session.add(run)
            session.flush()
            return run.pk

    def finish_run(self, run_pk: int, report: SyncReport) -> None:
        with self._factory() as session, session.begin():
            run = session.get(SyncRun, run_pk)
            if run is not None:
                run.finished_at, run.status = utc_now(), report.status
                run.pushed, run.pulled = report.pushed, report.pulled
                run.conflicts, run.rejected = report.conflicts, report.rejected
                run.counts = {k: dict(v) for k, v in report.counts.items()}
                run.message = report.message[:2000]


def link_of(session: Session, entity: str, record_id: str) -> SyncLink | None:
    return session.scalars(select(SyncLink).where(
        SyncLink.entity == entity, SyncLink.record_id == record_id)).one_or_none()

def link_by_remote(session: Session, entity: str, remote_id: str) -> SyncLink | None:
    return session.scalars(select(SyncLink).where(
        SyncLink.entity == entity, SyncLink.remote_id == remote_id)).one_or_none()

def open_issue(session: Session, entity: str, record_id: str) -> SyncIssue | None:
    return session.scalars(select(SyncIssue).where(
        SyncIssue.entity == entity, SyncIssue.record_id == record_id,
        SyncIssue.status == "open")).first()

def blocked(session: Session) -> set[tuple[str, str]]:
    """Records the push leaves alone: open conflicts, and refused records nobody has
    edited since the refusal. An edit after a refusal (the user corrected the record)
    closes the refusal and lets the record go out again."""
    out: set[tuple[str, str]] = set()
    for issue in session.scalars(select(SyncIssue).where(SyncIssue.status == "open")):
        if issue.kind == "rejected" and issue.record_id:
            edited = session.scalar(select(func.max(ChangeLogEntry.at)).where(
                ChangeLogEntry.entity == issue.entity,
                ChangeLogEntry.record_id == issue.record_id,
                ChangeLogEntry.sync_state == "pending"))
            if edited is not None and edited > issue.created_at:
                issue.status, issue.resolved_at = "resolved", utc_now()
                continue
        out.add((issue.entity, issue.record_id))
    session.commit()
    return out


def queue_pull_rejection(session: Session, entity: str, record: RemoteRecord,
                         message: str, record_id: str | None = None) -> bool:
    """A server record the local rules refused: queued with their message — once. The same
    record refused for the same reason on the next pull (a full scan reads it every time)
    keeps its one open issue; False when it was queued already."""
    if _open_rejection(session, entity, record_id or "", str(record.remote_id),
                       message) is not None:
        return False
    session.add(SyncIssue(kind="rejected", entity=entity,
                          record_id=record_id or "", title=str(record.remote_id),
                          message=message, created_at=utc_now(),
                          fields={"remote_id": {"theirs": record.remote_id}}))
    return True


def _open_rejection(session: Session, entity: str, record_id: str, title: str | None,
                    message: str) -> SyncIssue | None:
    """The open refusal of this record for this cause, if one is queued. A pulled record
    not stored here has no local id: its remote id (the issue's title) names it."""
    # The caller's pending issues count too (a page may hold the same record twice).
    for pending in session.new:
        if (isinstance(pending, SyncIssue) and pending.kind == "rejected"
                and pending.entity == entity and pending.record_id == record_id
                and (title is None or pending.title == title) and pending.message == message):
            return pending
    query = select(SyncIssue).where(
        SyncIssue.status == "open", SyncIssue.kind == "rejected", SyncIssue.entity == entity,
        SyncIssue.record_id == record_id, SyncIssue.message == message)
    if title is not None:
        query = query.where(SyncIssue.title == title)
    return session.scalars(query.limit(1)).first()


def close_pull_rejections(session: Session, entity: str, remote_ids: set[str]) -> None:
    """Records refused on an earlier pull that were stored now (the server or the local
    rules changed): their issues are settled."""
    if not remote_ids:
        return
    for issue in session.scalars(select(SyncIssue).where(
            SyncIssue.status == "open", SyncIssue.kind == "rejected",
            SyncIssue.entity == entity, SyncIssue.record_id == "")):
        if issue.title in remote_ids:
            issue.status, issue.resolved_at = "resolved", utc_now()
