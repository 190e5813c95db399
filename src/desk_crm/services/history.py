"""Who changed a record, when, and from what: read from the change log."""

from __future__ import annotations

from sqlalchemy import select

from desk_crm.services.context import ServiceContext
from desk_crm.services.records import FieldChange, HistoryEntry
from desk_crm.store.models import ChangeLogEntry


class HistoryService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def for_record(self, entity: str, record_id: str, limit: int = 500) -> list[HistoryEntry]:
        """Newest first."""
        with self._context.read() as session:
            rows = session.scalars(
                select(ChangeLogEntry)
                .where(ChangeLogEntry.entity == entity, ChangeLogEntry.record_id == record_id)
                .order_by(ChangeLogEntry.seq.desc()).limit(limit)
            ).all()
            return [
                HistoryEntry(
                    at=row.at, actor=row.actor, operation=row.operation,
                    changes=tuple(FieldChange(field, old, new)
                                  for field, (old, new) in sorted(row.changes.items())),
                )
                for row in rows
            ]
