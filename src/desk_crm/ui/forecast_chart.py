"""The forecast chart: per close month, grouped bars for commit and best case and a line for
the weighted pipeline. Values become floats only here, for drawing; the table shows exact
figures."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
)
from PySide6.QtCore import QCoreApplication, QLocale, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from desk_crm.domain.forecast import ForecastReport
from desk_crm.ui.chart_axes import value_axis

translate = QCoreApplication.translate


def month_label(month: date) -> str:
    return QLocale().toString(month, "MMM yyyy")


class ForecastChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("forecastChart")
        self.setAccessibleName(translate("Forecast", "Forecast chart"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.show_report(None)

    def show_report(self, report: ForecastReport | None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(chart.margins() * 0)
        if report is None or not report.currency:
            chart.setTitle(
                translate("Forecast", "No open or won opportunities close in this period")
            )
            self.setChart(chart)
            return
        chart.setTitle(
            translate("Forecast", "Forecast by close month (%1)").replace("%1", report.currency)
        )
        commit = QBarSet(translate("Forecast", "Commit"))
        commit.setColor(QColor("#2e7d32"))
        best = QBarSet(translate("Forecast", "Best case"))
        best.setColor(QColor("#90caf9"))
        weighted = QLineSeries()
        weighted.setName(translate("Forecast", "Weighted"))
        weighted.setPen(QPen(QColor("#e65100"), 2.5))
        weighted.setPointsVisible(True)
        # Large amounts read better in thousands than as "8000000" on the axis.
        largest = max((float(f.best_case) for _m, f in report.by_month), default=0.0)
        scale = 1000.0 if largest >= 100_000 else 1.0
        categories = []
        top = 0.0
        for position, (month, figures) in enumerate(report.by_month):
            categories.append(month_label(month))
            commit.append(float(figures.commit) / scale)
            best.append(float(figures.best_case) / scale)
            weighted.append(QPointF(position, float(figures.weighted) / scale))
            top = max(top, float(figures.best_case) / scale, float(figures.commit) / scale)
        bars = QBarSeries()
        bars.append(commit)
        bars.append(best)
        chart.addSeries(bars)
        chart.addSeries(weighted)
        x_axis = QBarCategoryAxis()
        x_axis.append(categories)
        y_axis = value_axis(top)
        y_axis.setTitleText(
            translate("Forecast", "Thousands of %1").replace("%1", report.currency)
            if scale > 1
            else report.currency
        )
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (bars, weighted):
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        self.setChart(chart)
