"""The contacts list as a keyboard-first grid: simple text columns are edited in place
(F2 or Enter edits, Tab moves to the next cell, Esc cancels), each cell saved through the
contact service with the version it was read at."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QMessageBox,
    QStyledItemDelegate,
    QWidget,
)

from desk_crm.domain.errors import ValidationErrors
from desk_crm.services.bundle import Services
from desk_crm.services.errors import StaleRecord
from desk_crm.services.grid_cells import GRID_FIELDS
from desk_crm.store.repositories import ListQuery, ListRepository
from desk_crm.ui.columns import ColumnDef, contact_columns
from desk_crm.ui.list_model import PagedTableModel
from desk_crm.ui.list_page import ListPage
from desk_crm.ui.validation_text import message

Index = QModelIndex | QPersistentModelIndex
# list column keys edited in place (see services/grid_cells.py for what each one changes)
EDITABLE_CONTACT_COLUMNS = GRID_FIELDS


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


class _EnterMovesDown(QStyledItemDelegate):
    """Enter in a cell editor saves and moves to the cell below, like a spreadsheet."""

    def __init__(self, table: QAbstractItemView) -> None:
        super().__init__(table)
        self._table = table
        self.refused = False

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and isinstance(editor, QWidget):
            current = self._table.currentIndex()
            self.refused = False  # set by the page when the model refuses the value
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            below = current.sibling(current.row() + 1, current.column())
            if below.isValid() and not self.refused:  # a refused value stays to be fixed
                self._table.setCurrentIndex(below)
            return True
        return super().eventFilter(editor, event)


class ContactListPage(ListPage):
    """Signals (besides ListPage's):
        record_edited(str, str): entity and id of a record saved from the grid.
        cells_pasted(str, str): entity and batch id of a block pasted into the grid.
    """

    record_edited = Signal(str, str)
    cells_pasted = Signal(str, str)

    def __init__(self, services: Services, title: str, parent: QWidget | None = None) -> None:
        self._services = services
        super().__init__("contact", title, services.lists,
                         contact_columns(services.default_region), parent)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self._enter = _EnterEdits(self)
        self.table.installEventFilter(self._enter)
        self._delegate = _EnterMovesDown(self.table)
        self.table.setItemDelegate(self._delegate)
        self.paste_report: QMessageBox | None = None  # the last "not pasted" report
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self.table)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste_clipboard)
        assert isinstance(self.model, CellEditModel)
        self.model.cell_saved.connect(lambda record_id: self.record_edited.emit(
            "contact", record_id))
        self.model.cell_refused.connect(self._on_model_cell_refused)

    def make_model(self, repository: ListRepository, columns: tuple[ColumnDef, ...],
                   query: ListQuery) -> PagedTableModel:
        return CellEditModel(repository, columns, query, self._save_cell,
                             set(EDITABLE_CONTACT_COLUMNS), parent=self)

    def _save_cell(self, record_id: str, key: str, value: str) -> None:
        self._services.grid_cells.save_cell(record_id, key, value)

    @Slot()
    def paste_clipboard(self) -> None:
        """Paste tab-separated rows (copied from a spreadsheet) from the current cell on."""
        start = self.table.currentIndex()
        text = QApplication.clipboard().text()
        if not start.isValid() or not text:
            return
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if lines and lines[-1] == "":
            lines.pop()  # spreadsheets end the copied block with a newline
        keys = [c.key for c in self.model.columns]
        titles = [c.title for c in self.model.columns]
        cells: list[tuple[int, str, list[tuple[int, str, str]]]] = []
        refused: list[str] = []
        for offset, line in enumerate(lines):
            record_id = self.model.record_id(start.row() + offset)
            if record_id is None:
                refused.append(self.tr("Row %1: there is no contact below to paste into.")
                               .replace("%1", str(start.row() + offset + 1)))
                break
            values: list[tuple[int, str, str]] = []
            for shift, value in enumerate(line.split("\t")):
                column = start.column() + shift
                if column >= len(keys) or keys[column] not in EDITABLE_CONTACT_COLUMNS:
                    refused.append(self.tr("Row %1, %2: this column cannot be edited here.")
                                   .replace("%1", str(start.row() + offset + 1))
                                   .replace("%2", titles[column] if column < len(titles)
                                            else str(column + 1)))
                    continue
                values.append((column, keys[column], value))
            cells.append((start.row() + offset, record_id, values))
        result = self._services.grid_cells.paste(cells)
        for problem in result.problems:
            refused.append(self.tr("Row %1, %2: %3")
                           .replace("%1", str(problem.row + 1))
                           .replace("%2", titles[problem.column])
                           .replace("%3", message(problem.error)))
        self.model.reload()
        if result.batch_id is not None:
            self.cells_pasted.emit("contact", result.batch_id)
        if refused:
            self.paste_report = QMessageBox(
                QMessageBox.Icon.Warning, self.title,
                self.tr("These cells were not pasted:") + "\n" + "\n".join(refused),
                QMessageBox.StandardButton.Ok, self)
            self.paste_report.setObjectName("pasteReport")
            self.paste_report.open()

    def _on_model_cell_refused(self, text: str) -> None:
        self._delegate.refused = True
        QMessageBox.warning(self, self.title, text)
