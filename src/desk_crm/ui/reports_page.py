"""The "Performance reports" area: sales reps, lead sources, service quality and the ABC
(Pareto) view of customers, for a period; each tab exports to PDF and PNG. Everything is
computed in one worker (operations.BackgroundQuery)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QLineSeries,
)
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.forecast import Period, add_months, custom_months, quarter_of, year_of
from desk_crm.domain.money import format_money
from desk_crm.domain.propensity import CHURN, PURCHASE
from desk_crm.domain.rfm import SEGMENT_NAMES, SEGMENT_RULES
from desk_crm.services.analytics import Models
from desk_crm.services.bundle import Services
from desk_crm.services.customer_insight import Population
from desk_crm.services.performance import PerformanceReport
from desk_crm.services.service_report import ServiceReport
from desk_crm.ui.chart_axes import value_axis
from desk_crm.ui.model_tabs import fill_clv, fill_propensity, top_clv
from desk_crm.ui.operations import BackgroundQuery
from desk_crm.ui.report_export import save_pdf, save_png
from desk_crm.ui.report_tab import ReportTab, bar_chart, number_text

translate = QCoreApplication.translate
PERIODS = ("this_quarter", "last_quarter", "this_year", "last_12_months")
PARETO_BARS = 30


def _period(key: str, today: date) -> Period:
    if key == "last_quarter":
        return quarter_of(today, -1)
    if key == "this_year":
        return year_of(today)
    if key == "last_12_months":
        return custom_months(add_months(today.replace(day=1), -11), today)
    return quarter_of(today)


@dataclass(frozen=True)
class Reports:
    performance: PerformanceReport
    service: ServiceReport
    population: Population
    names: dict[str, str]
    models: Models


class ReportsPage(QWidget):
    """Signals:
        open_requested(str), delete_requested(str): never emitted.
        count_changed(int): rows in the current tab.
        reports_ready(object): a Reports bundle was shown.
    """

    open_requested = Signal(str)
    delete_requested = Signal(str)
    count_changed = Signal(int)
    reports_ready = Signal(object)

    def __init__(self, services: Services, title: str, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.services = services
        self.entity = "opportunity"
        self.title = title
        self._today = today
        self._computation = BackgroundQuery(self, self._on_reports, self._on_failed)
        self.reports: Reports | None = None
        self.setObjectName("reportsPage")
        self._stale = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<h2>{title}</h2>", self))
        top.addStretch(1)
        self.period = QComboBox(self)
        self.period.setObjectName("reportsPeriod")
        self.period.setAccessibleName(self.tr("Period"))
        for key, text in zip(PERIODS, (self.tr("This quarter"), self.tr("Last quarter"),
                                       self.tr("This year"), self.tr("Last 12 months")),
                             strict=True):
            self.period.addItem(text, key)
        label = QLabel(self.tr("&Period:"), self)
        label.setBuddy(self.period)
        self.period_label = label
        top.addWidget(label)
        top.addWidget(self.period)
        self.pdf_button = QPushButton(self.tr("Export P&DF…"), self)
        self.pdf_button.setObjectName("reportsPdf")
        self.png_button = QPushButton(self.tr("Export PN&G…"), self)
        self.png_button.setObjectName("reportsPng")
        top.addWidget(self.pdf_button)
        top.addWidget(self.png_button)
        layout.addLayout(top)
        self.status = QLabel(self)
        self.status.setObjectName("reportsStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reportsTabs")
        self.reps = ReportTab("reportReps", self.tr("Sales rep performance"), self)
        self.sources = ReportTab("reportSources", self.tr("Lead source performance"), self)
        self.service = ReportTab("reportService", self.tr("Service quality"), self)
        self.pareto = ReportTab("reportPareto", self.tr("Customers by revenue (ABC)"), self)
        self.rfm = ReportTab("reportRfm", self.tr("RFM segments"), self)
        self.clv = ReportTab("reportClv", self.tr("Lifetime value (BG/NBD + Gamma-Gamma)"), self)
        self.churn_model = ReportTab("reportChurnModel", self.tr("Churn model"), self)
        self.purchase_model = ReportTab("reportPurchaseModel", self.tr("Purchase model"), self)
        for tab, text in ((self.reps, self.tr("Sales &reps")),
                          (self.sources, self.tr("Lead &sources")),
                          (self.service, self.tr("Ser&vice quality")),
                          (self.pareto, self.tr("&ABC customers")),
                          (self.rfm, self.tr("RF&M segments")),
                          (self.clv, self.tr("&Lifetime value")),
                          (self.churn_model, self.tr("&Churn model")),
                          (self.purchase_model, self.tr("P&urchase model"))):
            self.tabs.addTab(tab, text)
        layout.addWidget(self.tabs, 1)
        # activated: user choices only (currentIndexChanged also fires while the combo box
        # is destroyed; work started from a half-destroyed page corrupts the heap).
        self.period.activated.connect(lambda _index: self.recompute())
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.png_button.clicked.connect(self._on_png_button_clicked)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.recompute()

    @Slot(int)
    def _on_tabs_current_changed(self, _index: int) -> None:
        # ABC, RFM and the models always use the last 365 days / every order up to
        # today: no period to choose.
        dated = self.tabs.currentWidget() not in (self.pareto, self.rfm, self.clv,
                                                  self.churn_model, self.purchase_model)
        self.period.setVisible(dated)
        self.period_label.setVisible(dated)
        self.count_changed.emit(self.count())

    def count(self) -> int:
        tab = self.tabs.currentWidget()
        return tab.table.rowCount() if isinstance(tab, ReportTab) else 0

    def current_record_id(self) -> str | None:
        return None

    def focus_search(self) -> None:
        self.period.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def selected_period(self) -> Period:
        return _period(self.period.currentData(), self._today())

    @Slot()
    def reload(self) -> None:
        """After a write anywhere (the main window calls this on every change): recompute
        now when on screen, else when next shown — a hidden page costs nothing."""
        if self.isVisible():
            self.recompute()
        else:
            self._stale = True

    @Slot()
    def recompute(self) -> None:
        period = self.selected_period()
        today = self._today()
        services = self.services
        weeks = max(4, (today - period.first).days // 7 + 1)

        def work() -> Reports:
            population = services.customers.population(today)
            models = services.analytics.models(today)
            names = {row.customer_id: "" for row in population.abc_rows[:PARETO_BARS]}
            names.update({key: "" for key in top_clv(models)})
            for account_id in names:
                try:
                    names[account_id] = services.accounts.get(account_id).draft.name
                except LookupError:
                    names[account_id] = account_id[:8]
            return Reports(services.performance.report(period),
                           services.service_report.build(weeks), population, names, models)

        self.status.setText(self.tr("Calculating…"))
        self._computation.start(work)

    def _on_failed(self, error: object) -> None:
        self.status.setText(self.tr("The reports failed: %1").replace("%1", str(error)))

    def _on_reports(self, reports: Reports) -> None:
        self.reports = reports
        perf = reports.performance
        currency = perf.currency
        period = f"{perf.period.first.isoformat()[:7]} – {perf.period.last.isoformat()[:7]}"
        nobody = self.tr("(no owner)")
        self.reps.fill(
            [self.tr("Rep"), self.tr("Won"), self.tr("Lost"), self.tr("Win rate %"),
             self.tr("Won amount"), self.tr("Average cycle (days)"),
             self.tr("Activities done")],
            [[r.owner or nobody, str(r.won), str(r.lost), number_text(r.win_rate),
              format_money(r.won_amount, currency), number_text(r.cycle_days),
              str(r.activities_done)] for r in perf.reps],
            bar_chart(self.tr("Won amount by rep (%1)").replace("%1", currency),
                      [r.owner or nobody for r in perf.reps],
                      [(self.tr("Won amount"), "#2e7d32",
                        [float(r.won_amount) for r in perf.reps])]),
            self.tr("Opportunities closing %1; cycle: first stage to won.").replace(
                "%1", period))
        none = self.tr("(no source)")
        self.sources.fill(
            [self.tr("Source"), self.tr("Leads"), self.tr("Converted"),
             self.tr("Opportunities"), self.tr("Won"), self.tr("Won amount"),
             self.tr("Lead to won %")],
            [[s.source or none, str(s.leads), str(s.converted), str(s.opportunities),
              str(s.won), format_money(s.won_amount, currency), number_text(s.conversion)]
             for s in perf.sources],
            bar_chart(self.tr("Leads → opportunities → won by source"),
                      [s.source or none for s in perf.sources],
                      [(self.tr("Leads"), "#90caf9", [float(s.leads) for s in perf.sources]),
                       (self.tr("Opportunities"), "#1e88e5",
                        [float(s.opportunities) for s in perf.sources]),
                       (self.tr("Won"), "#2e7d32", [float(s.won) for s in perf.sources])],
                      whole=True),
            self.tr("Leads created %1, followed to their opportunities.").replace(
                "%1", period))
        service = reports.service
        unassigned = self.tr("(unassigned)")
        rows = [service.overall, *service.by_assignee]
        self.service.fill(
            [self.tr("Assignee"), self.tr("Tickets"), self.tr("Closed"),
             self.tr("SLA met %"), self.tr("Median first response (h)"),
             self.tr("Median resolution (h)"), self.tr("CSAT")],
            [[(row.label or unassigned) if i else self.tr("All"), str(row.tickets),
              str(row.closed)] + [("—" if v is None else f"{v:.1f}") for v in (
                  row.attainment, row.median_response_hours, row.median_resolution_hours,
                  row.csat)] for i, row in enumerate(rows)],
            bar_chart(self.tr("Tickets opened and closed per week"),
                      [week.week.strftime("%m-%d") for week in service.weeks],
                      [(self.tr("Opened"), "#ef6c00", [float(w.opened) for w in service.weeks]),
                       (self.tr("Closed"), "#2e7d32",
                        [float(w.closed) for w in service.weeks])],
                      whole=True),
            self.tr("Tickets opened in the last %1 weeks; hours are business hours.")
            .replace("%1", str(len(service.weeks))))
        self._fill_pareto(reports)
        self._fill_rfm(reports)
        fill_clv(self.clv, reports.models, reports.names)
        fill_propensity(self.churn_model, reports.models.churn, CHURN,
                        reports.models.titles_zh)
        fill_propensity(self.purchase_model, reports.models.purchase, PURCHASE,
                        reports.models.titles_zh)
        self.status.setText(self.tr("Amounts in %1. Export the tab you see with the "
                                    "buttons above.").replace("%1", currency))
        self.count_changed.emit(self.count())
        self.reports_ready.emit(reports)

    def _fill_pareto(self, reports: Reports) -> None:
        population = reports.population
        rows = population.abc_rows
        currency = population.currency or "CNY"
        chart = QChart()
        chart.setTitle(self.tr("Pareto: revenue of the last 365 days by customer (%1)")
                       .replace("%1", currency))
        bars = QBarSet(self.tr("Revenue"))
        bars.setColor(QColor("#1e88e5"))
        line = QLineSeries()
        line.setName(self.tr("Cumulative %"))
        line.setPen(QPen(QColor("#e65100"), 2.5))
        shown = rows[:PARETO_BARS]
        for position, row in enumerate(shown):
            bars.append(float(row.revenue))
            line.append(QPointF(position, float(row.cumulative)))
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        chart.addSeries(line)
        x_axis = QBarCategoryAxis()
        x_axis.append([str(i + 1) for i in range(len(shown))] or [""])
        money_axis = value_axis(float(shown[0].revenue) if shown else 1.0)
        share_axis = value_axis(100.0, suffix=" %", max_ticks=4)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(money_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(share_axis, Qt.AlignmentFlag.AlignRight)
        series.attachAxis(x_axis)
        series.attachAxis(money_axis)
        line.attachAxis(x_axis)
        line.attachAxis(share_axis)
        counts = {klass: sum(1 for r in rows if r.klass == klass) for klass in "ABC"}
        self.pareto.fill(
            [self.tr("Rank"), self.tr("Account"), self.tr("Revenue"), self.tr("Share %"),
             self.tr("Cumulative %"), self.tr("Class")],
            [[str(i + 1), reports.names.get(row.customer_id, row.customer_id[:8]),
              format_money(row.revenue, currency), f"{row.share:.1f}",
              f"{row.cumulative:.1f}", row.klass] for i, row in enumerate(shown)],
            chart,
            self.tr("A: %1 customers making 80 % of revenue; B: %2 (next 15 %); C: %3.")
            .replace("%1", str(counts["A"])).replace("%2", str(counts["B"]))
            .replace("%3", str(counts["C"])))

    def _fill_rfm(self, reports: Reports) -> None:
        """Every named RFM segment with its rule, in the order the rules are tried."""
        population = reports.population
        currency = population.currency or "CNY"
        rows = []
        for key, rule in SEGMENT_RULES:
            members = [r for r in population.rfm.values() if r.segment == key]
            money = sum((r.monetary for r in members), Decimal(0))
            recency = (sum(r.recency_days for r in members) // len(members)) if members else None
            rows.append([translate("Rfm", SEGMENT_NAMES[key]), translate("Rfm", rule),
                         str(len(members)), format_money(money, currency), number_text(recency)])
        self.rfm.fill(
            [self.tr("Segment"), self.tr("Rule (first that matches)"), self.tr("Customers"),
             self.tr("Revenue"), self.tr("Average days since last order")], rows,
            bar_chart(self.tr("Customers per RFM segment"), [row[0] for row in rows],
                      [(self.tr("Customers"), "#6a1b9a", [float(row[2]) for row in rows])],
                      whole=True),
            self.tr("R, F and M are scored 1–5 by quintile among all %1 customers "
                    "(5: the best fifth).").replace("%1", str(len(population.rfm))))

    def current_tab(self) -> ReportTab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, ReportTab)
        return tab

    def export_pdf(self, path: Path) -> None:
        tab = self.current_tab()
        save_pdf(path, tab.title, tab.subtitle, tab.headers(), tab.rows(), tab.chart)

    def export_png(self, path: Path) -> bool:
        return save_png(self.current_tab(), path)

    def _ask_path(self, caption: str, pattern: str, suffix: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, caption, f"{self.current_tab().title}{suffix}", pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    @Slot()
    def _on_pdf_button_clicked(self) -> None:
        path = self._ask_path(self.tr("Export report as PDF"), self.tr("PDF (*.pdf)"), ".pdf")
        if path is not None:
            self.export_pdf(path)
            self.status.setText(self.tr("Saved %1").replace("%1", str(path)))

    @Slot()
    def _on_png_button_clicked(self) -> None:
        path = self._ask_path(self.tr("Export report as PNG"), self.tr("PNG image (*.png)"),
                              ".png")
        if path is not None:
            self.export_png(path)
            self.status.setText(self.tr("Saved %1").replace("%1", str(path)))

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self._stale = False
            self.recompute()
