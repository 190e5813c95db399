"""One entity's list: a search box that filters as you type, and the paged table."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_crm.store.repositories import ListQuery, ListRepository
from desk_crm.ui.columns import ColumnDef
from desk_crm.ui.list_model import PagedTableModel

SEARCH_DELAY_MS = 150


class RecordTable(QTableView):
    """Signals:
        delete_requested(): the Delete key was pressed on a row.
    """

    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class ListPage(QWidget):
    """Signals:
        open_requested(str): open the record with this id in its editor.
        delete_requested(str): delete the record with this id.
        count_changed(int): rows matching the current search.
    """

    open_requested = Signal(str)
    delete_requested = Signal(str)
    count_changed = Signal(int)

    def __init__(self, entity: str, title: str, repository: ListRepository,
                 columns: tuple[ColumnDef, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entity = entity
        self.title = title
        self.setObjectName(f"{entity}ListPage")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        heading = QLabel(f"<h2>{title}</h2>", self)
        top.addWidget(heading)
        top.addStretch(1)
        self.search = QLineEdit(self)
        self.search.setObjectName(f"{entity}Search")
        self.search.setPlaceholderText(self.tr("Search %1 (Ctrl+F)").replace("%1", title))
        self.search.setAccessibleName(self.tr("Search %1").replace("%1", title))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        top.addWidget(self.search)
        layout.addLayout(top)

        self._in_reload = False
        self._resetting_from_reload = False
        self.model = PagedTableModel(repository, columns, ListQuery(entity), parent=self)
        self.table = RecordTable(self)
        self.table.setObjectName(f"{entity}Table")
        self.table.setAccessibleName(self.tr("%1 list").replace("%1", title))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setHighlightSections(False)
        for position, column in enumerate(columns):
            self.table.setColumnWidth(position, column.width)
        layout.addWidget(self.table)
        # The main window focuses the page it switches to: the keys go to the list.
        self.setFocusProxy(self.table)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.table.activated.connect(self._on_table_activated)
        self.table.delete_requested.connect(self._on_table_delete_requested)
        self.model.count_changed.connect(self.count_changed)
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.modelReset.connect(self._on_model_reset)

    def reload(self) -> None:
        """Re-read after a write, keeping the cursor on the same row number, so that after
        a delete it rests on the next record rather than jumping to the top."""
        row = self.table.currentIndex().row()
        self._in_reload = True
        try:
            self.model.reload()
        finally:
            self._in_reload = False
        if row >= 0 and not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))

    def count(self) -> int:
        return self.model.rowCount()

    def count_exact(self) -> bool:
        return self.model.count_exact

    def current_record_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def select_record(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def apply_search_now(self) -> None:
        self._search_timer.stop()
        self.model.set_search(self.search.text())

    def header_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        if not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @Slot()
    def _on_search_timer_timeout(self) -> None:
        self.model.set_search(self.search.text())

    @Slot()
    def _on_search_return_pressed(self) -> None:
        self.apply_search_now()
        self.table.setFocus()
        self._select_first_if_none()

    @Slot()
    def _on_model_about_to_be_reset(self) -> None:
        self._resetting_from_reload = self._in_reload

    @Slot()
    def _on_model_reset(self) -> None:
        if not self._resetting_from_reload:  # a new search or sort starts at the top
            self._select_first_if_none()

    @Slot()
    def _select_first_if_none(self) -> None:
        if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
            self.table.setCurrentIndex(self.model.index(0, 0))

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        record_id = self.model.record_id(index.row())
        if record_id:
            self.open_requested.emit(record_id)

    @Slot()
    def _on_table_delete_requested(self) -> None:
        record_id = self.current_record_id()
        if record_id:
            self.delete_requested.emit(record_id)
