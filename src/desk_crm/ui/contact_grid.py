"""The contacts list as a keyboard-first grid: simple text columns are edited in place
(F2 or Enter edits, Tab moves to the next cell, Esc cancels), each cell saved through the
contact service with the version it was read at."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QWidget

from desk_crm.domain.errors import ValidationErrors
from desk_crm.services.bundle import Services
from desk_crm.services.errors import StaleRecord
from desk_crm.store.repositories import ListQuery, ListRepository
from desk_crm.ui.columns import ColumnDef, contact_columns
from desk_crm.ui.list_model import PagedTableModel
from desk_crm.ui.list_page import ListPage
from desk_crm.ui.validation_text import message

Index = QModelIndex | QPersistentModelIndex
# list column key -> ContactDraft field edited in place
EDITABLE_CONTACT_COLUMNS = {"title": "title", "city": "city"}


class CellEditModel(PagedTableModel):
    """Signals:
        cell_saved(str): the record whose cell was saved.
        cell_refused(str): why a typed value was not saved.
    """

    cell_saved = Signal(str)
    cell_refused = Signal(str)

    def __init__(self, repository: ListRepository, columns: tuple[ColumnDef, ...],
                 query: ListQuery, save_cell: Callable[[str, str, str], None],
                 editable: set[str], parent: Any = None) -> None:
        super().__init__(repository, columns, query, parent=parent)
        self._save_cell = save_cell
        self._editable = editable

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].key in self._editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            return super().data(index, Qt.ItemDataRole.DisplayRole) or ""
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = self.columns[index.column()].key
        record_id = self.record_id(index.row())
        if key not in self._editable or record_id is None:
            return False
        if str(value) == self.data(index, Qt.ItemDataRole.EditRole):
            return True
        try:
            self._save_cell(record_id, key, str(value))
        except ValidationErrors as problems:
            self.cell_refused.emit("\n".join(message(e) for e in problems.errors))
            return False
        except StaleRecord:
            self.cell_refused.emit(self.tr("Someone else changed this contact; the list "
                                           "now shows the current values."))
            self.reload()
            return False
        self.reload()
        self.cell_saved.emit(record_id)
        return True


class _EnterEdits(QObject):
    """Enter on an editable cell starts editing; on any other cell it opens the record."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            table = watched
            assert isinstance(table, QAbstractItemView)
            index = table.currentIndex()
            if (table.state() != QAbstractItemView.State.EditingState and index.isValid()
                    and table.model().flags(index) & Qt.ItemFlag.ItemIsEditable):
                table.edit(index)
                return True
        return False


class ContactListPage(ListPage):
    """Signals (besides ListPage's):
        record_edited(str, str): entity and id of a record saved from the grid.
    """

    record_edited = Signal(str, str)

    def __init__(self, services: Services, title: str, parent: QWidget | None = None) -> None:
        self._services = services
        super().__init__("contact", title, services.lists,
                         contact_columns(services.default_region), parent)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self._enter = _EnterEdits(self)
        self.table.installEventFilter(self._enter)
        assert isinstance(self.model, CellEditModel)
        self.model.cell_saved.connect(lambda record_id: self.record_edited.emit(
            "contact", record_id))
        self.model.cell_refused.connect(self._on_model_cell_refused)

    def make_model(self, repository: ListRepository, columns: tuple[ColumnDef, ...],
                   query: ListQuery) -> PagedTableModel:
        return CellEditModel(repository, columns, query, self._save_cell,
                             set(EDITABLE_CONTACT_COLUMNS), parent=self)

    def _save_cell(self, record_id: str, key: str, value: str) -> None:
        contacts = self._services.contacts
        record = contacts.get(record_id)
        draft = replace(record.draft, **{EDITABLE_CONTACT_COLUMNS[key]: value})
        contacts.save(draft, record_id, expected_version=record.version)

    def _on_model_cell_refused(self, text: str) -> None:
        QMessageBox.warning(self, self.title, text)
