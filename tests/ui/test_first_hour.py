"""What a new user meets in the first hour (issue 26): logging a call, owning what one
creates, and the other small things that decide whether the app is kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QLocale, QPoint, Qt, QTranslator
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desk_crm.domain.activities import ActivityDraft
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.domain.emails import normalize_email
from desk_crm.domain.errors import ValidationError
from desk_crm.domain.tickets import TicketDraft
from desk_crm.paths import resources_dir
from desk_crm.services.bundle import Services
from desk_crm.store.repositories import ListQuery
from desk_crm.sync.issues import SyncIssues
from desk_crm.ui.backups_dialog import BackupsDialog
from desk_crm.ui.bulk_edit_dialog import BulkEditDialog
from desk_crm.ui.editors.account_editor import AccountEditor
from desk_crm.ui.editors.activity_editor import LOGGED_CALL_MINUTES, ActivityEditor
from desk_crm.ui.editors.contact_editor import ContactEditor
from desk_crm.ui.editors.ticket_editor import TicketEditor
from desk_crm.ui.icons import ACTION_ICONS, AREA_ICONS, icon_path, themed_icon
from desk_crm.ui.my_day import MyDayPage
from desk_crm.ui.outbox_dialog import OutboxDialog
from desk_crm.ui.stage_settings import StageSettingsDialog
from desk_crm.ui.sync_conflicts import ConflictsDialog
from desk_crm.ui.sync_history import SyncHistoryDialog
from desk_crm.ui.validation_text import message
from desk_crm.ui.widgets.reminder_banner import ReminderBanner

from .chinese_input import commit_text
from .message_boxes import MessageBoxes


@pytest.fixture
def dialogs(qtbot: Any, message_boxes: MessageBoxes) -> Iterator[list[Any]]:
    shown: list[Any] = []
    yield shown
    message_boxes.discard_everything = True
    for dialog in shown:
        if shiboken6.isValid(dialog):
            dialog.close()


def test_log_call_records_a_call_done_now_with_its_length(
        qtbot: Any, services: Services, dialogs: list[Any]) -> None:
    account = services.accounts.save(AccountDraft(name="Acme"))
    contact = services.contacts.save(ContactDraft(family_name="Li", account_id=account.id))
    contact_editor = ContactEditor(services, contact.id)
    dialogs.append(contact_editor)
    timeline = contact_editor.activities_tab.timeline
    with qtbot.waitSignal(contact_editor.open_record_requested) as asked:
        timeline.log_call_button.click()
    _entity, _id, preset = asked.args
    before = datetime.now(UTC).replace(second=0, microsecond=0)
    editor = ActivityEditor(services, preset=preset)
    dialogs.append(editor)
    editor.show()
    assert editor.ui.done.isChecked()  # logging, not scheduling
    assert editor.ui.duration.value() == LOGGED_CALL_MINUTES
    assert editor.focusWidget() in (editor.ui.duration, editor.ui.duration.lineEdit())
    editor.ui.duration.setValue(12)
    with qtbot.waitSignal(editor.record_saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    record = services.activities.get(saved.args[0])
    assert record.done and record.kind == "call"
    assert record.draft.duration_minutes == 12
    assert record.due_at is not None
    assert before <= record.due_at <= datetime.now(UTC) + timedelta(minutes=1)
    assert record.draft.remind_at is None
    assert record.draft.contact_id == contact.id


def test_new_task_still_schedules(qtbot: Any, services: Services, dialogs: list[Any]) -> None:
    editor = ActivityEditor(services, preset={"kind": "task"})
    dialogs.append(editor)
    assert not editor.ui.done.isChecked()
    assert editor.ui.dueAt.dateTime().toSecsSinceEpoch() > datetime.now(UTC).timestamp()


@pytest.mark.parametrize("make", [
    lambda services: (AccountEditor(services, None), "ui.owner"),
    lambda services: (ContactEditor(services, None), "ui.owner"),
    lambda services: (ActivityEditor(services, preset={"kind": "task"}), "ui.owner"),
    lambda services: (TicketEditor(services, None), "assignee"),
])
def test_new_records_belong_to_the_current_user(services: Services, dialogs: list[Any],
                                                make: Any) -> None:
    services.users.ensure("Wang Fang")  # other reps to choose from
    services.users.ensure("Anna")
    me = services.users.current()
    assert me.name == "tester"  # the services write as "tester" (Preferences > Your name)
    editor, path = make(services)
    dialogs.append(editor)
    combo = editor
    for part in path.split("."):
        combo = getattr(combo, part)
    assert combo.currentData() == me.id
    assert combo.currentText() == "tester"


def test_an_existing_record_without_owner_stays_without_one(services: Services,
                                                            dialogs: list[Any]) -> None:
    account = services.accounts.save(AccountDraft(name="Acme"))
    editor = AccountEditor(services, account.id)
    dialogs.append(editor)
    assert editor.ui.owner.currentData() is None


def test_my_day_highlights_a_row_only_in_the_list_in_use(qtbot: Any,
                                                         services: Services) -> None:
    now = datetime.now(UTC)
    noon = now.astimezone().replace(hour=12, minute=0, second=0, microsecond=0)
    for subject, days in (("Late", -2), ("Today", 0), ("Soon", 2)):
        services.activities.save(ActivityDraft(subject=subject, due_at=noon + timedelta(days)))
    page = MyDayPage(services, "My day", now=lambda: now)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.waitUntil(lambda: not page.loading())  # the lists are read on a worker

    def highlighted() -> list[str]:
        return [key for key, view in page.lists.items() if view.selectedItems()]

    assert highlighted() == ["today"]
    page.lists["upcoming"].setFocus()
    qtbot.waitUntil(lambda: highlighted() == ["upcoming"])
    page.reload()  # a change elsewhere refills the lists: still one highlight
    qtbot.waitUntil(lambda: not page.loading())
    assert highlighted() == ["upcoming"]
    assert page.current_record_id() == page.section_ids("upcoming")[0]


def test_reminder_bar_collapses_to_one_row_and_dismisses_all(qtbot: Any) -> None:
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    banner.show()
    banner.add("a1", "Reminder: Call 张三 — due 14:00")
    assert banner.summary.isHidden()  # one reminder: nothing to collapse
    one_row = banner.sizeHint().height()
    for number in (2, 3, 4):
        banner.add(f"a{number}", f"Reminder: task {number}")
    assert [row.activity_id for row in banner.visible_rows()] == ["a1"]
    assert banner.summary_label.text() == "More reminders: 3"
    # Collapsed, four reminders cost about two rows, not four.
    assert banner.sizeHint().height() < 2.5 * one_row
    banner.toggle_button.click()
    assert len(banner.visible_rows()) == 4
    assert banner.toggle_button.text() == "Show fewer"
    banner.toggle_button.click()
    assert len(banner.visible_rows()) == 1
    dismissed: list[str] = []
    banner.dismissed.connect(dismissed.append)
    banner.dismiss_all_button.click()
    assert sorted(dismissed) == ["a1", "a2", "a3", "a4"]
    assert not banner.isVisible() and not banner.rows


def test_down_onto_an_account_suggestion_links_it_and_enter_saves_it(
        qtbot: Any, services: Services, dialogs: list[Any]) -> None:
    coast = services.accounts.save(AccountDraft(name="青岛海岸贸易有限公司", city="青岛"))
    editor = ContactEditor(services, None)
    dialogs.append(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.ui.familyName.setText("王")
    editor.ui.familyName.textEdited.emit("王")
    picker = editor.account_picker
    picker.edit.setFocus()
    commit_text(picker.edit, "海岸")
    popup = picker._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert picker.account_id() == coast.id  # linked as soon as it is highlighted
    # Enter reaching the line edit instead of the popup (as under a real X server) still
    # saves the contact with its account.
    popup.hide()
    with qtbot.waitSignal(editor.record_saved) as saved:
        qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
        if editor.isVisible():
            editor.save_button.click()
    assert services.contacts.get(saved.args[0]).draft.account_id == coast.id


def test_account_text_that_names_no_account_is_never_saved_silently(
        qtbot: Any, services: Services, dialogs: list[Any]) -> None:
    services.accounts.save(AccountDraft(name="青岛海岸贸易有限公司"))
    editor = ContactEditor(services, None)
    dialogs.append(editor)
    editor.ui.familyName.setText("王")
    picker = editor.account_picker
    picker.choose(services.lists.page(ListQuery("account"), limit=1)[0].id, "青岛海岸贸易有限公司")
    picker.edit.setText("海岸")  # e.g. Escape put back what was typed
    assert picker.account_id() is None
    assert editor.save() is False  # any way of saving (Ctrl+S, Enter, the button)
    assert "Pick an account" in editor._banner.text()
    assert services.lists.count(ListQuery("contact")) == 0


def test_record_feedback_confirms_and_the_once_resolved_hint_goes(
        qtbot: Any, services: Services, dialogs: list[Any]) -> None:
    ticket = services.tickets.save(TicketDraft(subject="VPN down"))
    editor = TicketEditor(services, ticket.id)
    dialogs.append(editor)
    editor.show()
    assert "once the ticket is resolved" in editor.feedback_hint.text()
    assert not editor.record_feedback.isEnabled()
    services.tickets.change_status(ticket.id, "resolved")
    editor = TicketEditor(services, ticket.id)
    dialogs.append(editor)
    editor.show()
    assert editor.feedback_hint.isHidden()  # resolved: the hint has nothing to say
    editor.csat.setCurrentIndex(editor.csat.findData(4))
    with qtbot.waitSignal(editor.record_saved):
        editor.record_feedback.click()
    assert services.tickets.get(ticket.id).csat_score == 4
    assert not editor.feedback_hint.isHidden()
    assert editor.feedback_hint.text() == "✓ Feedback recorded: ★★★★ (4 of 5)."
    reopened = TicketEditor(services, ticket.id)  # and it says so next time too
    dialogs.append(reopened)
    assert "Feedback recorded" in reopened.feedback_hint.text()


def test_empty_backups_conflicts_outbox_and_history_say_what_would_be_there(
        qtbot: Any, services: Services, ui_settings: Any) -> None:
    issues = SyncIssues(services.context)
    dialogs = {"backups": BackupsDialog(services.backups, ui_settings),
               "conflicts": ConflictsDialog(issues), "outbox": OutboxDialog(services),
               "history": SyncHistoryDialog(issues)}
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        hint = dialog.empty_state
        assert hint.isVisible(), name
        assert len(hint.text()) > 15, name
        # It covers the empty table's viewport, centred, not a corner of it.
        assert hint.size() == dialog.table.viewport().size(), name
    backups = dialogs["backups"]
    backups.backup_button.click()
    qtbot.waitUntil(lambda: backups.table.rowCount() == 1)
    assert not backups.empty_state.isVisible()


def test_sidebar_sits_next_to_the_content_with_one_icon_per_area(
        qtbot: Any, main_window: Any) -> None:
    main_window.resize(1280, 800)
    main_window.show()
    qtbot.waitExposed(main_window)
    nav, stack = main_window.nav, main_window.stack
    nav_right = nav.mapTo(main_window, QPoint(nav.width(), 0)).x()
    stack_left = stack.mapTo(main_window, QPoint(0, 0)).x()
    assert stack_left - nav_right <= main_window.splitter.handleWidth() + 2  # was ~65 px
    # Every entry readable in full: the sidebar is as wide as its longest title.
    widest = max(nav.visualItemRect(nav.item(row)).width() for row in range(nav.count()))
    assert widest <= nav.viewport().width()
    # One coherent set: a bundled icon for every area, no two areas alike.
    keys = [nav.item(row).data(Qt.ItemDataRole.UserRole) for row in range(nav.count())]
    assert set(keys) <= set(AREA_ICONS)
    assert len(set(AREA_ICONS.values())) == len(AREA_ICONS)
    for name in (*AREA_ICONS.values(), *ACTION_ICONS.values()):
        assert icon_path(name).exists(), name
    images = {bytes(nav.item(row).icon().pixmap(20, 20).toImage().constBits())
              for row in range(nav.count())}
    assert len(images) == nav.count()  # Forecast, Service quality, Reports: no shared "i"


def _ink(icon: Any) -> Any:
    """The average colour of an icon's drawn (non-transparent) pixels."""
    image = icon.pixmap(24, 24).toImage()
    pixels = [image.pixelColor(x, y) for x in range(24) for y in range(24)]
    drawn = [p for p in pixels if p.alpha() > 200]
    assert drawn
    return sum(p.lightness() for p in drawn) / len(drawn)


