"""The change log, written by a flush hook so that no write to a synced table can skip it.

A service opens a :func:`mutation`; every insert or update flushed inside it bumps the row's
version and ``updated_at`` and appends one ``change_log`` row with the old and new value of
each changed field. A flush that touches a synced table outside a mutation is refused.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, class_mapper, object_mapper, sessionmaker
from sqlalchemy.orm.attributes import instance_state

from desk_crm.store import writer
from desk_crm.store.models import ChangeLogEntry, Synced, entity_of, new_id
from desk_crm.store.types import format_utc, utc_now

MUTATION_KEY = "desk_crm.mutation"


@dataclass(frozen=True)
class MutationContext:
    mutation_id: str
    actor: str
    batch_id: str | None = None


class ChangeLogMissing(RuntimeError):
    """A synced table was written outside a service mutation."""


@contextmanager
def mutation(session_factory: sessionmaker[Session], actor: str,
             batch_id: str | None = None) -> Iterator[Session]:
    """One service call: one transaction, one mutation id, committed or rolled back whole.

    Through the one writer path (store/writer.py): serialised with every other write of
    the process, the SQLite write lock taken at BEGIN, busy retried. Inside
    :func:`write_batch` on this thread it is a SAVEPOINT of the batch's transaction
    instead: still all or nothing, still one mutation id and its change-log rows."""
    batch = _batches.current
    if batch is not None and batch.factory is session_factory:
        with batch.nested(MutationContext(str(uuid.uuid4()), actor, batch_id)) as session:
            yield session
        return
    with writer.lock(), session_factory() as session:
        session.info[MUTATION_KEY] = MutationContext(str(uuid.uuid4()), actor, batch_id)
        try:
            # The context must outlive the commit: committing flushes what is still
            # pending (e.g. a soft delete), and that flush needs the mutation to log it.
            writer.begin_write(session)  # the transaction, begun IMMEDIATE
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
        finally:
            session.info.pop(MUTATION_KEY, None)


class _Batches(threading.local):
    current: _Batch | None = None


_batches = _Batches()


class _Batch:
    """Many mutations of one thread in one SQLite transaction, committed every
    ``chunk_s`` seconds between two mutations (never inside one), with the writers' lock
    let go for a moment there so the UI thread's writes get their turn."""

    def __init__(self, factory: sessionmaker[Session], chunk_s: float,
                 durable: bool = True, shared: MutationContext | None = None) -> None:
        self.factory = factory
        self.chunk_s = chunk_s
        self.durable = durable
        self.shared = shared  # every mutation inside is this one (single_mutation)
        self.depth = 0
        self.session = factory()
        self._since = time.monotonic()

    def begin(self) -> None:
        writer.lock().acquire()
        try:
            writer.begin_write(self.session, durable=self.durable)
        except BaseException:
            writer.lock().release()
            raise
        self._since = time.monotonic()

    def end(self, commit: bool) -> None:
        try:
            if commit:
                self.session.commit()
            else:
                self.session.rollback()
        finally:
            writer.lock().release()

    @contextmanager
    def nested(self, context: MutationContext) -> Iterator[Session]:
        session = self.session
        previous = session.info.get(MUTATION_KEY)
        session.info[MUTATION_KEY] = self.shared or context
        self.depth += 1
        try:
            with session.begin_nested():
                yield session
        finally:
            self.depth -= 1
            if previous is None:
                session.info.pop(MUTATION_KEY, None)
            else:
                session.info[MUTATION_KEY] = previous
        if self.depth == 0 and time.monotonic() - self._since > self.chunk_s:
            self.end(commit=True)
            time.sleep(0.001)  # a writer waiting on the lock takes it now
            self.begin()


@contextmanager
def write_batch(session_factory: sessionmaker[Session], chunk_s: float = 0.1,
                durable: bool = True) -> Iterator[None]:
    """Run many service writes of this thread as a few transactions (bulk work such as
    the demo data): the fsync per commit, not the SQL, was most of their cost. What was
    committed before an error stays; the chunk under way is rolled back. ``durable=False``
    skips the fsync of each chunk's commit (writer.begin_write): for sample data only."""
    if _batches.current is not None:
        yield  # already batching
        return
    batch = _Batch(session_factory, chunk_s, durable)
    batch.begin()
    _batches.current = batch
    try:
        yield
    except BaseException:
        _batches.current = None
        batch.end(commit=False)
        raise
    else:
        _batches.current = None
        batch.end(commit=True)
    finally:
        batch.session.close()


