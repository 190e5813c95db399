"""The "Renewals" area: contracts ending soon, with the bar every list has — saved views,
the column chooser, a search box — and a choice of how far ahead to look.

A few hundred rows at most (contracts ending within a year), so the page asks the
contract service for all of them and a QTableWidget shows them; sorting is the table's
own, by each cell's sort key rather than its formatted text."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.money import format_money
from desk_crm.services.bundle import Services
from desk_crm.settings import Settings
from desk_crm.ui.columns import RIGHT
from desk_crm.ui.quote_lists import contract_status_titles, yes_no
from desk_crm.ui.saved_views import SavedView
from desk_crm.ui.view_bar import ColumnChooser, ViewBar

RENEWAL_DAYS = 90
HORIZONS = (30, 60, 90, 180, 365)
KEYS = ("number", "account", "end_date", "notice_by", "value", "auto_renew", "status")
WIDTHS = (130, 260, 100, 100, 130, 90, 90)
SortRole = Qt.ItemDataRole.UserRole + 1


class SortedItem(QTableWidgetItem):
    """A cell that sorts by its SortRole value (dates, amounts), not by its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SortRole), other.data(SortRole)
        if mine is None or theirs is None or type(mine) is not type(theirs):
            return super().__lt__(other)
        return bool(mine < theirs)


