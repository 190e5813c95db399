"""The dashboard's charts: the pipeline funnel (one horizontal bar per stage, clickable)
and the weighted forecast + won against the monthly target. Values become floats only
here, for drawing; the cards and tables show exact figures."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QWidget

from desk_crm.domain.funnel import Funnel, MonthTarget
from desk_crm.ui.chart_axes import value_axis
from desk_crm.ui.forecast_chart import month_label

translate = QCoreApplication.translate


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(chart.margins() * 0)
    chart.setTitle(title)
    return chart


class FunnelChart(QChartView):
    """Signals:
        stage_clicked(str): the id of the stage whose bar was clicked.
    """

    stage_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardFunnel")
        self.setAccessibleName(translate("Dashboard", "Pipeline funnel"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        # Keyboard: Up/Down pick a stage (highlighted), Enter opens it like a click.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(translate("Dashboard", "Click a stage, or pick one with the arrow "
                                               "keys and press Enter, to list its opportunities"))
        self.stage_ids: list[str] = []
        self.bars: QBarSet | None = None
        self.selected = -1
        self.show_funnel(None)

    def show_funnel(self, funnel: Funnel | None) -> None:
        chart = _chart(translate("Dashboard", "Pipeline funnel (click a stage)"))
        chart.setMargins(QMargins(0, 0, 16, 0))  # room for the last tick's label
        self.stage_ids = []
        self.bars = None
        if funnel is None or not funnel.rows:
            self.setChart(chart)
            return
        bars = QBarSet(translate("Dashboard", "Opportunities in the stage"))
        bars.setColor(QColor("#1565c0"))
        bars.setLabelColor(QColor("#ffffff"))  # 5.8:1 on the dark blue
        reached = QBarSet(translate("Dashboard", "Reached the stage"))
        reached.setColor(QColor("#bbdefb"))
        # White on this pale blue was unreadable (1.4:1); dark navy is 10:1.
        reached.setLabelColor(QColor("#0d2b52"))
        categories = []
        # Bottom-up in a horizontal chart: the first stage goes last to sit on top.
        for row in reversed(funnel.rows):
            self.stage_ids.append(row.stage.stage_id)
            conversion = ("" if row.conversion is None
                          else f"  → {row.conversion} %")
            categories.append(f"{row.stage.name}{conversion}")
            bars.append(row.stage.count)
            reached.append(row.reached)
        series = QHorizontalBarSeries()
        series.append(reached)
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        chart.addSeries(series)
        y_axis = QBarCategoryAxis()
        y_axis.append(categories)
        x_axis = value_axis(float(max((row.reached for row in funnel.rows), default=0)),
                            whole=True)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(y_axis)
        series.attachAxis(x_axis)
        bars.clicked.connect(self._on_bars_clicked)
        reached.clicked.connect(self._on_bars_clicked)
        bars.setSelectedColor(QColor("#ff8f00"))
        self.bars = bars
        self.selected = -1
        self.setChart(chart)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.bars is not None and self.stage_ids and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            # The first stage is drawn on top, i.e. the last bar: Down goes to later stages.
            step = -1 if key == Qt.Key.Key_Down else 1
            start = len(self.stage_ids) if self.selected < 0 else self.selected
            self.selected = max(0, min(len(self.stage_ids) - 1, start + step))
            self.bars.deselectAllBars()
            self.bars.selectBar(self.selected)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected >= 0:
            self.stage_clicked.emit(self.stage_ids[self.selected])
            return
        super().keyPressEvent(event)

    @Slot(int)
    def _on_bars_clicked(self, index: int) -> None:
        if 0 <= index < len(self.stage_ids):
            self.stage_clicked.emit(self.stage_ids[index])


class TargetChart(QChartView):
    """Signals:
        month_clicked(str): "YYYY-MM" of the month whose bar was clicked.
    """

    month_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTarget")
        self.setAccessibleName(translate("Dashboard", "Forecast against target"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.months: list[str] = []
        self.show_months((), "")

    def show_months(self, months: tuple[MonthTarget, ...], currency: str) -> None:
        chart = _chart(translate("Dashboard", "Won and weighted pipeline against target (%1)")
                       .replace("%1", currency))
        self.months = [month.month.isoformat()[:7] for month in months]
        if not months:
            self.setChart(chart)
            return
        largest = max((float(m.won + m.weighted) for m in months), default=0.0)
        largest = max(largest, max((float(m.target or 0) for m in months), default=0.0))
        scale = 1000.0 if largest >= 100_000 else 1.0
        won = QBarSet(translate("Dashboard", "Won"))
        won.setColor(QColor("#2e7d32"))
        weighted = QBarSet(translate("Dashboard", "Weighted open"))
        weighted.setColor(QColor("#90caf9"))
        target = QLineSeries()
        target.setName(translate("Dashboard", "Target"))
        target.setPen(QPen(QColor("#e65100"), 2.5, Qt.PenStyle.DashLine))
        categories = []
        for position, month in enumerate(months):
            categories.append(month_label(month.month))
            won.append(float(month.won) / scale)
            weighted.append(float(month.weighted) / scale)
            if month.target is not None:
                target.append(QPointF(position, float(month.target) / scale))
        series = QStackedBarSeries()
        series.append(won)
        series.append(weighted)
        chart.addSeries(series)
        if target.count():
            chart.addSeries(target)
        x_axis = QBarCategoryAxis()
        x_axis.append(categories)
        y_axis = value_axis(largest / scale)
        y_axis.setTitleText(translate("Dashboard", "Thousands of %1").replace("%1", currency)
                            if scale > 1 else currency)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for attached in (series, target) if target.count() else (series,):
            attached.attachAxis(x_axis)
            attached.attachAxis(y_axis)
        won.clicked.connect(self._on_bar_clicked)
        weighted.clicked.connect(self._on_bar_clicked)
        self.setChart(chart)

    @Slot(int)
    def _on_bar_clicked(self, index: int) -> None:
        if 0 <= index < len(self.months):
            self.month_clicked.emit(self.months[index])

