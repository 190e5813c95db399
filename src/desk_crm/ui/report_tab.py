"""A report tab (a chart above a table, what is shown and exported) and a bar chart
helper for the performance reports."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.ui.chart_axes import value_axis

translate = QCoreApplication.translate
NUMERIC_START = set("0123456789-—¥$€£")  # cells starting so are right-aligned


def number_text(value: object) -> str:
    return "—" if value is None else f"{value}"


class ReportTab(QWidget):
    """A chart above a table; what a report tab shows and exports."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = title
        self.subtitle = ""
        self.chart = QChartView(self)
        self.chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart.setMinimumHeight(220)
        self.chart.setAccessibleName(translate("Reports", "%1 chart").replace("%1", title))
        self.table = QTableWidget(self)
        self.table.setAccessibleName(translate("Reports", "%1 table").replace("%1", title))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        # What the tab shows and how it was computed (also the export's subtitle).
        self.note = QLabel(self)
        self.note.setObjectName(f"{name}Note")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(splitter)

    def fill(self, headers: Sequence[str], rows: Sequence[Sequence[str]], chart: QChart,
             subtitle: str) -> None:
        self.subtitle = subtitle
        self.note.setText(subtitle)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(list(headers))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                if c and value[:1] in NUMERIC_START:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(len(headers) > 6)  # before sizing: it resets the last
        self.table.resizeColumnsToContents()
        metrics = header.fontMetrics()
        for column, title in enumerate(headers):  # never narrower than the column's title
            self.table.setColumnWidth(column, max(self.table.columnWidth(column),
                                                  metrics.horizontalAdvance(title) + 24))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setChart(chart)

    def headers(self) -> list[str]:
        return [self.table.horizontalHeaderItem(c).text()
                for c in range(self.table.columnCount())]

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]


def bar_chart(title: str, categories: Sequence[str],
              sets: Sequence[tuple[str, str, Sequence[float]]], whole: bool = False) -> QChart:
    """*whole*: the values are counts (no fractional ticks)."""
    chart = QChart()
    chart.setTitle(title)
    series = QBarSeries()
    top = 0.0
    for name, colour, values in sets:
        bar = QBarSet(name)
        bar.setColor(QColor(colour))
        for value in values:
            bar.append(value)
            top = max(top, value)
        series.append(bar)
    chart.addSeries(series)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(categories))
    y_axis = value_axis(top, whole=whole)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    return chart
