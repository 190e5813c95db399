"""SLA warnings and breaches in the reminder bar: announced once each (due_sla_alerts,
mark_sla_alerted), as a desktop notification too, and Open shows the ticket."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desk_crm.domain.sla import ALL_DAY
from desk_crm.domain.tickets import SlaPolicyDraft, TicketDraft
from desk_crm.services.bundle import Services
from desk_crm.settings import Settings
from desk_crm.store.database import Database
from desk_crm.ui.events import AppEvents
from desk_crm.ui.main_window import MainWindow
from desk_crm.ui.widgets.reminder_banner import SLA_KEY

START = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)


class Clock:
    def __init__(self, value: datetime) -> None:
        self.value = value

    def __call__(self) -> datetime:
        return self.value


def test_warning_then_breach_each_shown_once_and_open_shows_the_ticket(
        qtbot: Any, services: Services, database: Database, tmp_path: Path) -> None:
    # Around the clock, urgent: 30 minutes to respond, warned at 80 % (24 minutes).
    services.sla_policies.save(SlaPolicyDraft(name="24x7", is_default=True, timezone="UTC",
                                              week=(ALL_DAY,) * 7))
    ticket = services.tickets.save(TicketDraft(subject="Server down", priority="urgent"),
                                   now=START)
    clock = Clock(START + timedelta(minutes=10))
    window = MainWindow(services, Settings(tmp_path / "settings.ini"), AppEvents(),
                        database.path, now=clock)
    qtbot.addWidget(window)
    notes: list[tuple[str, str]] = []
    window.reminders.notifier = lambda title, text: notes.append((title, text))
    window.show()
    qtbot.waitExposed(window)
    window.reminders.timer.setInterval(20)
    banner = window.reminder_banner
    qtbot.wait(150)
    assert SLA_KEY + ticket.id not in banner.rows  # 10 of 30 minutes: nothing yet

    clock.value = START + timedelta(minutes=25)
    qtbot.waitUntil(lambda: SLA_KEY + ticket.id in banner.rows, timeout=3000)
    text = banner.rows[SLA_KEY + ticket.id].label.text()
    assert text.startswith("SLA warning: ") and "Server down" in text
    assert "first response" in text
    assert notes[-1][0] == "Desk CRM SLA alert"
    assert services.tickets.due_sla_alerts(clock.value) == []  # marked alerted
    banner.rows[SLA_KEY + ticket.id].dismiss_button.click()
    qtbot.wait(150)
    assert SLA_KEY + ticket.id not in banner.rows  # not announced again

    clock.value = START + timedelta(minutes=31)
    qtbot.waitUntil(lambda: SLA_KEY + ticket.id in banner.rows, timeout=3000)
    row = banner.rows[SLA_KEY + ticket.id]
    assert row.label.text().startswith("SLA breached: ")
    assert row.snooze_button.isHidden() and row.done_button.isHidden()
    assert services.tickets.get(ticket.id, clock.value).first_response_breached_at
    qtbot.mouseClick(row.open_button, Qt.MouseButton.LeftButton)
    assert SLA_KEY + ticket.id not in banner.rows
    editors = [w for w in window.findChildren(object) if type(w).__name__ == "TicketEditor"]
    assert editors and editors[0].record_id == ticket.id
