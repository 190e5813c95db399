"""Sync in the window: status indicator, Connect dialog (keychain / session only), Sync now
in a worker, conflict queue and per-record dialog, history."""

from __future__ import annotations

from dataclasses import replace

import keyring
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox
from tests.helpers.keyrings import MemoryKeyring, NoKeyring
from tests.sync.fake_adapter import FakeAdapter, FakeServer

from desk_crm.domain.drafts import AccountDraft
from desk_crm.sync.credentials import (
    DJANGO_CRM_ENTITIES,
    TRYTON_ENTITIES,
    Connection,
    CredentialStore,
    make_adapter,
)
from desk_crm.sync.engine import SyncEngine
from desk_crm.sync.issues import SyncIssues
from desk_crm.sync.progress import PhaseClock
from desk_crm.ui import sync_status
from desk_crm.ui.sync_conflicts import ConflictDialog, ConflictsDialog
from desk_crm.ui.sync_connect import ConnectDialog
from desk_crm.ui.sync_history import SyncHistoryDialog
from desk_crm.ui.sync_status_text import progress_text

CONNECTION = Connection("tryton", "http://127.0.0.1:9/", "crm", "admin", "pw")


@pytest.fixture
def fake_server(monkeypatch):
    server = FakeServer()
    monkeypatch.setattr(sync_status, "make_adapter", lambda _c: FakeAdapter(server))
    return server


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


def test_indicator_shows_not_connected_then_pending_count(main_window, services):
    services.accounts.save(AccountDraft(name="Acme"))
    main_window.events.records_changed.emit("account", "")
    text = main_window.sync.indicator.state.text()
    assert "Not connected" in text and "pending" not in text
    assert not main_window.sync.indicator.conflicts.isVisibleTo(main_window)
    main_window.sync.store.keep_for_session(CONNECTION)
    services.accounts.save(AccountDraft(name="Beta"))
    main_window.events.records_changed.emit("account", "")
    assert "2 pending" in main_window.sync.indicator.state.text()


def test_connect_dialog_saves_to_the_keychain(qtbot, memory_keyring):
    store = CredentialStore()
    dialog = ConnectDialog(store, 15)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # no database, no user yet
    dialog.database.setText("crm")
    dialog.user.setText("admin")
    dialog.password.setText("secret")
    assert ok.isEnabled()
    dialog.accept()
    assert CredentialStore().load() == Connection("tryton", "http://127.0.0.1:8000/", "crm",
                                                  "admin", "secret", TRYTON_ENTITIES)


def test_connect_dialog_chooses_what_to_sync(qtbot, memory_keyring):
    dialog = ConnectDialog(CredentialStore(), 15)
    qtbot.addWidget(dialog)
    dialog.show()
    boxes = dialog.entity_boxes
    assert not boxes["account"].isEnabled() and boxes["account"].isChecked()
    assert boxes["product"].isChecked()  # Tryton offers products too
    boxes["quote"].setChecked(False)
    boxes["opportunity"].setChecked(False)
    boxes["product"].setChecked(False)
    dialog.database.setText("crm")
    dialog.user.setText("admin")
    dialog.password.setText("secret")
    dialog.accept()
    saved = CredentialStore().load()
    assert saved.chosen_entities() == ("account", "contact")
    adapter = make_adapter(saved)
    assert adapter.entities() == ("account", "contact")
    # django-crm offers no quotes: the box goes away; the choice is kept when reopened.
    again = ConnectDialog(CredentialStore(), 15)
    qtbot.addWidget(again)
    again.show()
    assert not again.entity_boxes["opportunity"].isChecked()
    again.kind.setCurrentIndex(again.kind.findData("django-crm"))
    assert not again.entity_boxes["quote"].isVisible()
    assert not again.entity_boxes["product"].isVisible()
    assert again.entity_boxes["contact"].isVisible()


