"""Settings → SLA policies: a lunch-broken week with a make-up Saturday typed with the
keyboard, saved through the service (change log, running tickets' deadlines moved in the
same transaction), problems shown at the field, and the calendar/deadline preview."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from sqlalchemy import select

from desk_crm.domain.sla import WITH_LUNCH
from desk_crm.domain.tickets import SlaPolicyDraft, TicketDraft
from desk_crm.services.bundle import Services
from desk_crm.store.database import Database
from desk_crm.store.models import ChangeLogEntry
from desk_crm.ui.operations import writer_pool
from desk_crm.ui.sla_preview import EXTRA_DAY, HOLIDAY, OFF_DAY, WORK_DAY
from desk_crm.ui.sla_settings import SlaPolicyDialog

SHANGHAI = ZoneInfo("Asia/Shanghai")


def dialog_for(qtbot: Any, services: Services) -> SlaPolicyDialog:
    dialog = SlaPolicyDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # shortcuts and focus need the active window
    return dialog


def saved_through_the_worker(qtbot: Any, dialog: SlaPolicyDialog) -> None:
    with qtbot.waitSignal(dialog.policy_saved, timeout=10_000):
        assert dialog._on_save_clicked()


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    widget.clear()
    qtbot.keyClicks(widget, text)


def test_lunch_week_with_make_up_saturday_is_saved_through_the_change_log(
        qtbot: Any, services: Services, database: Database) -> None:
    dialog = dialog_for(qtbot, services)
    type_into(qtbot, dialog.name, "Office")
    dialog.timezone.setCurrentText("Asia/Shanghai")
    qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert dialog.tabs.currentIndex() == 1
    qtbot.mouseClick(dialog.week.lunch_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, dialog.week.days[5], "10:00-14:00")
    assert dialog.week.totals[0].text() == "8 h" and dialog.week.totals[5].text() == "4 h"
    dialog.tabs.setCurrentIndex(2)
    dialog.days.holidays.setPlainText("2026-10-01 国庆节\n2026-10-02")
    dialog.days.extra_days.setPlainText("2026-10-10 调休")
    saved_through_the_worker(qtbot, dialog)
    saved = services.sla_policies.list()[0].draft
    assert saved.week is not None
    assert saved.week[0] == WITH_LUNCH and saved.week[5] == ((600, 840),)
    assert saved.week[6] == ()
    assert saved.holidays == (date(2026, 10, 1), date(2026, 10, 2))
    assert saved.extra_days == (date(2026, 10, 10),)
    assert saved.day_names == {date(2026, 10, 1): "国庆节", date(2026, 10, 10): "调休"}
    with database.session_factory() as session:
        logged = session.scalars(select(ChangeLogEntry.entity).where(
            ChangeLogEntry.entity == "sla_policy")).all()
    assert logged  # the save went through the change log


def test_saving_hours_moves_a_running_ticket_deadline(qtbot: Any, services: Services) -> None:
    # One hour a day: the 4 hours to respond take days; 24×7 makes it 4 hours from now.
    services.sla_policies.save(SlaPolicyDraft(name="Thin", is_default=True, timezone="UTC",
                                              week=(((0, 60),),) * 7))
    ticket = services.tickets.save(TicketDraft(subject="VPN down", priority="normal"))
    before = services.tickets.get(ticket.id).sla.due_at
    dialog = dialog_for(qtbot, services)
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.week.always_button, Qt.MouseButton.LeftButton)
    saved_through_the_worker(qtbot, dialog)
    after = services.tickets.get(ticket.id).sla.due_at
    assert before is not None and after is not None
    assert before - after > timedelta(hours=12)


def test_bad_hours_and_dates_are_shown_at_their_field(qtbot: Any, services: Services) -> None:
    dialog = dialog_for(qtbot, services)
    type_into(qtbot, dialog.week.days[2], "9 to 5")
    assert not dialog._on_save_clicked()
    assert "9 to 5" in dialog.error.text()
    assert dialog.tabs.currentIndex() == 1 and dialog.week.days[2].hasFocus()
    type_into(qtbot, dialog.week.days[2], "09:00-12:00, 11:00-18:00")
    assert not dialog._on_save_clicked() and "overlap" in dialog.error.text()
    type_into(qtbot, dialog.week.days[2], "09:00-18:00")
    dialog.days.holidays.setPlainText("tomorrow")
    assert not dialog._on_save_clicked()
    assert "tomorrow" in dialog.error.text() and dialog.tabs.currentIndex() == 2
    dialog.days.holidays.setPlainText("2026-10-10")
    dialog.days.extra_days.setPlainText("2026-10-10")
    assert not dialog._on_save_clicked()
    assert "both a holiday and an extra working day" in dialog.error.text()
    assert services.sla_policies.list() == []  # nothing half-saved


def test_preview_colours_days_and_shows_deadlines(qtbot: Any, services: Services) -> None:
    dialog = dialog_for(qtbot, services)
    dialog.timezone.setCurrentText("Asia/Shanghai")
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.week.lunch_button, Qt.MouseButton.LeftButton)
    dialog.days.holidays.setPlainText("2026-10-01 国庆节")
    dialog.days.extra_days.setPlainText("2026-10-10 调休")
    with qtbot.waitSignal(dialog.preview.preview_updated, timeout=2000):
        pass  # the debounced redraw after the edits
    calendar = dialog.preview.calendar
    calendar.setCurrentPage(2026, 10)

    def colour(day: int) -> str:
        return calendar.dateTextFormat(QDate(2026, 10, day)).foreground().color().name()

    assert colour(1) == HOLIDAY.name()  # Thursday, a holiday
    assert colour(10) == EXTRA_DAY.name()  # Saturday, worked
    assert colour(11) == OFF_DAY.name()  # Sunday
    assert colour(12) == WORK_DAY.name()
    calendar.setSelectedDate(QDate(2026, 10, 10))
    assert "09:00-12:00, 13:00-18:00" in dialog.preview.day_hours.text()
    assert "调休" in dialog.preview.day_hours.text()
    # Normal priority: 4 business hours to respond. Opened Wednesday 30 Sep 2026 at 16:00
    # local: 2 h that day, then Thursday 1 Oct is a holiday, so 2 h on Friday 2 Oct.
    dialog.preview.priority.setCurrentIndex(dialog.preview.priority.findData("normal"))
    dialog.preview.opened.setDateTime(QDateTime(QDate(2026, 9, 30), QTime(16, 0)))
    expected = datetime(2026, 10, 2, 11, 0, tzinfo=SHANGHAI).strftime("%Y-%m-%d %H:%M")
    assert f"First response due {expected}" in dialog.preview.deadlines.text()


def test_preview_says_why_it_cannot_draw(qtbot: Any, services: Services) -> None:
    dialog = dialog_for(qtbot, services)
    for edit in dialog.week.days:
        edit.clear()
    dialog.week.extra_hours.clear()
    dialog.update_preview()
    assert "at least one working day" in dialog.preview.deadlines.text()


def test_every_input_has_an_accessible_name_and_the_tabs_have_shortcuts(
        qtbot: Any, services: Services) -> None:
    dialog = dialog_for(qtbot, services)
    for widget in (*dialog.week.days, dialog.week.extra_hours, dialog.days.holidays,
                   dialog.days.extra_days, dialog.name, dialog.timezone, dialog.targets,
                   dialog.warn_percent, dialog.preview.opened, dialog.preview.priority,
                   dialog.preview.calendar):
        assert widget.accessibleName(), widget.objectName()
    qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert dialog.tabs.currentIndex() == 1
    qtbot.keyClick(dialog, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert dialog.tabs.currentIndex() == 2


def test_seeding_china_adds_holidays_and_make_up_days(qtbot: Any, services: Services
                                                      ) -> None:
    dialog = dialog_for(qtbot, services)
    days = dialog.days
    if days.country.count() == 0:
        qtbot.waitSignal(days.countries_loaded, timeout=10_000).wait()
    dialog.tabs.setCurrentIndex(2)
    days.country.setCurrentIndex(days.country.findData("CN"))
    days.year.setValue(2026)
    days.holidays.setPlainText("2026-10-01 my own name")
    with qtbot.waitSignal(days.days_added, timeout=10_000) as added:
        qtbot.mouseClick(days.seed_button, Qt.MouseButton.LeftButton)
    assert added.args[0] > 20
    holidays, extra = days.days()
    assert holidays[date(2026, 10, 1)] == "my own name"  # typed names are kept
    assert date(2026, 2, 17) in holidays
    assert extra[date(2026, 10, 10)] == "National Day make-up working day"
    assert "new" in days.status.text()
    saved_through_the_worker(qtbot, dialog)
    saved = services.sla_policies.list()[0].draft
    assert date(2026, 10, 10) in saved.extra_days and date(2026, 10, 1) in saved.holidays


def test_ics_import_merges_a_feed_and_explains_a_bad_file(qtbot: Any, services: Services,
                                                          tmp_path: Any) -> None:
    dialog = dialog_for(qtbot, services)
    feed = tmp_path / "holidays.ics"
    feed.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\n"
                    "DTSTART;VALUE=DATE:20261001\r\nDTEND;VALUE=DATE:20261003\r\n"
                    "SUMMARY:国庆节\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\n"
                    "DTSTART;VALUE=DATE:20261010\r\nSUMMARY:补班\r\nEND:VEVENT\r\n"
                    "END:VCALENDAR\r\n", encoding="utf-8")
    with qtbot.waitSignal(dialog.days.days_added, timeout=10_000):
        dialog.days.import_ics(feed)
    holidays, extra = dialog.days.days()
    assert list(holidays) == [date(2026, 10, 1), date(2026, 10, 2)]
    assert list(extra) == [date(2026, 10, 10)]
    broken = tmp_path / "photo.ics"
    broken.write_bytes(b"\x89PNG not a calendar")
    with qtbot.waitSignal(dialog.days.import_failed, timeout=10_000) as failed:
        dialog.days.import_ics(broken)
    assert "not a calendar file" in failed.args[0]
    assert "not a calendar file" in dialog.days.status.text()
    assert list(dialog.days.days()[0]) == [date(2026, 10, 1), date(2026, 10, 2)]  # kept
    with qtbot.waitSignal(dialog.days.import_failed, timeout=10_000) as failed:
        dialog.days.import_ics(tmp_path / "missing.ics")
    assert "cannot be read" in failed.args[0]


def test_cancelled_save_changes_nothing(qtbot: Any, services: Services) -> None:
    version = services.sla_policies.save(SlaPolicyDraft(
        name="Thin", is_default=True, timezone="UTC", week=(((0, 60),),) * 7)).version
    services.tickets.save(TicketDraft(subject="VPN down", priority="normal"))
    dialog = dialog_for(qtbot, services)
    dialog.week.always_button.click()
    # The one writer thread busy until the Cancel is in: the save cannot finish first.
    gate = threading.Event()
    writer_pool().start(gate.wait)
    assert dialog._on_save_clicked()
    operation = dialog._saving
    assert operation is not None
    operation.cancel()  # what the progress dialog's Cancel does
    gate.set()
    qtbot.waitUntil(lambda: dialog._saving is None, timeout=10_000)
    assert "not saved" in dialog.error.text()
    policy = services.sla_policies.list()[0]
    assert policy.draft.week == (((0, 60),),) * 7 and policy.version == version


def test_a_policy_changed_elsewhere_is_not_overwritten(qtbot: Any, services: Services
                                                       ) -> None:
    record = services.sla_policies.save(SlaPolicyDraft(name="Office", is_default=True))
    dialog = dialog_for(qtbot, services)
    services.sla_policies.save(SlaPolicyDraft(name="Office (HQ)", is_default=True),
                               record.id, record.version)
    type_into(qtbot, dialog.name, "Office (mine)")
    assert dialog._on_save_clicked()
    qtbot.waitUntil(lambda: dialog._saving is None, timeout=10_000)
    assert "changed this policy meanwhile" in dialog.error.text()
    assert services.sla_policies.list()[0].draft.name == "Office (HQ)"
