"""Undo commands over service calls; each step is its own transaction and change-log entry."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desk_crm.services.changes import ChangeService
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


class ChangeLogCommand(QUndoCommand):
    """A write that already happened (a batch, or one service call), undone by writing the
    change log's old values back; redo undoes that undo. Pushing it does not write again."""

    def __init__(self, text: str, changes: ChangeService, events: AppEvents, entity: str, *,
                 batch_id: str | None = None, mutation_id: str | None = None,
                 after_redo: Callable[[str], None] | None = None) -> None:
        super().__init__(text)
        self.entity = entity
        self._changes = changes
        self._events = events
        self._batch_id = batch_id
        self._mutation_id = mutation_id
        self._undo_batch: str | None = None
        self._after_redo = after_redo
        self._done = True  # the write itself was the first redo

    def redo(self) -> None:
        if self._done:
            return
        assert self._undo_batch is not None
        self._batch_id = self._changes.undo_batch(self._undo_batch).batch_id
        self._mutation_id = None
        self._done = True
        if self._after_redo is not None:
            self._after_redo(self._batch_id)
        self._events.records_changed.emit(self.entity, "")

    def undo(self) -> None:
        if self._mutation_id is not None:
            result = self._changes.undo_mutation(self._mutation_id)
        else:
            assert self._batch_id is not None
            result = self._changes.undo_batch(self._batch_id)
        self._undo_batch = result.batch_id
        self._done = False
        self._events.records_changed.emit(self.entity, "")
