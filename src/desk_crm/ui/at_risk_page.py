"""The "Customers at risk" area: accounts whose churn risk is high, riskiest first, with
the top reasons, lifecycle stage, last order and lifetime value; one click (or Ctrl+T)
creates a retention task for the selected account. Computed in a worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.churn import HIGH_RISK
from desk_crm.domain.errors import QT_TRANSLATE_NOOP
from desk_crm.domain.lifecycle import STAGE_NAMES
from desk_crm.domain.money import format_money
from desk_crm.services.bundle import Services
from desk_crm.services.customer_insight import CustomerInsight
from desk_crm.ui.gc_guard import paused
from desk_crm.ui.operations import BackgroundOperation

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
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
)


class AtRiskModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[CustomerInsight] = []

    def set_items(self, items: list[CustomerInsight]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = COLUMNS[index.column()][1](item)
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 5):
            return int(RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2 and item.churn:
            return "\n".join(f"+{r.points}  {translate('Churn', r.text).format(**r.params)}"
                             for r in item.churn.reasons)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("AtRisk", COLUMNS[section][0])
        return None


class AtRiskPage(QWidget):
    """Signals:
        open_requested(str): open the account with this id.
        delete_requested(str): never emitted.
        count_changed(int): customers listed.
        open_record_requested(str, object, object): open the retention task just made.
        records_changed(str, str): a retention task was written (entity, id).
        items_shown(object): the list was filled.
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
        self._generation = 0
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
        self.model = AtRiskModel(self)
        self.risk_table = QTableView(self)
        self.risk_table.setObjectName("atRiskTable")
        self.risk_table.setAccessibleName(self.tr("Customers at risk"))
        self.risk_table.setModel(self.model)
        self.risk_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.risk_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.risk_table.verticalHeader().hide()
        header = self.risk_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((260, 60, 460, 110, 100, 140)):
            self.risk_table.setColumnWidth(column, width)
        layout.addWidget(self.risk_table, 1)
        self.setFocusProxy(self.risk_table)
        self.risk_table.activated.connect(self._on_table_activated)
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
        return self.model.rowCount()

    def current_record_id(self) -> str | None:
        index = self.risk_table.currentIndex()
        return self.model.items[index.row()].account_id if index.isValid() else None

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
        self._generation += 1
        generation = self._generation
        minimum, owner = self.minimum.value(), self.owner.currentData() or None
        customers = self.services.customers
        self.status.setText(self.tr("Calculating…"))
        operation = BackgroundOperation(
            self, paused(lambda: customers.at_risk(minimum, owner)), title=self.title,
            show_dialog=False)
        operation.succeeded.connect(lambda items: self._on_items(generation, items))
        operation.failed.connect(lambda error: self._on_failed(generation, error))
        operation.start()

    def _on_items(self, generation: int, items: list[CustomerInsight]) -> None:
        if generation != self._generation:
            return
        current = self.current_record_id()
        self.model.set_items(items)
        rows = [i for i, item in enumerate(items) if item.account_id == current]
        if items:
            self.risk_table.setCurrentIndex(self.model.index(rows[0] if rows else 0, 0))
        self.status.setText(self.tr(
            "%1 customers with a churn risk of %2 or more. The score adds points for an "
            "overdue order, falling order value, open tickets, SLA breaches, low "
            "satisfaction and no recent activity (hover a reason for the points).")
            .replace("%1", str(len(items))).replace("%2", str(self.minimum.value())))
        self.count_changed.emit(len(items))
        self.items_shown.emit(items)

    def _on_failed(self, generation: int, error: object) -> None:
        if generation == self._generation:
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

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(self.model.items[index.row()].account_id)

    @Slot()
    def _on_task_button_clicked(self) -> None:
        index = self.risk_table.currentIndex()
        if not index.isValid():
            return
        item = self.model.items[index.row()]
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
