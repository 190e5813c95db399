"""SLA figures where people look: the ticket list's Due / used-of-allowed / Breached
columns, the editor's figures line, and the service report's per-ticket table; a closed
ticket keeps the figures frozen when its clock stopped, whatever the policy says later."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt

from desk_crm.domain.sla import ALL_DAY
from desk_crm.domain.tickets import SlaPolicyDraft, TicketDraft
from desk_crm.services.bundle import Services
from desk_crm.ui.editors.ticket_editor import TicketEditor
from desk_crm.ui.main_window import MainWindow
from desk_crm.ui.service_report_page import ServiceReportPage
from desk_crm.ui.ticket_columns import OVERDUE
from desk_crm.ui.ticket_list import TicketListPage

ROUND_THE_CLOCK = SlaPolicyDraft(name="24x7", is_default=True, timezone="UTC",
                                 week=(ALL_DAY,) * 7, targets={"urgent": (30, 240)})


def closed_late_ticket(services: Services) -> str:
    """Urgent, answered after 45 business minutes (30 allowed), resolved after 2 h."""
    start = datetime.now(UTC) - timedelta(days=1)
    ticket = services.tickets.save(TicketDraft(subject="Printer on fire", priority="urgent"),
                                   now=start)
    services.tickets.add_entry(ticket.id, "reply", "On it", now=start + timedelta(minutes=45))
    services.tickets.change_status(ticket.id, "open", start + timedelta(minutes=46))
    services.tickets.change_status(ticket.id, "resolved", start + timedelta(hours=2))
    services.tickets.change_status(ticket.id, "closed", start + timedelta(hours=3))
    return ticket.id


def test_list_columns_show_frozen_figures_and_the_breach(
        qtbot: Any, main_window: MainWindow, services: Services) -> None:
    services.sla_policies.save(ROUND_THE_CLOCK)
    closed_late_ticket(services)
    running = services.tickets.save(TicketDraft(subject="Slow VPN", priority="urgent"))
    main_window.show_area("tickets")
    page = main_window.pages["tickets"]
    assert isinstance(page, TicketListPage)
    page.queue.setCurrentIndex(page.queue.findData("all"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    keys = [column.key for column in page.model.columns]
    rows = {page.model.data(page.model.index(row, keys.index("subject"))): row
            for row in range(page.model.rowCount())}

    def cell(subject: str, key: str, role: Any = Qt.ItemDataRole.DisplayRole) -> Any:
        return page.model.data(page.model.index(rows[subject], keys.index(key)), role)

    assert cell("Printer on fire", "sla_response") == "45m of 30m"
    assert cell("Printer on fire", "sla_resolution") == "2h 00m of 4h 00m"
    assert cell("Printer on fire", "sla_breached") == "Yes"
    assert cell("Printer on fire", "sla_response", Qt.ItemDataRole.ForegroundRole) == OVERDUE
    assert cell("Printer on fire", "sla_due") == ""  # stopped: nothing is due
    due = services.tickets.get(running.id).sla.due_at
    assert due is not None
    assert cell("Slow VPN", "sla_due") == due.astimezone().strftime("%Y-%m-%d %H:%M")
    assert cell("Slow VPN", "sla_breached") == ""


def test_editor_shows_the_figures_of_a_closed_ticket_after_the_policy_changed(
        qtbot: Any, services: Services) -> None:
    services.sla_policies.save(ROUND_THE_CLOCK)
    ticket_id = closed_late_ticket(services)
    record = services.sla_policies.list()[0]
    services.sla_policies.save(SlaPolicyDraft(
        name="24x7", is_default=True, timezone="UTC", week=(ALL_DAY,) * 7,
        targets={"urgent": (120, 480)}), record.id, record.version)
    editor = TicketEditor(services, ticket_id)
    qtbot.addWidget(editor)
    assert editor.sla_label.text() == "Clock stopped: SLA not met"
    assert editor.sla_figures.text() == ("First response: 45m of 30m breached · "
                                         "Resolution: 2h 00m of 4h 00m met")


def test_service_report_lists_each_ticket_with_its_figures(qtbot: Any,
                                                           services: Services) -> None:
    services.sla_policies.save(ROUND_THE_CLOCK)
    ticket_id = closed_late_ticket(services)
    page = ServiceReportPage(services, "Service quality")
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.report_ready, timeout=10_000):
        page.show()
    table = page.by_ticket
    assert table.rowCount() == 1
    assert [table.item(0, column).text() for column in (1, 3, 4, 6)] == [
        "Printer on fire", "45m of 30m", "2h 00m of 4h 00m", "Yes"]
    with qtbot.waitSignal(page.open_requested) as opened:
        table.itemActivated.emit(table.item(0, 1))
    assert opened.args == [ticket_id]
    assert page.report is not None and page.report.overall.attainment == 0
