"""A campaign's results: the funnel (members → responses → leads → opportunities → won) as a
bar chart, and the money figures beside it (won revenue, cost, cost per lead, ROI).
Counts become floats only for drawing; the labels show the exact figures."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QWidget

from desk_crm.domain.campaigns import CampaignFigures
from desk_crm.domain.money import format_money
from desk_crm.ui.chart_axes import value_axis

translate = QCoreApplication.translate


def percent_text(value: Decimal | None) -> str:
    return "—" if value is None else f"{value} %"


class CampaignResultsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignResults")
        layout = QHBoxLayout(self)
        self.chart_view = QChartView(self)
        self.chart_view.setObjectName("campaignChart")
        self.chart_view.setAccessibleName(self.tr("Campaign results chart"))
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(420, 280)
        layout.addWidget(self.chart_view, 3)
        panel = QFrame(self)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout(panel)
        self.labels: dict[str, QLabel] = {}
        for key, title in (
                ("members", self.tr("Members")), ("responses", self.tr("Responses")),
                ("response_rate", self.tr("Response rate")), ("leads", self.tr("Leads")),
                ("opportunities", self.tr("Opportunities")),
                ("won_deals", self.tr("Won deals")), ("won_revenue", self.tr("Won revenue")),
                ("cost", self.tr("Actual cost")), ("cost_per_lead", self.tr("Cost per lead")),
                ("roi", self.tr("ROI"))):
            label = QLabel(panel)
            label.setObjectName(f"result_{key}")
            label.setAccessibleName(title)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            form.addRow(title, label)
            self.labels[key] = label
        layout.addWidget(panel, 1)
        self.show_figures(None)

    def show_figures(self, figures: CampaignFigures | None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().hide()
        if figures is None:
            chart.setTitle(self.tr("Save the campaign to see its results"))
            self.chart_view.setChart(chart)
            for label in self.labels.values():
                label.setText("—")
            return
        chart.setTitle(self.tr("From members to won deals"))
        steps = ((self.tr("Members"), figures.members),
                 (self.tr("Responses"), figures.responses),
                 (self.tr("Leads"), figures.leads),
                 (self.tr("Opportunities"), figures.opportunities),
                 (self.tr("Won"), figures.won_deals))
        bars = QBarSet(self.tr("Count"))
        bars.setColor(QColor("#1565c0"))
        bars.setLabelColor(QColor("#202020"))
        for _title, value in steps:
            bars.append(float(value))
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append([title for title, _value in steps])
        # 0, 50, 100 … rather than 0, 46, 92 …; room above the tallest bar for its label
        y_axis = value_axis(max((float(value) for _title, value in steps), default=0.0) * 1.1,
                            whole=True)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        self.chart_view.setChart(chart)
        money = figures.currency
        per_lead = figures.cost_per_lead
        texts = {
            "members": str(figures.members), "responses": str(figures.responses),
            "response_rate": percent_text(figures.response_rate),
            "leads": str(figures.leads), "opportunities": str(figures.opportunities),
            "won_deals": str(figures.won_deals),
            "won_revenue": format_money(figures.won_revenue, money),
            "cost": format_money(figures.cost, money),
            "cost_per_lead": "—" if per_lead is None else format_money(per_lead, money),
            "roi": percent_text(figures.roi),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
