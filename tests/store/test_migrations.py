"""Migrations bring any file to the schema the models describe, backing it up first."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from desk_crm.services.bundle import build_services
from desk_crm.store import migrate
from desk_crm.store.database import Database, open_database
from desk_crm.store.engine import create_sqlite_engine
from desk_crm.store.models import Base
from desk_crm.store.repositories import ListQuery
from helpers.db import change_log, import_all_models, rows, sqlite_file_rows

# FTS5 virtual tables and the shadow tables SQLite creates for them: not in the metadata.
FTS_TABLE = re.compile(r"_fts(_(data|idx|content|docsize|config))?$")


def _not_fts_name(name: str | None, type_: str, _parents: Any) -> bool:
    return not (type_ == "table" and name is not None and FTS_TABLE.search(name))


def _not_fts_object(_obj: Any, name: str | None, type_: str, _reflected: bool,
                    _compare_to: Any) -> bool:
    return _not_fts_name(name, type_, None)


def test_a_new_file_is_migrated_to_head_without_a_backup(database: Database) -> None:
    head = migrate.head_revision()
    assert database.migration.from_revision is None
    assert database.migration.to_revision == head
    assert database.migration.backup is None
    assert migrate.current_revision(database.engine) == head


def test_the_revision_chain_runs_0001_then_0002() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    chain = [rev.revision for rev in script.walk_revisions("base", "heads")][::-1]
    assert chain[:2] == ["0001", "0002"]
    assert chain[-1] == migrate.head_revision()


def test_migrated_schema_matches_the_orm_metadata(database: Database) -> None:
    import_all_models()
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            "include_name": _not_fts_name,
            "include_object": _not_fts_object,
        })
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_the_migrated_file_has_the_search_tables(database: Database) -> None:
    names = {row["name"] for row in rows(
        database, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"contact_fts", "account_fts", "contact_point", "change_log"} <= names


def test_reopening_a_current_file_changes_nothing_and_takes_no_backup(tmp_path: Path) -> None:
    first = open_database(tmp_path / "crm.sqlite3", tmp_path / "backups")
    first.close()
    again = open_database(tmp_path / "crm.sqlite3", tmp_path / "backups")
    try:
        head = migrate.head_revision()
        assert (again.migration.from_revision, again.migration.to_revision) == (head, head)
        assert again.migration.backup is None
        assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())
    finally:
        again.close()


# -- upgrading a file written by an older version of the app ------------------------------

NOW = "2025-03-04T05:06:07.000000Z"
ACCOUNT_ID = str(uuid.uuid4())
CONTACT_ID = str(uuid.uuid4())
DELETED_CONTACT_ID = str(uuid.uuid4())


def _insert_0001_rows(path: Path, backups: Path) -> None:
    """A file as version 0001 of the app left it: rows written with plain SQL."""
    engine = create_sqlite_engine(path)
    try:
        report = migrate.upgrade(engine, path, backups, target="0001")
        assert report.to_revision == "0001"
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO account (id, created_at, updated_at, version, deleted_at, name, "
                "name_sort, industry, website, phone, email, street, city, region, "
                "postal_code, country, tags, owner_id, notes) VALUES (:id, :now, :now, 3, "
                "NULL, '上海贸易有限公司', 'shang hai mao yi you xian gong si', '贸易', '', "
                "'+862188886666', '', '', '上海', '上海市', '', '中国', :tags, NULL, '')"),
                {"id": ACCOUNT_ID, "now": NOW, "tags": json.dumps(["VIP"])})
            contact_sql = text(
                "INSERT INTO contact (id, created_at, updated_at, version, deleted_at, "
                "family_name, given_name, display_name, sort_name, title, department, "
                "account_id, emails, phones, primary_email, primary_phone, street, city, "
                "region, postal_code, country, tags, owner_id, notes) VALUES (:id, :now, "
                ":now, 2, :deleted, :family, :given, :display, :sort, '经理', '', :account, "
                ":emails, :phones, :email, :phone, '', '', '', '', '', '[]', NULL, '')")
            connection.execute(contact_sql, {
                "id": CONTACT_ID, "now": NOW, "deleted": None, "family": "张",
                "given": "三", "display": "张三", "sort": "zhang san", "account": ACCOUNT_ID,
                "emails": json.dumps([{"value": "zhang.san@example.com", "label": "work",
                                       "primary": True}]),
                "phones": json.dumps([{"value": "+8613800138000", "label": "mobile",
                                       "primary": True}]),
                "email": "zhang.san@example.com", "phone": "+8613800138000"})
            connection.execute(contact_sql, {
                "id": DELETED_CONTACT_ID, "now": NOW, "deleted": NOW, "family": "李",
                "given": "三", "display": "李三", "sort": "li san", "account": None,
                "emails": json.dumps([{"value": "li.san@example.com", "label": "",
                                       "primary": True}]),
                "phones": "[]", "email": "li.san@example.com", "phone": ""})
    finally:
        engine.dispose()


@pytest.fixture
def upgraded(tmp_path: Path) -> Iterator[Database]:
    path, backups = tmp_path / "old.sqlite3", tmp_path / "backups"
    _insert_0001_rows(path, backups)
    opened = open_database(path, backups)
    yield opened
    opened.close()


def test_an_0001_file_is_upgraded_to_head(upgraded: Database) -> None:
    assert upgraded.migration.from_revision == "0001"
    assert upgraded.migration.to_revision == migrate.head_revision()
    assert migrate.current_revision(upgraded.engine) == migrate.head_revision()


def test_rows_survive_the_upgrade(upgraded: Database) -> None:
    services = build_services(upgraded, actor="tester")
    contact = services.contacts.get(CONTACT_ID)
    assert contact.display_name == "张三"
    assert contact.version == 2
    assert contact.account_name == "上海贸易有限公司"
    assert [p.value for p in contact.draft.phones] == ["+8613800138000"]
    assert contact.created_at.isoformat() == "2025-03-04T05:06:07+00:00"
    assert services.accounts.get(ACCOUNT_ID).draft.tags == ("VIP",)


@pytest.mark.parametrize(("entity", "search", "expected_ids"), [
    ("contact", "三", [CONTACT_ID]),  # one CJK character, deleted 李三 left out
    ("contact", "张三", [CONTACT_ID]),
    ("contact", "13800138000", [CONTACT_ID]),
    ("contact", "zhang.san", [CONTACT_ID]),
    ("account", "上海", [ACCOUNT_ID]),
    ("account", "02188886666", [ACCOUNT_ID]),  # as dialled at home
])
def test_upgraded_rows_are_found_by_full_text_search(upgraded: Database, entity: str,
                                                     search: str,
                                                     expected_ids: list[str]) -> None:
    services = build_services(upgraded, actor="tester")
    query = ListQuery(entity, search=search)
    assert services.lists.count(query) == len(expected_ids)
    assert [row.id for row in services.lists.page(query)] == expected_ids


def test_upgrade_fills_the_contact_point_table_for_live_contacts(upgraded: Database) -> None:
    points = rows(upgraded, "SELECT contact_id, kind, value FROM contact_point ORDER BY kind")
    assert points == [
        {"contact_id": CONTACT_ID, "kind": "email", "value": "zhang.san@example.com"},
        {"contact_id": CONTACT_ID, "kind": "phone", "value": "+8613800138000"},
    ]


def test_a_backup_of_the_old_file_is_taken_before_migrating(upgraded: Database) -> None:
    backup = upgraded.migration.backup
    assert backup is not None and backup.is_file()
    assert backup.parent == upgraded.path.parent / "backups"
    assert "0001" in backup.name
    assert sqlite_file_rows(backup, "PRAGMA integrity_check") == [("ok",)]
    # The copy is of the file as it was: old revision, the row, no search tables yet.
    assert sqlite_file_rows(backup, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert sqlite_file_rows(backup, "SELECT id, display_name FROM contact "
                                    "WHERE deleted_at IS NULL") == [(CONTACT_ID, "张三")]
    assert sqlite_file_rows(backup, "SELECT name FROM sqlite_master "
                                    "WHERE name IN ('contact_fts', 'contact_point')") == []


def test_upgraded_rows_can_be_edited_with_a_change_log(upgraded: Database) -> None:
    services = build_services(upgraded, actor="tester")
    before = services.contacts.get(CONTACT_ID)
    draft = before.draft
    draft.title = "总经理"
    after = services.contacts.save(draft, CONTACT_ID, expected_version=2)
    assert after.version == 3
    [entry] = change_log(upgraded, CONTACT_ID)
    assert entry["operation"] == "update"
    assert entry["changes"] == {"title": ["经理", "总经理"]}


def test_a_file_from_a_newer_app_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path, backups = tmp_path / "newer.sqlite3", tmp_path / "backups"
    first = open_database(path, backups)
    with first.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    first.close()
    with pytest.raises(migrate.DatabaseTooNew, match="9999"):
        open_database(path, backups)
    assert sqlite_file_rows(path, "SELECT version_num FROM alembic_version") == [("9999",)]
    assert not backups.exists() or not any(backups.iterdir())
