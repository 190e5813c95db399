"""Every input reader the fuzz harness attacks: one FuzzTarget entry each.

To fuzz a new reader (e.g. the CSV/xlsx/vCard importers), add one entry to TARGETS:
seeds = a few valid files, run = read one input the way the app does and check the
database afterwards, clear_errors = the exceptions that mean "rejected with a message".
"""

from __future__ import annotations

import itertools
import sqlite3
from contextlib import closing
from decimal import Decimal
from pathlib import Path

from sqlalchemy.exc import DatabaseError as SqlAlchemyDatabaseError

from desk_crm import settings as opts
from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import ContactDraft
from desk_crm.domain.emails import normalize_email
from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.file_names import safe_attachment_path
from desk_crm.domain.money import parse_amount
from desk_crm.domain.names import display_name, pinyin_search_tokens, sort_key, split_full_name
from desk_crm.domain.phones import normalize_phone
from desk_crm.services.bundle import build_services
from desk_crm.settings import Settings
from desk_crm.store.database import DatabaseDamaged, open_database
from desk_crm.store.integrity import quick_check
from desk_crm.store.migrate import DatabaseTooNew
from desk_crm.store.repositories import ListQuery
from helpers.drafts import account_draft, contact_draft

from .harness import FuzzTarget
from .import_targets import (
    IMPORT_CLEAR,
    csv_seeds,
    import_file,
    import_xlsx_member,
    vcard_seeds,
    xlsx_member_seeds,
    xlsx_seeds,
)

_counter = itertools.count()


def text_of(data: bytes) -> str:
    # surrogateescape keeps undecodable bytes as lone surrogates: the nastiest str there is.
    return data.decode("utf-8", "surrogateescape")


# -- settings.ini ------------------------------------------------------------------------
SETTING_OPTIONS = [value for value in vars(opts).values() if isinstance(value, opts.Option)]


def settings_seeds(workdir: Path) -> list[bytes]:
    path = workdir / "seed-settings.ini"
    settings = Settings(path)
    settings.set(opts.CURRENT_USER, "张三")
    settings.set(opts.LANGUAGE, "zh_CN")
    settings.set(opts.BACKUP_FOLDER, "/tmp/备份")
    settings.set_header_state("contacts", opts.QByteArray(b"\x00\x01binary\xff"))
    settings.sync()
    return [path.read_bytes(), b"[user]\nname=x\n", b""]


def read_settings(data: bytes, workdir: Path) -> None:
    # A fresh file name each time: QSettings caches what it parsed per file name.
    path = workdir / f"settings-{next(_counter)}.ini"
    path.write_bytes(data)
    settings = Settings(path)
    for option in SETTING_OPTIONS:
        value = settings.get(option)
        assert type(value) is type(option.default), (option.key, value)
    settings.header_state("contacts")
    path.unlink()


# -- database file -----------------------------------------------------------------------
def database_seeds(workdir: Path) -> list[bytes]:
    folder = workdir / "seed-db"
    database = open_database(folder / "crm.sqlite3", folder / "backups")
    services = build_services(database, "fuzz")
    account = services.accounts.save(account_draft("Acme"))
    services.contacts.save(contact_draft("张", "三", emails=["z@example.com"],
                                         account_id=account.id))
    database.close()
    with closing(sqlite3.connect(folder / "crm.sqlite3")) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return [(folder / "crm.sqlite3").read_bytes()]


def open_database_file(data: bytes, workdir: Path) -> None:
    folder = workdir / f"db-{next(_counter)}"
    folder.mkdir()
    path = folder / "crm.sqlite3"
    path.write_bytes(data)
    try:
        database = open_database(path, folder / "backups")
    except (DatabaseDamaged, DatabaseTooNew, SqlAlchemyDatabaseError, sqlite3.DatabaseError):
        # Rejected: the file must be exactly as it was (nothing wrote to it).
        assert path.read_bytes() == data, "a rejected database file was changed"
        raise
    try:
        services = build_services(database, "fuzz")
        services.lists.page(ListQuery("contact"))
        assert quick_check(path) == []
    finally:
        database.close()


# -- attachment names --------------------------------------------------------------------
def name_seeds(_workdir: Path) -> list[bytes]:
    return [n.encode("utf-8", "surrogateescape") for n in (
        "报价单 2026.pdf", "../../etc/passwd", "C:\\Windows\\win.ini", "CON.txt", "a" * 300,
        "invoice\u202egpj.exe", ".hidden", "name with spaces .docx")]


def attachment_name(data: bytes, workdir: Path) -> None:
    base = workdir / "attachments"
    base.mkdir(exist_ok=True)
    path = safe_attachment_path(base, text_of(data))
    assert path.parent == base.resolve()
    path.touch()  # the operating system accepts the name
    path.unlink()