@contextmanager
def single_mutation(session_factory: sessionmaker[Session], actor: str) -> Iterator[None]:
    """Several service writes of this thread as ONE mutation: one transaction, one
    mutation id, all or nothing (an editor saving its record and the record's custom
    field values: one undo step). Inside a write batch it simply joins the batch."""
    if _batches.current is not None:
        yield
        return
    batch = _Batch(session_factory, float("inf"),
                   shared=MutationContext(str(uuid.uuid4()), actor))
    batch.begin()
    _batches.current = batch
    try:
        yield
    except BaseException:
        _batches.current = None
        batch.end(commit=False)
        raise
    else:
        _batches.current = None
        batch.end(commit=True)
    finally:
        batch.session.close()


def batch_session(session_factory: sessionmaker[Session]) -> Session | None:
    """The session of this thread's write batch, for reads that must see its writes."""
    batch = _batches.current
    return batch.session if batch is not None and batch.factory is session_factory else None


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return format_utc(value)
    if isinstance(value, date | Decimal):
        return str(value)
    if isinstance(value, tuple | list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value


# A dict, not functools.cache: mypy does not accept a class object as Hashable there.
_AUDITED: dict[type[Any], tuple[str, ...]] = {}


def audited_columns(model: type[Any]) -> tuple[str, ...]:
    """The columns whose changes are logged, in mapper order (bulk writes use it too)."""
    found = _AUDITED.get(model)
    if found is None:
        found = _AUDITED[model] = tuple(c.key for c in class_mapper(model).column_attrs
                                        if c.columns[0].info.get("audit", True))
    return found


def _audited_columns(obj: Synced) -> tuple[str, ...]:
    return audited_columns(object_mapper(obj).class_)


def _insert_changes(obj: Synced) -> dict[str, list[Any]]:
    changes = {}
    for key in _audited_columns(obj):
        value = getattr(obj, key)
        if value not in (None, "", [], ()):
            changes[key] = [None, jsonable(value)]
    return changes


def _update_changes(obj: Synced) -> dict[str, list[Any]]:
    state = instance_state(obj)
    changes = {}
    for key in _audited_columns(obj):
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if jsonable(old) != jsonable(new):
            changes[key] = [jsonable(old), jsonable(new)]
    return changes


def _deleted_at_transition(obj: Synced) -> str | None:
    history = instance_state(obj).attrs["deleted_at"].history
    if not history.has_changes():
        return None
    was = history.deleted[0] if history.deleted else None
    now = history.added[0] if history.added else None
    if was is None and now is not None:
        return "delete"
    if was is not None and now is None:
        return "restore"
    return None


def _before_flush(session: Session, _flush_context: Any, _instances: Any) -> None:
    context: MutationContext | None = session.info.get(MUTATION_KEY)
    now = utc_now()
    entries: list[ChangeLogEntry] = []

    def require_context() -> MutationContext:
        if context is None:
            raise ChangeLogMissing("synced tables are written only through a service mutation")
        return context

    for obj in list(session.deleted):
        if entity_of(type(obj)):
            raise ChangeLogMissing("synced rows are soft-deleted (deleted_at), never removed")

    for obj in list(session.new):
        entity = entity_of(type(obj))
        if entity is None:
            continue
        ctx = require_context()
        obj.id = obj.id or new_id()
        obj.created_at = obj.created_at or now
        obj.updated_at = now
        obj.version = 1
        entries.append(_entry(ctx, entity, obj.id, "insert", _insert_changes(obj), now))

    for obj in list(session.dirty):
        entity = entity_of(type(obj))
        if entity is None or not session.is_modified(obj, include_collections=False):
            continue
        transition = _deleted_at_transition(obj)
        changes = _update_changes(obj)
        if not changes and transition is None:
            continue
        ctx = require_context()
        obj.version = (obj.version or 0) + 1
        obj.updated_at = now
        operation = transition or "update"
        entries.append(_entry(ctx, entity, obj.id, operation, changes, now))

    session.add_all(entries)


def _entry(ctx: MutationContext, entity: str, record_id: str, operation: str,
           changes: dict[str, list[Any]], now: datetime) -> ChangeLogEntry:
    return ChangeLogEntry(
        mutation_id=ctx.mutation_id, entity=entity, record_id=record_id,
        operation=operation, changes=changes, actor=ctx.actor, at=now,
        sync_state="pending", batch_id=ctx.batch_id,
    )


def install(session_factory: sessionmaker[Session]) -> None:
    event.listen(session_factory, "before_flush", _before_flush)
