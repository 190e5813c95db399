"""The account editor's "Insight" tab: lifecycle stage with its rule, RFM scores and
segment with the rule, ABC class, lifetime value with the formula, churn risk with its
top reasons, and a button creating a retention task. Computed in a worker (the RFM
quintiles need every customer)."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desk_crm.domain.clv import HORIZON_YEARS
from desk_crm.domain.lifecycle import STAGE_NAMES, Lifecycle
from desk_crm.domain.money import format_money
from desk_crm.domain.rfm import SEGMENT_NAMES, SEGMENT_RULES
from desk_crm.services.analytics import Models
from desk_crm.services.bundle import Services
from desk_crm.services.customer_insight import CustomerInsight
from desk_crm.ui.model_tabs import reason_texts
from desk_crm.ui.operations import BackgroundQuery

translate = QCoreApplication.translate


def lifecycle_text(insight: CustomerInsight) -> str:
    stage = translate("Lifecycle", STAGE_NAMES[insight.lifecycle.stage])
    rule = translate("Lifecycle", insight.lifecycle.rule).format(**insight.lifecycle.params)
    return f"<b>{escape(stage)}</b> — {escape(rule)}"


def reasons_html(insight: CustomerInsight, count: int = 3) -> str:
    if insight.churn is None:
        return ""
    items = "".join(
        f"<li>{escape(translate('Churn', r.text).format(**r.params))} "
        f"(+{r.points})</li>" for r in insight.churn.top(count))
    return f"<ol style='margin: 0'>{items}</ol>"


class AccountInsightTab(QWidget):
    """Signals:
        open_record_requested(str, object, object): open the retention task just made.
        task_created(str): id of the retention task.
        insight_shown(object): a CustomerInsight was shown.
    """

    open_record_requested = Signal(str, object, object)
    task_created = Signal(str)
    insight_shown = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("accountInsight")
        self.account_id: str | None = None
        self.insight: CustomerInsight | None = None
        self.models: Models | None = None
        self._computation = BackgroundQuery(self, self._on_insight, self._on_failed)
        self._tabs: QTabWidget | None = None
        layout = QVBoxLayout(self)
        self.labels: dict[str, QLabel] = {}
        for key, title in (("lifecycle", self.tr("Lifecycle stage")),
                           ("rfm", self.tr("RFM (recency, frequency, money)")),
                           ("abc", self.tr("ABC class (revenue, last 365 days)")),
                           ("clv", self.tr("Customer lifetime value")),
                           ("churn", self.tr("Churn risk"))):
            heading = QLabel(f"<b>{escape(title)}</b>", self)
            value = QLabel(self.tr("Calculating…"), self)
            value.setObjectName(f"insight_{key}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.RichText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(title)
            layout.addWidget(heading)
            layout.addWidget(value)
            self.labels[key] = value
        buttons = QHBoxLayout()
        self.task_button = QPushButton(self.tr("Create &retention task"), self)
        self.task_button.setObjectName("retentionTaskButton")
        self.task_button.setAccessibleName(self.tr("Create retention task"))
        self.task_button.setEnabled(False)
        buttons.addWidget(self.task_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.task_button.clicked.connect(self._on_task_button_clicked)

    def install(self, tabs: QTabWidget, before: QWidget) -> None:
        self._tabs = tabs
        tabs.insertTab(tabs.indexOf(before), self, self.tr("&Insight"))

    @Slot(str)
    def set_record(self, account_id: str | None) -> None:
        if self._tabs is not None:
            self._tabs.setTabEnabled(self._tabs.indexOf(self), account_id is not None)
        self.account_id = account_id
        if account_id is not None:
            self.reload()

    def reload(self) -> None:
        if self.account_id is None:
            return
        account_id = self.account_id
        customers, analytics = self.services.customers, self.services.analytics

        def work() -> tuple[CustomerInsight, Models]:
            return customers.account(account_id), analytics.models()

        self._computation.start(work)

    def _money(self, amount: object) -> str:
        assert self.insight is not None
        return escape(format_money(amount, self.insight.currency))  # type: ignore[arg-type]

    def _on_insight(self, result: tuple[CustomerInsight, Models]) -> None:
        insight, models = result
        self.insight = insight
        self.models = models
        self.labels["lifecycle"].setText(lifecycle_text(insight))
        rfm = insight.rfm
        if rfm is None or not insight.currency:
            for key in ("rfm", "abc", "clv", "churn"):
                self.labels[key].setText(self.tr("No orders yet (won deals, accepted quotes "
                                                 "or contracts)."))
            self.task_button.setEnabled(False)
            self.insight_shown.emit(insight)
            return
        rule = dict(SEGMENT_RULES)[rfm.segment]
        self.labels["rfm"].setText(
            self.tr("R %1 · F %2 · M %3 — <b>%4</b> (rule: %5)<br>Last order %6 days ago; "
                    "orders: %7; %8 in total. Scores 1–5 by quintile among all customers.")
            .replace("%1", str(rfm.r)).replace("%2", str(rfm.f)).replace("%3", str(rfm.m))
            .replace("%4", escape(translate("Rfm", SEGMENT_NAMES[rfm.segment])))
            .replace("%5", escape(translate("Rfm", rule)))
            .replace("%6", str(rfm.recency_days)).replace("%7", str(rfm.frequency))
            .replace("%8", self._money(rfm.monetary)))
        abc = insight.abc
        self.labels["abc"].setText(
            self.tr("No revenue in the last 365 days") if abc is None else
            self.tr("<b>%1</b> — %2 % of revenue; with the bigger customers %3 % "
                    "(A: top customers making 80 %, B: the next 15 %, C: the rest)")
            .replace("%1", abc.klass).replace("%2", f"{abc.share:.1f}")
            .replace("%3", f"{abc.cumulative:.1f}"))
        clv = insight.clv
        template = (
            self.tr("<b>%1</b> = %2 so far + %3 projected<br>projected = average order %4 × "
                    "%5 orders a year × %6 years × (1 − churn risk %7 %)") if clv.retention
            else self.tr("<b>%1</b> = %2 so far; churned customers project nothing"))
        projection = (models.clv.projections.get(insight.account_id)
                      if models.clv is not None and models.currency == insight.currency
                      else None)
        if projection is not None and models.clv is not None:
            self.labels["clv"].setText(
                self.tr("<b>%1</b> expected in the next 12 months (discounted at %2 % a year)"
                        "<br>expected purchases: %3 · P(alive): %4 % · expected spend per "
                        "purchase: %5<br><i>BG/NBD + Gamma-Gamma fitted on %6 customers' "
                        "orders; %7 brought so far</i>")
                .replace("%1", self._money(Decimal(f"{projection.clv:.2f}")))
                .replace("%2", f"{models.clv.annual_rate * 100:.0f}")
                .replace("%3", f"{projection.expected_purchases:.2f}")
                .replace("%4", f"{projection.p_alive * 100:.0f}")
                .replace("%5", self._money(Decimal(f"{projection.expected_spend:.2f}")))
                .replace("%6", str(models.clv.bgnbd.customers))
                .replace("%7", self._money(clv.historical)))
        else:
            self.labels["clv"].setText(self.tr(
                "<i>Formula (fallback: too little order history for the fitted model)</i>"
                "<br>") + template.replace("%1", self._money(clv.lifetime))
            .replace("%2", self._money(clv.historical))
            .replace("%3", self._money(clv.projected))
            .replace("%4", self._money(clv.average_order))
            .replace("%5", f"{clv.orders_per_year:.2f}").replace("%6", str(HORIZON_YEARS))
            .replace("%7", str(insight.churn.score if insight.churn else 0)))
        self.labels["churn"].setText(self._churn_text(insight, models))
        self.task_button.setEnabled(True)
        self.insight_shown.emit(insight)

    def _churn_text(self, insight: CustomerInsight, models: Models) -> str:
        fitted = models.churn
        purchase = models.purchase
        buying = ""
        if purchase is not None and insight.account_id in purchase.scores:
            buying = self.tr("<br>Chance of an order in the next 180 days: <b>%1 %</b> "
                             "(purchase model, AUC %2)").replace(
                "%1", f"{purchase.scores[insight.account_id] * 100:.0f}").replace(
                "%2", f"{purchase.evaluation.auc:.2f}")
        if fitted is not None and insight.account_id in fitted.scores:
            probability = fitted.scores[insight.account_id]
            colour = ("#c62828" if probability >= 0.5 else "#ef6c00" if probability >= 0.25
                      else "#2e7d32")
            items = "".join(f"<li>{escape(text)}</li>"
                            for text in reason_texts(fitted, insight.account_id,
                                                     models.titles_zh))
            reasons = f"<ol style='margin: 0'>{items}</ol>" if items else self.tr(" none")
            return (self.tr("<b style='color:%1'>%2 %</b> probability of no order in the "
                            "next 180 days (fitted model, held-out AUC %3; trained %4 – %5)"
                            " — what raises it most:")
                    .replace("%1", colour).replace("%2", f"{probability * 100:.0f}")
                    .replace("%3", f"{fitted.evaluation.auc:.2f}")
                    .replace("%4", fitted.evaluation.trained_from.isoformat())
                    .replace("%5", fitted.evaluation.evaluated_until.isoformat())
                    + reasons + buying)
        churn = insight.churn
        score = churn.score if churn else 0
        colour = "#c62828" if score >= 50 else "#ef6c00" if score >= 25 else "#2e7d32"
        return (self.tr("<i>Rule-based score (fallback: too little history for a fitted "
                        "model)</i><br>") +
                self.tr("<b style='color:%1'>%2 / 100</b> — top reasons:").replace(
                    "%1", colour).replace("%2", str(score))
                + (reasons_html(insight) if churn and churn.reasons else self.tr(" none"))
                + buying)

    def _on_failed(self, error: object) -> None:
        self.labels["lifecycle"].setText(
            self.tr("The insight failed: %1").replace("%1", escape(str(error))))

    @Slot()
    def _on_task_button_clicked(self) -> None:
        insight = self.insight
        if insight is None or self.account_id is None:
            return
        notes = "\n".join(
            f"- {translate('Churn', r.text).format(**r.params)}"
            for r in (insight.churn.top() if insight.churn else ()))
        task = self.services.customers.retention_task(
            self.account_id, self.tr("Retention call: %1").replace("%1", insight.name),
            self.tr("Churn risk %1 / 100.\n%2").replace(
                "%1", str(insight.churn.score if insight.churn else 0)).replace("%2", notes))
        self.task_created.emit(task.id)
        self.open_record_requested.emit("activity", task.id, {})


class ContactLifecycleLabel(QLabel):
    """"Lifecycle: Loyal — 4 orders in the last 365 days (account Acme)" under a contact's
    editor; computed in a worker."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("contactLifecycle")
        self.setWordWrap(True)
        self._computation = BackgroundQuery(self, self._on_result)

    @Slot(str)
    def set_record(self, contact_id: str | None) -> None:
        if contact_id is None:
            self.clear()
            return
        customers = self.services.customers
        self._computation.start(lambda: customers.contact_lifecycle(contact_id))

    def _on_result(self, found: tuple[Lifecycle, str]) -> None:
        lifecycle, account = found
        stage = translate("Lifecycle", STAGE_NAMES[lifecycle.stage])
        rule = translate("Lifecycle", lifecycle.rule).format(**lifecycle.params)
        text = self.tr("Lifecycle: <b>%1</b> — %2").replace("%1", escape(stage)).replace(
            "%2", escape(rule))
        if account:
            text += escape(self.tr(" (account %1)").replace("%1", account))
        self.setText(text)
        self.setAccessibleName(self.tr("Lifecycle stage"))
