"""A value axis with readable ticks (domain/chart_scale.py) and numbers in the user's
locale ("6,000,000", not "6000000"). QValueAxis only takes a printf format, so the axis is
a QCategoryAxis whose labels sit on the tick values."""

from __future__ import annotations

from PySide6.QtCharts import QCategoryAxis
from PySide6.QtCore import QLocale

from desk_crm.domain.chart_scale import decimals_of, nice_ticks


def number_label(value: float, decimals: int = 0, suffix: str = "") -> str:
    locale = QLocale()
    text = (locale.toString(round(value)) if decimals == 0
            else locale.toString(float(value), "f", decimals))
    return text + suffix


def value_axis(top: float, whole: bool = False, suffix: str = "",
               max_ticks: int = 6) -> QCategoryAxis:
    """0..a nice number at or above *top*, a locale-formatted label on every tick."""
    ticks = nice_ticks(top, max_ticks, whole)
    decimals = decimals_of(ticks[1] - ticks[0]) if len(ticks) > 1 else 0
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setStartValue(0)
    for tick in ticks:
        axis.append(number_label(tick, decimals, suffix), tick)
    axis.setRange(0, ticks[-1])
    return axis


def axis_labels(axis: QCategoryAxis) -> list[str]:
    return list(axis.categoriesLabels())
