"""The reports' fitted-model tabs: lifetime value (BG/NBD + Gamma-Gamma: top customers by
12-month CLV with expected purchases and P(alive)), and churn / purchase propensity (the
held-out AUC, a calibration plot, the date range trained on and the features ranked by
weight). When a model could not be fitted the tab says so and names the fallback."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCharts import QChart, QLineSeries, QScatterSeries
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QPen

from desk_crm.domain.propensity import CHURN, FEATURE_TITLES, FittedPropensity
from desk_crm.services.analytics import Models
from desk_crm.ui.chart_axes import number_label, value_axis
from desk_crm.ui.field_text import chinese_ui
from desk_crm.ui.report_tab import ReportTab, bar_chart

translate = QCoreApplication.translate
TOP_CLV = 30


def feature_title(key: str, fitted: FittedPropensity, titles_zh: Mapping[str, str]) -> str:
    if key in FEATURE_TITLES:
        return translate("Propensity", FEATURE_TITLES[key])
    if chinese_ui() and key in titles_zh:
        return titles_zh[key]
    return fitted.titles.get(key, key)


def reason_texts(fitted: FittedPropensity, customer: str, titles_zh: Mapping[str, str],
                 count: int = 3) -> list[str]:
    """The customer's top reasons in words, in the window's language (a declared field by
    its own Chinese title in a Chinese window)."""
    found = []
    for reason in fitted.reasons(customer, count):
        params = dict(reason.params)
        if "title" in params:
            params["title"] = feature_title(reason.key, fitted, titles_zh)
        found.append(translate("Propensity", reason.text).format(**params))
    return found


def top_clv(models: Models, count: int = TOP_CLV) -> list[str]:
    if models.clv is None:
        return []
    projections = models.clv.projections
    return sorted(projections, key=lambda key: -projections[key].clv)[:count]


def fill_clv(tab: ReportTab, models: Models, names: Mapping[str, str]) -> None:
    fit = models.clv
    if fit is None:
        tab.fill(
            [translate("Models", "Lifetime value")],
            [
                [
                    translate(
                        "Models",
                        "Too little order history for the fitted model (at least 50 "
                        "customers and 20 with repeat purchases are needed): lifetime value "
                        "uses the formula — average order × orders a year × 3 years × "
                        "(1 − churn risk).",
                    )
                ]
            ],
            bar_chart(translate("Models", "Lifetime value"), [], []),
            translate("Models", "Fallback: the lifetime value formula."),
        )
        return
    shown = top_clv(models)
    rows = []
    for key in shown:
        item = fit.projections[key]
        rows.append(
            [
                names.get(key, key[:8]),
                number_label(item.expected_purchases, 2),
                number_label(item.p_alive * 100, 0, " %"),
                number_label(item.expected_spend, 2),
                number_label(item.clv, 2),
            ]
        )
    chart = bar_chart(
        translate("Models", "Expected value of the next 12 months, top customers (%1)").replace(
            "%1", models.currency
        ),
        [str(i + 1) for i in range(len(shown))],
        [
            (
                translate("Models", "12-month CLV"),
                "#00897b",
                [fit.projections[key].clv for key in shown],
            )
        ],
    )
    b, g = fit.bgnbd, fit.gamma_gamma
    tab.fill(
        [
            translate("Models", "Account"),
            translate("Models", "Expected purchases, next 12 months"),
            translate("Models", "P(alive)"),
            translate("Models", "Expected spend per purchase"),
            translate("Models", "12-month CLV"),
        ],
        rows,
        chart,
        translate(
            "Models",
            "BG/NBD (r %1, α %2, a %3, b %4) and Gamma-Gamma (p %5, q %6, γ %7) fitted "
            "by maximum likelihood on %8 customers' orders up to %9; CLV discounted at "
            "%10 % a year.",
        )
        .replace("%10", f"{fit.annual_rate * 100:.0f}")
        .replace("%1", f"{b.r:.3f}")
        .replace("%2", f"{b.alpha:.3f}")
        .replace("%3", f"{b.a:.3f}")
        .replace("%4", f"{b.b:.3f}")
        .replace("%5", f"{g.p:.2f}")
        .replace("%6", f"{g.q:.2f}")
        .replace("%7", f"{g.gamma:.2f}")
        .replace("%8", str(b.customers))
        .replace("%9", models.today.isoformat()),
    )


def calibration_chart(fitted: FittedPropensity, title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    ideal = QLineSeries()
    ideal.setName(translate("Models", "Perfectly calibrated"))
    ideal.setPen(QPen(QColor("#9e9e9e"), 1.5, Qt.PenStyle.DashLine))
    ideal.append(QPointF(0, 0))
    ideal.append(QPointF(100, 100))
    observed = QLineSeries()
    observed.setName(translate("Models", "Observed (held-out customers)"))
    observed.setPen(QPen(QColor("#1565c0"), 2.5))
    points = QScatterSeries()
    points.setName(translate("Models", "Deciles"))
    points.setColor(QColor("#1565c0"))
    points.setMarkerSize(9)
    for predicted, actual, _count in fitted.evaluation.calibration:
        observed.append(QPointF(predicted * 100, actual * 100))
        points.append(QPointF(predicted * 100, actual * 100))
    x_axis = value_axis(100.0, suffix=" %", max_ticks=4)
    x_axis.setTitleText(translate("Models", "Predicted"))
    y_axis = value_axis(100.0, suffix=" %", max_ticks=4)
    y_axis.setTitleText(translate("Models", "Observed"))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for series in (ideal, observed, points):
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    return chart


def fill_propensity(tab: ReportTab, fitted: FittedPropensity | None, kind: str,
                    titles_zh: Mapping[str, str]) -> None:
    churn = kind == CHURN
    if fitted is None:
        tab.fill(
            [translate("Models", "Model")],
            [
                [
                    translate(
                        "Models",
                        "Too little history for a fitted churn model (at least 200 "
                        "customers and 20 who stayed and 20 who left in each 180-day "
                        "window): the rule-based churn "
                        "score is shown instead (overdue order, falling order value, open tickets, "
                        "SLA breaches, low satisfaction, no recent activity).",
                    )
                    if churn
                    else translate(
                        "Models",
                        "Too little history for a fitted purchase model (at least 200 "
                        "customers and 20 who bought and 20 who did not in each 180-day "
                        "window).",
                    )
                ]
            ],
            bar_chart(translate("Models", "Calibration"), [], []),
            translate("Models", "Fallback: rule-based score."),
        )
        return
    evaluation = fitted.evaluation
    effect_up = (
        translate("Models", "raises the churn risk")
        if churn
        else translate("Models", "raises the chance to buy")
    )
    effect_down = (
        translate("Models", "lowers the churn risk")
        if churn
        else translate("Models", "lowers the chance to buy")
    )
    rows = [
        [
            feature_title(key, fitted, titles_zh),
            number_label(weight, 3),
            effect_up if sign > 0 else effect_down,
        ]
        for key, weight, sign in fitted.importance
    ]
    title = (
        translate("Models", "Churn model: predicted against observed churn in the held-out window")
        if churn
        else translate(
            "Models", "Purchase model: predicted against observed buying in the held-out window"
        )
    )
    tab.fill(
        [
            translate("Models", "Feature"),
            translate("Models", "Weight (standardised)"),
            translate("Models", "Effect"),
        ],
        rows,
        calibration_chart(fitted, title),
        translate(
            "Models",
            "Logistic regression trained on features as of %1 with outcomes up to %2 "
            "(%3 customers), evaluated on the next 180 days up to %4 (%5 customers, "
            "%6 % positive): AUC %7.",
        )
        .replace("%1", evaluation.trained_from.isoformat())
        .replace("%2", evaluation.trained_until.isoformat())
        .replace("%3", str(evaluation.train_rows))
        .replace("%4", evaluation.evaluated_until.isoformat())
        .replace("%5", str(evaluation.test_rows))
        .replace("%6", f"{evaluation.base_rate * 100:.0f}")
        .replace("%7", f"{evaluation.auc:.3f}"),
    )
