"""The "Dashboard" area, first in the sidebar: cards (win rate, sales cycle, won amount,
activities due, tickets breaching, renewals due), the pipeline funnel, won and weighted
pipeline against the monthly target, and the top accounts — for a period and an owner.

Computed in a worker (operations.BackgroundQuery; a newer request makes older results stale). Every
element clicks through to the records behind it: ``list_requested(area, filters)`` asks
the main window for a filtered list, ``open_record_requested`` for one record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationError
from desk_crm.domain.forecast import Period, add_months, custom_months, quarter_of, year_of
from desk_crm.domain.funnel import change_percent
from desk_crm.domain.money import format_money, parse_amount
from desk_crm.services.bundle import Services
from desk_crm.services.insight import Dashboard, DashboardQuery
from desk_crm.store.types import format_utc
from desk_crm.ui.boxed import Boxed
from desk_crm.ui.dashboard_cards import (
    AmountRole,
    Card,
    NameRole,
    ShareRole,
    TopAccountDelegate,
    arrow,
)
from desk_crm.ui.dashboard_charts import FunnelChart, TargetChart
from desk_crm.ui.operations import BackgroundQuery
from desk_crm.ui.validation_text import message

translate = QCoreApplication.translate
PERIODS = ("this_month", "this_quarter", "next_quarter", "this_year", "last_12_months")


def period_for(key: str, today: date) -> Period:
    if key == "this_month":
        return Period(today.replace(day=1), today.replace(day=1))
    if key == "next_quarter":
        return quarter_of(today, 1)
    if key == "this_year":
        return year_of(today)
    if key == "last_12_months":
        return custom_months(add_months(today.replace(day=1), -11), today)
    return quarter_of(today)


class DashboardPage(QWidget):
    """Signals:
        open_requested(str): open the opportunity with this id (unused: see below).
        delete_requested(str): never emitted.
        count_changed(int): opportunities in the funnel.
        list_requested(str, object): show area key with these list filters (a Boxed tuple
            of (key, value) pairs).
        open_record_requested(str, object, object): open a record (entity, id, preset).
        dashboard_ready(object): a Dashboard was shown.
    """

    open_requested = Signal(str)
    delete_requested = Signal(str)
    count_changed = Signal(int)
    list_requested = Signal(str, object)
    open_record_requested = Signal(str, object, object)
    dashboard_ready = Signal(object)

    def __init__(self, services: Services, title: str, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.services = services
        self.entity = "opportunity"
        self.title = title
        self._today = today
        self._computation = BackgroundQuery(self, self._on_dashboard, self._on_failed)
        self._currency_choice: str | None = None
        self._shown_before = False
        self.dashboard: Dashboard | None = None
        self.setObjectName("dashboardPage")
        self._stale = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<h2>{title}</h2>", self))
        top.addStretch(1)
        self.period = self._combo("dashboardPeriod", self.tr("Period"))
        for key, text in zip(PERIODS, (self.tr("This month"), self.tr("This quarter"),
                                       self.tr("Next quarter"), self.tr("This year"),
                                       self.tr("Last 12 months")), strict=True):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(1)
        self.owner = self._combo("dashboardOwner", self.tr("Owner filter"))
        self.currency = self._combo("dashboardCurrency", self.tr("Currency"))
        for text, widget in ((self.tr("&Period:"), self.period),
                             (self.tr("Own&er:"), self.owner),
                             (self.tr("C&urrency:"), self.currency)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        self.target_button = QPushButton(self.tr("Monthly &target…"), self)
        self.target_button.setObjectName("dashboardTargetButton")
        top.addWidget(self.target_button)
        layout.addLayout(top)
        self.status = QLabel(self)
        self.status.setObjectName("dashboardStatus")
        layout.addWidget(self.status)

        cards = QGridLayout()
        self.cards = {
            "win_rate": Card("cardWinRate", self.tr("Win rate"), self),
            "cycle": Card("cardCycle", self.tr("Average sales cycle"), self),
            "won": Card("cardWon", self.tr("Won"), self),
            "activities": Card("cardActivities", self.tr("Activities due"), self),
            "tickets": Card("cardTickets", self.tr("Tickets breaching SLA"), self),
            "renewals": Card("cardRenewals", self.tr("Renewals in 60 days"), self),
        }
        for position, card in enumerate(self.cards.values()):
            cards.addWidget(card, 0, position)
        layout.addLayout(cards)

        self.funnel = FunnelChart(self)
        self.target = TargetChart(self)
        self.top_accounts = QListWidget(self)
        self.top_accounts.setObjectName("dashboardTopAccounts")
        self.top_accounts.setAccessibleName(self.tr("Top accounts"))
        self.top_accounts.setItemDelegate(TopAccountDelegate(self.top_accounts))
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("<b>Top &accounts</b> (won in the period)"), side)
        heading.setBuddy(self.top_accounts)
        side_layout.addWidget(heading)
        side_layout.addWidget(self.top_accounts)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.funnel)
        upper.addWidget(side)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 1)
        charts = QSplitter(Qt.Orientation.Vertical, self)
        charts.addWidget(upper)
        charts.addWidget(self.target)
        layout.addWidget(charts, 1)

        # activated: user choices only; currentIndexChanged also fires while a combo box
        # is destroyed, and work started from a half-destroyed page corrupts the heap.
        self.period.activated.connect(self._on_filter_changed)
        self.owner.activated.connect(self._on_filter_changed)
        self.currency.activated.connect(self._on_currency_activated)
        self.funnel.stage_clicked.connect(self._on_funnel_stage_clicked)
        self.target.month_clicked.connect(self._on_target_month_clicked)
        self.top_accounts.itemActivated.connect(self._on_top_accounts_item_activated)
        self.target_button.clicked.connect(self._on_target_button_clicked)
        self.cards["win_rate"].clicked.connect(
            lambda: self._request_list("opportunities", self._filters(
                ("stage_kind", "won"))))  # the won ones behind the rate and the amount
        self.cards["won"].clicked.connect(self.cards["win_rate"].click)
        self.cards["cycle"].clicked.connect(self.cards["win_rate"].click)
        self.cards["activities"].clicked.connect(
            lambda: self._request_list("my_day", ()))
        self.cards["tickets"].clicked.connect(
            lambda: self._request_list("tickets", (
                ("breached_at", format_utc(datetime.now(UTC))),)))
        self.cards["renewals"].clicked.connect(
            lambda: self._request_list("renewals", ()))
        self._reload_owners()
        self.recompute()

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        return combo

    # -- area page interface --------------------------------------------------------------

    def count(self) -> int:
        if self.dashboard is None:
            return 0
        return sum(row.stage.count for row in self.dashboard.funnel.rows)

    def current_record_id(self) -> str | None:
        return None

    def focus_search(self) -> None:
        self.period.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def query(self) -> DashboardQuery:
        return DashboardQuery(period_for(self.period.currentData(), self._today()),
                              self.owner.currentData() or None, self._currency_choice,
                              self._today())

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
        """Recompute in the background; the newest request wins."""
        query = self.query()
        service = self.services.insight
        self.status.setText(self.tr("Calculating…"))
        self._computation.start(lambda: service.dashboard(query))

    # -- results --------------------------------------------------------------------------

    def _money(self, amount: Decimal) -> str:
        assert self.dashboard is not None
        return format_money(amount, self.dashboard.currency)

    def _on_dashboard(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        self._fill_currencies(dashboard)
        wins = dashboard.wins
        self.cards["win_rate"].set_value(
            "—" if wins.win_rate is None else f"{wins.win_rate} %",
            self.tr("%1 won, %2 lost").replace("%1", str(wins.won))
            .replace("%2", str(wins.lost)))
        self.cards["cycle"].set_value(
            "—" if wins.cycle_days is None
            else self.tr("%1 days").replace("%1", f"{wins.cycle_days}"),
            self.tr("from the first stage to won"))
        self.cards["won"].set_value(self._money(wins.won_amount),
                                    self.tr("closing in the period"))
        self.cards["activities"].set_value(
            str(dashboard.activities_overdue + dashboard.activities_today),
            self.tr("%1 overdue").replace("%1", str(dashboard.activities_overdue)))
        self.cards["tickets"].set_value(
            str(dashboard.tickets_breached),
            self.tr("%1 close to breaching").replace("%1", str(dashboard.tickets_warning)))
        self.cards["renewals"].set_value(str(dashboard.renewals_due),
                                         self.tr("contracts ending"))
        self.funnel.show_funnel(dashboard.funnel)
        self.target.show_months(dashboard.months, dashboard.currency)
        self._show_trends(dashboard)
        self.top_accounts.clear()
        first = dashboard.top_accounts[0].amount if dashboard.top_accounts else Decimal(0)
        for account in dashboard.top_accounts:
            amount = self._money(account.amount)
            item = QListWidgetItem(f"{account.name}  —  {amount}")  # read aloud as one
            item.setData(Qt.ItemDataRole.UserRole, account.account_id)
            item.setData(NameRole, account.name)
            item.setData(AmountRole, amount)
            item.setData(ShareRole, float(account.amount / first) if first else 0.0)
            item.setToolTip(self.tr("Open %1").replace("%1", account.name))
            self.top_accounts.addItem(item)
        if not dashboard.top_accounts:
            self.top_accounts.addItem(self.tr("Nothing won in this period"))
        period = dashboard.query.period
        target = next((m.target for m in dashboard.months if m.target is not None), None)
        self.status.setText(
            self.tr("Opportunities closing %1 – %2. Conversion: share of opportunities that "
                    "reached a stage going on to the next. Monthly target: %3.")
            .replace("%1", period.first.isoformat()[:7])
            .replace("%2", period.last.isoformat()[:7])
            .replace("%3", self._money(target) if target is not None
                     else self.tr("not set")))
        self.count_changed.emit(self.count())
        self.dashboard_ready.emit(dashboard)

    def _show_trends(self, dashboard: Dashboard) -> None:
        """Each period figure against the same figure for as many months just before."""
        now, before = dashboard.wins, dashboard.previous_wins
        none = self.tr("nothing to compare with before")
        if before is None:
            for key in ("win_rate", "won", "cycle"):
                self.cards[key].set_trend("", None)
            return
        if now.win_rate is None or before.win_rate is None:
            self.cards["win_rate"].set_trend(none, None)
        else:
            points = now.win_rate - before.win_rate
            self.cards["win_rate"].set_trend(
                self.tr("%1 points against the period before")
                .replace("%1", f"{arrow(points)} {abs(points)}"), points >= 0 if points else None)
        change = change_percent(now.won_amount, before.won_amount)
        if change is None:
            self.cards["won"].set_trend(none, None)
        else:
            self.cards["won"].set_trend(
                self.tr("%1 % against the period before")
                .replace("%1", f"{arrow(change)} {abs(change)}"), change >= 0 if change else None)
        if now.cycle_days is None or before.cycle_days is None:
            self.cards["cycle"].set_trend(none, None)
        else:
            days = now.cycle_days - before.cycle_days
            self.cards["cycle"].set_trend(  # shorter is better
                self.tr("%1 days against the period before")
                .replace("%1", f"{arrow(days)} {abs(days)}"), days <= 0 if days else None)

    def _on_failed(self, error: object) -> None:
        self.status.setText(self.tr("The dashboard failed: %1").replace("%1", str(error)))

    def _fill_currencies(self, dashboard: Dashboard) -> None:
        self.currency.blockSignals(True)
        self.currency.clear()
        for code in dashboard.currencies or (dashboard.currency,):
            self.currency.addItem(code, code)
        self.currency.setCurrentIndex(max(self.currency.findData(dashboard.currency), 0))
        self.currency.blockSignals(False)

    def _reload_owners(self) -> None:
        self.owner.blockSignals(True)
        current = self.owner.currentData()
        self.owner.clear()
        self.owner.addItem(self.tr("Everybody"), "")
        for user in self.services.users.list_active():
            self.owner.addItem(user.name, user.id)
        self.owner.setCurrentIndex(max(self.owner.findData(current), 0) if current else 0)
        self.owner.blockSignals(False)

    def _request_list(self, area: str, filters: tuple[tuple[str, str], ...]) -> None:
        self.list_requested.emit(area, Boxed(  # boxed: see ui/boxed.py
            filters, self.tr("what you clicked on the dashboard")))

    def _filters(self, *pairs: tuple[str, str], period: bool = True
                 ) -> tuple[tuple[str, str], ...]:
        """*pairs* plus the owner and (with *period*) the period the figures cover."""
        owner = self.owner.currentData()
        shown = self.dashboard.query.period if self.dashboard else self.query().period
        return (*pairs, *((("owner_id", owner),) if owner else ()),
                *((("close_from", shown.first.isoformat()),
                   ("close_before", shown.end.isoformat())) if period else ()))

    # -- slots ----------------------------------------------------------------------------

    @Slot(int)
    def _on_filter_changed(self, _index: int) -> None:
        self.recompute()

    @Slot(int)
    def _on_currency_activated(self, index: int) -> None:
        self._currency_choice = self.currency.itemData(index) or None
        self.recompute()

    @Slot(str)
    def _on_funnel_stage_clicked(self, stage_id: str) -> None:
        self._request_list("opportunities", self._filters(("stage_id", stage_id)))

    @Slot(str)
    def _on_target_month_clicked(self, month: str) -> None:
        self._request_list("opportunities", self._filters(("close_month", month),
                                                                period=False))

    @Slot()
    def _on_target_button_clicked(self) -> None:
        """Ask for the monthly target of the shown currency (empty: no target)."""
        currency = self.dashboard.currency if self.dashboard else "CNY"
        current = self.services.insight.monthly_target(currency)
        text, accepted = QInputDialog.getText(
            self, self.tr("Monthly target"),
            self.tr("Target per month in %1 (empty for none):").replace("%1", currency),
            text="" if current is None else f"{current}")
        if not accepted:
            return
        try:
            amount = parse_amount(text) if text.strip() else None
        except ValidationError as error:
            QMessageBox.warning(self, self.tr("Monthly target"), message(error))
            return
        self.services.insight.set_monthly_target(currency, amount)
        self.recompute()

    @Slot(QListWidgetItem)
    def _on_top_accounts_item_activated(self, item: QListWidgetItem) -> None:
        account_id = item.data(Qt.ItemDataRole.UserRole)
        if account_id:
            self.open_record_requested.emit("account", account_id, {})

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        # Edits elsewhere change the figures: refresh when shown again (the first showing
        # already has the computation started by __init__ under way).
        super().showEvent(event)  # type: ignore[arg-type]
        if self._shown_before:
            self._reload_owners()
            self.recompute()
        self._shown_before = True
