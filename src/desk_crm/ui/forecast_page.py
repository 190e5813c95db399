"""The "Forecast" area: commit / best case / weighted pipeline per close month and per owner,
for one period and one currency at a time (amounts in different currencies never add up).

The report runs in a BackgroundOperation: on 100k opportunities it takes longer than a
frame budget (see bench/forecast_bench.py). A newer request makes older results stale.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.forecast import (
    COMMIT_PROBABILITY,
    ForecastReport,
    Period,
    custom_months,
    quarter_of,
    year_of,
)
from desk_crm.services.bundle import Services
from desk_crm.services.forecast import ForecastQuery
from desk_crm.ui.forecast_chart import ForecastChart, month_label
from desk_crm.ui.forecast_model import ForecastTableModel
from desk_crm.ui.operations import BackgroundOperation, Progress

PERIODS = ("this_quarter", "next_quarter", "this_year", "custom")


class ForecastPage(QWidget):
    """Signals:
        open_requested(str), delete_requested(str): never emitted (no records listed here).
        count_changed(int): open + won opportunities in the shown report.
        report_ready(object): a ForecastReport was shown.
    """

    open_requested = Signal(str)
    delete_requested = Signal(str)
    count_changed = Signal(int)
    report_ready = Signal(object)

    def __init__(self, services: Services, title: str, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.services = services
        self.entity = "opportunity"
        self.title = title
        self._today = today
        self._generation = 0
        self._currency_choice: str | None = None
        self.report: ForecastReport | None = None
        self.setObjectName("forecastPage")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<h2>{title}</h2>", self))
        top.addStretch(1)
        self.period = QComboBox(self)
        self.period.setObjectName("forecastPeriod")
        self.period.setAccessibleName(self.tr("Period"))
        for key, text in zip(PERIODS, (self.tr("This quarter"), self.tr("Next quarter"),
                                       self.tr("This year"), self.tr("Custom months")),
                             strict=True):
            self.period.addItem(text, key)
        self.first_month = self._month_edit("forecastFirstMonth", self.tr("First month"))
        self.last_month = self._month_edit("forecastLastMonth", self.tr("Last month"))
        self.owner = QComboBox(self)
        self.owner.setObjectName("forecastOwner")
        self.owner.setAccessibleName(self.tr("Owner filter"))
        self.currency = QComboBox(self)
        self.currency.setObjectName("forecastCurrency")
        self.currency.setAccessibleName(self.tr("Currency"))
        for text, widget in ((self.tr("&Period:"), self.period), (None, self.first_month),
                             (None, self.last_month), (self.tr("Own&er:"), self.owner),
                             (self.tr("C&urrency:"), self.currency)):
            if text:
                label = QLabel(text, self)
                label.setBuddy(widget)
                top.addWidget(label)
            top.addWidget(widget)
        layout.addLayout(top)
        self.status = QLabel(self)
        self.status.setObjectName("forecastStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.chart = ForecastChart(self)
        self.by_month = ForecastTableModel(lambda: self.tr("Close month"), self)
        self.by_owner = ForecastTableModel(lambda: self.tr("Owner"), self)
        self.month_table = self._table("forecastByMonth", self.tr("Forecast by month"),
                                       self.by_month)
        self.owner_table = self._table("forecastByOwner", self.tr("Forecast by owner"),
                                       self.by_owner)
        tables = QTabWidget(self)
        tables.setObjectName("forecastTables")
        tables.addTab(self.month_table, self.tr("By &month"))
        tables.addTab(self.owner_table, self.tr("By o&wner"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(tables)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self._set_custom_visible(False)
        self.period.currentIndexChanged.connect(self._on_period_current_index_changed)
        self.first_month.dateChanged.connect(self._on_month_date_changed)
        self.last_month.dateChanged.connect(self._on_month_date_changed)
        self.owner.currentIndexChanged.connect(self._on_owner_current_index_changed)
        self.currency.activated.connect(self._on_currency_activated)
        self._reload_owners()
        self.reload()

    def _month_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setDisplayFormat("yyyy-MM")
        edit.setDate(QDate(self._today().replace(day=1)))
        return edit

    def _table(self, name: str, accessible: str, model: ForecastTableModel) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setAccessibleName(accessible)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # -- area page interface --------------------------------------------------------------

    def count(self) -> int:
        if self.report is None:
            return 0
        return self.report.total.open_count + self.report.total.won_count

    def current_record_id(self) -> str | None:
        return None  # rows are sums, not records

    def focus_search(self) -> None:
        self.period.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def selected_period(self) -> Period:
        key = self.period.currentData()
        today = self._today()
        if key == "next_quarter":
            return quarter_of(today, 1)
        if key == "this_year":
            return year_of(today)
        if key == "custom":
            return custom_months(self.first_month.date().toPython(),
                                 self.last_month.date().toPython())
        return quarter_of(today)

    def query(self) -> ForecastQuery:
        return ForecastQuery(self.selected_period(), self._currency_choice,
                             self.owner.currentData() or None, COMMIT_PROBABILITY)

    @Slot()
    def reload(self) -> None:
        """Recompute in the background; the newest request wins."""
        self._generation += 1
        generation = self._generation
        query = self.query()
        service = self.services.forecast
        self.status.setText(self.tr("Calculating…"))
        operation = BackgroundOperation(self, lambda _progress: self._work(service, query),
                                        title=self.tr("Forecast"), show_dialog=False)
        operation.succeeded.connect(lambda report: self._on_report(generation, report))
        operation.failed.connect(lambda error: self._on_failed(generation, error))
        operation.start()

    @staticmethod
    def _work(service: object, query: ForecastQuery, _progress: Progress | None = None
              ) -> ForecastReport:
        return service.report(query)  # type: ignore[attr-defined]

    # -- results --------------------------------------------------------------------------

    def _on_report(self, generation: int, report: ForecastReport) -> None:
        if generation != self._generation:
            return  # a newer request is under way
        if (self._currency_choice and report.currencies
                and self._currency_choice not in report.currencies):
            self._currency_choice = None  # that currency has nothing in this period
            self.reload()
            return
        self.report = report
        self._fill_currencies(report)
        self.by_month.set_rows([(month_label(m), f) for m, f in report.by_month],
                               report.total, report.currency)
        self.by_owner.set_rows([(name or self.tr("(no owner)"), f)
                                for name, f in report.by_owner], report.total,
                               report.currency)
        self.chart.show_report(report)
        period = report.period
        text = self.tr("%1 – %2. Commit: open at ≥ %3 % probability plus won; best case: "
                       "all open plus won; weighted: amount × probability.")
        self.status.setText(text.replace("%1", month_label(period.first))
                            .replace("%2", month_label(period.last))
                            .replace("%3", f"{COMMIT_PROBABILITY:g}"))
        self.count_changed.emit(self.count())
        self.report_ready.emit(report)

    def _on_failed(self, generation: int, error: object) -> None:
        if generation == self._generation:
            self.status.setText(self.tr("The forecast failed: %1").replace("%1", str(error)))

    def _fill_currencies(self, report: ForecastReport) -> None:
        self.currency.blockSignals(True)
        self.currency.clear()
        for code in report.currencies or ([report.currency] if report.currency else []):
            self.currency.addItem(code, code)
        self.currency.setCurrentIndex(max(self.currency.findData(report.currency), 0))
        self.currency.blockSignals(False)

    def _reload_owners(self) -> None:
        self.owner.blockSignals(True)
        current = self.owner.currentData()
        self.owner.clear()
        self.owner.addItem(self.tr("All owners"), "")
        for user in self.services.users.list_active():
            self.owner.addItem(user.name, user.id)
        self.owner.setCurrentIndex(max(self.owner.findData(current), 0) if current else 0)
        self.owner.blockSignals(False)

    def _set_custom_visible(self, visible: bool) -> None:
        self.first_month.setVisible(visible)
        self.last_month.setVisible(visible)

    # -- slots ----------------------------------------------------------------------------

    @Slot(int)
    def _on_period_current_index_changed(self, _index: int) -> None:
        self._set_custom_visible(self.period.currentData() == "custom")
        self.reload()

    @Slot(QDate)
    def _on_month_date_changed(self, _date: QDate) -> None:
        if self.period.currentData() == "custom":
            self.reload()

    @Slot(int)
    def _on_owner_current_index_changed(self, _index: int) -> None:
        self.reload()

    @Slot(int)
    def _on_currency_activated(self, index: int) -> None:
        self._currency_choice = self.currency.itemData(index) or None
        self.reload()

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        # Moves on the board and edits elsewhere change the figures: refresh when shown.
        super().showEvent(event)  # type: ignore[arg-type]
        self._reload_owners()
        self.reload()
