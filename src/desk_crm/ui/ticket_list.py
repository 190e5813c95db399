"""The ticket queue: a list with a queue selector (mine, unassigned, breaching soon,
breached, all) and status/priority filters, refreshed by a timer that also records SLA
breaches; its sidebar entry shows how many tickets are running."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desk_crm.domain.tickets import PRIORITIES, STATUSES
from desk_crm.services.bundle import Services
from desk_crm.store.types import format_utc
from desk_crm.ui.sales_lists import FilterBar, FilteredListPage
from desk_crm.ui.ticket_columns import priority_titles, status_titles, ticket_columns

QUEUES = ("running", "mine", "unassigned", "soon", "breached", "all")
REFRESH_MS = 60_000


class TicketListPage(FilteredListPage):
    """Signals (besides ListPage's):
        nav_title_changed(str): the sidebar text, "Tickets (12)".
    """

    nav_title_changed = Signal(str)

    def __init__(self, services: Services, title: str, parent: QWidget | None = None,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__("ticket", title, services, ticket_columns(), parent)
        self._now = now or (lambda: datetime.now(UTC))
        bar = self.filter_bar
        caption = QLabel(self.tr("&Queue:"), self)
        self.queue = QComboBox(self)
        self.queue.setObjectName("ticketQueue")
        self.queue.setAccessibleName(self.tr("Queue"))
        caption.setBuddy(self.queue)
        bar.row.addWidget(caption)
        bar.row.addWidget(self.queue)
        self.status_filter = bar.add_combo("status", self.tr("St&atus:"), self.tr("Status"))
        self.priority_filter = bar.add_combo("priority", self.tr("P&riority:"),
                                             self.tr("Priority"))
        bar.finish()
        FilterBar.fill(self.status_filter, self.tr("All statuses"),
                       [(status_titles()[code], code) for code in STATUSES])
        FilterBar.fill(self.priority_filter, self.tr("All priorities"),
                       [(priority_titles()[code], code) for code in PRIORITIES])
        self._fill_queues()
        self.queue.currentIndexChanged.connect(self._on_filter_bar_filters_changed)
        sla = [column.key for column in self.model.columns].index("sla")
        self.table.sortByColumn(sla, Qt.SortOrder.AscendingOrder)
        self._on_filter_bar_filters_changed()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.timer.start()

    def my_user_id(self) -> str | None:
        actor = self.services.context.actor
        return next((user.id for user in self.services.users.list_active()
                     if user.name == actor), None)

    def queue_filters(self) -> tuple[tuple[str, str], ...]:
        now = format_utc(self._now())
        key = self.queue.currentData() or "running"
        if key == "mine":
            return (("assignee_id", self.my_user_id() or "-"), ("running", "1"))
        if key == "unassigned":
            return (("unassigned", "1"), ("running", "1"))
        if key == "soon":
            return (("soon_at", now), ("running", "1"))
        if key == "breached":
            return (("breached_at", now), ("running", "1"))
        if key == "all":
            return ()
        return (("running", "1"),)

    def _fill_queues(self) -> None:
        counts = self.services.tickets.counts(self.my_user_id(), self._now())
        titles = {
            "running": self.tr("Open tickets (%1)").replace("%1", str(counts.open)),
            "mine": self.tr("My tickets (%1)").replace("%1", str(counts.mine)),
            "unassigned": self.tr("Unassigned (%1)").replace("%1", str(counts.unassigned)),
            "soon": self.tr("Breaching soon (%1)").replace("%1", str(counts.breaching_soon)),
            "breached": self.tr("Breached (%1)").replace("%1", str(counts.breached)),
            "all": self.tr("All tickets"),
        }
        if self.queue.count() == 0:
            for key in QUEUES:
                self.queue.addItem(titles[key], key)
        else:
            for position in range(self.queue.count()):
                self.queue.setItemText(position, titles[self.queue.itemData(position)])
        self._nav_title = self.tr("%1 (%2)").replace("%1", self.title) \
            .replace("%2", str(counts.open))
        self.nav_title_changed.emit(self._nav_title)

    def nav_title(self) -> str:
        return self._nav_title

    def reload(self) -> None:
        self._fill_queues()
        super().reload()

    @Slot()
    def _on_filter_bar_filters_changed(self) -> None:
        query = self.model.query
        self.model.set_query(replace(query, filters=self.filter_bar.filters()
                                     + self.queue_filters()))

    @Slot()
    def _on_timer_timeout(self) -> None:
        """Record breaches, then show the new times left (the queue's 'now' moves on)."""
        self.services.tickets.refresh_sla(self._now())
        self._fill_queues()
        self._on_filter_bar_filters_changed()