def test_progress_text_has_the_total_and_the_time_left():
    ticks = iter([0.0, 10.0])
    clock = PhaseClock(lambda: next(ticks))
    clock.update("pull:contact", 0, 10000)
    text = progress_text(clock.update("pull:contact", 2500, 10000))
    locale = QLocale()
    assert "contacts" in text
    assert f"{locale.toString(2500)} of {locale.toString(10000)}" in text
    assert "0:30 left" in text
    assert "Checking" in progress_text(PhaseClock().update("reconcile:account", 5, 50))


def test_history_shows_what_changed_per_entity(qtbot, main_window, services, fake_server):
    services.accounts.save(AccountDraft(name="Acme"))
    main_window.sync.store.keep_for_session(CONNECTION)
    for _ in range(2):
        with qtbot.waitSignal(main_window.sync.finished, timeout=10000):
            assert main_window.sync.sync_now()
    history = SyncHistoryDialog(main_window.sync.issues, main_window)
    qtbot.addWidget(history)
    details = history.table.item(0, 6).text()  # the newest run: nothing new either way
    assert history.table.item(0, 3).text() == "0"
    assert "new" not in details and "changed" not in details
    assert "accounts sent: 1 new" in history.table.item(1, 6).text()


def test_connect_dialog_without_keychain_offers_session_only(qtbot, message_boxes):
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        store = CredentialStore()
        dialog = ConnectDialog(store, 15)
        qtbot.addWidget(dialog)
        for edit, text in ((dialog.database, "crm"), (dialog.user, "u"), (dialog.password, "p")):
            edit.setText(text)
        message_boxes.reply("question", QMessageBox.StandardButton.Yes)
        dialog.accept()
        assert "no system keychain" in message_boxes.calls[0][1]
        assert store.session_only and store.load().user == "u"
    finally:
        keyring.set_keyring(previous)


def test_sync_now_runs_in_a_worker_and_updates_the_indicator(qtbot, main_window, services,
                                                             fake_server):
    services.accounts.save(AccountDraft(name="Acme"))
    main_window.sync.store.keep_for_session(CONNECTION)
    with qtbot.waitSignal(main_window.sync.finished, timeout=10000) as done:
        assert main_window.sync.sync_now()
        assert main_window.sync.indicator.cancel_button.isVisibleTo(main_window)
        assert not main_window.sync.sync_now()  # one at a time
    assert done.args[0].status == "ok" and done.args[0].pushed == 1
    text = main_window.sync.indicator.state.text()
    assert "Online" in text and "0 pending" in text and "last sync" in text
    assert [r["name"] for r in fake_server.rows.values()] == ["Acme"]
    history = SyncHistoryDialog(main_window.sync.issues, main_window)
    qtbot.addWidget(history)
    assert history.table.rowCount() == 1 and history.table.item(0, 1).text() == "Done"


def _conflict(database, services, server):
    acme = services.accounts.save(AccountDraft(name="Acme", email="a@acme.example"))
    SyncEngine(database.session_factory, FakeAdapter(server)).run()
    rid = next(k[1] for k in server.rows)
    server.write("account", rid, {"name": "Acme Server", "email": "sales@acme.example"})
    services.accounts.save(replace(services.accounts.get(acme.id).draft, name="Acme Mine",
                                   email="me@acme.example"), acme.id)
    SyncEngine(database.session_factory, FakeAdapter(server)).run()
    return acme


def test_conflict_dialog_keeps_mine_takes_theirs_per_field(qtbot, database, services):
    server = FakeServer()
    acme = _conflict(database, services, server)
    issues = SyncIssues(services.context)
    queue = ConflictsDialog(issues)
    qtbot.addWidget(queue)
    assert queue.table.rowCount() == 1 and "Acme" in queue.table.item(0, 0).text()
    dialog = ConflictDialog(issues, issues.open_issues()[0])
    qtbot.addWidget(dialog)
    assert set(dialog.choices) == {"name", "email"}
    dialog.choices["email"].setCurrentIndex(dialog.choices["email"].findData("theirs"))
    dialog.choices["name"].setCurrentIndex(dialog.choices["name"].findData("edit"))
    assert dialog.edits["name"].isEnabled()
    dialog.edits["name"].setText("Acme Together")
    dialog.accept()
    assert issues.status().open_issues == 0
    local = services.accounts.get(acme.id).draft
    assert (local.name, local.email) == ("Acme Together", "sales@acme.example")
    SyncEngine(database.session_factory, FakeAdapter(server)).run()
    assert [r["name"] for r in server.rows.values()] == ["Acme Together"]


