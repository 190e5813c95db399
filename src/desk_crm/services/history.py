"""Who changed a record, when, and from what: read from the change log."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_crm.services.context import ServiceContext
from desk_crm.services.records import FieldChange, HistoryEntry
from desk_crm.store.import_models import RecordMerge
from desk_crm.store.models import ChangeLogEntry


class HistoryService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def for_record(self, entity: str, record_id: str, limit: int = 500) -> list[HistoryEntry]:
        """Newest first; a record that others were merged into keeps their history too
        (entries marked with the merged record's id)."""
        with self._context.read() as session:
            ids = _merged_into(session, entity, record_id)
            rows = session.scalars(
                select(ChangeLogEntry)
                .where(ChangeLogEntry.entity == entity, ChangeLogEntry.record_id.in_(ids))
                .order_by(ChangeLogEntry.seq.desc()).limit(limit)
            ).all()
            return [
                HistoryEntry(
                    at=row.at, actor=row.actor, operation=row.operation,
                    changes=_field_changes(row.changes),
                    merged_from="" if row.record_id == record_id else row.record_id,
                )
                for row in rows
            ]


def _field_changes(changes: dict[str, Any]) -> tuple[FieldChange, ...]:
    """One change per field; the ``custom`` JSON column becomes one change per custom
    field ("custom.<key>"), so history names the field the user knows."""
    found = []
    for field, (old, new) in sorted(changes.items()):
        if field == "custom" and isinstance(old or {}, dict) and isinstance(new or {}, dict):
            before, after = old or {}, new or {}
            for key in sorted(set(before) | set(after)):
                if before.get(key) != after.get(key):
                    found.append(FieldChange(f"custom.{key}", before.get(key),
                                             after.get(key)))
            continue
        found.append(FieldChange(field, old, new))
    return tuple(found)


def _merged_into(session: Session, entity: str, record_id: str) -> list[str]:
    """*record_id* and every record merged into it, directly or through another merge."""
    ids, frontier = [record_id], [record_id]
    while frontier and len(ids) < 1000:
        found = session.scalars(select(RecordMerge.loser_id).where(
            RecordMerge.entity == entity, RecordMerge.survivor_id.in_(frontier))).all()
        frontier = [i for i in dict.fromkeys(found) if i not in ids]
        ids += frontier
    return ids
