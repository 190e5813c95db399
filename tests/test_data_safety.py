"""Issue 18, one test (or more) per finding: each of these failed on the code before the
fix. Kills are real SIGKILLs of a subprocess (tests/store/killing.py dies inside SQLite's
backup API); files are real SQLite files in tmp_path."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest

from desk_crm.app import main
from desk_crm.domain.import_files import ImportFileError
from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
from desk_crm.services.bundle import build_services
from desk_crm.services.importer import ImportSettings, open_source
from desk_crm.session_lock import SessionLock
from desk_crm.store import backup, encryption
from desk_crm.store.database import open_database
from desk_crm.store.engine import connect_raw, is_plain_sqlite
from desk_crm.store.integrity import consistency_problems, damage
from helpers.db import sqlite_file_rows
from helpers.drafts import account_draft
from helpers.keyrings import MemoryKeyring

pytestmark = pytest.mark.usefixtures("restore_logging", "own_keyring")


@pytest.fixture
def own_keyring() -> object:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)
KILLER = Path(__file__).parent / "store" / "killing.py"


def _store(data: Path, accounts: int = 300) -> Path:
    database = open_database(data / "crm.sqlite3", data / "backups")
    services = build_services(database, "tester")
    for number in range(accounts):
        services.accounts.save(account_draft(f"Account {number} " + "x" * 150))
    database.close()
    return data / "crm.sqlite3"


def _accounts(path: Path, key: str | None = None) -> int:
    with closing(connect_raw(path, key)) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM account").fetchone()[0])


def _killed(*args: str) -> None:
    result = subprocess.run([sys.executable, str(KILLER), *args], capture_output=True,
                            text=True, timeout=120, env={**os.environ})
    assert result.returncode == -signal.SIGKILL, result.stdout + result.stderr


# -- 1. a SIGKILL during backup ----------------------------------------------------------

def test_finding1_a_backup_killed_mid_copy_is_never_listed_offered_or_restored(
        tmp_path: Path) -> None:
    database = _store(tmp_path)
    _killed("backup", str(tmp_path))
    # Before: a listed crm-….sqlite3 with a hot journal that rolled back to an empty file.
    assert backup.list_backups(tmp_path / "backups") == []
    assert backup.newest_good(tmp_path / "backups") is None
    leftovers = list((tmp_path / "backups").iterdir())
    assert all(path.name.startswith(".") for path in leftovers)  # hidden temporary only
    good = backup.backup_file(database, tmp_path / "backups", "manual")
    assert [b.path for b in backup.list_backups(tmp_path / "backups")] == [good]


def test_finding1_a_schema_less_or_journalled_backup_is_refused_and_not_pruned_over(
        tmp_path: Path) -> None:
    database = _store(tmp_path, 3)
    folder = tmp_path / "backups"
    folder.mkdir(exist_ok=True)
    day = datetime.now(UTC) - timedelta(days=3)
    good = folder / f"crm-{day.replace(hour=9):{backup.STAMP}}-daily.sqlite3"
    backup.copy_database(database, good)
    # What the old code left after a kill: a newer backup of the same day with a journal.
    bad = folder / f"crm-{day.replace(hour=10):{backup.STAMP}}-manual.sqlite3"
    with closing(connect_raw(bad)) as connection:
        connection.execute("CREATE TABLE t (x)")
    Path(f"{bad}-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 504)
    empty = tmp_path / "empty.sqlite3"
    with closing(connect_raw(empty)) as connection:
        connection.execute("PRAGMA user_version = 1")  # a valid, schema-less file
    with pytest.raises(backup.BackupDamaged):
        backup.restore_file(empty, database)
    with pytest.raises(backup.BackupDamaged):
        backup.restore_file(bad, database)
    backup.prune(folder, datetime.now(UTC))
    assert good.exists()  # retention counts only complete backups
    assert _accounts(database) == 3


# -- 2. a SIGKILL during restore ---------------------------------------------------------

def test_finding2_a_restore_killed_mid_copy_leaves_the_current_database_whole(
        tmp_path: Path) -> None:
    database = _store(tmp_path, 200)
    copy = backup.backup_file(database, tmp_path / "backups", "manual")
    _store(tmp_path, 100)  # 100 more accounts after the backup
    _killed("restore", str(tmp_path), str(copy))
    # Before: crm.sqlite3 rolled back to empty, the data only in .replaced-*.
    assert damage(database, None, True) == []
    assert _accounts(database) == 300
    assert consistency_problems(database) == []
    assert backup.restore_file(copy, database) is not None
    assert _accounts(database) == 200


# -- 3. a zero-length database ----------------------------------------------------------

def test_finding3_an_empty_database_with_backups_is_damaged_and_offered_a_backup(
        tmp_path: Path) -> None:
    database = _store(tmp_path, 5)
    backup.backup_file(database, tmp_path / "backups", "daily")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    database.write_bytes(b"")
    assert damage(database, None, backups_exist=True) != []
    assert damage(database, None, backups_exist=False) == []  # a new install is fine
    good = backup.newest_good(tmp_path / "backups")
    assert good is not None
    backup.restore_file(good.path, database, label="damaged")
    assert _accounts(database) == 5
    # The command line refuses to open it as an empty CRM, too.
    assert main(["--data-dir", str(tmp_path), "backup"]) == 0  # backup copies the file
    database.write_bytes(b"")
    assert main(["export", "--entity", "accounts", "-o", str(tmp_path / "a.csv"),
                 "--data-dir", str(tmp_path)]) == 1


# -- 4. killed imports, concurrent commands ----------------------------------------------

def _import_settings(source: object) -> ImportSettings:
    entity = IMPORT_ENTITIES["contact"]
    rules = tuple(ColumnRule(t) for t in guess_mapping(entity, list(source.headers)))
    return ImportSettings("contact", rules, match_key="email")


def test_finding4_a_batch_left_running_is_interrupted_then_resumable_and_undoable(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\n" + "".join(f"P{i},p{i}@example.com\n" for i in range(2500)),
                    encoding="utf-8")
    database = open_database(tmp_path / "crm.sqlite3", tmp_path / "backups")
    services = build_services(database, "tester")
    source = open_source(path)
    settings = _import_settings(source)
    batch = services.imports.start_batch(str(path), settings)
    # What a SIGKILL after the first committed chunk leaves: status "running", 1,000 rows.
    with pytest.raises(KeyboardInterrupt):
        services.imports.run(source, settings, batch_id=batch,
                             report=lambda done, _t, _x: (_ for _ in ()).throw(
                                 KeyboardInterrupt()) if done >= 1000 else None)
    with closing(connect_raw(database.path)) as connection:
        connection.execute("UPDATE import_batch SET status = 'running'")
        connection.commit()
    database.close()
    code = main(["import", "--resume", batch[:8], "--data-dir", str(tmp_path)])
    assert code == 0, capsys.readouterr().err
    assert "created 1500" in capsys.readouterr().out
    assert sqlite_file_rows(tmp_path / "crm.sqlite3",
                            "SELECT COUNT(*) FROM contact WHERE deleted_at IS NULL") == [(2500,)]
    assert main(["import", "--undo", batch, "--data-dir", str(tmp_path)]) == 0
    assert sqlite_file_rows(tmp_path / "crm.sqlite3",
                            "SELECT COUNT(*) FROM contact WHERE deleted_at IS NULL") == [(0,)]
    assert sqlite_file_rows(tmp_path / "crm.sqlite3", "SELECT status FROM import_batch") == [
        ("undone",)]
    assert consistency_problems(tmp_path / "crm.sqlite3") == []


def test_finding4_mark_interrupted_makes_a_running_batch_resumable(tmp_path: Path) -> None:
    database = open_database(tmp_path / "crm.sqlite3", tmp_path / "backups")
    services = build_services(database, "tester")
    path = tmp_path / "p.csv"
    path.write_text("Name,Email\nA,a@example.com\n", encoding="utf-8")
    batch = services.imports.start_batch(str(path), _import_settings(open_source(path)))
    assert services.imports.batches()[0]["resumable"] is False  # "running"
    assert services.imports.mark_interrupted() == [batch]
    assert services.imports.batches()[0] | {"started_at": None} == \
        services.imports.batches()[0] | {"started_at": None, "status": "interrupted",
                                         "resumable": True}
    assert services.imports.resume(batch).created == 1
    database.close()


def test_finding4_restore_and_a_second_import_are_refused_while_a_command_runs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = _store(tmp_path, 2)
    copy = backup.backup_file(database, tmp_path / "backups", "manual")
    path = tmp_path / "p.csv"
    path.write_text("Name,Email\nA,a@example.com\n", encoding="utf-8")
    with SessionLock(tmp_path, "desk-crm import"):
        assert main(["restore", str(copy), "--yes", "--data-dir", str(tmp_path)]) == 1
        assert "already working with this data (desk-crm import" in capsys.readouterr().err
        assert main(["import", str(path), "--entity", "contacts",
                     "--data-dir", str(tmp_path)]) == 1
        err = capsys.readouterr().err
        assert "already working" in err and "database is locked" not in err
    assert sqlite_file_rows(database, "SELECT COUNT(*) FROM import_batch") == [(0,)]
    assert main(["import", str(path), "--entity", "contacts", "--data-dir",
                 str(tmp_path)]) == 0


def test_finding4_the_session_lock_is_released_by_a_sigkill(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time; from pathlib import Path; "
                               "from desk_crm.session_lock import SessionLock; "
                               "lock = SessionLock(Path(sys.argv[1]), 'holder').acquire(); "
                               "print('held', flush=True); time.sleep(60)", str(tmp_path)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(Exception, match="already working"):
        SessionLock(tmp_path, "second").acquire()
    holder.send_signal(signal.SIGKILL)
    holder.wait(10)
    with SessionLock(tmp_path, "after the kill") as lock:
        assert lock.held


def test_finding4_undoing_an_import_is_set_based_and_keeps_history_consistent(
        tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email,Company\n" + "".join(
        f"张{i},z{i}@example.com,Firm {i % 7}\n" for i in range(3000)), encoding="utf-8")
    database = open_database(tmp_path / "crm.sqlite3", tmp_path / "backups")
    services = build_services(database, "tester")
    report = services.imports.run(open_source(path), _import_settings(open_source(path)))
    statements: list[str] = []
    from sqlalchemy import event

    event.listen(database.engine, "before_cursor_execute",
                 lambda *args: statements.append(args[2]))
    result = services.changes.undo_batch(report.batch_id)
    assert result.records == 3007  # 3,000 contacts + the 7 accounts the import created
    assert len(statements) < 100  # a few per entity, not one per row (was ~9,000)
    from desk_crm.store.repositories import ListQuery

    assert services.lists.count(ListQuery("contact", search="张")) == 0
    assert services.lists.count(ListQuery("account")) == 0
    database.close()
    assert consistency_problems(tmp_path / "crm.sqlite3") == []
    assert sqlite_file_rows(tmp_path / "crm.sqlite3",
                            "SELECT COUNT(*) FROM contact_point") == [(0,)]


# -- 5. importer inputs ----------------------------------------------------------------

def _rows(path: Path) -> list[tuple[int, list[str]]]:
    return list(open_source(path).rows())


def test_finding5_an_unterminated_quote_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text("Name,Email\nA,a@x.org\nB \"Bob,b@x.org\nC,c@x.org\nD,d@x.org\n",
                    encoding="utf-8")
    assert [line for line, _ in _rows(path)] == [2, 3, 4, 5]  # a quote inside a cell: fine
    path.write_text("Name,Email\nA,a@x.org\n\"B,b@x.org\nC,c@x.org\nD,d@x.org\n",
                    encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        _rows(path)
    assert "Line 3" in str(caught.value) and "never closed" in str(caught.value)


def test_finding5_encoding_and_size_errors_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_bytes(b"Name,Email\n" + b"".join(b"A%d,a%d@x.org\n" % (i, i)
                                                for i in range(5999)) + b"\xff\xfe,bad\n")
    with pytest.raises(ImportFileError, match="Line 6001 is not valid utf-8"):
        _rows(path)
    path.write_text("Name,Notes\nA," + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="Line 2: a cell is longer than 131,072"):
        _rows(path)
    path.write_text("Name,Notes\n" + ",".join(["x"] * 1500) + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="Line 2 has more than 1000 columns"):
        _rows(path)


def test_finding5_an_xlsx_zip_bomb_is_refused_before_it_unpacks(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<" + " " * 60_000_000 + ">")
    assert path.stat().st_size < 1_000_000
    with pytest.raises(ImportFileError, match="unpacks to more than"):
        open_source(path)


def test_finding5_vcards_nested_and_with_huge_photos_are_errors_at_their_line(
        tmp_path: Path) -> None:
    path = tmp_path / "n.vcf"
    path.write_text("BEGIN:VCARD\r\nFN:Outer\r\n" + "BEGIN:VCARD\r\nFN:x\r\n" * 10_000
                    + "END:VCARD\r\n" * 10_001, encoding="utf-8")
    with pytest.raises(ImportFileError, match="Line 3: a vCard begins inside"):
        _rows(path)
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + "A" * 75 + "".join(
        "\r\n " + "A" * 75 for _ in range(280_000))  # ~21 MB folded, as phones write it
    path.write_text("BEGIN:VCARD\r\nFN:Ann\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Big\r\n"
                    + photo + "\r\nEND:VCARD\r\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="Line 6: the photo is larger than"):
        _rows(path)
    small = "PHOTO;ENCODING=b;TYPE=JPEG:" + "".join("\r\n " + "A" * 75 for _ in range(2000))
    path.write_text("BEGIN:VCARD\r\nFN:Ann\r\n" + small + "\r\nEND:VCARD\r\n",
                    encoding="utf-8")
    assert [cells[0] for _line, cells in _rows(path)] == ["Ann"]  # a normal photo: fine


# -- 6. encryption ---------------------------------------------------------------------

def test_finding6_encryption_leaves_no_plaintext_side_copy(tmp_path: Path) -> None:
    database = _store(tmp_path, 3)
    copy = backup.backup_file(database, tmp_path / "backups", "manual")
    backup.restore_file(copy, database)  # leaves crm.sqlite3.replaced-*
    damaged = tmp_path / "crm.sqlite3.damaged-20260101T000000000000Z"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 3000)  # unreadable plaintext
    encryption.encrypt_with_backups(database, tmp_path / "backups", "s3cret pass")
    plain = [path for path in (*tmp_path.iterdir(), *(tmp_path / "backups").iterdir())
             if path.is_file() and path.stat().st_size and is_plain_sqlite(path)]
    assert plain == []
    assert not damaged.exists()
    kept = list(tmp_path.glob("crm.sqlite3.replaced-*"))
    assert len(kept) == 1 and encryption.key_opens(kept[0], "s3cret pass")


def test_finding6_every_command_opens_an_encrypted_database_and_names_a_wrong_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    database = _store(tmp_path, 3)
    encryption.encrypt_with_backups(database, tmp_path / "backups", "right")
    chosen = tmp_path / "chosen-backups"
    from desk_crm import settings as opts
    from desk_crm.settings import Settings

    chosen_settings = Settings(tmp_path / "config" / "settings.ini")
    chosen_settings.set(opts.BACKUP_FOLDER, str(chosen))
    chosen_settings._qsettings.sync()  # written now, as the app's exit would
    path = tmp_path / "p.csv"
    path.write_text("Name,Email\nA,a@example.com\n", encoding="utf-8")
    monkeypatch.setenv("DESK_CRM_PASSPHRASE", "wrong")
    assert main(["import", str(path), "--entity", "contacts", "--data-dir",
                 str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "wrong passphrase" in err and "damaged" not in err
    monkeypatch.setenv("DESK_CRM_PASSPHRASE", "right")
    assert main(["import", str(path), "--entity", "contacts", "--data-dir",
                 str(tmp_path)]) == 0
    assert main(["export", "--entity", "contacts", "-o", str(tmp_path / "out.csv"),
                 "--data-dir", str(tmp_path)]) == 0
    assert "a@example.com" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    made = backup.list_backups(chosen)  # the import's backup: chosen folder, encrypted
    assert made and all(encryption.is_encrypted(b.path) for b in made)


# -- 7. file names and the keychain ----------------------------------------------------

def test_finding7_an_attachment_name_loses_its_direction_override(
        services: object, tmp_path: Path) -> None:
    from desk_crm.domain.tickets import TicketDraft

    ticket = services.tickets.save(TicketDraft(subject="Invoice"))  # type: ignore[attr-defined]
    source = tmp_path / "in" / "invoice\u202etxt.exe"
    source.parent.mkdir()
    source.write_bytes(b"MZ")
    stored = services.tickets.add_attachment(ticket.id, source)  # type: ignore[attr-defined]
    assert stored.file_name == "invoicetxt.exe"
    from desk_crm.domain import quotes, tickets

    assert not hasattr(tickets, "safe_file_name") and not hasattr(quotes, "safe_file_name")


def test_finding7_a_locked_keychain_is_handled_not_raised() -> None:
    from keyring.backend import KeyringBackend
    from keyring.errors import KeyringLocked

    from desk_crm import security
    from desk_crm.sync.credentials import Connection, CredentialStore, NoKeychain

    class Locked(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            raise KeyringLocked("locked")

        def set_password(self, service: str, username: str, password: str) -> None:
            raise KeyringLocked("locked")

        def delete_password(self, service: str, username: str) -> None:
            raise RuntimeError("D-Bus went away")

    keyring.set_keyring(Locked())
    store = CredentialStore()
    with pytest.raises(NoKeychain):
        store.save(Connection("tryton", "http://127.0.0.1:1", "db", "u", "p"))
    assert store.load() is None
    store.forget()
    assert security.store_key(Path("/tmp/x.sqlite3"), "k") is False
    assert security.stored_key(Path("/tmp/x.sqlite3")) is None
    security.forget_key(Path("/tmp/x.sqlite3"))
