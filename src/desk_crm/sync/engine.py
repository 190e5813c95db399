"""The sync engine: push the outbox, then pull each entity's changes, merging three-way.

Guarantees (DESIGN.md "Sync"):
* push before pull, so a pull never sees our own edits as foreign;
* a push is journalled (``sync_push``) before the request leaves; an entry still ``sent``
  on the next run means the answer was lost or the app died, and the record is looked up
  on the server (idempotency key, then natural key) instead of being created twice;
* each pulled page is applied together with its cursor in one transaction, through the
  services' write code, with the change-log rows it writes marked ``synced``;
* a pull never overwrites an unpushed local edit: the merge keeps fields only we changed and
  queues fields both sides changed differently as conflicts;
* TransientError is retried with exponential back-off and jitter; RejectedError queues the
  record with the server's message; AuthError ends the run for a credentials prompt.
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desk_crm.domain.errors import ValidationErrors
from desk_crm.services.context import ServiceContext
from desk_crm.store.models import new_id
from desk_crm.store.sync_models import SyncCursor, SyncIssue, SyncLink, SyncPush
from desk_crm.store.types import utc_now
from desk_crm.sync import book, bulk_pull, local, outbox
from desk_crm.sync.book import PULL, PUSH, SyncBook, SyncReport
from desk_crm.sync.custom_sync import agree_definitions
from desk_crm.sync.merge import DELETED, MergeResult, changed_fields, merge_record
from desk_crm.sync.progress import ProgressCallback
from desk_crm.sync.protocol import (
    KEY_FIELD,
    Adapter,
    AuthError,
    ChangePage,
    CreatesMany,
    FindsByIdempotencyKey,
    HoldsCustomFields,
    NotFoundError,
    RejectedError,
    RemoteRecord,
    StaleVersionError,
    TransientError,
)

T = TypeVar("T")
SYNC_ACTOR = "sync"
RECONCILED = "reconciled:"   # SyncCursor row per entity: when the id check last ran
RECONCILE_CHUNK = 1000       # linked ids per existence check
# First pushes per create call (adapters that take lists). Tryton stores ~20-60 parties a
# second on a busy machine: 100 keeps one call well inside the 30 s request timeout.
CREATE_BATCH = 100
_REFUSED = MergeResult({}, {}, {})  # _apply_remote's answer for a record the rules refused


class SyncCancelled(Exception):
    """The user pressed Cancel; every finished step is kept."""


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    base_delay: float = 0.5      # seconds; doubles each attempt
    max_delay: float = 30.0


class SyncEngine:
    def __init__(self, session_factory: sessionmaker[Session], adapter: Adapter, *,
                 server: str = "", page_size: int = 200, retry: RetryPolicy | None = None,
                 sleep: Callable[[float], None] = time.sleep, seed: int | None = None,
                 default_region: str = "CN",
                 progress: ProgressCallback | None = None,
                 full: bool = False,
                 reconcile_every: timedelta | None = timedelta(hours=1),
                 entities: tuple[str, ...] | None = None) -> None:
        self._factory = session_factory
        self._adapter = adapter
        self._context = ServiceContext(session_factory, SYNC_ACTOR, default_region)
        self._server = server or adapter.name
        self._page_size = page_size
        self._retry = retry or RetryPolicy()
        self._sleep = sleep
        self._random = random.Random(seed)
        self._progress = progress or (lambda _step, _n, _total: None)
        self._book = SyncBook(session_factory)
        self.cancel_event = threading.Event()
        self._copies: list[tuple[str, str, str | None]] = []
        self._answer_lost: set[str] = set()  # records whose create was journalled unanswered
        # full: read every record again from the start (cursors ignored) and check every
        # linked id against the server ("Full rescan"). reconcile_every: how often the
        # cheap id check runs on its own for servers whose hard deletes leave no trace in
        # a change list (None: only on a full rescan).
        self._full = full
        self._reconcile_every = reconcile_every
        # A subset of the adapter's entities (command line --entity); dependency order kept.
        self._only = entities

    # -- the run -------------------------------------------------------------------------
    def run(self) -> SyncReport:
        report = SyncReport()
        run_pk = self._book.start_run(self._server)
        try:
            if isinstance(self._adapter, HoldsCustomFields):
                report.local_fields = self._call(partial(
                    agree_definitions, self._context, self._adapter, self.entities()))
            self.push(report)
            self.pull(report)
            report.status = "ok"
        except SyncCancelled:
            report.status, report.message = "cancelled", "cancelled"
        except AuthError as exc:
            report.status, report.message = "auth", str(exc)
            raise
        except TransientError as exc:
            report.status, report.message = "offline", str(exc)
            raise
        except Exception as exc:
            report.status, report.message = "failed", f"{type(exc).__name__}: {exc}"
            raise
        finally:
            self._book.finish_run(run_pk, report)
        return report

    def cancel(self) -> None:
        self.cancel_event.set()

    # -- push ----------------------------------------------------------------------------
    def entities(self) -> tuple[str, ...]:
        """The entities this run syncs, in the adapter's dependency order."""
        every = self._adapter.entities()
        if self._only is None:
            return every
        return tuple(e for e in every if e in self._only)

    def push(self, report: SyncReport) -> None:
        entities = self.entities()
        with self._factory() as session:
            items = outbox.pending(session, entities)
            blocked = book.blocked(session)
        batch: list[outbox.OutboxItem] = []
        for done, item in enumerate(items):
            self._check_cancel()
            self._progress("push", done, len(items))
            if (item.entity, item.record_id) in blocked:
                continue
            if not isinstance(self._adapter, CreatesMany):
                self._push_record(item, report)
                continue
            # Items come per entity in dependency order, so a batch never holds a record
            # whose reference (an opportunity's account) is still waiting in it.
            if batch and (batch[0].entity != item.entity or len(batch) >= CREATE_BATCH):
                self._push_batch(batch, report)
                batch = []
            batch.append(item)
        if batch:
            self._push_batch(batch, report)

    def _push_batch(self, items: list[outbox.OutboxItem], report: SyncReport) -> None:
        """First pushes of one entity go out as one create call (one journal commit before
        it, one commit after); everything else goes through _push_record in order."""
        entity = items[0].entity
        names = self._adapter.fields(entity)
        creates: list[tuple[outbox.OutboxItem, dict[str, Any], list[str]]] = []
        singles: list[outbox.OutboxItem] = []
        with self._factory() as session:
            ids = [i.record_id for i in items]
            linked = set(session.scalars(select(SyncLink.record_id).where(
                SyncLink.entity == entity, SyncLink.record_id.in_(ids))))
            sent: dict[str, list[SyncPush]] = {}
            for push in session.scalars(select(SyncPush).where(
                    SyncPush.entity == entity, SyncPush.record_id.in_(ids),
                    SyncPush.state == "sent")):
                sent.setdefault(push.record_id, []).append(push)
            for item in items:
                stale = sent.get(item.record_id, [])
                if item.record_id in linked or any(p.operation != "create" for p in stale):
                    singles.append(item)
                    continue
                row = local.load_row(session, entity, item.record_id)
                if row is None or local.is_deleted(row):
                    singles.append(item)  # gone, or settled without a call
                    continue
                mine = self._outgoing(session, entity, local.read_fields(row, names))
                keys = [push_key(item)] + [k for k in [legacy_push_key(item)]
                                           + [p.key for p in stale] if k]
                creates.append((item, mine, list(dict.fromkeys(keys))))
                if stale:
                    self._answer_lost.add(item.record_id)
        if creates:
            self._create_batch(entity, creates, report)
        for item in singles:
            self._push_record(item, report)

    def _create_batch(self, entity: str,
                      creates: list[tuple[outbox.OutboxItem, dict[str, Any], list[str]]],
                      report: SyncReport) -> None:
        adapter = self._adapter
        assert isinstance(adapter, CreatesMany)
        self._book.journal_many([(keys[0], entity, item.record_id, "create")
                                 for item, _mine, keys in creates])
        request = [(local.to_domain(mine), keys) for _item, mine, keys in creates]
        try:
            # Safe to retry: the adapter finds what an attempt whose answer was lost made.
            answers = self._call(partial(adapter.create_many, entity, request))
        except RejectedError:
            # The server refused the list as a whole: one by one, so only the refused
            # record is queued (their journal entries send them through recovery first).
            for item, _mine, _keys in creates:
                self._push_record(item, report)
            return
        stored = []
        for (item, mine, keys), (remote, made) in zip(creates, answers, strict=True):
            stored.append((item.record_id, remote, mine if made else {}, item.last_seq, keys))
            if made:
                report.count(PUSH, entity, "created")
        self._book.store_pushed_many(self._adapter.fields(entity), entity, stored)
        for (item, mine, _keys), (remote, made) in zip(creates, answers, strict=True):
            if made:
                continue
            if item.record_id in self._answer_lost:
                # Sent from here and the answer lost: ours is the newer state, and the
                # difference goes out as an update.
                if changed_fields(self._norm(self._incoming(entity, remote)), mine):
                    self._update(entity, item.record_id, item, report, mine, False)
            else:
                self._merge_adopted(entity, item.record_id, remote, report)

    def _merge_adopted(self, entity: str, record_id: str, remote: RemoteRecord,
                       report: SyncReport) -> None:
        """A record the server holds under this record's key (or natural key) that no
        journal entry here sent: pushed from a copy of this database we no longer have —
        a backup restored since. Which side is newer is unknown, so there is no base:
        equal fields agree, fields that differ go to the conflict queue."""
        with self._context.write() as session:
            link = book.link_of(session, entity, record_id)
            assert link is not None
            link.base, link.remote_version = {}, None
            self._apply_remote(session, entity, remote, report)
            outbox.mark_mutation_synced(session)

    def _push_record(self, item: outbox.OutboxItem, report: SyncReport) -> None:
        entity, record_id = item.entity, item.record_id
        names = self._adapter.fields(entity)
        with self._factory() as session:
            row = local.load_row(session, entity, record_id)
            link = book.link_of(session, entity, record_id)
            if row is None:
                return
            mine = self._outgoing(session, entity, local.read_fields(row, names))
            mine_deleted = local.is_deleted(row)
            stale_send = session.scalars(select(SyncPush).where(
                SyncPush.entity == entity, SyncPush.record_id == record_id,
                SyncPush.state == "sent")).all()
            link_state = None if link is None else (link.remote_id, link.remote_version,
                                                    dict(link.base), link.remote_deleted)
        if link_state is None:
            if mine_deleted:  # created and deleted before the server ever saw it
                self._book.settle(entity, record_id, item.last_seq)
                return
            remote = self._recover_create(entity, stale_send, mine)
            recovered = remote is not None
            if remote is None:
                key = push_key(item)
                self._book.journal(key, entity, record_id, "create")
                try:
                    remote = self._create(entity, mine, key)
                except RejectedError as exc:
                    # A server without idempotency keys refuses a second copy of a record
                    # with a unique natural key (django-crm: e-mail, name): pushed from a
                    # backup restored since, it is found and linked, not queued.
                    adopted = self._unlinked_by_natural_key(entity, mine)
                    if adopted is None:
                        self._book.reject(entity, record_id, exc.message, key)
                        report.rejected += 1
                        return
                    self._book.store_pushed(self._adapter.fields(entity), entity, record_id,
                                            adopted, {}, item.last_seq, [key])
                    self._merge_adopted(entity, record_id, adopted, report)
                    return
                report.count(PUSH, entity, "created")
            # A recovered create may hold an older state than ours: its base is what the
            # server has, and the difference goes out as an update right away.
            self._book.store_pushed(self._adapter.fields(entity), entity, record_id, remote,
                                    {} if recovered else mine, item.last_seq,
                                    [p.key for p in stale_send])
            if recovered and changed_fields(self._norm(self._incoming(entity, remote)), mine):
                self._update(entity, record_id, item, report, mine, False)
            return
        self._book.close_journal([p.key for p in stale_send])
        self._update(entity, record_id, item, report, mine, mine_deleted)

    def _update(self, entity: str, record_id: str, item: outbox.OutboxItem,
                report: SyncReport, mine: dict[str, Any], mine_deleted: bool) -> None:
        for _attempt in range(4):
            with self._factory() as session:
                link = book.link_of(session, entity, record_id)
                assert link is not None
                remote_id, version, base = link.remote_id, link.remote_version, dict(link.base)
                remote_deleted = link.remote_deleted
            key = str(uuid.uuid4())
            try:
                if mine_deleted:
                    if remote_deleted:
                        self._book.settle(entity, record_id, item.last_seq)
                        return
                    self._book.journal(key, entity, record_id, "delete")
                    self._call(partial(self._adapter.delete, entity, remote_id,
                                       expected_version=version))
                    self._book.store_deleted(entity, record_id, item.last_seq, key)
                    report.count(PUSH, entity, "deleted")
                    return
                if remote_deleted and self._adapter.capabilities.hard_deletes:
                    # Kept here, hard-deleted there: nothing is left to restore on the
                    # server, so the record is created anew and linked to its new id.
                    self._recreate(entity, record_id, item, report, mine)
                    return
                changes = changed_fields(self._norm(self._agreed(entity, base)), mine)
                if remote_deleted:
                    changes = dict(mine)  # a restore sends the whole record
                if not changes:
                    self._book.settle(entity, record_id, item.last_seq)
                    report.count(PUSH, entity, "unchanged")
                    return
                self._book.journal(key, entity, record_id, "update")
                remote = self._call(partial(self._adapter.update, entity, remote_id,
                                            local.to_domain(changes), expected_version=version))
                self._book.store_pushed(self._adapter.fields(entity), entity, record_id,
                                        remote, mine, item.last_seq, [key])
                report.count(PUSH, entity, "updated")
                return
            except StaleVersionError:
                theirs = self._fetch_or_gone(entity, remote_id)
                self._book.close_journal([key])
                result = self._merge_into_local(entity, record_id, theirs, report)
                if result is None or not result.clean:
                    return  # a conflict: the record waits in the queue
                if result.deleted and theirs.deleted:
                    self._book.settle(entity, record_id, item.last_seq)
                    return
                with self._factory() as session:
                    row = local.load_row(session, entity, record_id)
                    assert row is not None
                    mine = self._outgoing(session, entity,
                                          local.read_fields(row, self._adapter.fields(entity)))
                    mine_deleted = local.is_deleted(row)
                # next attempt: against the version just merged
            except NotFoundError:
                self._book.close_journal([key])
                if remote_deleted and not mine_deleted:
                    # Known gone there (a hard delete found by the id check) and kept
                    # here by the user's "keep mine": nothing to restore, so create anew.
                    self._recreate(entity, record_id, item, report, mine)
                    return
                gone = RemoteRecord(entity, remote_id, base, None, deleted=True)
                self._merge_into_local(entity, record_id, gone, report)
                return
            except RejectedError as exc:
                self._book.reject(entity, record_id, exc.message, key)
                report.rejected += 1
                return

    def _recreate(self, entity: str, record_id: str, item: outbox.OutboxItem,
                  report: SyncReport, mine: dict[str, Any]) -> None:
        """Create again a record the server hard-deleted while we kept it (keep mine on a
        delete-vs-edit conflict). A lost answer of an earlier attempt is found by natural
        key first, so the record is not made twice."""
        remote: RemoteRecord | None = None
        natural = self._adapter.natural_key(entity, local.to_domain(mine))
        if natural is not None:
            remote = self._call(lambda: self._adapter.find_by_natural_key(entity, natural))
        key = push_key(item)
        if remote is None:
            self._book.journal(key, entity, record_id, "create")
            try:
                remote = self._create(entity, mine, key)
            except RejectedError as exc:
                self._book.reject(entity, record_id, exc.message, key)
                report.rejected += 1
                return
            report.count(PUSH, entity, "created")
            self._book.store_pushed(self._adapter.fields(entity), entity, record_id, remote,
                                    mine, item.last_seq, [key])
            return
        # Found, not made: its base is what the server has; our difference goes out now.
        self._book.store_pushed(self._adapter.fields(entity), entity, record_id, remote,
                                {}, item.last_seq, [])
        if changed_fields(self._norm(self._incoming(entity, remote)), mine):
            self._update(entity, record_id, item, report, mine, False)

    def _create(self, entity: str, mine: dict[str, Any], key: str) -> RemoteRecord:
        """A create is not safe to resend blindly: after a failed attempt, look for the
        record first (the server may have stored it and lost only the answer)."""
        policy = self._retry
        for attempt in range(policy.attempts):
            self._check_cancel()
            if attempt:
                found = self._recover_create(entity, [_sent(key)], mine)
                if found is not None:
                    return found
            try:
                return self._adapter.create(entity, local.to_domain(mine), idempotency_key=key)
            except TransientError:
                if attempt == policy.attempts - 1:
                    raise
                self._backoff(attempt)
        raise AssertionError("unreachable")

    def _unlinked_by_natural_key(self, entity: str,
                                 mine: Mapping[str, Any]) -> RemoteRecord | None:
        """The server's record with this record's natural key, unless another local
        record is linked to it already (two records here with one e-mail stay two)."""
        natural = self._adapter.natural_key(entity, local.to_domain(mine))
        if natural is None:
            return None
        found = self._call(partial(self._adapter.find_by_natural_key, entity, natural))
        if found is None:
            return None
        with self._factory() as session:
            if book.link_by_remote(session, entity, found.remote_id) is not None:
                return None
        return found

    def _recover_create(self, entity: str, stale: Sequence[SyncPush],
                        mine: Mapping[str, Any]) -> RemoteRecord | None:
        """A create whose answer never arrived: find what the server made of it."""
        if not any(p.operation == "create" for p in stale):
            return None
        if isinstance(self._adapter, FindsByIdempotencyKey):
            for push in stale:
                found = self._call(partial(self._adapter.find_by_idempotency_key, entity,
                                           push.key))
                if found is not None:
                    return found
        key = self._adapter.natural_key(entity, local.to_domain(mine))
        if key is None:
            return None
        return self._call(partial(self._adapter.find_by_natural_key, entity, key))

    # -- pull ----------------------------------------------------------------------------
    def pull(self, report: SyncReport) -> None:
        # One reader thread fetches the next page while this one is stored: the server's
        # time and ours overlap instead of adding up. Only the reader calls the adapter
        # while a read is in flight; the main thread touches it between pages.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-sync-read") as reader:
            for entity in self.entities():
                self._pull_entity(entity, report, reader)

    def _pull_entity(self, entity: str, report: SyncReport, reader: ThreadPoolExecutor) -> None:
        full_scan = not self._adapter.capabilities.incremental
        with self._factory() as session:
            saved = session.get(SyncCursor, entity)
            cursor = saved.cursor if saved is not None and not self._full else None
        # A full-scan server (no modified-since, hard deletes): a scan that ran from
        # the start to the end in this run saw every live record, so a linked record
        # it did not see was deleted there. A scan resumed mid-way proves nothing.
        seen: set[str] | None = set() if full_scan and cursor is None else None
        total = self._change_total(entity, cursor)
        read = 0
        self._progress("pull:" + entity, 0, total)

        def read_page(after: str | None) -> Future[ChangePage]:
            return reader.submit(self._call, partial(self._adapter.list_changes, entity,
                                                     after, self._page_size))

        upcoming: Future[ChangePage] | None = read_page(cursor)
        try:
            while upcoming is not None:
                page = upcoming.result()
                upcoming = read_page(page.cursor) if page.has_more else None
                self._check_cancel()
                if seen is not None:
                    seen.update(r.remote_id for r in page.records)
                records, deleted = list(page.records), list(page.deleted_ids)
                if seen is not None and not page.has_more:
                    # Offset paging can skip a row when another is deleted mid-scan:
                    # a presumed deletion counts only once fetch() says it is gone.
                    for remote_id in self._unseen(entity, seen):
                        try:
                            records.append(self._call(
                                partial(self._adapter.fetch, entity, remote_id)))
                        except NotFoundError:
                            deleted.append(remote_id)
                self._apply_page(entity, records, deleted, page.cursor, report)
                read += len(page.records)
                self._progress("pull:" + entity, read, max(total, read) if total else 0)
        finally:
            if upcoming is not None:  # stopped early: let the read in flight end quietly
                upcoming.cancel() or upcoming.exception()
        self._archive_copies()
        if seen is None and self._reconcile_due(entity):
            self._reconcile(entity, report)

    def _change_total(self, entity: str, cursor: str | None) -> int:
        """How many records the pull will read, for the progress's total and estimate;
        0 when the adapter cannot say (an optional ``change_total(entity, cursor)``)."""
        counter = getattr(self._adapter, "change_total", None)
        if counter is None:
            return 0
        try:
            return int(self._call(lambda: counter(entity, cursor)) or 0)
        except (RejectedError, NotFoundError):
            return 0

    # -- delete detection for servers whose hard deletes leave no trace -----------------
    def _reconcile_due(self, entity: str) -> bool:
        if getattr(self._adapter, "missing_ids", None) is None:
            return False
        if self._full:
            return True
        if self._reconcile_every is None:
            return False
        with self._factory() as session:
            last = session.get(SyncCursor, RECONCILED + entity)
            return last is None or utc_now() - last.updated_at >= self._reconcile_every

    def _reconcile(self, entity: str, report: SyncReport) -> None:
        """Ask the server which linked ids it still has (ids only: one short call per
        chunk) and treat the others as deleted there — through the same merge as any
        deletion, so a record edited here meanwhile becomes a delete-vs-edit conflict."""
        finder: Callable[[str, list[str]], list[str]] = (
            self._adapter.missing_ids)  # type: ignore[attr-defined]
        with self._factory() as session:
            linked = list(session.scalars(select(SyncLink.remote_id).where(
                SyncLink.entity == entity, SyncLink.remote_deleted.is_(False))))
            saved = session.get(SyncCursor, entity)
            cursor = saved.cursor if saved is not None else None
        for start in range(0, len(linked), RECONCILE_CHUNK):
            self._check_cancel()
            chunk = linked[start:start + RECONCILE_CHUNK]
            gone: list[str] = self._call(partial(finder, entity, chunk))
            if gone:
                self._apply_page(entity, [], gone, cursor, report)
            self._progress("reconcile:" + entity, start + len(chunk), len(linked))
        with self._factory() as session, session.begin():
            mark = session.get(SyncCursor, RECONCILED + entity)
            if mark is None:
                session.add(SyncCursor(entity=RECONCILED + entity, cursor=None,
                                       updated_at=utc_now()))
            else:
                mark.updated_at = utc_now()

    def _unseen(self, entity: str, seen: set[str]) -> list[str]:
        with self._factory() as session:
            remote_ids = session.scalars(select(SyncLink.remote_id).where(
                SyncLink.entity == entity, SyncLink.remote_deleted.is_(False))).all()
        return [r for r in remote_ids if r not in seen]

    def _apply_page(self, entity: str, records: list[RemoteRecord], deleted_ids: list[str],
                    cursor: str | None, report: SyncReport) -> None:
        with self._context.write() as session, session.no_autoflush:
            # One query for the page's links and open issues, and one flush at the end:
            # per-record look-ups would flush the unit of work before every query.
            wanted = [r.remote_id for r in records] + list(deleted_ids)
            links: dict[str, SyncLink] = {}
            for start in range(0, len(wanted), 500):
                links.update((link.remote_id, link) for link in session.scalars(
                    select(SyncLink).where(SyncLink.entity == entity,
                                           SyncLink.remote_id.in_(wanted[start:start + 500]))))
            stored: set[str] = set()
            bulk = (bulk_pull.PulledCreates(session, entity, self._context.default_region)
                    if entity in bulk_pull.ENTITIES else None)
            for record in records:
                if self._apply_remote(session, entity, record, report, links,
                                      bulk) is not _REFUSED:
                    stored.add(record.remote_id)
            if bulk is not None:
                bulk.flush()
            if self._pull_refusals(session, entity):
                book.close_pull_rejections(session, entity, stored)
            for remote_id in deleted_ids:
                link = links.get(remote_id)
                if link is not None:
                    gone = RemoteRecord(entity, remote_id, dict(link.base), None, deleted=True)
                    self._apply_remote(session, entity, gone, report, links)
            saved = session.get(SyncCursor, entity)
            if saved is None:
                session.add(SyncCursor(entity=entity, cursor=cursor, updated_at=utc_now()))
            else:
                saved.cursor, saved.updated_at = cursor, utc_now()
            outbox.mark_mutation_synced(session)

    def _pull_refusals(self, session: Session, entity: str) -> bool:
        """Whether earlier pulls refused records of *entity* not stored here (one cheap
        query per page; almost always none)."""
        return session.scalar(select(SyncIssue.pk).where(
            SyncIssue.status == "open", SyncIssue.kind == "rejected",
            SyncIssue.entity == entity, SyncIssue.record_id == "").limit(1)) is not None

    def _apply_remote(self, session: Session, entity: str, record: RemoteRecord,
                      report: SyncReport,
                      links: dict[str, SyncLink] | None = None,
                      bulk: bulk_pull.PulledCreates | None = None) -> MergeResult | None:
        """Merge one server record into the local store inside the caller's transaction.
        Local writes go through the services' write code; their validation runs before
        anything is changed, so a refused record leaves the transaction clean."""
        theirs = self._incoming_in(session, entity, record)
        if links is None:
            link = book.link_by_remote(session, entity, record.remote_id)
        else:
            link = links.get(record.remote_id)
        if link is None:
            if record.deleted:
                return None
            if self._is_copy(session, entity, record):
                self._copies.append((entity, record.remote_id, record.version))
                return None
            try:
                values = self._localize(session, entity, theirs)
                record_id = bulk.stage(values) if bulk is not None else None
                if record_id is None:
                    created = local.apply_fields(self._context, session, entity, None, values)
                    # The link needs the id before the flush assigns one.
                    record_id = created.id = created.id or new_id()
            except (ValidationErrors, LookupError) as exc:
                if book.queue_pull_rejection(session, entity, record, str(exc)):
                    report.rejected += 1
                return _REFUSED
            link = SyncLink(entity=entity, record_id=record_id, remote_id=record.remote_id,
                            remote_version=record.version, base=theirs, synced_at=utc_now())
            session.add(link)
            if links is not None:
                links[record.remote_id] = link
            report.count(PULL, entity, "created")
            return None
        if (record.version is not None and record.version == link.remote_version
                and record.deleted == link.remote_deleted):
            # The version we already merged (often our own push coming back, or the
            # cursor's overlap reading a page again).
            report.count(PULL, entity, "unchanged")
            return None
        row = local.load_row(session, entity, link.record_id)
        if row is None:
            return None
        mine = self._outgoing(session, entity,
                              local.read_fields(row, self._adapter.fields(entity)))
        open_issue = book.open_issue(session, entity, link.record_id)
        if open_issue is not None and open_issue.kind == "conflict":
            # Still waiting for the user: show the newest server values in the dialog.
            updated = dict(open_issue.fields)
            for name, values in updated.items():
                if name != DELETED:
                    updated[name] = {**values, "theirs": theirs.get(name)}
            open_issue.fields = updated
            link.base, link.remote_version = theirs, record.version
            link.remote_deleted = record.deleted
            report.count(PULL, entity, "updated")
            return None
        result = merge_record(self._norm(self._agreed(entity, link.base)), mine,
                              self._norm(theirs),
                              mine_deleted=local.is_deleted(row),
                              theirs_deleted=record.deleted)
        if result.conflicts:
            session.add(SyncIssue(
                kind="conflict", entity=entity, record_id=link.record_id,
                title=local.title_of(row), created_at=utc_now(),
                fields={c.name: {"base": c.base, "mine": c.mine, "theirs": c.theirs}
                        for c in result.conflicts}))
            report.conflicts += 1
        outcome = "unchanged"
        if result.take:
            take = self._keep_rest(entity, row, result.take)
            try:
                local.apply_fields(self._context, session, entity, link.record_id,
                                   self._localize(session, entity, take))
            except (ValidationErrors, LookupError) as exc:
                if book.queue_pull_rejection(session, entity, record, str(exc),
                                             link.record_id):
                    report.rejected += 1
                return result
            outcome = "updated"
        if result.deleted and not local.is_deleted(row):
            row.deleted_at = utc_now()
            outcome = "deleted"
        report.count(PULL, entity, outcome)
        link.base, link.remote_version = theirs, record.version
        link.remote_deleted = record.deleted
        link.synced_at = utc_now()
        return result

    def _is_copy(self, session: Session, entity: str, record: RemoteRecord) -> bool:
        """A record made by one of our creates whose original is already linked: the
        network delivered the create twice (or late, after a retry)."""
        key = record.fields.get(KEY_FIELD)
        if not key:
            return False
        push = session.get(SyncPush, str(key))
        if push is None:
            return False
        original = book.link_of(session, entity, push.record_id)
        return original is not None and original.remote_id != record.remote_id

    def _archive_copies(self) -> None:
        copies, self._copies = self._copies, []
        for entity, remote_id, version in copies:
            try:
                self._call(partial(self._adapter.delete, entity, remote_id,
                                   expected_version=version))
            except (StaleVersionError, NotFoundError, RejectedError):
                pass  # someone else touched the copy: leave it to a human

    def _merge_into_local(self, entity: str, record_id: str, theirs: RemoteRecord,
                          report: SyncReport) -> MergeResult | None:
        with self._context.write() as session:
            result = self._apply_remote(session, entity, theirs, report)
            outbox.mark_mutation_synced(session)
        return result

    # -- references: local ids <-> remote ids --------------------------------------------
    def _first_only(self, entity: str) -> tuple[str, ...]:
        """List fields of which the server keeps only the first element (django-crm: one
        e-mail, one phone); adapters declare them in an optional ``first_only`` mapping."""
        return tuple(getattr(self._adapter, "first_only", {}).get(entity, ()))

    def _keep_rest(self, entity: str, row: Any, take: dict[str, Any]) -> dict[str, Any]:
        """For first-only fields, what the server sent replaces the first element; the
        local rest stays."""
        names = [n for n in self._first_only(entity) if n in take]
        if not names:
            return take
        current = local.read_fields(row, tuple(names))
        out = dict(take)
        for name in names:
            head = list(take[name] or [])[:1]
            out[name] = head + [v for v in (current[name] or [])[1:] if v not in head]
        return out

    def _outgoing(self, session: Session, entity: str, fields: dict[str, Any]) -> dict[str, Any]:
        """Local values as the server can hold them: first-only lists cut, references as
        remote ids."""
        for name in self._first_only(entity):
            if isinstance(fields.get(name), list):
                fields[name] = fields[name][:1]
        gone_there = self._adapter.capabilities.hard_deletes
        for name, target in self._adapter.references(entity).items():
            if name in fields and fields[name] is not None:
                link = book.link_of(session, target, fields[name])
                # A record hard-deleted there cannot be referenced any more (django-crm
                # refuses "No such account"); an archived one (Tryton) still can.
                usable = link is not None and not (gone_there and link.remote_deleted)
                fields[name] = link.remote_id if usable and link is not None else None
        return fields

    def _agreed(self, entity: str, base: Mapping[str, Any]) -> dict[str, Any]:
        """The base copy, a custom field both sides gained since counting as agreed blank
        (sync.custom_sync): a value only one side has then travels instead of conflicting."""
        names = self._adapter.fields(entity)
        return {**{n: None for n in names
                   if n.startswith(local.CUSTOM_PREFIX) and n not in base}, **base}

    def _norm(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        # Base copies keep the server's spelling; comparisons use the local rules' one.
        return local.normalize(fields, self._context.default_region)

    def _localize(self, session: Session, entity: str,
                  fields: Mapping[str, Any]) -> dict[str, Any]:
        out = dict(fields)
        for name, target in self._adapter.references(entity).items():
            if out.get(name) is not None:
                link = book.link_by_remote(session, target, str(out[name]))
                out[name] = link.record_id if link is not None else None
        return out

    def _incoming(self, entity: str, record: RemoteRecord) -> dict[str, Any]:
        with self._factory() as session:
            return self._incoming_in(session, entity, record)

    def _incoming_in(self, session: Session, entity: str,
                     record: RemoteRecord) -> dict[str, Any]:
        names = self._adapter.fields(entity)
        fields = local.canonical({k: v for k, v in record.fields.items() if k in names})
        return fields  # references stay remote ids: base copies and merges compare those

    def _fetch_or_gone(self, entity: str, remote_id: str) -> RemoteRecord:
        try:
            return self._call(lambda: self._adapter.fetch(entity, remote_id))
        except NotFoundError:
            return RemoteRecord(entity, remote_id, {}, None, deleted=True)

    # -- retry -------------------------------------------------------------------------------
    def _call(self, fn: Callable[[], T]) -> T:
        """Run one adapter call, retrying TransientError with exponential back-off and full
        jitter (so many clients coming back online do not hit the server in step)."""
        policy = self._retry
        for attempt in range(policy.attempts):
            self._check_cancel()
            try:
                return fn()
            except TransientError:
                if attempt == policy.attempts - 1:
                    raise
                self._backoff(attempt)
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int) -> None:
        policy = self._retry
        ceiling = min(policy.max_delay, policy.base_delay * (2 ** attempt))
        self._sleep(self._random.uniform(0, ceiling))

    def _check_cancel(self) -> None:
        if self.cancel_event.is_set():
            raise SyncCancelled()


# Namespace of the idempotency keys of creates (uuid5 of entity and local record id).
PUSH_KEYS = uuid.UUID("6f1d3c2e-5b7a-4e0f-9a51-3c8e2d4b7f10")


def push_key(item: outbox.OutboxItem) -> str:
    """The idempotency key of a create: derived from the record alone (its local id is a
    UUID made here and never changes), so every attempt to create the same record carries
    the same key — retries, a run after a crash, and a run after a local backup older
    than the push was restored (the server recognises the record instead of making it
    twice)."""
    return str(uuid.uuid5(PUSH_KEYS, f"{item.entity}:{item.record_id}"))


def legacy_push_key(item: outbox.OutboxItem) -> str | None:
    """The key creates carried before keys were per record (mutation id and record), still
    looked for so a record pushed then is recognised after a restore."""
    if not item.last_mutation_id:
        return None
    return str(uuid.uuid5(uuid.UUID(item.last_mutation_id), f"{item.entity}:{item.record_id}"))


def _sent(key: str) -> SyncPush:
    return SyncPush(key=key, operation="create", state="sent")