def test_conflicts_button_appears_with_open_conflicts(main_window, database, services):
    _conflict(database, services, FakeServer())
    main_window.sync.refresh()
    button = main_window.sync.indicator.conflicts
    assert button.isVisibleTo(main_window) and button.text().startswith("1")


def test_background_sync_timer_follows_the_interval_and_never_asks(qtbot, main_window,
                                                                   fake_server, services):
    controller = main_window.sync
    assert not controller.timer.isActive()  # not connected: nothing to run
    assert controller.sync_now(background=True) is False  # and no Connect dialog either
    controller.store.keep_for_session(CONNECTION)
    main_window.settings.set(sync_status.SYNC_INTERVAL, 5)
    controller._apply_interval()
    assert controller.timer.isActive() and controller.timer.interval() == 5 * 60_000
    services.accounts.save(AccountDraft(name="Timer Co"))
    with qtbot.waitSignal(controller.finished, timeout=10000):
        controller.timer.timeout.emit()
    assert [r["name"] for r in fake_server.rows.values()] == ["Timer Co"]


class _EndlessAdapter(FakeAdapter):
    """Pages that never end, slowly: only Cancel stops the sync."""

    def list_changes(self, entity, cursor, limit):
        import time

        from desk_crm.sync.protocol import ChangePage
        time.sleep(0.05)
        return ChangePage([], str(int(cursor or 0) + 1), has_more=True)


def test_cancel_stops_a_running_sync_and_the_window_stays_usable(qtbot, main_window,
                                                                 monkeypatch):
    monkeypatch.setattr(sync_status, "make_adapter", lambda _c: _EndlessAdapter(FakeServer()))
    controller = main_window.sync
    controller.store.keep_for_session(CONNECTION)
    with qtbot.waitSignal(controller.finished, timeout=10000) as done:
        controller.sync_now()
        qtbot.wait(200)  # pulling pages in the worker; the UI thread is free
        assert "Receiving" in controller.indicator.state.text() or \
            "Syncing" in controller.indicator.state.text()
        controller.indicator.cancel_button.click()
    assert done.args[0].status == "cancelled"
    assert controller.indicator.sync_button.isVisibleTo(main_window)
    assert controller.issues.history()[0].status == "cancelled"


class _RefusingAdapter(FakeAdapter):
    def list_changes(self, entity, cursor, limit):
        from desk_crm.sync.protocol import AuthError
        raise AuthError("HTTP 401")


