"""Imports of the committed files in tests/data/import through the service (bulk path)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desk_crm.domain.import_mapping import IMPORT_ENTITIES, ColumnRule, guess_mapping
from desk_crm.services.bundle import Services
from desk_crm.services.importer import ImportSettings, open_source
from desk_crm.store.models import Account, Contact

DATA = Path(__file__).parents[1] / "data" / "import"


def _run(services: Services, name: str, entity: str = "contact", **kwargs):
    source = open_source(DATA / name)
    targets = guess_mapping(IMPORT_ENTITIES[entity], source.headers)
    settings = ImportSettings(entity, tuple(ColumnRule(t) for t in targets), **kwargs)
    return services.imports.run(source, settings)


def _contacts(services: Services) -> list[tuple[str, str, str]]:
    with services.context.read() as session:
        return [tuple(r) for r in session.execute(
            select(Contact.display_name, Contact.primary_email, Contact.city)
            .where(Contact.deleted_at.is_(None)).order_by(Contact.pk))]


def test_duplicates_inside_one_file_merge_into_one_record_on_upsert(
        services: Services) -> None:
    report = _run(services, "duplicates.csv", match_mode="upsert", match_key="email")
    assert (report.created, report.updated, report.skipped) == (3, 2, 0)
    assert _contacts(services) == [("张三", "zhang@example.com", "重庆"),  # the last one wins
                                   ("李四", "li@example.com", "上海"),
                                   ("王五", "wang@example.com", "广州")]


def test_duplicates_inside_one_file_are_refused_in_create_mode(services: Services) -> None:
    report = _run(services, "duplicates.csv", match_mode="create", match_key="phone")
    assert (report.created, report.skipped) == (3, 2)
    assert {o.line: o.reason for o in report.outcomes if o.action == "skipped"} == {
        3: "Same phone as line 2 of this file", 5: "Same phone as line 2 of this file"}


@pytest.mark.parametrize("name", ["contacts-gbk.csv", "contacts-utf16.csv",
                                  "contacts-utf8-bom.csv"])
def test_chinese_files_in_any_encoding_import_the_same_contacts(services: Services,
                                                                name: str) -> None:
    report = _run(services, name)
    assert report.created == 3
    assert [name for name, _e, _c in _contacts(services)] == ["张三", "李四", "欧阳娜娜"]
    with services.context.read() as session:
        assert session.scalars(select(Account.name).order_by(Account.pk)).all() == [
            "星辰科技", "云海贸易"]


def test_vcard_with_photo_imports_and_reimport_matches_on_uid(services: Services) -> None:
    first = _run(services, "contacts-v3.vcf", match_key="external_id")
    assert first.created == 2
    again = _run(services, "contacts-v3.vcf", match_mode="upsert", match_key="external_id")
    assert (again.created, again.updated) == (0, 2)
    with services.context.read() as session:
        zhang = session.scalars(select(Contact).where(Contact.display_name == "张三")).one()
        assert (zhang.title, zhang.department, zhang.primary_phone) == (
            "销售经理", "销售部", "+8613800138000")
        assert zhang.notes.endswith("续行以一个空格开头。")


def test_xlsx_accounts_and_the_broken_workbook(services: Services) -> None:
    report = _run(services, "accounts.xlsx", "account", match_mode="upsert",
                  match_key="name")
    assert report.created == 2
    with services.context.read() as session:
        assert session.scalars(select(Account.phone).order_by(Account.pk)).all() == [
            "+861088886666", "+862166668888"]
    from desk_crm.domain.import_files import ImportFileError

    with pytest.raises(ImportFileError):
        open_source(DATA / "broken.xlsx")
