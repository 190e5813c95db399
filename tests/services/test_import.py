"""Imports through the services: match modes, chunks, cancel, undo, speed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
from desk_crm.services.bundle import Services
from desk_crm.services.importer import ImportSettings, open_source
from desk_crm.store.import_models import ImportBatch
from desk_crm.store.models import Account, ChangeLogEntry, Contact


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding, newline="")
    return path


def _settings(source, entity="contact", **kwargs) -> ImportSettings:
    targets = guess_mapping(IMPORT_ENTITIES[entity], source.headers)
    return ImportSettings(entity, tuple(ColumnRule(t) for t in targets), **kwargs)


def _live_contacts(services: Services) -> int:
    with services.context.read() as session:
        return session.scalar(select(func.count()).select_from(Contact)
                              .where(Contact.deleted_at.is_(None)))


CSV = ("姓名,公司,手机,邮箱,城市\n"
       "张三,星辰科技,13800138000,zhang@example.com,北京\n"
       "李四,星辰科技,13900139000,li@example.com,上海\n"
       "王五,,12,not-an-email,广州\n"
       "张三丰,星辰科技,13700137000,ZHANG@example.com,北京\n")


def test_create_mode_imports_valid_rows_and_skips_bad_and_in_file_duplicates(
        services: Services, tmp_path: Path) -> None:
    source = open_source(_write(tmp_path / "c.csv", CSV))
    report = services.imports.run(source, _settings(source))
    assert (report.created, report.updated, report.skipped) == (2, 0, 2)
    reasons = {o.line: o.reason for o in report.outcomes if o.action == "skipped"}
    assert "email" in reasons[4]
    assert "line 2" in reasons[5]
    with services.context.read() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 1  # one 星辰科技
        batch = session.scalars(select(ImportBatch)).one()
        assert (batch.status, batch.created, batch.skipped) == ("completed", 2, 2)
        logged = session.scalars(select(ChangeLogEntry.batch_id).where(
            ChangeLogEntry.entity == "contact")).all()
        assert set(logged) == {report.batch_id}


def test_preview_marks_invalid_cells_with_reasons(services: Services, tmp_path: Path) -> None:
    source = open_source(_write(tmp_path / "c.csv", CSV))
    rows = services.imports.preview(source, _settings(source))
    assert [r.action for r in rows] == ["created", "created", "skipped", "skipped"]
    assert set(rows[2].errors) >= {"email"}
    assert rows[0].values["phone" if rows[0].values.get("phone") else "mobile"] \
        == "+8613800138000"
    assert _live_contacts(services) == 0  # a preview writes nothing


@pytest.mark.parametrize("mode, created, updated, skipped", [
    ("create", 1, 0, 1), ("update", 0, 1, 1), ("upsert", 1, 1, 0)])
def test_match_modes(services: Services, tmp_path: Path, mode: str, created: int,
                     updated: int, skipped: int) -> None:
    first = open_source(_write(tmp_path / "a.csv",
                               "Name,Email,City\nAda Lovelace,ada@x.org,London\n"))
    services.imports.run(first, _settings(first))
    second = open_source(_write(tmp_path / "b.csv", "Name,Email,City\n"
                                "Ada Lovelace,ADA@x.org,Paris\nAlan Turing,alan@x.org,\n"))
    report = services.imports.run(second, _settings(second, match_mode=mode))
    assert (report.created, report.updated, report.skipped) == (created, updated, skipped)
    with services.context.read() as session:
        cities = session.scalars(select(Contact.city).where(
            Contact.primary_email == "ada@x.org")).all()
    assert cities == (["Paris"] if mode != "create" else ["London"])


def test_undo_batch_deletes_created_and_restores_updated(services: Services,
                                                         tmp_path: Path) -> None:
    first = open_source(_write(tmp_path / "a.csv",
                               "Name,Email,City\nAda Lovelace,ada@x.org,London\n"))
    services.imports.run(first, _settings(first))
    second = open_source(_write(tmp_path / "b.csv", "Name,Email,City\n"
                                "Ada Lovelace,ada@x.org,Paris\nAlan Turing,alan@x.org,\n"))
    report = services.imports.run(second, _settings(second, match_mode="upsert"))
    result = services.changes.undo_batch(report.batch_id)
    assert result.conflicts == 0
    with services.context.read() as session:
        live = session.execute(select(Contact.display_name, Contact.city)
                               .where(Contact.deleted_at.is_(None))).all()
        assert [tuple(r) for r in live] == [("Ada Lovelace", "London")]
        assert session.scalars(select(ImportBatch.status).where(
            ImportBatch.id == report.batch_id)).one() == "undone"
    services.changes.undo_batch(result.batch_id)  # redo
    assert _live_contacts(services) == 2


def test_cancel_leaves_only_whole_committed_chunks_and_resumes(
        services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desk_crm.services.importer.CHUNK_ROWS", 10)
    lines = "".join(f"Person {i},p{i}@x.org\n" for i in range(35))
    source = open_source(_write(tmp_path / "p.csv", "Name,Email\n" + lines))
    calls = {"n": 0}

    def cancel_in_second_chunk() -> bool:
        calls["n"] += 1
        return calls["n"] > 14  # inside the second chunk's rows

    report = services.imports.run(source, _settings(source), cancelled=cancel_in_second_chunk)
    assert report.status == "cancelled"
    assert _live_contacts(services) == 10
    with services.context.read() as session:
        batch = session.scalars(select(ImportBatch)).one()
        assert (batch.status, batch.rows_done) == ("cancelled", 10)
    resumed = services.imports.run(source, _settings(source), batch_id=report.batch_id)
    assert resumed.status == "completed" and resumed.created == 25
    assert _live_contacts(services) == 35


def test_import_speed_stays_in_bounds(services: Services, tmp_path: Path) -> None:
    # The 10,000-row figure comes from bench/import_contacts.py; this keeps a guard.
    lines = "".join(f"联系人{i},客户{i % 50},1380013{i:04d},u{i}@example.com,北京\n"
                    for i in range(1_000))
    source = open_source(_write(tmp_path / "big.csv", "姓名,公司,手机,邮箱,城市\n" + lines))
    started = time.monotonic()
    report = services.imports.run(source, _settings(source))
    assert report.created == 1_000
    assert time.monotonic() - started < 15


def test_stop_mode_halts_at_the_first_bad_row(services: Services, tmp_path: Path) -> None:
    source = open_source(_write(tmp_path / "c.csv", "Name,Email\nAda,ada@x.org\n"
                                "Bad,not-an-email\nAlan,alan@x.org\n"))
    report = services.imports.run(source, _settings(source, stop_on_error=True))
    assert (report.status, report.created, report.skipped) == ("stopped", 1, 1)
    assert _live_contacts(services) == 1


def test_vcard_and_xlsx_import_through_the_same_mapping(services: Services,
                                                       tmp_path: Path) -> None:
    from openpyxl import Workbook

    vcf = _write(tmp_path / "c.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\n"
                 "ORG:星辰科技\r\nEMAIL:zhang@x.org\r\nUID:abc-1\r\nEND:VCARD\r\n")
    source = open_source(vcf)
    report = services.imports.run(source, _settings(source, match_key="external_id"))
    assert report.created == 1
    again = services.imports.run(source, _settings(source, match_mode="upsert",
                                                   match_key="external_id"))
    assert (again.created, again.updated) == (0, 1)  # matched by the vCard UID
    book = Workbook()
    book.active.append(["公司名称", "行业", "城市"])
    book.active.append(["星辰科技", "软件", "北京"])
    book.active.append(["云海贸易", "贸易", "上海"])
    book.save(tmp_path / "a.xlsx")
    accounts = open_source(tmp_path / "a.xlsx")
    report = services.imports.run(accounts, _settings(
        accounts, "account", match_mode="upsert", match_key="name"))
    assert (report.created, report.updated) == (1, 1)  # 星辰科技 came with the vCard


def test_a_failing_chunk_leaves_no_half_rows(services: Services, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desk_crm.services.importer.CHUNK_ROWS", 5)
    source = open_source(_write(tmp_path / "p.csv", "Name,Email\n" + "".join(
        f"P {i},p{i}@x.org\n" for i in range(12))))
    original = services.imports._write_row
    calls = {"n": 0}

    def explode_on_eighth(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 8:
            raise OSError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(services.imports, "_write_row", explode_on_eighth)
    with pytest.raises(OSError):
        services.imports.run(source, _settings(source))
    assert _live_contacts(services) == 5
    with services.context.read() as session:
        batch = session.scalars(select(ImportBatch)).one()
        assert (batch.status, batch.rows_done) == ("failed", 5)


def test_preview_flags_rows_probably_already_in_the_database(services: Services,
                                                              tmp_path: Path) -> None:
    from desk_crm.domain.contact_points import ContactPoint
    from desk_crm.domain.drafts import ContactDraft

    # Not the same email (the import's match key), but the same name, city and phone.
    services.contacts.save(ContactDraft(family_name="张", given_name="三", city="北京",
                                        phones=(ContactPoint("13800138000"),)))
    source = open_source(_write(tmp_path / "c.csv", CSV))
    rows = services.imports.preview(source, _settings(source))
    assert rows[0].possible_duplicate.startswith("张三 (")
    assert rows[1].possible_duplicate == ""  # 李四: nobody like her yet