def test_refused_login_asks_for_credentials_again(qtbot, main_window, monkeypatch,
                                                  message_boxes):
    monkeypatch.setattr(sync_status, "make_adapter", lambda _c: _RefusingAdapter(FakeServer()))
    controller = main_window.sync
    controller.store.keep_for_session(CONNECTION)
    asked: list[bool] = []
    monkeypatch.setattr(controller, "open_connect", lambda: asked.append(True) or False)
    message_boxes.reply("warning", QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(controller.finished, timeout=10000):
        controller.sync_now()
    assert asked == [True]
    assert "refused the login" in message_boxes.calls[0][1]
    assert "Offline" in controller.indicator.state.text()


def test_disconnect_forgets_the_server(main_window, memory_keyring):
    controller = main_window.sync
    controller.store.save(CONNECTION)
    controller._apply_interval()
    assert controller.timer.isActive()
    controller.disconnect_action.trigger()
    assert CredentialStore().load() is None and not controller.timer.isActive()
    assert "Not connected" in controller.indicator.state.text()


def test_connect_dialog_django_crm_asks_for_address_and_token_only(qtbot, memory_keyring):
    dialog = ConnectDialog(CredentialStore(), 15)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.kind.setCurrentIndex(dialog.kind.findData("django-crm"))
    assert not dialog.form.isRowVisible(dialog.database)
    assert not dialog.form.isRowVisible(dialog.user)
    assert dialog.password.accessibleName() == "Personal access token"
    assert not ok.isEnabled()
    dialog.password.setText("bcrm_pat_abc")
    assert ok.isEnabled()
    dialog.accept()
    assert CredentialStore().load() == Connection("django-crm", "http://127.0.0.1:8000/", "",
                                                  "", "bcrm_pat_abc", DJANGO_CRM_ENTITIES)
    again = ConnectDialog(CredentialStore(), 15)  # opens on the stored kind
    qtbot.addWidget(again)
    assert again.kind.currentData() == "django-crm" and again.secret_label.text() == \
        "Access &token:"
    again.kind.setCurrentIndex(again.kind.findData("tryton"))
    assert again.form.isRowVisible(again.database) and again.form.isRowVisible(again.user)
    assert again.secret_label.text() == "&Password:"


def test_connect_dialog_says_where_custom_fields_go(qtbot, qapp, memory_keyring):
    from PySide6.QtCore import QTranslator

    from desk_crm.paths import resources_dir

    dialog = ConnectDialog(CredentialStore(), 15)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("tryton"))
    assert dialog.custom_note.text() == (
        "Custom fields stay in Desk CRM only: Tryton has no place for them.")
    dialog.kind.setCurrentIndex(dialog.kind.findData("django-crm"))
    assert "money, date and time, multi-select and link fields" in dialog.custom_note.text()
    translator = QTranslator()
    assert translator.load(QLocale("zh_CN"), "desk_crm", "_",
                           str(resources_dir() / "translations"))
    qapp.installTranslator(translator)
    try:
        chinese = ConnectDialog(CredentialStore(), 15)
        qtbot.addWidget(chinese)
        chinese.kind.setCurrentIndex(chinese.kind.findData("tryton"))
        assert "Tryton" in chinese.custom_note.text() and "自定义字段" in \
            chinese.custom_note.text()
        chinese.kind.setCurrentIndex(chinese.kind.findData("django-crm"))
        assert "自定义字段" in chinese.custom_note.text()
    finally:
        qapp.removeTranslator(translator)


def test_conflict_on_a_custom_field_shows_its_title_and_choice_titles(qtbot, database,
                                                                     services):
    from PySide6.QtWidgets import QLabel
    from tests.sync.test_custom_sync import CustomServerAdapter

    from desk_crm.domain.fields import Choice, FieldType
    from desk_crm.services.custom_fields import NewField

    services.fields.create(NewField("account", "Tier", FieldType.PICKLIST, key="tier",
                                    choices=(Choice("a", "Alpha"), Choice("b", "Beta"),
                                             Choice("c", "Gamma"))))
    acme = services.fields.save_with(
        "account", lambda: services.accounts.save(AccountDraft(name="Acme")), {"tier": "a"})
    server = FakeServer()
    SyncEngine(database.session_factory, CustomServerAdapter(server)).run()
    rid = next(k[1] for k in server.rows)
    server.write("account", rid, {"custom.tier": "b"})
    services.fields.save_values("account", acme.id, {"tier": "c"})
    SyncEngine(database.session_factory, CustomServerAdapter(server)).run()
    issues = SyncIssues(services.context)
    queue = ConflictsDialog(issues)
    qtbot.addWidget(queue)
    assert queue.table.item(0, 2).text() == "Tier"
    dialog = ConflictDialog(issues, issues.open_issues()[0])
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Tier", "Alpha", "Beta", "Gamma"} <= texts
    dialog.choices["custom.tier"].setCurrentIndex(
        dialog.choices["custom.tier"].findData("theirs"))
    dialog.accept()
    assert services.fields.values("account", acme.id)["tier"] == "b"
