"""The set-based import path writes what the ORM path writes: the same rows, change log
(per mutation, field by field), full-text rows, contact points and row counters."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
from desk_crm.services.bundle import Services, build_services
from desk_crm.services.importer import ImportService, ImportSettings, open_source
from desk_crm.store.database import open_database

# Two chunks of three rows per file: duplicates fall inside one chunk and across chunks.
FIRST = ("姓名,公司,手机,电话,邮箱,城市,编号\n"
         "张三,星辰科技,13800138000,,zhang@example.com,北京,c-1\n"
         "李四,云海贸易,13900139000,020-8888-6666转12,li@example.com,上海,c-2\n"
         "张三丰,星辰科技,13700137000,,ZHANG@example.com,北京,c-3\n"  # same email as line 2
         "王五,,12,,not-an-email,广州,c-4\n"  # refused
         "欧阳娜娜,新公司,13600136000,,ouyang@example.com;oy@example.org,杭州,c-5\n"
         "李四,云海贸易,13900139000,,LI@example.com,深圳,c-6\n")  # across chunks
SECOND = ("姓名,公司,手机,邮箱,城市,标签\n"
          "张三,星辰科技,13800138000,zhang@example.com,北京,\n"  # nothing new: no log row
          "李四,雨林集团,13900139001,li@example.com,广州,VIP\n"
          "赵六,雨林集团,13500135000,zhao@example.com,成都,\n"
          "赵六,雨林集团,,zhao@example.com,重庆,\n"
          "Ada Lovelace,Analytical Engines Ltd,+44 20 7946 0018,ada@example.org,London,\n")
ACCOUNTS = ("公司名称,行业,城市\n"
            "星辰科技,软件,北京\n"
            "Analytical Engines Ltd,Engineering,London\n"
            "全新公司,咨询,上海\n"
            "全新公司,咨询,苏州\n")


def _settings(source: Any, entity: str, mode: str, key: str) -> ImportSettings:
    targets = guess_mapping(IMPORT_ENTITIES[entity], source.headers)
    return ImportSettings(entity, tuple(ColumnRule(t) for t in targets), match_mode=mode,
                          match_key=key)


@pytest.fixture
def twins(tmp_path: Path) -> Iterator[tuple[Services, Services]]:
    """Two empty stores: one imported through the ORM path, one through the bulk path."""
    opened = [open_database(tmp_path / f"{name}.sqlite3", tmp_path / f"{name}-backups")
              for name in ("orm", "bulk")]
    try:
        yield build_services(opened[0], actor="tester"), build_services(opened[1],
                                                                        actor="tester")
    finally:
        for database in opened:
            database.close()


def _run_all(services: Services, bulk: bool, tmp_path: Path) -> list[str]:
    importer = ImportService(services.context, bulk=bulk)
    batches = []
    for name, body, entity, mode, key in (
            ("first.csv", FIRST, "contact", "upsert", "email"),
            ("second.csv", SECOND, "contact", "upsert", "email"),
            ("accounts.csv", ACCOUNTS, "account", "upsert", "name"),
            ("again.csv", FIRST, "contact", "create", "external_id")):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        source = open_source(path)
        report = importer.run(source, _settings(source, entity, mode, key))
        assert report.status == "completed"
        batches.append(report.batch_id)
    return batches


def _snapshot(services: Services, batches: list[str]) -> dict[str, Any]:
    """Everything an import writes, with uuids replaced by the rows' pks (both paths insert
    in the same order) and times left out (they differ by the run)."""
    with services.context.read() as session:
        run = session.connection().exec_driver_sql

        def rows(sql: str) -> list[tuple[Any, ...]]:
            return [tuple(r) for r in run(sql).all()]

        pk_of = {rid: f"{table}#{pk}" for table in ("contact", "account")
                 for rid, pk in rows(f"SELECT id, pk FROM {table}")}

        def stable(value: Any) -> Any:
            return json.loads(_replace_ids(json.dumps(value, ensure_ascii=False), pk_of))

        contacts = rows("SELECT pk, version, family_name, given_name, display_name, sort_name,"
                        " account_id, emails, phones, primary_email, primary_phone, city, tags,"
                        " deleted_at IS NULL FROM contact ORDER BY pk")
        accounts = rows("SELECT pk, version, name, name_sort, industry, city, tags FROM account"
                        " ORDER BY pk")
        log = rows("SELECT mutation_id, entity, record_id, operation, changes, actor,"
                   " sync_state, batch_id FROM change_log ORDER BY seq")
        mutations: dict[str, list[str]] = {}
        for mutation, entity, record, operation, changes, actor, state, batch in log:
            entry = json.dumps([entity, pk_of.get(record, record), operation,
                                stable(json.loads(changes)), actor, state,
                                batches.index(batch) if batch in batches else batch],
                               ensure_ascii=False, sort_keys=True)
            mutations.setdefault(mutation, []).append(entry)
        return {
            "contacts": [stable(list(r)) for r in contacts],
            "accounts": [stable(list(r)) for r in accounts],
            # per mutation (one per chunk), the multiset of its change-log rows
            "log": sorted(json.dumps(sorted(entries), ensure_ascii=False)
                          for entries in mutations.values()),
            "contact_fts": rows("SELECT rowid, body FROM contact_fts ORDER BY rowid"),
            "account_fts": rows("SELECT rowid, body FROM account_fts ORDER BY rowid"),
            "points": sorted(Counter((pk_of[c], k, v) for c, k, v in rows(
                "SELECT contact_id, kind, value FROM contact_point")).items()),
            "external": rows("SELECT entity, key FROM external_key ORDER BY key"),
            "counts": rows("SELECT table_name, live FROM row_count ORDER BY table_name"),
            "batches": rows("SELECT created, updated, skipped, rows_done, status"
                            " FROM import_batch ORDER BY pk"),
        }


def _replace_ids(dumped: str, pk_of: dict[str, str]) -> str:
    for record_id, stable_name in pk_of.items():
        dumped = dumped.replace(record_id, stable_name)
    return dumped


def test_bulk_path_writes_what_the_orm_path_writes(
        twins: tuple[Services, Services], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desk_crm.services.importer.CHUNK_ROWS", 3)
    orm, bulk = twins
    (tmp_path / "orm").mkdir()
    (tmp_path / "bulk").mkdir()
    expected = _snapshot(orm, _run_all(orm, False, tmp_path / "orm"))
    actual = _snapshot(bulk, _run_all(bulk, True, tmp_path / "bulk"))
    for part in expected:
        assert actual[part] == expected[part], part
    # The scenario really covers what it is meant to cover.
    operations = Counter(json.loads(e)[2] for m in expected["log"] for e in json.loads(m))
    assert operations["insert"] >= 8 and operations["update"] >= 4
    assert any(version > 1 for _pk, version, *_rest in expected["contacts"])
    assert expected["batches"][0][2] == 1  # 王五 refused


def test_bulk_import_is_found_by_one_character_undone_and_redone(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desk_crm.services.importer.CHUNK_ROWS", 4)
    path = tmp_path / "first.csv"
    path.write_text(FIRST, encoding="utf-8")
    source = open_source(path)
    report = services.imports.run(source, _settings(source, "contact", "upsert", "email"))
    assert (report.created, report.updated, report.skipped) == (3, 2, 1)
    titles = {hit.title for hit in services.search.search("娜")}
    assert "欧阳娜娜" in titles
    assert {hit.title for hit in services.search.search("020888")} == {"李四"}
    assert services.contacts.find_duplicates(["oy@example.org"], [])  # points were written

    services.changes.undo_batch(report.batch_id)
    with services.context.read() as session:
        live = session.execute(text("SELECT live FROM row_count WHERE table_name='contact'"))
        assert live.scalar() == 0
    assert services.search.search("娜") == []


def test_contacts_and_accounts_never_fall_back_to_the_orm_path(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desk_crm.services.accounts import AccountService
    from desk_crm.services.contacts import ContactService

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("a row went through the ORM write")

    monkeypatch.setattr(ContactService, "write_clean", refuse)
    monkeypatch.setattr(AccountService, "write_clean", refuse)
    for name, body, entity, key in (("c.csv", FIRST, "contact", "email"),
                                    ("a.csv", ACCOUNTS, "account", "name")):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        source = open_source(path)
        report = services.imports.run(source, _settings(source, entity, "upsert", key))
        assert report.status == "completed" and report.created >= 2


def test_importing_the_same_file_again_changes_nothing(services: Services,
                                                       tmp_path: Path) -> None:
    path = tmp_path / "unique.csv"  # no key twice (a file that repeats one updates it twice)
    path.write_text("".join(line + "\n" for line in FIRST.splitlines()[:3]), encoding="utf-8")

    def state() -> tuple[Any, ...]:
        with services.context.read() as session:
            run = session.connection().exec_driver_sql
            return (run("SELECT count(*) FROM change_log").scalar(),
                    run("SELECT group_concat(version || updated_at) FROM contact").scalar(),
                    run("SELECT group_concat(rowid || body) FROM contact_fts").scalar(),
                    run("SELECT group_concat(pk) FROM contact_point").scalar())

    source = open_source(path)
    services.imports.run(source, _settings(source, "contact", "upsert", "email"))
    before = state()
    again = services.imports.run(source, _settings(source, "contact", "upsert", "email"))
    assert (again.created, again.updated, again.skipped) == (0, 2, 0)
    assert state() == before


@pytest.mark.parametrize("bulk", [False, True])
def test_a_cell_its_transform_refuses_skips_only_its_row(services: Services, tmp_path: Path,
                                                         bulk: bool) -> None:
    path = tmp_path / "dates.csv"
    path.write_text("Name,Email,Notes\nAda,ada@x.org,2026-11-23\nAlan,alan@x.org,23/11\n"
                    "Grace,grace@x.org,2026-01-02\n", encoding="utf-8")
    source = open_source(path)
    settings = _settings(source, "contact", "upsert", "email")
    rules = tuple(ColumnRule(r.target, "date", "%Y-%m-%d") if r.target == "notes" else r
                  for r in settings.rules)
    importer = ImportService(services.context, bulk=bulk)
    report = importer.run(source, ImportSettings("contact", rules, match_mode="upsert"))
    assert (report.status, report.created, report.skipped) == ("completed", 2, 1)
    assert "not a date" in next(o.reason for o in report.outcomes if o.action == "skipped")
