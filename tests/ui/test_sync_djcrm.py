"""Connect to a real django-crm server through the Connect dialog (URL + personal access
token, kept in an in-memory keychain) and run Sync now from the window."""

from __future__ import annotations

import uuid

import keyring
import pytest
from PySide6.QtWidgets import QDialog
from tests.helpers.keyrings import MemoryKeyring

from desk_crm.domain.drafts import AccountDraft
from desk_crm.sync.credentials import (
    DJANGO_CRM_ENTITIES,
    Connection,
    CredentialStore,
    make_adapter,
)
from desk_crm.ui import sync_status
from sync.django_crm_server import DjangoCrmServer, djcrm_server

pytestmark = pytest.mark.djcrm
__all__ = ["djcrm_server"]


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_connect_to_django_crm_through_the_dialog_and_sync_now(
        qtbot, main_window, services, database, tmp_path, memory_keyring, monkeypatch,
        djcrm_server: DjangoCrmServer):
    token = djcrm_server.new_org("ui " + uuid.uuid4().hex[:8])
    acme = services.accounts.save(AccountDraft(name="界面同步公司", city="杭州"))
    seen: dict[str, object] = {}

    def fill_in(dialog: sync_status.ConnectDialog) -> int:
        """What a user does in the dialog: pick django-crm, type the address and token."""
        dialog.kind.setCurrentIndex(dialog.kind.findData("django-crm"))
        seen["database_hidden"] = not dialog.form.isRowVisible(dialog.database)
        seen["user_hidden"] = not dialog.form.isRowVisible(dialog.user)
        seen["label"] = dialog.secret_label.text()
        dialog.url.setText(djcrm_server.base_url + "/")
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        seen["ready_without_token"] = ok.isEnabled()
        dialog.password.setText(token)
        seen["ready"] = ok.isEnabled()
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(sync_status.ConnectDialog, "exec", fill_in)
    controller = main_window.sync
    with qtbot.waitSignal(controller.finished, timeout=60000) as done:
        assert controller.sync_now()    # no server yet: the Connect dialog opens first
    report = done.args[0]
    assert report.status == "ok", report.message
    assert report.pushed == 1
    assert seen == {"database_hidden": True, "user_hidden": True, "label": "Access &token:",
                    "ready_without_token": False, "ready": True}
    stored = CredentialStore().load()
    assert stored == Connection("django-crm", djcrm_server.base_url + "/", "", "", token,
                                DJANGO_CRM_ENTITIES)
    assert "Online" in controller.indicator.state.text()
    # The token lives in the keychain only: not in the database file, not in the settings.
    assert token.encode() not in database.path.read_bytes()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
    remote = make_adapter(stored).find_by_natural_key("account", "界面同步公司")
    assert remote is not None and remote.fields["city"] == "杭州"
    assert database_remote_id(database, acme.id) == remote.remote_id


def database_remote_id(database, record_id: str) -> str:
    from tests.helpers.db import scalar
    return str(scalar(database, "SELECT remote_id FROM sync_link WHERE record_id=:r",
                      r=record_id))
