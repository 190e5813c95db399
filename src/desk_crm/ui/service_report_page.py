"""Service quality: tickets opened and closed per week (chart), and per assignee and per
category the SLA attainment, median first response and resolution in business hours and
the average CSAT (tables), and per ticket its SLA figures: business time used of allowed
per target (frozen on resolved/closed tickets), due, breached; Enter or a double click
opens the ticket. Read and computed in a BackgroundQuery (newest request wins)."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView
from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_crm.services.bundle import Services
from desk_crm.services.service_report import (
    QualityRow,
    ServiceReport,
    TicketSlaRow,
    compute,
)
from desk_crm.ui.chart_axes import value_axis
from desk_crm.ui.columns import local_time
from desk_crm.ui.operations import BackgroundQuery
from desk_crm.ui.ticket_columns import OVERDUE, status_titles, used_text

WEEK_CHOICES = (4, 12, 26, 52)


def _number(value: float | None, suffix: str = "") -> str:
    return "—" if value is None else f"{value:.1f}{suffix}"


class ServiceReportPage(QWidget):
    """Signals:
        open_requested(str): the ticket chosen in the per-ticket SLA table.
        delete_requested(str): never emitted (the report deletes nothing).
        count_changed(int): tickets in the report.
        report_ready(object): a ServiceReport was shown.
    """

    open_requested = Signal(str)
    delete_requested = Signal(str)
    count_changed = Signal(int)
    report_ready = Signal(object)

    def __init__(self, services: Services, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.entity = "ticket"
        self.title = title
        self.report: ServiceReport | None = None
        self._query = BackgroundQuery(self, self._on_report, self._on_failed)
        self.setObjectName("serviceReportPage")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<h2>{title}</h2>", self))
        top.addStretch(1)
        self.weeks = QComboBox(self)
        self.weeks.setObjectName("serviceReportWeeks")
        self.weeks.setAccessibleName(self.tr("Period"))
        for count in WEEK_CHOICES:
            self.weeks.addItem(self.tr("Last %1 weeks").replace("%1", str(count)), count)
        self.weeks.setCurrentIndex(1)
        label = QLabel(self.tr("&Period:"), self)
        label.setBuddy(self.weeks)
        top.addWidget(label)
        top.addWidget(self.weeks)
        layout.addLayout(top)
        self.status = QLabel(self)
        self.status.setObjectName("serviceReportStatus")
        layout.addWidget(self.status)
        self.chart = QChartView(self)
        self.chart.setObjectName("serviceReportChart")
        self.chart.setAccessibleName(self.tr("Tickets opened and closed per week"))
        self.chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart.setMinimumHeight(240)
        # One chart for the page's life, refilled per report: replacing the view's chart
        # deletes the old one in C++ while PySide may still hold it (crash at teardown).
        self.weekly = QChart()
        self.weekly.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.weekly.setTitle(self.tr("Tickets opened and closed per week"))
        self.weekly.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setChart(self.weekly)
        self.by_assignee = self._table("serviceByAssignee", self.tr("By assignee"))
        self.by_category = self._table("serviceByCategory", self.tr("By category"))
        self.by_ticket = self._ticket_table()
        tabs = QTabWidget(self)
        tabs.addTab(self.by_assignee, self.tr("By &assignee"))
        tabs.addTab(self.by_category, self.tr("By ca&tegory"))
        tabs.addTab(self.by_ticket, self.tr("SLA per tic&ket"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(tabs)
        layout.addWidget(splitter, 1)
        self.weeks.currentIndexChanged.connect(self.reload)
        self._loaded = False

    def _table(self, name: str, accessible: str) -> QTableWidget:
        table = QTableWidget(0, 7, self)
        table.setObjectName(name)
        table.setAccessibleName(accessible)
        table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Tickets"), self.tr("Resolved"), self.tr("SLA met"),
            self.tr("Median first response (business h)"),
            self.tr("Median resolution (business h)"), self.tr("CSAT")])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 180)
        table.setColumnWidth(4, 220)
        table.setColumnWidth(5, 200)
        table.verticalHeader().hide()
        return table

    def _ticket_table(self) -> QTableWidget:
        table = QTableWidget(0, 7, self)
        table.setObjectName("serviceByTicket")
        table.setAccessibleName(self.tr("SLA per ticket"))
        table.setHorizontalHeaderLabels([
            self.tr("Number"), self.tr("Subject"), self.tr("Status"),
            self.tr("First response used"), self.tr("Resolution used"), self.tr("Due"),
            self.tr("Breached")])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(1, 260)
        table.setColumnWidth(3, 160)
        table.setColumnWidth(4, 160)
        table.setColumnWidth(5, 130)
        table.verticalHeader().hide()
        table.itemActivated.connect(self._on_by_ticket_item_activated)
        return table

    def _fill_tickets(self, rows: tuple[TicketSlaRow, ...]) -> None:
        table = self.by_ticket
        table.setRowCount(len(rows))
        statuses = status_titles()
        for position, row in enumerate(rows):
            values = (row.number, row.subject, statuses.get(row.status, row.status),
                      used_text(row.response_used, row.response_allowed),
                      used_text(row.resolution_used, row.resolution_allowed),
                      local_time(row.due_at), self.tr("Yes") if row.breached else "")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.ticket_id)
                if row.breached and column in (3, 4, 6):
                    item.setForeground(OVERDUE)
                table.setItem(position, column, item)

    @Slot(QTableWidgetItem)
    def _on_by_ticket_item_activated(self, item: QTableWidgetItem) -> None:
        self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def count(self) -> int:
        return self.report.overall.tickets if self.report else 0

    def current_record_id(self) -> str | None:
        return None

    def focus_search(self) -> None:
        self.weeks.setFocus()

    @Slot()
    def reload(self) -> None:
        """Recompute in the background; the newest request wins."""
        if not self.isVisible() and not self._loaded:
            return  # computed when first shown
        self._loaded = True
        weeks = self.weeks.currentData()
        service = self.services.service_report
        self.status.setText(self.tr("Calculating…"))
        # Both the reading and the clocks over every ticket run in the worker.
        self._query.start(lambda: compute(service.load(weeks)))

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._loaded:
            self._loaded = True
            self.reload()

    def _on_report(self, report: ServiceReport) -> None:
        self.report = report
        overall = report.overall
        self.status.setText(
            self.tr("%1 tickets, %2 resolved · SLA met: %3 · median first response %4 h, "
                    "resolution %5 h (business hours) · CSAT %6")
            .replace("%1", str(overall.tickets)).replace("%2", str(overall.closed))
            .replace("%3", _number(overall.attainment, " %"))
            .replace("%4", _number(overall.median_response_hours))
            .replace("%5", _number(overall.median_resolution_hours))
            .replace("%6", _number(overall.csat)))
        self._fill(self.by_assignee, report.by_assignee, self.tr("(unassigned)"))
        self._fill(self.by_category, report.by_category, self.tr("(no category)"))
        self._fill_tickets(report.tickets)
        self._chart(report)
        self.count_changed.emit(self.count())
        self.report_ready.emit(report)

    def _on_failed(self, error: object) -> None:
        self.status.setText(self.tr("The report failed: %1").replace("%1", str(error)))

    @staticmethod
    def _fill(table: QTableWidget, rows: tuple[QualityRow, ...], empty: str) -> None:
        table.setRowCount(len(rows))
        for position, row in enumerate(rows):
            values = (row.label or empty, str(row.tickets), str(row.closed),
                      _number(row.attainment, " %"), _number(row.median_response_hours),
                      _number(row.median_resolution_hours), _number(row.csat))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(position, column, item)

    def _chart(self, report: ServiceReport) -> None:
        chart = self.weekly
        # removeSeries/removeAxis hand ownership back to Python, which frees the old parts
        # once when _chart_parts is replaced. (removeAllSeries() deletes them in C++ while
        # _chart_parts still held their wrappers: a double free that corrupted the heap.)
        for old_series in chart.series():
            chart.removeSeries(old_series)
        for axis in chart.axes():
            chart.removeAxis(axis)
        opened = QBarSet(self.tr("Opened"))
        closed = QBarSet(self.tr("Resolved"))
        labels = []
        for week in report.weeks:
            opened.append(week.opened)
            closed.append(week.closed)
            labels.append(QLocale().toString(week.week, "MM-dd"))
        series = QBarSeries()
        series.append(opened)
        series.append(closed)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(labels)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = value_axis(float(max([1, *(max(w.opened, w.closed) for w in report.weeks)])),
                            whole=True)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        # Python keeps the wrappers of what the chart shows, so no collection of a local
        # can free a bar set the chart still draws.
        self._chart_parts = (series, opened, closed, axis_x, axis_y)
