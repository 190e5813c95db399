"""SQLCipher at rest: unreadable as plain SQLite, no customer text in the bytes (file and
WAL), wrong passphrase refused without damage, rekey, turning it off, encrypted backups."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import ContactDraft
from desk_crm.services.bundle import build_services
from desk_crm.store import encryption
from desk_crm.store.backup import quick_check
from desk_crm.store.database import Database, open_database
from desk_crm.store.engine import WrongKey

NAME = "欧阳娜娜"
EMAIL = "nana.secret@example.com"
KEY = "correct horse 'battery' 电池"


def _save_contact(database: Database) -> None:
    build_services(database, "tester").contacts.save(ContactDraft(
        family_name="欧阳", given_name="娜娜", emails=(ContactPoint(EMAIL),)))


def _bytes(path: Path) -> bytes:
    data = path.read_bytes()
    for suffix in ("-wal", "-shm"):
        extra = Path(f"{path}{suffix}")
        if extra.exists():
            data += extra.read_bytes()
    return data


def _has_customer_text(data: bytes) -> bool:
    return any(needle in data for needle in (
        NAME.encode("utf-8"), "娜娜".encode(), EMAIL.encode(), b"nana.secret"))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Encrypted once per module: each keyed connection costs a key derivation (~0.3 s)."""
    folder = tmp_path_factory.mktemp("template")
    database = open_database(folder / "crm.sqlite3", folder / "backups")
    _save_contact(database)
    database.close()
    assert _has_customer_text(_bytes(folder / "crm.sqlite3"))  # the check can fail
    encryption.encrypt(folder / "crm.sqlite3", KEY)
    return folder / "crm.sqlite3"


@pytest.fixture
def encrypted(template: Path, tmp_path: Path) -> Iterator[Database]:
    shutil.copyfile(template, tmp_path / "crm.sqlite3")
    opened = open_database(tmp_path / "crm.sqlite3", tmp_path / "backups", key=KEY)
    yield opened
    opened.close()


def test_encrypted_file_is_not_plain_sqlite_and_hides_customer_text(
        encrypted: Database) -> None:
    # A write while open puts fresh pages into the -wal file: it must be encrypted too.
    build_services(encrypted, "tester").contacts.save(ContactDraft(
        family_name="欧阳", given_name="娜娜", emails=(ContactPoint("nana.secret@example.org"),)))
    assert Path(f"{encrypted.path}-wal").stat().st_size > 0
    assert not _has_customer_text(_bytes(encrypted.path))
    assert encryption.is_encrypted(encrypted.path)
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(encrypted.path) as plain:
        plain.execute("SELECT * FROM contact").fetchall()


def test_data_survives_encryption(encrypted: Database) -> None:
    with encrypted.engine.connect() as connection:
        names = connection.exec_driver_sql("SELECT display_name FROM contact").scalars().all()
    assert names == [NAME]


def test_wrong_passphrase_is_refused_and_changes_nothing(encrypted: Database) -> None:
    encrypted.close()
    before = encrypted.path.read_bytes()
    assert not encryption.key_opens(encrypted.path, "wrong")
    with pytest.raises(WrongKey):
        encryption.change_key(encrypted.path, "wrong", "other")
    with pytest.raises(WrongKey):
        encryption.decrypt(encrypted.path, "wrong")
    assert encrypted.path.read_bytes() == before
    assert encryption.key_opens(encrypted.path, KEY)


def test_backups_of_an_encrypted_database_are_encrypted(encrypted: Database) -> None:
    copy = build_services(encrypted, "tester").backups.backup_before("test")
    assert encryption.is_encrypted(copy)
    assert not _has_customer_text(copy.read_bytes())
    assert quick_check(copy, KEY) == []


def test_change_passphrase_then_turn_encryption_off(encrypted: Database) -> None:
    encrypted.close()
    encryption.change_key(encrypted.path, KEY, "新的 passphrase")
    assert not encryption.key_opens(encrypted.path, KEY)
    assert encryption.key_opens(encrypted.path, "新的 passphrase")
    encryption.decrypt(encrypted.path, "新的 passphrase")
    assert not encryption.is_encrypted(encrypted.path)
    with sqlite3.connect(encrypted.path) as plain:
        assert plain.execute("SELECT display_name FROM contact").fetchall() == [(NAME,)]
