"""Undo and redo through the change log: a batch (import, merge, bulk edit) or one service
call (an editor's save) is reverted by writing the logged old values back.

An undo is itself a write with a new batch id, so undoing *that* batch is the redo. A field
is put back only while it still holds the value the change wrote; a field someone changed
since is left alone and counted as a conflict, so an undo never silently loses later work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, delete, select, update
from sqlalchemy.orm import Session

from desk_crm.domain.contact_points import points_from_json, primary_value
from desk_crm.domain.names import company_sort_key, display_name, sort_key
from desk_crm.services.context import ServiceContext
from desk_crm.store.changelog import jsonable
from desk_crm.store.import_models import ImportBatch, RecordMerge
from desk_crm.store.models import Base, ChangeLogEntry, Synced, entity_of, new_id
from desk_crm.store.types import DecimalText, UTCDateTime, parse_utc, utc_now


@dataclass(frozen=True)
class UndoResult:
    batch_id: str  # the batch of the undo itself: undo it to redo
    records: int  # records touched
    conflicts: int  # fields left alone because they changed since


def model_for(entity: str) -> type[Synced]:
    for mapper in Base.registry.mappers:
        if entity_of(mapper.class_) == entity:
            return mapper.class_
    raise KeyError(entity)


def _from_json(model: type[Synced], key: str, value: Any) -> Any:
    if value is None:
        return None
    column_type = model.__table__.columns[key].type  # type: ignore[attr-defined]
    if isinstance(column_type, UTCDateTime):
        return parse_utc(value)
    if isinstance(column_type, DecimalText):
        return Decimal(str(value))
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    return value


def refresh_derived(row: Any) -> None:
    """Recompute the columns the change log leaves out because they derive from others."""
    entity = entity_of(type(row))
    if entity in ("contact", "lead"):
        row.display_name = display_name(row.family_name, row.given_name)
        row.sort_name = sort_key(row.family_name, row.given_name)
    if entity == "contact":
        row.primary_email = primary_value(points_from_json(row.emails))
        row.primary_phone = primary_value(points_from_json(row.phones))
    if entity in ("account", "opportunity"):
        row.name_sort = company_sort_key(row.name)


class ChangeService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def last_mutation(self, entity: str, record_id: str) -> str | None:
        """The mutation id of the newest change to this record (after an editor saved)."""
        with self._context.read() as session:
            return session.scalar(
                select(ChangeLogEntry.mutation_id)
                .where(ChangeLogEntry.entity == entity, ChangeLogEntry.record_id == record_id)
                .order_by(ChangeLogEntry.seq.desc()).limit(1))

    def undo_batch(self, batch_id: str) -> UndoResult:
        return self._undo(ChangeLogEntry.batch_id == batch_id, batch_id)

    def undo_mutation(self, mutation_id: str) -> UndoResult:
        return self._undo(ChangeLogEntry.mutation_id == mutation_id, None)

    def _undo(self, where: Any, batch_id: str | None) -> UndoResult:
        new_batch = new_id()
        conflicts = 0
        touched: set[tuple[str, str]] = set()
        with self._context.write(batch_id=new_batch) as session:
            entries = session.scalars(
                select(ChangeLogEntry).where(where).order_by(ChangeLogEntry.seq.desc())).all()
            for entry in entries:
                conflicts += self._revert(session, entry)
                touched.add((entry.entity, entry.record_id))
            if batch_id is not None:
                # A merge's link goes with the merge; an import batch is marked undone.
                session.execute(delete(RecordMerge).where(RecordMerge.batch_id == batch_id))
                session.execute(update(ImportBatch).where(ImportBatch.id == batch_id)
                                .values(status="undone", finished_at=utc_now()))
        return UndoResult(new_batch, len(touched), conflicts)

    @staticmethod
    def _revert(session: Session, entry: ChangeLogEntry) -> int:
        model = model_for(entry.entity)
        row = session.scalars(select(model).where(model.id == entry.record_id)).one_or_none()
        if row is None:
            return 0
        if entry.operation == "insert" and entry.entity == "points_entry":
            # The points ledger is append-only: undone by a counter-entry.
            from desk_crm.services.loyalty import cancel_entry

            cancel_entry(session, row, utc_now())  # type: ignore[arg-type]
            return 0
        if entry.operation == "insert":
            if row.deleted_at is None:
                row.deleted_at = utc_now()
            return 0
        conflicts = 0
        for key, (old, new) in (entry.changes or {}).items():
            if jsonable(getattr(row, key)) != new:
                conflicts += 1
                continue
            setattr(row, key, _from_json(model, key, old))
        if entry.operation == "delete":
            row.deleted_at = None
        elif entry.operation == "restore" and row.deleted_at is None:
            row.deleted_at = utc_now()
        refresh_derived(row)
        return conflicts