def test_icons_are_drawn_in_the_text_colour_of_a_light_or_dark_palette(qapp: Any) -> None:
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.WindowText, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    assert _ink(themed_icon("kanban", light)) < 80
    assert _ink(themed_icon("kanban", dark)) > 200


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    """The zh_CN catalogue installed for one test, removed afterwards."""
    translator = QTranslator()
    assert translator.load(QLocale("zh_CN"), "desk_crm", "_",
                           str(resources_dir() / "translations"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_the_email_validation_message_is_chinese_throughout(chinese: None) -> None:
    for typed in ("a b@example.com", "zhang@-bad.com", "zhang.example.com"):
        with pytest.raises(ValidationError) as caught:
            normalize_email(typed)
        text = message(caught.value)
        assert "不是有效的邮箱地址" in text
        assert not re.search(r"[A-Za-z]{3,}", text.replace(typed, "")), text


@pytest.mark.parametrize("entity", ["contact", "lead"])
def test_bulk_edit_shows_only_the_editors_of_its_rows(
        qtbot: Any, services: Services, entity: str) -> None:
    dialog = BulkEditDialog(services, entity, ["a", "b"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form_editors = {dialog.layout().itemAt(i).layout()  # the QFormLayout
                    for i in range(dialog.layout().count())} - {None}
    in_rows = {form.itemAt(row, form.ItemRole.FieldRole).widget()
               for form in form_editors for row in range(form.rowCount())}
    # The custom-field section lays out its own rows (demographic fields of contacts).
    in_section = set(dialog.fields.findChildren(QWidget)) if dialog.fields else set()
    visible = {w for w in dialog.findChildren(QLineEdit) + dialog.findChildren(QComboBox)
               if w.isVisible() and not isinstance(w.parent(), QComboBox)}
    stray = visible - in_rows - in_section
    assert not stray, [w.accessibleName() for w in stray]
    assert (dialog.status is not None and dialog.status.isVisible()) == (entity == "lead")
    assert (dialog.add_tags is not None and dialog.add_tags.isVisible()) == (entity != "lead")


def test_bulk_edit_lead_statuses_are_translated(qtbot: Any, services: Services,
                                                chinese: None) -> None:
    dialog = BulkEditDialog(services, "lead", ["a"])
    qtbot.addWidget(dialog)
    titles = [dialog.status.itemText(i) for i in range(dialog.status.count())]
    codes = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert codes[:3] == ["new", "contacted", "qualified"]
    assert not any(re.search(r"[A-Za-z]", t) for t in titles), titles


def _stage_names(services: Services) -> list[str]:
    return [stage.name for stage in services.pipeline.stages(include_inactive=True)]


def test_default_stage_names_are_given_in_the_window_language_on_request(
        qtbot: Any, services: Services, chinese: None) -> None:
    services.pipeline.ensure_defaults()  # a database created in English
    dialog = StageSettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.table.item(1, 0).setText("Discovery call")  # a name of the user's own
    assert dialog.default_names_button.isEnabled()
    qtbot.mouseClick(dialog.default_names_button, Qt.MouseButton.LeftButton)
    assert not dialog.default_names_button.isEnabled()
    dialog.save()
    names = _stage_names(services)
    assert names[0] == "初步接触" and names[1] == "Discovery call", names
    assert not any(re.search(r"[A-Za-z]", n) for i, n in enumerate(names) if i != 1)


def test_default_stage_names_go_back_to_english_in_an_english_window(
        qtbot: Any, services: Services) -> None:
    services.data_language.ensure_defaults(
        "zh_CN", lambda context, text: {"Prospecting": "初步接触"}.get(text, text))
    assert _stage_names(services)[0] == "初步接触"
    dialog = StageSettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.default_names_button.click()
    dialog.save()
    assert _stage_names(services)[0] == "Prospecting"


def test_an_existing_product_opens_in_its_editor(qtbot: Any, main_window: Any,
                                                  services: Services) -> None:
    from decimal import Decimal

    from desk_crm.domain.products import ProductDraft

    product = services.products.save(ProductDraft(code="HW-1", name="显示器",
                                                  default_price=Decimal("1699.00")))
    editor = main_window.open_record("product", product.id)
    assert editor is not None
    assert "1" in editor._timestamps.text()  # "Created … · Version 1"
    editor.discard_and_close()


def test_phone_regions_are_named_in_chinese(chinese: None) -> None:
    from desk_crm.ui.preferences import _region_labels

    labels = dict((region, label) for label, region in _region_labels())
    assert labels["CN"] == "中国 (CN, +86)"
    assert labels["DE"].startswith("德国")
    assert not [label for label in labels.values() if re.search(r"[a-z]{3}", label)]
