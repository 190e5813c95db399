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
from desk_crm.domain.entities import ENTITIES, NameKind
from desk_crm.domain.names import company_sort_key, display_name, sort_key
from desk_crm.services.context import ServiceContext
from desk_crm.store.all_models import model_for as model_for  # re-exported for old callers
from desk_crm.store.changelog import jsonable
from desk_crm.store.import_models import ImportBatch, RecordMerge
from desk_crm.store.models import ChangeLogEntry, Synced, entity_of, new_id
from desk_crm.store.types import DecimalText, UTCDateTime, parse_utc, utc_now


@dataclass(frozen=True)
class UndoResult:
    batch_id: str  # the batch of the undo itself: undo it to redo
    records: int  # records touched
    conflicts: int  # fields left alone because they changed since


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
    """Recompute the columns the change log leaves out because they derive from others
    (what the entity's declaration says its name and contact points keep)."""
    entity = ENTITIES.get(entity_of(type(row)) or "")
    if entity is None:
        return
    if entity.name_kind is NameKind.PERSON:
        row.display_name = display_name(row.family_name, row.given_name)
        row.sort_name = sort_key(row.family_name, row.given_name)
    elif entity.name_kind is NameKind.COMPANY:
        row.name_sort = company_sort_key(row.name)
    if entity.contact_points:
        row.primary_email = primary_value(points_from_json(row.emails))
        row.primary_phone = primary_value(points_from_json(row.phones))


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
            created: set[tuple[str, str]] = set()
            if batch_id is not None:
                # The records a batch created are soft-deleted set-based (a 300k-row import
                # in seconds, not the half hour of one ORM object per row); what it updated
                # is put back field by field below.
                created = delete_created(session, batch_id)
                touched |= created
            entries = session.scalars(
                select(ChangeLogEntry).where(where).order_by(ChangeLogEntry.seq.desc())).all()
            for entry in entries:
                if (entry.entity, entry.record_id) in created:
                    continue  # deleted above: its later updates in the batch do not matter
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


# Entities whose batch inserts are not undone by a soft delete (an append-only ledger).
_NOT_SET_BASED = ("points_entry",)


def delete_created(session: Session, batch_id: str) -> set[tuple[str, str]]:
    """Soft-delete, with a few statements per entity, every record *batch_id* inserted and
    that is still live: ``deleted_at``/``updated_at`` set, ``version`` bumped, one "delete"
    change-log row each (the same rows the ORM flush hook writes for a delete), search
    rows and contact points removed. Returns (entity, id) of every record it covered,
    also those someone had deleted already (nothing to do for them)."""
    from desk_crm.store.changelog import MUTATION_KEY
    from desk_crm.store.derived import SEARCH_INDEXES

    context = session.info[MUTATION_KEY]
    connection = session.connection()
    log_table = ChangeLogEntry.__table__
    now = utc_now()
    bind = log_table.c.at.type.bind_processor(connection.dialect)
    at = bind(now) if bind is not None else now
    entities = [row[0] for row in connection.exec_driver_sql(
        "SELECT DISTINCT entity FROM change_log WHERE batch_id = ? AND operation = 'insert'",
        (batch_id,))]
    covered: set[tuple[str, str]] = set()
    for entity in entities:
        if entity in _NOT_SET_BASED:
            continue
        table = model_for(entity).__table__.name  # type: ignore[attr-defined]
        connection.exec_driver_sql("DROP TABLE IF EXISTS temp.undo_ids")
        connection.exec_driver_sql(
            "CREATE TEMP TABLE undo_ids AS SELECT DISTINCT record_id AS id FROM change_log "
            "WHERE batch_id = ? AND operation = 'insert' AND entity = ?", (batch_id, entity))
        covered.update((entity, row[0]) for row in
                       connection.exec_driver_sql("SELECT id FROM temp.undo_ids"))
        live = f"{table}.id IN (SELECT id FROM temp.undo_ids) AND {table}.deleted_at IS NULL"
        connection.exec_driver_sql(
            "INSERT INTO change_log (mutation_id, entity, record_id, operation, changes, "
            "actor, at, sync_state, batch_id) SELECT ?, ?, id, 'delete', '{}', ?, ?, "
            f"'pending', ? FROM {table} WHERE {live}",
            (context.mutation_id, entity, context.actor, at, context.batch_id))
        index = SEARCH_INDEXES.get(entity)
        if index is not None:
            connection.exec_driver_sql(
                f"DELETE FROM {index.fts_table} WHERE rowid IN "
                f"(SELECT pk FROM {table} WHERE {live})")
        if index is not None and index.contact_points:
            connection.exec_driver_sql(
                "DELETE FROM contact_point WHERE contact_id IN (SELECT id FROM temp.undo_ids)")
        connection.exec_driver_sql(
            f"UPDATE {table} SET deleted_at = ?, updated_at = ?, version = version + 1 "
            f"WHERE {live}", (at, at))
        connection.exec_driver_sql("DROP TABLE temp.undo_ids")
    return covered
