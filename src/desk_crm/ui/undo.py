"""Undo commands over service calls; each step is its own transaction and change-log entry."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desk_crm.ui.events import AppEvents


class DeleteRecordCommand(QUndoCommand):
    """Soft-deletes on redo, restores on undo."""

    def __init__(self, text: str, entity: str, record_id: str,
                 delete: Callable[[str], None], restore: Callable[[str], None],
                 events: AppEvents) -> None:
        super().__init__(text)
        self.entity = entity
        self.record_id = record_id
        self._delete = delete
        self._restore = restore
        self._events = events

    def redo(self) -> None:
        self._delete(self.record_id)
        self._events.records_changed.emit(self.entity, self.record_id)

    def undo(self) -> None:
        self._restore(self.record_id)
        self._events.records_changed.emit(self.entity, self.record_id)
