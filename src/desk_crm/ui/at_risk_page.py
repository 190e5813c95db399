"""The "Customers at risk" area: accounts whose churn risk is high, riskiest first, with
the top reasons, lifecycle stage, last order and lifetime value; one click (or Ctrl+T)
creates a retention task for the selected account. Computed in a worker."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.churn import HIGH_RISK
from desk_crm.domain.errors import QT_TRANSLATE_NOOP
from desk_crm.domain.lifecycle import STAGE_NAMES
from desk_crm.domain.money import format_money
from desk_crm.services.analytics import Models
from desk_crm.services.bundle import Services
from desk_crm.services.customer_insight import CustomerInsight
from desk_crm.ui.boxed import Boxed
from desk_crm.ui.model_tabs import reason_texts
from desk_crm.ui.operations import BackgroundQuery

translate = QCoreApplication.translate
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _reasons(item: CustomerInsight) -> str:
    if item.churn is None:
        return ""
    return "; ".join(translate("Churn", r.text).format(**r.params) for r in item.churn.top())


COLUMNS: tuple[tuple[str, Any], ...] = (
    (QT_TRANSLATE_NOOP("AtRisk", "Account"), lambda i: i.name),
    (QT_TRANSLATE_NOOP("AtRisk", "Risk"), lambda i: i.churn.score if i.churn else 0),
    (QT_TRANSLATE_NOOP("AtRisk", "Top reasons"), _reasons),
    (QT_TRANSLATE_NOOP("AtRisk", "Stage"),
     lambda i: translate("Lifecycle", STAGE_NAMES[i.lifecycle.stage])),
    (QT_TRANSLATE_NOOP("AtRisk", "Last order"),
     lambda i: i.last_order.isoformat() if i.last_order else ""),
    (QT_TRANSLATE_NOOP("AtRisk", "Lifetime value"),
     lambda i: format_money(i.clv.lifetime, i.currency) if i.currency else ""),
    # Filled once the fitted model is ready (a second worker; the list comes first).
    (QT_TRANSLATE_NOOP("AtRisk", "Churn model"), lambda _i: ""),
)
MODEL_COLUMN = len(COLUMNS) - 1
LIFETIME_COLUMN = MODEL_COLUMN - 1  # the formula until the fitted value arrives


class AtRiskPage(QWidget):
    """Signals:
        open_requested(str): open the account with this id.
        delete_requested(str): never emitted.
        count_changed(int): customers listed.
        open_record_requested(str, object, object): open the retention task just made.
        records_changed(str, str): a retention task was written (entity, id).
        items_shown(object): the list was filled (a Boxed tuple of CustomerInsight).
    """

    open_requested = Signal(str)
    delete_requested = Signal(str)
    count_changed = Signal(int)
    open_record_requested = Signal(str, object, object)
    records_changed = Signal(str, str)
    items_shown = Signal(object)

    def __init__(self, services: Services, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.entity = "account"
        self.title = title
        self._computation = BackgroundQuery(self, self._on_items, self._on_failed)
        self._fitting = BackgroundQuery(self, self._on_models, self._on_models_failed)
        self.models: Models | None = None
        self.setObjectName("atRiskPage")
        self._stale = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<h2>{title}</h2>", self))
        top.addStretch(1)
        self.owner = QComboBox(self)
        self.owner.setObjectName("atRiskOwner")
        self.owner.setAccessibleName(self.tr("Owner filter"))
        self.minimum = QSpinBox(self)
        self.minimum.setObjectName("atRiskMinimum")
        self.minimum.setAccessibleName(self.tr("Lowest risk shown"))
        self.minimum.setRange(1, 100)
        self.minimum.setValue(HIGH_RISK)
        for text, widget in ((self.tr("Own&er:"), self.owner),
                             (self.tr("Risk at &least:"), self.minimum)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        self.task_button = QPushButton(self.tr("Create retention &task"), self)
        self.task_button.setObjectName("atRiskTaskButton")
        self.task_button.setShortcut(QKeySequence("Ctrl+T"))
        self.task_button.setToolTip(self.tr("A task on the selected account (Ctrl+T)"))
        top.addWidget(self.task_button)
        layout.addLayout(top)
        self.status = QLabel(self)
        self.status.setObjectName("atRiskStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        # A QTableWidget filled from the results, not a Python model: with a Python
        # QAbstractTableModel here the process crashed (heap corruption) in about one test
        # run in three under load with PySide6 6.12; the table widget never did.
        self.items: list[CustomerInsight] = []
        self.risk_table = QTableWidget(0, len(COLUMNS), self)
        self.risk_table.setObjectName("atRiskTable")
        self.risk_table.setAccessibleName(self.tr("Customers at risk"))
        self.risk_table.setHorizontalHeaderLabels(
            [translate("AtRisk", title) for title, _value in COLUMNS])
        self.risk_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.risk_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.risk_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.risk_table.verticalHeader().hide()
        header = self.risk_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((240, 50, 420, 100, 100, 130, 110)):
            self.risk_table.setColumnWidth(column, width)
        layout.addWidget(self.risk_table, 1)
        self.setFocusProxy(self.risk_table)
        self.risk_table.cellActivated.connect(self._on_table_cell_activated)
        self.task_button.clicked.connect(self._on_task_button_clicked)
        # User choices only (activated; a changed value, after a pause): a combo box being
        # destroyed emits currentIndexChanged and a focused spin box editingFinished, and
        # Python slots run on a half-destroyed page corrupted the heap (segfaults in tests
        # under load).
        self.owner.activated.connect(self._on_owner_activated)
        self._minimum_timer = QTimer(self)
        self._minimum_timer.setSingleShot(True)
        self._minimum_timer.setInterval(400)
        self._minimum_timer.timeout.connect(self.recompute)
        self.minimum.valueChanged.connect(self._minimum_timer.start)
        self._reload_owners()
        self.recompute()

    def count(self) -> int:
        return len(self.items)

    def current_record_id(self) -> str | None:
        row = self.risk_table.currentRow()
        return self.items[row].account_id if 0 <= row < len(self.items) else None

    def focus_search(self) -> None:
        self.minimum.setFocus(Qt.FocusReason.ShortcutFocusReason)

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
        minimum, owner = self.minimum.value(), self.owner.currentData() or None
        customers = self.services.customers
        self.status.setText(self.tr("Calculating…"))
        self._computation.start(lambda: customers.at_risk(minimum, owner))

    def _on_items(self, items: list[CustomerInsight]) -> None:
        current = self.current_record_id()
        self.items = list(items)
        self.risk_table.setRowCount(len(items))
        for row, item in enumerate(items):
            for column, (_title, value) in enumerate(COLUMNS):
                cell = QTableWidgetItem(str(value(item)))
                if column in (1, 5):
                    cell.setTextAlignment(RIGHT)
                if column == 2 and item.churn:
                    cell.setToolTip("\n".join(
                        f"+{r.points}  {translate('Churn', r.text).format(**r.params)}"
                        for r in item.churn.reasons))
                self.risk_table.setItem(row, column, cell)
        rows = [i for i, item in enumerate(items) if item.account_id == current]
        if items:
            self.risk_table.setCurrentCell(rows[0] if rows else 0, 0)
        self.status.setText(self.tr(
            "%1 customers with a churn risk of %2 or more. The score adds points for an "
            "overdue order, falling order value, open tickets, SLA breaches, low "
            "satisfaction and no recent activity (hover a reason for the points).")
            .replace("%1", str(len(items))).replace("%2", str(self.minimum.value())))
        self.count_changed.emit(len(items))
        self.items_shown.emit(Boxed(tuple(items)))
        analytics = self.services.analytics
        self._fitting.start(analytics.models)

    def _on_models(self, models: Models) -> None:
        """The fitted churn model's probability and reasons beside the rule-based score;
        "rules only" when there is too little history for a fit."""
        self.models = models
        fitted = models.churn
        values = models.clv.projections if models.clv is not None else {}
        for row, item in enumerate(self.items):
            projection = values.get(item.account_id)
            if projection is not None and item.currency == models.currency:
                cell = QTableWidgetItem(format_money(Decimal(f"{projection.clv:.2f}"),
                                                     item.currency))
                cell.setToolTip(self.tr("Expected in the next 12 months (BG/NBD + "
                                        "Gamma-Gamma; P(alive) %1 %)").replace(
                    "%1", f"{projection.p_alive * 100:.0f}"))
                cell.setTextAlignment(RIGHT)
                self.risk_table.setItem(row, LIFETIME_COLUMN, cell)
            if fitted is not None and item.account_id in fitted.scores:
                cell = QTableWidgetItem(f"{fitted.scores[item.account_id] * 100:.0f} %")
                cell.setToolTip(self.tr("Fitted churn model (held-out AUC %1):\n%2").replace(
                    "%1", f"{fitted.evaluation.auc:.2f}").replace(
                    "%2", "\n".join(reason_texts(fitted, item.account_id, models.titles_zh))))
            else:
                cell = QTableWidgetItem(self.tr("rules only"))
                cell.setToolTip(self.tr("Too little history for a fitted churn model: the "
                                        "risk is the rule-based score"))
            cell.setTextAlignment(RIGHT)
            self.risk_table.setItem(row, MODEL_COLUMN, cell)

    def _on_models_failed(self, error: object) -> None:
        self.status.setText(self.tr("The churn model failed: %1").replace("%1", str(error)))

    def _on_failed(self, error: object) -> None:
        self.status.setText(self.tr("The list failed: %1").replace("%1", str(error)))

    def _reload_owners(self) -> None:
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("Everybody"), "")
        for user in self.services.users.list_active():
            self.owner.addItem(user.name, user.id)
        self.owner.blockSignals(False)

    @Slot(int)
    def _on_owner_activated(self, _index: int) -> None:
        self.recompute()

    @Slot(int, int)
    def _on_table_cell_activated(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.items):
            self.open_requested.emit(self.items[row].account_id)

    @Slot()
    def _on_task_button_clicked(self) -> None:
        row = self.risk_table.currentRow()
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        notes = "\n".join(f"- {translate('Churn', r.text).format(**r.params)}"
                          for r in (item.churn.top() if item.churn else ()))
        task = self.services.customers.retention_task(
            item.account_id, self.tr("Retention call: %1").replace("%1", item.name),
            self.tr("Churn risk %1 / 100.\n%2").replace(
                "%1", str(item.churn.score if item.churn else 0)).replace("%2", notes))
        self.records_changed.emit("activity", task.id)
        self.open_record_requested.emit("activity", task.id, {})

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self._stale = False
            self.recompute()
