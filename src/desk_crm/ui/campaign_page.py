"""The Campaigns area: the campaign list (filtered by status and type), "Write e-mail…" to
the members of the current campaign, and the outbox; plus the "Add to campaign…" action the
contacts and leads lists carry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton, QWidget

from desk_crm.domain.campaigns import KINDS, STATUSES
from desk_crm.services.bundle import Services
from desk_crm.ui.columns import RIGHT, ColumnDef, local_time, plain
from desk_crm.ui.editors.campaign_editor import kind_titles, status_titles
from desk_crm.ui.sales_columns import money_cell
from desk_crm.ui.sales_lists import FilterBar, FilteredListPage

translate = QCoreApplication.translate


def _titled(titles: Callable[[], dict[str, str]]) -> Callable[[Any], str]:
    def format_value(value: Any) -> str:
        return titles().get(str(value), plain(value))
    return format_value


def campaign_columns() -> tuple[ColumnDef, ...]:
    return (
        ColumnDef("name", translate("Campaigns", "Name"), plain, width=240),
        ColumnDef("kind", translate("Campaigns", "Type"), _titled(kind_titles), width=130),
        ColumnDef("status", translate("Campaigns", "Status"), _titled(status_titles),
                  width=90),
        ColumnDef("start_date", translate("Campaigns", "Start"), plain, width=95),
        ColumnDef("end_date", translate("Campaigns", "End"), plain, width=95),
        ColumnDef("budget", translate("Campaigns", "Budget"), money_cell, RIGHT, width=110),
        ColumnDef("actual_cost", translate("Campaigns", "Actual cost"), money_cell, RIGHT,
                  width=110),
        ColumnDef("members", translate("Campaigns", "Members"), plain, RIGHT, width=80,
                  sortable=False),
        ColumnDef("owner", translate("Campaigns", "Owner"), plain, width=100),
        ColumnDef("updated_at", translate("Campaigns", "Updated"), local_time, width=130),
    )


class CampaignListPage(FilteredListPage):
    """Signals (besides ListPage's):
        records_changed(str, str): mails were sent (activities) or queued.
        nav_title_changed(str): the sidebar text, "Campaigns (3 to send)".
    """

    records_changed = Signal(str, str)
    nav_title_changed = Signal(str)

    def __init__(self, services: Services, title: str, parent: QWidget | None = None) -> None:
        super().__init__("campaign", title, services, campaign_columns(), parent)
        bar = self.filter_bar
        self.status_filter = bar.add_combo("status", self.tr("St&atus:"), self.tr("Status"))
        self.kind_filter = bar.add_combo("kind", self.tr("T&ype:"), self.tr("Type"))
        FilterBar.fill(self.status_filter, self.tr("All statuses"),
                       [(status_titles()[code], code) for code in STATUSES])
        FilterBar.fill(self.kind_filter, self.tr("All types"),
                       [(kind_titles()[code], code) for code in KINDS])
        bar.finish()
        self.compose_button = QPushButton(self.tr("&Write e-mail to members…"), self)
        self.compose_button.setObjectName("campaignCompose")
        self.compose_button.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.outbox_button = QPushButton(self.tr("Out&box…"), self)
        self.outbox_button.setObjectName("campaignOutbox")
        self.outbox_button.setShortcut(QKeySequence("Ctrl+Shift+U"))
        bar.row.addWidget(self.compose_button)
        bar.row.addWidget(self.outbox_button)
        self.compose_button.clicked.connect(self._on_compose_button_clicked)
        self.outbox_button.clicked.connect(self._on_outbox_button_clicked)
        # The area is built at start-up (registry: eager), so the outbox sends from then on.
        from desk_crm.ui.outbox_scheduler import OutboxScheduler

        self.scheduler = OutboxScheduler(services, self)
        self.scheduler.run_finished.connect(self._on_scheduler_run_finished)
        self.scheduler.start()
        self._nav_title = title
        self._update_nav_title()

    def nav_title(self) -> str:
        return self._nav_title

    def reload(self) -> None:
        super().reload()
        self._update_nav_title()

    def _update_nav_title(self) -> None:
        queued = self.services.mail.counts().get("queued", 0)
        self._nav_title = self.title if not queued else self.tr("%1 (%2 to send)").replace(
            "%1", self.title).replace("%2", str(queued))
        self.nav_title_changed.emit(self._nav_title)

    @Slot()
    def _on_compose_button_clicked(self) -> None:
        from desk_crm.ui.email_composer import EmailComposer

        campaign_id = self.current_record_id()
        if campaign_id is None:
            return
        contacts = [m.record_id for m in self.services.campaigns.members(campaign_id)
                    if m.entity == "contact"]
        self.composer = EmailComposer(self.services, campaign_id, contacts, self)
        self.composer.mails_queued.connect(lambda: self.records_changed.emit("campaign", ""))
        self.composer.open()

    @Slot(object)
    def _on_scheduler_run_finished(self, report: Any) -> None:
        self._update_nav_title()
        if report.sent:
            self.records_changed.emit("activity", "")

    @Slot()
    def _on_outbox_button_clicked(self) -> None:
        from desk_crm.ui.outbox_dialog import OutboxDialog

        self.outbox = OutboxDialog(self.services, self)
        self.outbox.mails_sent.connect(lambda: self.records_changed.emit("activity", ""))
        self.outbox.open()


def install_add_to_campaign(page: Any, services: Services, entity: str) -> QAction:
    """"Add to campaign…" (Ctrl+Alt+C, and the table's context menu) on a contacts or
    leads list page: the selected rows join the chosen campaign."""
    action = QAction(translate("Campaigns", "Add to &campaign…"), page)
    action.setShortcut(QKeySequence("Ctrl+Alt+C"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    page.table.addAction(action)
    page.addAction(action)
    if page.table.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
        page.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def add() -> None:
        ids = page.selected_record_ids()
        choices = services.campaigns.choices()
        title = translate("Campaigns", "Add to campaign")
        if not ids or not choices:
            QMessageBox.information(page, title, translate(
                "Campaigns", "Select rows and create a campaign first."))
            return
        names = [name for _id, name in choices]
        name, ok = QInputDialog.getItem(page, title, translate(
            "Campaigns", "Add %1 selected to:").replace("%1", str(len(ids))), names, 0, False)
        if not ok:
            return
        campaign_id = choices[names.index(name)][0]
        added = services.campaigns.add_members(
            campaign_id, **({"contact_ids": ids} if entity == "contact" else {"lead_ids": ids}))
        QMessageBox.information(page, title, translate(
            "Campaigns", "%1 added to “%2” (%3 were members already).")
            .replace("%1", str(added)).replace("%2", name)
            .replace("%3", str(len(ids) - added)))

    action.triggered.connect(add)
    page.add_to_campaign_action = action
    return action
