"""Activity editor, My day, timelines and reminders, on a real store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desk_crm.domain.activities import ActivityDraft
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.services.bundle import Services
from desk_crm.settings import Settings
from desk_crm.store.database import Database
from desk_crm.ui.editors.activity_editor import ActivityEditor, from_qdatetime, to_qdatetime
from desk_crm.ui.editors.contact_editor import ContactEditor
from desk_crm.ui.events import AppEvents
from desk_crm.ui.main_window import MainWindow
from desk_crm.ui.my_day import MyDayPage
from desk_crm.ui.widgets.timeline import ActivityTimeline


class Clock:
    """An injectable "now" the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.value = start

    def __call__(self) -> datetime:
        return self.value


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    # Unsaved editors closed at teardown are discarded instead of asking.
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *_args, **_kw: QMessageBox.StandardButton.Discard))


@pytest.fixture
def dialogs(qtbot: Any) -> Iterator[list[Any]]:
    shown: list[Any] = []
    yield shown
    for dialog in shown:
        if shiboken6.isValid(dialog):
            dialog.close()


def make_window(qtbot: Any, services: Services, database: Database, tmp_path: Path,
                clock: Clock) -> MainWindow:
    window = MainWindow(services, Settings(tmp_path / "settings.ini"), AppEvents(),
                        database.path, now=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


# -- editor ---------------------------------------------------------------------------------

def test_editor_validates_and_saves_a_call_linked_to_a_contact(
        qtbot: Any, services: Services, dialogs: list[Any]) -> None:
    contact = services.contacts.save(ContactDraft(family_name="张", given_name="三"))
    editor = ActivityEditor(services, preset={"kind": "call",
                                              "link": ("contact", contact.id, "张三")})
    dialogs.append(editor)
    editor.show()
    assert "张三" in editor.ui.linkName.text()
    assert editor.ui.kind.currentData() == "call"
    assert not editor.save_button.isEnabled()  # no subject yet
    assert not editor.ui.subjectError.text()  # but an untouched new form shows no red text
    editor.ui.subject.setText("Call 张三")  # Chinese is set, never typed (DESIGN.md)
    assert editor.save_button.isEnabled()
    due = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(days=1)
    editor.ui.dueAt.setDateTime(to_qdatetime(due))
    editor.ui.reminder.setCurrentIndex(editor.ui.reminder.findData("15m"))
    editor.ui.reminder.setCurrentIndex(editor.ui.reminder.findData("custom"))
    editor.ui.remindAt.setDateTime(to_qdatetime(due + timedelta(hours=1)))
    assert not editor.save_button.isEnabled()
    assert editor.ui.reminderError.isVisibleTo(editor)
    editor.ui.reminder.setCurrentIndex(editor.ui.reminder.findData("15m"))
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.record_saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    record = services.activities.get(saved.args[0])
    assert record.draft.contact_id == contact.id
    assert record.due_at == due
    assert record.draft.remind_at == due - timedelta(minutes=15)
    assert record.kind == "call"


def test_editor_shows_local_time_and_stores_utc() -> None:
    moment = datetime(2026, 5, 4, 6, 30, tzinfo=UTC)
    shown = to_qdatetime(moment)
    assert shown.toString("HH:mm") == moment.astimezone().strftime("%H:%M")
    assert from_qdatetime(shown) == moment


def test_editor_reopens_a_saved_activity_unchanged(services: Services,
                                                   dialogs: list[Any]) -> None:
    due = datetime(2026, 5, 4, 6, 0, tzinfo=UTC)
    saved = services.activities.save(ActivityDraft(
        subject="Weekly", due_at=due, remind_at=due - timedelta(hours=1),
        recurrence="weekly", duration_minutes=30))
    editor = ActivityEditor(services, saved.id)
    dialogs.append(editor)
    assert editor.ui.reminder.currentData() == "1h"
    assert editor.ui.recurrence.currentData() == "weekly"
    assert not editor.is_dirty()
    assert editor.read_draft().due_at == due


# -- My day ---------------------------------------------------------------------------------

def test_my_day_shows_three_buckets_and_space_marks_done(qtbot: Any,
                                                         services: Services) -> None:
    now = datetime.now(UTC)
    local_noon = now.astimezone().replace(hour=12, minute=0, second=0, microsecond=0)
    save = services.activities.save
    late = save(ActivityDraft(subject="Late", due_at=local_noon - timedelta(days=2))).id
    today = save(ActivityDraft(subject="Today", due_at=local_noon)).id
    soon = save(ActivityDraft(subject="Soon", due_at=local_noon + timedelta(days=2))).id
    page = MyDayPage(services, "My day", now=lambda: now)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: not page.loading())  # the lists are read on a worker
    assert page.section_ids("overdue") == [late]
    assert page.section_ids("today") == [today]
    assert page.section_ids("upcoming") == [soon]
    assert page.count() == 3
    assert "1 overdue" in page.heading.text()
    view = page.lists["today"]
    view.setFocus()
    view.setCurrentRow(0)
    assert page.current_record_id() == today
    with qtbot.waitSignal(page.records_changed):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert services.activities.get(today).done
    qtbot.waitUntil(lambda: not page.loading())
    assert page.section_ids("today") == []
    assert page.count() == 2
    page.lists["overdue"].setFocus()
    page.lists["overdue"].setCurrentRow(0)
    qtbot.keyClick(page.lists["overdue"], Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert services.activities.get(late).done
    qtbot.waitUntil(lambda: not page.loading())
    with qtbot.waitSignal(page.open_requested) as opened:
        page.lists["upcoming"].setFocus()
        page.lists["upcoming"].setCurrentRow(0)
        qtbot.keyClick(page.lists["upcoming"], Qt.Key.Key_Return)
    assert opened.args == [soon]
    with qtbot.waitSignal(page.new_requested):
        qtbot.keyClick(page.lists["upcoming"], Qt.Key.Key_N)


def test_my_day_area_opens_editor_for_new_task(qtbot: Any, services: Services,
                                               database: Database, tmp_path: Path) -> None:
    window = make_window(qtbot, services, database, tmp_path, Clock(datetime.now(UTC)))
    window.show_area("my_day")
    assert window.current_page().entity == "activity"
    editor = window.open_record("activity", None)
    assert isinstance(editor, ActivityEditor)
    editor.ui.subject.setText("Send the quote")
    with qtbot.waitSignal(editor.record_saved):
        editor.save()
    editor.close()
    page = window.pages["my_day"]
    # Due next full hour: today or (just before midnight) tomorrow; read on a worker.
    qtbot.waitUntil(lambda: page.count() == 1)


# -- timeline -------------------------------------------------------------------------------

def test_contact_editor_has_an_activities_timeline(qtbot: Any, services: Services,
                                                   dialogs: list[Any]) -> None:
    account = services.accounts.save(AccountDraft(name="Acme"))
    contact = services.contacts.save(ContactDraft(family_name="Li", account_id=account.id))
    old = services.activities.save(ActivityDraft(
        subject="Met", contact_id=contact.id, due_at=datetime(2026, 1, 1, tzinfo=UTC)))
    new = services.activities.save(ActivityDraft(
        subject="Call back", contact_id=contact.id, due_at=datetime(2026, 2, 1, tzinfo=UTC)))
    services.activities.complete(old.id)
    editor = ContactEditor(services, contact.id)
    dialogs.append(editor)
    tab = editor.activities_tab
    assert editor.ui.tabs.isTabEnabled(editor.ui.tabs.indexOf(tab))
    assert "(2)" in editor.ui.tabs.tabText(editor.ui.tabs.indexOf(tab))
    timeline = tab.timeline
    assert isinstance(timeline, ActivityTimeline)
    assert timeline.record_ids() == [new.id, old.id]
    assert timeline.list.item(1).font().strikeOut()  # done
    with qtbot.waitSignal(editor.open_record_requested) as asked:
        timeline.log_call_button.click()
    entity, record_id, preset = asked.args
    assert (entity, record_id) == ("activity", None)
    assert preset["kind"] == "call" and preset["link"] == ("contact", contact.id, "Li")
    assert preset["account"] == (account.id, "Acme")
    with qtbot.waitSignal(editor.open_record_requested) as asked:
        timeline.list.itemActivated.emit(timeline.list.item(0))
    assert asked.args[:2] == ["activity", new.id]


def test_new_contact_editor_has_the_activities_tab_disabled(services: Services,
                                                            dialogs: list[Any]) -> None:
    editor = ContactEditor(services, None)
    dialogs.append(editor)
    assert not editor.ui.tabs.isTabEnabled(editor.ui.tabs.indexOf(editor.activities_tab))


# -- reminders ------------------------------------------------------------------------------

def test_reminder_appears_as_banner_when_the_clock_passes_it(
        qtbot: Any, services: Services, database: Database, tmp_path: Path) -> None:
    start = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
    clock = Clock(start)
    saved = services.activities.save(ActivityDraft(
        kind="call", subject="Call 张三", due_at=start + timedelta(minutes=15),
        remind_at=start + timedelta(minutes=5)))
    window = make_window(qtbot, services, database, tmp_path, clock)
    notes: list[tuple[str, str]] = []
    window.reminders.notifier = lambda title, text: notes.append((title, text))
    window.reminders.timer.setInterval(20)  # the test need not wait 30 s
    qtbot.wait(100)
    assert not window.reminder_banner.isVisible()
    clock.value = start + timedelta(minutes=6)
    qtbot.waitUntil(window.reminder_banner.isVisible, timeout=3000)
    texts = window.reminder_banner.texts()
    assert len(texts) == 1 and texts[0].startswith("Reminder: Call 张三 — due ")
    assert notes and notes[0][1] == texts[0]
    assert services.activities.get(saved.id).reminded_at == clock.value
    qtbot.wait(100)
    assert len(window.reminder_banner.texts()) == 1  # shown once, not every tick
    row = window.reminder_banner.rows[saved.id]
    qtbot.mouseClick(row.dismiss_button, Qt.MouseButton.LeftButton)
    assert not window.reminder_banner.isVisible()


def test_reminders_due_while_closed_show_at_start(qtbot: Any, services: Services,
                                                  database: Database,
                                                  tmp_path: Path) -> None:
    now = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
    missed = services.activities.save(ActivityDraft(
        subject="Missed yesterday", remind_at=now - timedelta(days=1)))
    window = make_window(qtbot, services, database, tmp_path, Clock(now))
    qtbot.waitUntil(window.reminder_banner.isVisible, timeout=3000)
    assert list(window.reminder_banner.rows) == [missed.id]


def test_banner_snooze_and_done(qtbot: Any, services: Services, database: Database,
                                tmp_path: Path) -> None:
    now = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
    clock = Clock(now)
    snoozed = services.activities.save(ActivityDraft(subject="Snooze me", remind_at=now))
    finished = services.activities.save(ActivityDraft(subject="Finish me", remind_at=now))
    window = make_window(qtbot, services, database, tmp_path, clock)
    qtbot.waitUntil(lambda: len(window.reminder_banner.rows) == 2, timeout=3000)
    window.reminder_banner.rows[snoozed.id].snooze_button.click()
    window.reminder_banner.rows[finished.id].done_button.click()
    assert not window.reminder_banner.isVisible()
    assert services.activities.get(finished.id).done
    assert services.activities.get(snoozed.id).draft.remind_at == now + timedelta(minutes=10)
    clock.value = now + timedelta(minutes=10)
    with qtbot.waitSignal(window.reminders.reminders_shown, timeout=5000) as shown:
        window.reminders.check()
    assert shown.args == [[snoozed.id]]
    assert list(window.reminder_banner.rows) == [snoozed.id]