class RenewalsPage(QWidget):
    """Contracts ending in the chosen number of days (90 unless a view says otherwise),
    soonest first, with their value.

    Signals:
        open_requested(str): open this contract.
        delete_requested(str): delete this contract.
        count_changed(int): number of contracts listed.
    """

    open_requested = Signal(str)
    delete_requested = Signal(str)
    count_changed = Signal(int)
    entity = "contract"

    def __init__(self, services: Services, title: str, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.title = title
        self._today = today
        self._settings: Settings | None = None
        self._user = ""
        self._views: list[SavedView] = []
        self.setObjectName("renewalsPage")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<h2>{title}</h2>", self))
        top.addSpacing(12)
        self.view_bar = ViewBar("contract", self)
        top.addWidget(self.view_bar)
        self.horizon = QComboBox(self)
        self.horizon.setObjectName("renewalsHorizon")
        self.horizon.setAccessibleName(self.tr("Ending within"))
        for days in HORIZONS:
            self.horizon.addItem(self.tr("Ending within %1 days").replace("%1", str(days)),
                                 days)
        self.horizon.setCurrentIndex(HORIZONS.index(RENEWAL_DAYS))
        top.addWidget(self.horizon)
        top.addStretch(1)
        self.search = QLineEdit(self)
        self.search.setObjectName("contractSearch")
        self.search.setPlaceholderText(self.tr("Search %1 (Ctrl+F)").replace("%1", title))
        self.search.setAccessibleName(self.tr("Search %1").replace("%1", title))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        top.addWidget(self.search)
        layout.addLayout(top)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("renewalsTotal")
        layout.addWidget(self.total_label)
        self.contracts_table = QTableWidget(0, len(KEYS), self)
        self.contracts_table.setObjectName("renewalsTable")
        self.contracts_table.setAccessibleName(self.tr("Contracts up for renewal"))
        titles = [self.tr("Contract"), self.tr("Account"), self.tr("Ends"),
                  self.tr("Notice by"), self.tr("Value"), self.tr("Auto-renew"),
                  self.tr("Status")]
        self.contracts_table.setHorizontalHeaderLabels(titles)
        self.contracts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contracts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contracts_table.setAlternatingRowColors(True)
        self.contracts_table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(WIDTHS):
            self.contracts_table.setColumnWidth(column, width)
        self.contracts_table.verticalHeader().hide()  # like every other list
        # Soonest end first until the user sorts otherwise.
        self.contracts_table.horizontalHeader().setSortIndicator(
            KEYS.index("end_date"), Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.contracts_table)
        self.column_chooser = ColumnChooser(self.contracts_table.horizontalHeader(),
                                            list(KEYS), titles, list(WIDTHS))
        self.setFocusProxy(self.contracts_table)
        self._ids: list[str] = []
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)
        self.horizon.activated.connect(self._on_horizon_activated)
        self.contracts_table.itemActivated.connect(self._on_table_item_activated)
        self.view_bar.view_chosen.connect(self._on_view_bar_view_chosen)
        self.view_bar.save_requested.connect(self._on_view_bar_save_requested)
        self.view_bar.delete_requested.connect(self._on_view_bar_delete_requested)
        self.view_bar.columns_button.clicked.connect(self._on_columns_button_clicked)
        self.reload()

    # -- rows -----------------------------------------------------------------------------

    def days(self) -> int:
        return int(self.horizon.currentData() or RENEWAL_DAYS)

    @Slot()
    def reload(self) -> None:
        rows = self.services.contracts.renewals(self._today, self.days(),
                                                self.search.text())
        table = self.contracts_table
        header = table.horizontalHeader()
        sort_column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        table.setSortingEnabled(False)  # rows are filled in place, then sorted once
        table.setRowCount(len(rows))
        totals: dict[str, Any] = {}
        for row_index, row in enumerate(rows):
            values: list[tuple[str, Any]] = [
                (row.number, row.number), (row.account_name, row.account_name),
                (str(row.end_date), row.end_date.isoformat()),
                (str(row.notice_deadline), row.notice_deadline.isoformat()),
                (format_money(row.value, row.currency), (row.currency, row.value)),
                (yes_no(row.auto_renew), int(row.auto_renew)),
                (contract_status_titles().get(row.status, row.status), row.status)]
            for column, (text, key) in enumerate(values):
                item = SortedItem(text)
                item.setData(SortRole, key)
                item.setData(Qt.ItemDataRole.UserRole, row.contract_id)
                if column == 4:
                    item.setTextAlignment(RIGHT | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row_index, column, item)
            totals[row.currency] = totals.get(row.currency, 0) + row.value
        table.sortItems(sort_column if sort_column >= 0 else KEYS.index("end_date"), order)
        table.setSortingEnabled(True)
        self._ids = [table.item(r, 0).data(Qt.ItemDataRole.UserRole)  # type: ignore[union-attr]
                     for r in range(table.rowCount())]
        self.total_label.setText(self.tr("Value up for renewal: %1").replace(
            "%1", ", ".join(format_money(v, c) for c, v in sorted(totals.items())) or "—"))
        self.count_changed.emit(len(rows))

    def count(self) -> int:
        return self.contracts_table.rowCount()

    def current_record_id(self) -> str | None:
        row = self.contracts_table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- saved views ----------------------------------------------------------------------

    def attach_views(self, settings: Settings, user: str) -> None:
        self._settings, self._user = settings, user
        found = (SavedView.from_dict(data) for data in settings.saved_views(user, self.entity))
        self._views = [view for view in found if view is not None]
        self.view_bar.set_views(self._views)

    def current_view(self, name: str) -> SavedView:
        header = self.contracts_table.horizontalHeader()
        column = header.sortIndicatorSection()
        return SavedView(name, self.search.text(),
                         KEYS[column] if 0 <= column < len(KEYS) else None,
                         header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
                         (("days", str(self.days())),), self.column_chooser.hidden())

    def apply_view(self, view: SavedView) -> None:
        self._search_timer.stop()
        self.search.blockSignals(True)
        self.search.setText(view.search)
        self.search.blockSignals(False)
        days = dict(view.filters).get("days", str(RENEWAL_DAYS))
        self.horizon.setCurrentIndex(max(self.horizon.findData(int(days)), 0)
                                     if days.isdigit() else HORIZONS.index(RENEWAL_DAYS))
        column = KEYS.index(view.sort_key) if view.sort_key in KEYS else 2
        self.contracts_table.horizontalHeader().setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if view.descending
            else Qt.SortOrder.AscendingOrder)
        self.column_chooser.set_hidden(view.hidden)
        self.reload()

    def _store_views(self, current: str | None) -> None:
        if self._settings is not None:
            self._settings.set_saved_views(self._user, self.entity,
                                           [view.to_dict() for view in self._views])
        self.view_bar.set_views(self._views, current)

    # -- slots ----------------------------------------------------------------------------

    @Slot(int)
    def _on_horizon_activated(self, _index: int) -> None:
        self.reload()

    @Slot(object)
    def _on_view_bar_view_chosen(self, view: object) -> None:
        self.apply_view(view if isinstance(view, SavedView)
                        else SavedView("", hidden=self.column_chooser.hidden()))

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

    @Slot(QTableWidgetItem)
    def _on_table_item_activated(self, item: QTableWidgetItem) -> None:
        self.open_requested.emit(self._ids[item.row()])

