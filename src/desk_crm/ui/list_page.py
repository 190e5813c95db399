"""One entity's list: a search box that filters as you type, and the paged table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.fields import FieldDef
from desk_crm.settings import Settings
from desk_crm.store.repositories import ListQuery, ListRepository
from desk_crm.ui.columns import ColumnDef
from desk_crm.ui.field_list import FieldFilter, without_field_filters
from desk_crm.ui.list_model import PagedTableModel
from desk_crm.ui.saved_views import SavedView
from desk_crm.ui.view_bar import ColumnChooser, ViewBar

SEARCH_DELAY_MS = 150
FieldColumns = tuple[tuple[FieldDef, ...], tuple[ColumnDef, ...]]


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
        top.addSpacing(12)
        self.view_bar = ViewBar(entity, self)
        top.addWidget(self.view_bar)
        top.addStretch(1)
        self.search = QLineEdit(self)
        self.search.setObjectName(f"{entity}Search")
        self.search.setPlaceholderText(self.tr("Search %1 (Ctrl+F)").replace("%1", title))
        self.search.setAccessibleName(self.tr("Search %1").replace("%1", title))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        top.addWidget(self.search)
        layout.addLayout(top)
        # Filters that came from elsewhere (a dashboard click, a segment) have no widget
        # here: say what is shown and offer the way back, or the list looks incomplete.
        self.filter_note = QWidget(self)
        note_row = QHBoxLayout(self.filter_note)
        note_row.setContentsMargins(0, 0, 0, 0)
        self.filter_label = QLabel(self.filter_note)
        self.filter_label.setObjectName(f"{entity}FilterNote")
        self.show_all_button = QPushButton(self.tr("Show &all records"), self.filter_note)
        self.show_all_button.setAccessibleName(self.tr("Show all records"))
        note_row.addWidget(self.filter_label)
        note_row.addWidget(self.show_all_button)
        note_row.addStretch(1)
        self.filter_note.hide()
        layout.addWidget(self.filter_note)
        self.show_all_button.clicked.connect(self._on_show_all_button_clicked)

        self._in_reload = False
        self._resetting_from_reload = False
        self.model = self.make_model(repository, columns, ListQuery(entity))
        self.table = RecordTable(self)
        self.table.setObjectName(f"{entity}Table")
        self.table.setAccessibleName(self.tr("%1 list").replace("%1", title))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows for bulk edit, export and merge; single-record actions use the current row.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        self.column_chooser = ColumnChooser(
            self.table.horizontalHeader(), [c.key for c in columns],
            [c.title for c in columns], [c.width for c in columns])
        self._fields_provider: Callable[[set[str]], FieldColumns] | None = None
        self._base_columns = len(columns)
        self.field_filter: FieldFilter | None = None
        self._settings: Settings | None = None
        self._user = ""
        self._views: list[SavedView] = []
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
        self.view_bar.view_chosen.connect(self._on_view_bar_view_chosen)
        self.view_bar.save_requested.connect(self._on_view_bar_save_requested)
        self.view_bar.delete_requested.connect(self._on_view_bar_delete_requested)
        self.view_bar.columns_button.clicked.connect(self._on_columns_button_clicked)

    def make_model(self, repository: ListRepository, columns: tuple[ColumnDef, ...],
                   query: ListQuery) -> PagedTableModel:
        """The table's model; a page with in-place editing returns its own."""
        return PagedTableModel(repository, columns, query, parent=self)

    # -- declared fields (custom fields) --------------------------------------------------

    def attach_fields(self, provider: Callable[[set[str]], FieldColumns],
                      default_region: str = "CN") -> None:
        """Show the entity's declared fields as optional columns and in a field filter;
        *provider* (the list's column keys) -> (fields, their ColumnDefs), asked again on
        every reload, so a field created in Settings appears at once."""
        self._fields_provider = provider
        self.field_filter = FieldFilter(self, default_region)
        top = self.layout().itemAt(0)
        assert top is not None and top.layout() is not None
        top.layout().insertWidget(3, self.field_filter)  # type: ignore[attr-defined]
        self.field_filter.filter_changed.connect(self._on_field_filter_filter_changed)
        self._refresh_fields()

    def declared_columns(self) -> tuple[ColumnDef, ...]:
        """The columns of declared fields (custom fields), shown or not."""
        return self.model.columns[self._base_columns:]

    def field_filters(self) -> tuple[tuple[str, str], ...]:
        return self.field_filter.filters() if self.field_filter is not None else ()

    def _refresh_fields(self) -> None:
        if self._fields_provider is None or self.field_filter is None:
            return
        base = self.model.columns[:self._base_columns]
        fields, extra = self._fields_provider({c.key for c in base})
        query = self.model.query
        if fields == query.fields and len(self.model.columns) == len(base) + len(extra):
            return
        hidden = set(self.column_chooser.hidden())
        shown_before = {c.key for c in self.model.columns[self._base_columns:]} - hidden
        columns = (*base, *extra)
        keys = {c.key for c in columns}
        filters = tuple((k, v) for k, v in query.filters if k in keys or not
                        k.startswith("cf_"))
        sort_key = query.sort_key if query.sort_key in keys or query.sort_key is None \
            or not query.sort_key.startswith("cf_") else None
        self.model.set_columns(columns, replace(query, fields=fields, filters=filters,
                                                sort_key=sort_key))
        chooser = self.column_chooser
        chooser.keys = [c.key for c in columns]
        chooser.titles = [c.title for c in columns]
        chooser.widths = [c.width for c in columns]
        for position, column in enumerate(columns):
            self.table.setColumnWidth(position, column.width)
        # Declared fields are optional columns: hidden until chosen (Columns…).
        chooser.set_hidden(tuple((hidden - {c.key for c in extra})
                                 | ({c.key for c in extra} - shown_before)))
        self.field_filter.set_fields(fields)

    @Slot()
    def _on_field_filter_filter_changed(self) -> None:
        query = self.model.query
        kept = without_field_filters(query.filters, query.fields)
        self.model.set_query(replace(query, filters=kept + self.field_filters()))

    def reload(self) -> None:
        """Re-read after a write, keeping the cursor on the same row number, so that after
        a delete it rests on the next record rather than jumping to the top."""
        self._refresh_fields()
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

    def selected_record_ids(self) -> list[str]:
        """Ids of the selected rows in list order (the current row when none is selected)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [self.model.record_id(row) for row in rows]
        if not ids and self.current_record_id():
            ids = [self.current_record_id()]
        return [record_id for record_id in ids if record_id]

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

    # -- saved views ------------------------------------------------------------------------

    def attach_views(self, settings: Settings, user: str) -> None:
        """Read this user's saved views of this list from the settings."""
        self._settings, self._user = settings, user
        found = (SavedView.from_dict(data) for data in settings.saved_views(user, self.entity))
        self._views = [view for view in found if view is not None]
        self.view_bar.set_views(self._views)

    def views(self) -> list[SavedView]:
        return list(self._views)

    def current_view(self, name: str) -> SavedView:
        query = self.model.query
        return SavedView(name, self.search.text(), query.sort_key, query.descending,
                         query.filters, self.column_chooser.hidden())

    def apply_view(self, view: SavedView) -> None:
        """Search, filters, sort and columns of *view*, with one query."""
        self.filter_note.hide()
        self._search_timer.stop()
        self.search.blockSignals(True)
        self.search.setText(view.search)
        self.search.blockSignals(False)
        self.set_view_filters(view.filters)
        if self.field_filter is not None:
            self.field_filter.set_filters(view.filters)
        keys = [column.key for column in self.model.columns]
        position = keys.index(view.sort_key) if view.sort_key in keys else 0
        order = (Qt.SortOrder.DescendingOrder if view.descending
                 else Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.blockSignals(True)  # the view sets the query once, below
        header.setSortIndicator(position, order)
        header.blockSignals(False)
        self.model.set_query(replace(self.model.query, search=view.search,
                                     sort_key=view.sort_key, descending=view.descending,
                                     filters=view.filters))
        self.column_chooser.set_hidden(view.hidden)

    def set_view_filters(self, filters: tuple[tuple[str, str], ...]) -> None:
        """Show *filters* in the page's own filter widgets (a filter bar overrides this)."""

    def apply_filters(self, filters: tuple[tuple[str, str], ...], label: str = "") -> None:
        """Narrow the list to *filters* with one query (a click-through from the dashboard
        or a segment): the search is cleared, the sort kept; a note above the list says
        what is shown (*label*), and "Show all records" or "All records" undoes it."""
        self.filter_label.setText(
            self.tr("Showing only %1.").replace("%1", label) if label
            else self.tr("Showing only the records you chose elsewhere."))
        self.filter_note.setVisible(bool(filters))
        self._search_timer.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.set_view_filters(filters)
        self.model.set_query(replace(self.model.query, search="", filters=tuple(filters)))

    def _store_views(self, current: str | None) -> None:
        if self._settings is not None:
            self._settings.set_saved_views(self._user, self.entity,
                                           [view.to_dict() for view in self._views])
        self.view_bar.set_views(self._views, current)

    @Slot()
    def _on_show_all_button_clicked(self) -> None:
        self._on_view_bar_view_chosen(None)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(object)
    def _on_view_bar_view_chosen(self, view: object) -> None:
        if isinstance(view, SavedView):
            self.apply_view(view)
        else:  # "All records": no search, filters or sort; the columns stay as they are
            self.apply_view(SavedView("", hidden=self.column_chooser.hidden()))

    @Slot(str)
    def _on_view_bar_save_requested(self, name: str) -> None:
        view = self.current_view(name)
        self._views = [v for v in self._views if v.name != name] + [view]
        self._store_views(name)

    @Slot(str)
    def _on_view_bar_delete_requested(self, name: str) -> None:
        self._views = [v for v in self._views if v.name != name]
        self._store_views(None)

    @Slot()
    def _on_columns_button_clicked(self) -> None:
        button = self.view_bar.columns_button
        self.column_chooser.menu(self).popup(button.mapToGlobal(QPoint(0, button.height())))

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