# -- domain parsers ----------------------------------------------------------------------
def text_seeds(*examples: str) -> object:
    return lambda _workdir: [e.encode("utf-8") for e in examples]


def phone(data: bytes, _workdir: Path) -> None:
    value = normalize_phone(text_of(data), "CN")
    number, _, extension = value.partition(";ext=")  # the documented extension form
    assert number.startswith("+") and number[1:].isdigit(), value
    assert extension == "" or extension.isdigit(), value


def email(data: bytes, _workdir: Path) -> None:
    value = normalize_email(text_of(data))
    assert "@" in value and value == value.strip()


def amount(data: bytes, _workdir: Path) -> None:
    value = parse_amount(text_of(data))
    assert isinstance(value, Decimal) and value.is_finite(), value


def names(data: bytes, _workdir: Path) -> None:
    text = text_of(data)
    family, given = split_full_name(text)
    assert isinstance(display_name(family, given), str)
    assert isinstance(sort_key(family, given), str)
    assert all(isinstance(t, str) for t in pinyin_search_tokens(family, given))


# -- a contact through the services ------------------------------------------------------
_services_by_dir: dict[Path, object] = {}


def contact_seeds(workdir: Path) -> list[bytes]:
    return [b"\x00".join(parts) for parts in (
        ["张".encode(), "三".encode(), b"z@example.com", b"13800138000", b"note"],
        [b"Smith", b"Anna", b"anna@example.org", b"+44 20 7946 0958", b""],
    )]


def save_contact(data: bytes, workdir: Path) -> None:
    services = _services_by_dir.get(workdir)
    if services is None:
        database = open_database(workdir / "contacts.sqlite3", workdir / "backups")
        services = _services_by_dir[workdir] = build_services(database, "fuzz")
    parts = (text_of(data).split("\x00") + [""] * 5)[:5]
    draft = ContactDraft(family_name=parts[0], given_name=parts[1],
                         emails=(ContactPoint(parts[2]),) if parts[2] else (),
                         phones=(ContactPoint(parts[3]),) if parts[3] else (), notes=parts[4])
    with services.context.read() as session:  # type: ignore[attr-defined]
        before = session.execute(_COUNT).scalar_one()
    try:
        services.contacts.save(draft)  # type: ignore[attr-defined]
    except (ValidationError, ValidationErrors):
        with services.context.read() as session:  # type: ignore[attr-defined]
            assert session.execute(_COUNT).scalar_one() == before, "rejected input wrote"
        raise


_COUNT = __import__("sqlalchemy").text("SELECT COUNT(*) FROM change_log")

CLEAR = (ValidationError, ValidationErrors)
TARGETS = [
    FuzzTarget("settings.ini", settings_seeds, read_settings, (), inputs=400),
    FuzzTarget("database file", database_seeds, open_database_file,
               (DatabaseDamaged, DatabaseTooNew, SqlAlchemyDatabaseError, sqlite3.DatabaseError),
               inputs=800, timeout=10.0),
    FuzzTarget("attachment name", name_seeds, attachment_name, CLEAR, inputs=1500),
    FuzzTarget("phone", text_seeds("+86 138 0013 8000", "010-6552 9988", "(0)20 7946 0958",
                                   "＋８６１３８００１３８０００", "ext. 12"), phone, CLEAR,
               inputs=1500),
    FuzzTarget("email", text_seeds("z@example.com", "张三@例子.中国", "\"a b\"@x.org",
                                   "a+tag@sub.example.co.uk"), email, CLEAR, inputs=1500),
    FuzzTarget("amount", text_seeds("1,234.50", "¥-5", "CNY 12", "－１２．５", "1e5", "12 345"),
               amount, CLEAR, inputs=2000),
    FuzzTarget("names", text_seeds("张三", "欧阳娜娜", "Anna Smith", "José María Aznar",
                                   "李 小龙"), names, (), inputs=1500),
    FuzzTarget("contact save", contact_seeds, save_contact, CLEAR, inputs=300),
]

# -- import files (tests/fuzz/import_targets.py) ------------------------------------------
TARGETS += [
    FuzzTarget("import csv", csv_seeds, import_file(".csv"), IMPORT_CLEAR, inputs=600),
    FuzzTarget("import xlsx", xlsx_seeds, import_file(".xlsx"), IMPORT_CLEAR, inputs=250,
               max_size=16384),
    FuzzTarget("import xlsx sheet xml", xlsx_member_seeds, import_xlsx_member, IMPORT_CLEAR,
               inputs=300, max_size=16384),
    FuzzTarget("import vcard", vcard_seeds, import_file(".vcf"), IMPORT_CLEAR, inputs=600),
]
