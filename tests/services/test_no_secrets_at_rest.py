"""After a session that used a passphrase, no file the app wrote holds it: database, WAL,
backups, settings, logs and crash reports (even when an error message carried it)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

from desk_crm import app as app_module
from desk_crm import security
from desk_crm import settings as opts
from desk_crm.logging_setup import configure
from desk_crm.paths import resolve_paths
from desk_crm.services.bundle import build_services
from desk_crm.settings import Settings
from desk_crm.store.database import open_database
from helpers.drafts import contact_draft
from helpers.keyrings import MemoryKeyring

pytestmark = pytest.mark.usefixtures("restore_logging")
PASSPHRASE = "Tr0ub4dor&3-秘密口令-xyzzy"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_the_passphrase_is_in_no_file_after_a_session(
        tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch,
        qapp: Any) -> None:
    pytest.importorskip("sqlcipher3")
    from desk_crm.store import encryption

    paths = resolve_paths(tmp_path / "data").ensure()
    configure(paths.log_dir, verbose=True)
    log = logging.getLogger("desk_crm.app")
    database = open_database(paths.database, paths.backups_dir)
    build_services(database, "tester").contacts.save(contact_draft("张", "三"))
    database.close()
    encryption.encrypt_with_backups(paths.database, paths.backups_dir, PASSPHRASE)
    security.remember_secret(PASSPHRASE)
    assert security.store_key(paths.database, PASSPHRASE)
    database = open_database(paths.database, paths.backups_dir, key=PASSPHRASE)
    services = build_services(database, "tester")
    services.contacts.save(contact_draft("李", "四", emails=["li@example.com"]))
    services.backups.backup_before("import")
    services.backups.backup_now()
    log.info("engine %r", database.engine)  # SQLAlchemy masks the URL's password
    log.debug("careless debug line with %s inside", PASSPHRASE)
    settings = Settings(paths.settings_file)
    settings.set(opts.BACKUP_FOLDER, str(paths.backups_dir))
    settings.sync()
    # An exception whose message carries the secret reaches the crash handler.
    shown: list[str] = []
    monkeypatch.setattr("desk_crm.ui.error_dialog.show_unexpected_error",
                        lambda error, details, report=None: shown.append(details))
    monkeypatch.setattr(app_module, "_log_dir", paths.log_dir)
    try:
        raise RuntimeError(f"cannot open with key {PASSPHRASE}")
    except RuntimeError:
        app_module._excepthook(*sys.exc_info())  # type: ignore[arg-type]
    database.close()
    for handler in logging.getLogger("desk_crm").handlers:
        handler.flush()

    files = _files(tmp_path)
    names = {p.name for p in files}
    assert "crm.sqlite3" in names and "settings.ini" in names and "desk-crm.log" in names
    assert any(n.startswith("crash-") for n in names)
    assert len([n for n in names if n.startswith("crm-")]) >= 2  # backups
    needles = [PASSPHRASE.encode("utf-8"), PASSPHRASE.encode("utf-16-le"), b"xyzzy",
               "秘密口令".encode()]
    leaks = [(p.name, n) for p in files for n in needles if n in p.read_bytes()]
    assert leaks == []
    assert shown and PASSPHRASE not in shown[0]
    assert memory_keyring.store  # the keychain is the one place that holds it
