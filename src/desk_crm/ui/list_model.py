"""A table model over a repository query that holds only a window of pages.

``rowCount`` never scans on the UI thread: an unfiltered list reads the trigger-kept
``row_count`` table; a search or filter counts at most ``count_cap`` rows (a LIMIT-ed
count, milliseconds at any size) and, when there are more, shows that many ("10,000+")
while a worker thread with its own session counts exactly, then grows the model by
``rowsInserted`` (results of an older query are dropped by a generation number).
``data()`` ``data()`` fetches the page holding the requested row,
by keyset from the page before it when that one is cached (scrolling), else by offset (a jump
of the scroll thumb). At most ``max_pages`` pages stay in memory, least recently used go.
Sorting and searching change the SQL, never a proxy over all rows.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
)

from desk_crm.store.repositories import ListQuery, ListRepository, PageRow
from desk_crm.ui.columns import ColumnDef
from desk_crm.ui.operations import BackgroundQuery

Index = QModelIndex | QPersistentModelIndex
RecordIdRole = Qt.ItemDataRole.UserRole + 1
SortKeyRole = Qt.ItemDataRole.UserRole + 2
COUNT_CAP = 10_000


class PagedTableModel(QAbstractTableModel):
    """Signals:
        count_changed(int): the number of rows matching the query changed (also when an
            estimate "count_cap or more" became exact: read ``count_exact``).
    """

    count_changed = Signal(int)

    def __init__(self, repository: ListRepository, columns: tuple[ColumnDef, ...],
                 query: ListQuery, *, page_size: int = 200, max_pages: int = 40,
                 count_cap: int = COUNT_CAP, parent: Any = None) -> None:
        super().__init__(parent)
        self._repository = repository
        self._columns = columns
        self._query = query
        self._page_size = page_size
        self._max_pages = max_pages
        self._count_cap = count_cap
        self._pages: OrderedDict[int, list[PageRow]] = OrderedDict()
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        # The exact COUNT of a filtered query, on the model's own thread (its own session).
        self._counting = BackgroundQuery(self, self._on_counted, pool=self._pool)
        self._count, self._exact = repository.count_bounded(query, count_cap)
        if not self._exact:
            self._count_exactly()
        self.page_loads = 0  # for tests and the benchmark: how often SQL was asked for rows

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._count:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole, RecordIdRole, SortKeyRole,
                        Qt.ItemDataRole.ForegroundRole):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.foreground is None:
                return None
            cached = self._row(index.row())
            return column.foreground(cached.values.get(column.key)) if cached else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment)
        row = self._row(index.row())
        if row is None:
            return None
        if role == RecordIdRole:
            return row.id
        if role == SortKeyRole:
            return row.sort_value
        return column.format(row.values.get(column.key))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self._columns[section].alignment)
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Never fetches: Qt asks for flags of rows it does not paint.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or not self._columns[column].sortable:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort_key=self._columns[column].key,
                               descending=descending))

    # -- queries --------------------------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def columns(self) -> tuple[ColumnDef, ...]:
        return self._columns

    @property
    def count_exact(self) -> bool:
        """False while rowCount is only the cap ("10,000+") and the exact count runs."""
        return self._exact

    def wait_for_count(self, msecs: int = 30000) -> bool:
        """Block until a running exact count is done (tests, the benchmark, shutdown)."""
        return self._pool.waitForDone(msecs)

    def set_query(self, query: ListQuery) -> None:
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._generation += 1
        self._count, self._exact = self._repository.count_bounded(query, self._count_cap)
        self.endResetModel()
        if not self._exact:
            self._count_exactly()
        self.count_changed.emit(self._count)

    def set_columns(self, columns: tuple[ColumnDef, ...], query: ListQuery) -> None:
        """New columns (declared fields added or archived) and the query that reads them."""
        self.beginResetModel()
        self._columns = columns
        self.endResetModel()
        self.set_query(query)

    def set_search(self, text: str) -> None:
        if text != self._query.search:
            self.set_query(replace(self._query, search=text))

    def record_id(self, row: int) -> str | None:
        page_row = self._row(row) if 0 <= row < self._count else None
        return page_row.id if page_row else None

    def row_of(self, record_id: str) -> int | None:
        return self._repository.position_of(self._query, record_id)

    def reload(self) -> None:
        """After a write: re-count and drop cached pages, keeping the view's place when the
        number of rows did not change (an edit), resetting it when it did. A list too long
        to count on the spot keeps its length until the worker's count adjusts it."""
        self._generation += 1
        count, exact = self._repository.count_bounded(self._query, self._count_cap)
        self._pages.clear()
        if not exact:
            count = max(count, self._count)
            self._exact = False
            self._count_exactly()
        else:
            self._exact = True
        if count != self._count:
            self.beginResetModel()
            self._count = count
            self.endResetModel()
            self.count_changed.emit(count)
        elif count:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(count - 1, len(self._columns) - 1))

    def _count_exactly(self) -> None:
        repository, query, generation = self._repository, self._query, self._generation
        self._counting.start(lambda: (generation, repository.count(query)))

    def _on_counted(self, counted: tuple[int, int]) -> None:
        generation, count = counted
        if generation != self._generation:
            return  # the query or the data changed since: a newer count is on its way
        self._exact = True
        self._pages.clear()
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()
        self.count_changed.emit(count)

    # -- the page window ------------------------------------------------------------------

    def _row(self, row: int) -> PageRow | None:
        number, offset = divmod(row, self._page_size)
        page = self._page(number)
        return page[offset] if offset < len(page) else None

    def _page(self, number: int) -> list[PageRow]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        previous = self._pages.get(number - 1)
        if previous and len(previous) == self._page_size:
            page = self._repository.page(self._query, limit=self._page_size,
                                         after=previous[-1])
        else:
            page = self._repository.page(self._query, offset=number * self._page_size,
                                         limit=self._page_size)
        self.page_loads += 1
        self._pages[number] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page
