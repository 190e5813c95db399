"""DemoBuilder: a sample database made through the ordinary services."""

from __future__ import annotations

import json
import re

import pytest

from desk_crm.domain.phones import normalize_phone
from desk_crm.domain.text import has_cjk
from desk_crm.services.bundle import Services, build_services
from desk_crm.services.demo import DemoBuilder
from desk_crm.store.database import Database, open_database
from desk_crm.store.repositories import ListQuery
from helpers.db import change_log, count, rows

E164 = re.compile(r"^\+[1-9]\d{6,14}$")


@pytest.fixture
def built(services: Services) -> DemoBuilder:
    builder = DemoBuilder(services)
    assert builder.is_needed()
    progress: list[tuple[int, int, str]] = []
    # Only the accounts and contacts here; the sales and activity parts have their own tests.
    assert builder.build(accounts=10, contacts=40, leads=0, opportunities=0, activities=0,
                         tickets=0,
                         progress=lambda *step: progress.append(step)) == (10, 40)
    assert progress[-1] == (50, 50, "done")
    return builder


def test_demo_creates_the_requested_rows(built: DemoBuilder, database: Database) -> None:
    assert count(database, "account") == 10
    assert count(database, "contact") == 40
    assert built.services.lists.count(ListQuery("contact")) == 40
    assert not built.is_needed()


def test_demo_mixes_chinese_and_latin_names(built: DemoBuilder, database: Database) -> None:
    names = [row["display_name"] for row in rows(database, "SELECT display_name FROM contact")]
    chinese = [name for name in names if has_cjk(name)]
    assert 0 < len(chinese) < len(names)
    accounts = [row["name"] for row in rows(database, "SELECT name FROM account")]
    assert any(has_cjk(name) for name in accounts)
    assert not all(has_cjk(name) for name in accounts)


def test_demo_phones_are_valid_e164(built: DemoBuilder, database: Database) -> None:
    phones = [point["value"] for row in rows(database, "SELECT phones FROM contact")
              for point in json.loads(row["phones"])]
    phones += [row["phone"] for row in rows(database, "SELECT phone FROM account")]
    assert len(phones) >= 50
    for phone in phones:
        assert E164.match(phone), phone
        assert normalize_phone(phone) == phone


def test_every_demo_account_and_contact_has_a_phone(built: DemoBuilder,
                                                    database: Database) -> None:
    assert rows(database, "SELECT name FROM account WHERE phone = ''") == []
    assert rows(database, "SELECT display_name FROM contact WHERE primary_phone = ''") == []


def test_demo_is_written_through_the_services_with_a_change_log(built: DemoBuilder,
                                                                database: Database) -> None:
    entries = change_log(database)
    inserts = {(e["entity"], e["operation"]) for e in entries}
    # The default pipeline stages are made before any sales data, even when none follows.
    assert inserts == {("user", "insert"), ("account", "insert"), ("contact", "insert"),
                       ("pipeline_stage", "insert")}
    assert len(entries) == (count(database, "app_user") + 50
                            + count(database, "pipeline_stage"))


def test_demo_is_deterministic_for_a_seed(built: DemoBuilder, database: Database,
                                          tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("second")
    second = open_database(folder / "crm.sqlite3", folder / "backups")
    try:
        DemoBuilder(build_services(second, actor="tester")).build(
            accounts=10, contacts=40, leads=0, opportunities=0, activities=0, tickets=0)
        sql = "SELECT display_name, primary_email, primary_phone FROM contact ORDER BY pk"
        assert rows(second, sql) == rows(database, sql)
    finally:
        second.close()


def test_the_demo_owners_are_the_sample_reps(built: DemoBuilder, database: Database) -> None:
    owners = {row["owner_id"] for row in rows(database, "SELECT owner_id FROM contact")}
    assert owners <= set(built.reps)
    assert count(database, "app_user") == len(built.reps)
