"""``desk-crm sync`` against a real trytond: the report, exit codes, entity choice, the
session lock."""

from __future__ import annotations

from dataclasses import replace

import keyring
import pytest
from tests.helpers.db import scalar
from tests.helpers.keyrings import MemoryKeyring
from tests.sync.tryton_server import DATABASE, PASSWORD

from desk_crm.app import main
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.services.bundle import build_services
from desk_crm.session_lock import SessionLock
from desk_crm.store.database import open_database
from desk_crm.sync.credentials import Connection, CredentialStore


@pytest.fixture
def connected(tryton):
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    CredentialStore().save(Connection("tryton", tryton.url, DATABASE, "admin", PASSWORD))
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    database = open_database(folder / "crm.sqlite3", folder / "backups")
    services = build_services(database, "tester")
    # A name of its own: the server keeps what earlier tests pushed.
    services.accounts.save(AccountDraft(name=f"CLI 有限公司 {tmp_path.name}"))
    services.contacts.save(ContactDraft(family_name="命令", given_name="行"))
    database.close()
    return folder


def cli(data_dir, *args):
    return main(["--data-dir", str(data_dir), "sync", *args])


def test_sync_from_the_command_line_prints_the_report_and_exits_0(connected, data_dir,
                                                                 capsys):
    assert cli(data_dir, "--entity", "account", "--entity", "contact") == 0
    out, err = capsys.readouterr()
    assert "sync ok" in out and "sent 2" in out
    assert "contact" in out and "received unchanged" in out
    assert "push: " in err  # progress on stderr, with the total
    assert "pull:contact" in err
    database = open_database(data_dir / "crm.sqlite3", data_dir / "backups")
    try:
        for table in ("account", "contact"):  # ours went out (the server's came in)
            assert scalar(database, f"SELECT COUNT(*) FROM {table} WHERE id NOT IN "
                                    "(SELECT record_id FROM sync_link)") == 0
        assert scalar(database, "SELECT status FROM sync_run ORDER BY pk DESC LIMIT 1") == "ok"
    finally:
        database.close()
    # Nothing new: nothing sent, nothing received.
    assert cli(data_dir, "--quiet", "--entity", "account") == 0
    out, err = capsys.readouterr()
    assert "sent 0, received 0" in out and err == ""


def test_waiting_conflicts_exit_2(connected, data_dir, tryton, capsys):
    assert cli(data_dir, "--quiet", "--entity", "account") == 0
    database = open_database(data_dir / "crm.sqlite3", data_dir / "backups")
    try:
        services = build_services(database, "tester")
        account_id, rid = database.engine.connect().exec_driver_sql(
            "SELECT record_id, remote_id FROM sync_link JOIN account ON account.id = record_id "
            "WHERE entity='account' AND account.name = ?",
            (f"CLI 有限公司 {data_dir.parent.name}",)).one()
        tryton.admin()("model.party.party.write", [int(rid)], {"name": "CLI (server)"})
        record = services.accounts.get(account_id)
        services.accounts.save(replace(record.draft, name="CLI (mine)"), account_id)
    finally:
        database.close()
    capsys.readouterr()
    assert cli(data_dir, "--quiet", "--entity", "account") == 2
    out, _err = capsys.readouterr()
    assert "conflicts 1" in out and "wait in Sync > Conflicts" in out


def test_failures_exit_1_with_a_reason(connected, data_dir, tryton, capsys):
    CredentialStore().save(Connection("tryton", tryton.url, DATABASE, "admin", "wrong"))
    assert cli(data_dir, "--quiet") == 1
    assert "refused the login" in capsys.readouterr().err
    CredentialStore().forget()
    assert cli(data_dir, "--quiet") == 1
    assert "not connected" in capsys.readouterr().err


def test_the_session_lock_is_honoured(connected, data_dir, capsys):
    # The window (or another command) holds this data dir.
    with SessionLock(data_dir, "the window"):
        assert cli(data_dir, "--quiet") == 1
    assert "the window" in capsys.readouterr().err
    database = open_database(data_dir / "crm.sqlite3", data_dir / "backups")
    try:
        assert scalar(database, "SELECT COUNT(*) FROM sync_run") == 0
    finally:
        database.close()
    # A marker left by a crashed session stays for the app to notice on its next start.
    (data_dir / "session.pid").write_text("999999999")
    assert cli(data_dir, "--quiet", "--entity", "account") == 0
    assert (data_dir / "session.pid").read_text() == "999999999"
