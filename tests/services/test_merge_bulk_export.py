"""Merging duplicates, bulk edits, exports and editor-save undo through the change log."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from desk_crm.domain.activities import ActivityDraft
from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.export_text import escape_formula
from desk_crm.domain.leads import LeadDraft
from desk_crm.services.bulk import BulkChanges
from desk_crm.services.bundle import Services
from desk_crm.services.exporter import ExportColumn
from desk_crm.store.import_models import RecordMerge
from desk_crm.store.repositories import ListQuery
from desk_crm.store.sales_models import Activity


def _contact(services: Services, family: str, given: str, email: str = "", phone: str = "",
             **kw) -> str:
    draft = ContactDraft(family_name=family, given_name=given,
                         emails=(ContactPoint(email),) if email else (),
                         phones=(ContactPoint(phone),) if phone else (), **kw)
    return services.contacts.save(draft).id


def test_duplicate_groups_by_pinyin_name_not_by_a_shared_mailbox(services: Services) -> None:
    account = services.accounts.save(AccountDraft(name="星辰科技")).id
    a = _contact(services, "张", "三", "zhang@x.org", account_id=account)
    b = _contact(services, "Zhang", "San", "ZHANG@x.org", "13800138000", account_id=account)
    # Another name on the same mailbox or phone (an office line): two people, not merged.
    c = _contact(services, "Li", "Si", "ZHANG@x.org")
    d = _contact(services, "Wang", "Wu", "", "+86 138 0013 8000")
    _contact(services, "Zhao", "Liu", "zhao@x.org")
    groups = services.merges.find_groups()
    assert [set(g.members) for g in groups] == [{a, b}]
    assert c not in groups[0].members and d not in groups[0].members


def test_merge_unions_points_repoints_links_and_undo_restores(services: Services) -> None:
    older = _contact(services, "张", "三", "zhang@x.org", city="北京", tags=("VIP",))
    newer = _contact(services, "张", "三", "z3@x.org", "13800138000", title="经理",
                     tags=("合作伙伴",))
    activity = services.activities.save(ActivityDraft(subject="回访", contact_id=newer)).id
    batch = services.merges.merge(older, [newer])
    survivor = services.contacts.get(older)
    assert {p.value for p in survivor.draft.emails} == {"zhang@x.org", "z3@x.org"}
    assert [p.value for p in survivor.draft.phones] == ["+8613800138000"]
    assert set(survivor.draft.tags) == {"VIP", "合作伙伴"}
    assert (survivor.draft.title, survivor.draft.city) == ("经理", "北京")
    with services.context.read() as session:
        assert session.scalar(select(Activity.contact_id).where(Activity.id == activity)) \
            == older
    assert services.merges.merged_into(newer) == older
    with pytest.raises(LookupError):
        services.contacts.get(newer)

    services.changes.undo_batch(batch)
    restored = services.contacts.get(older)
    assert [p.value for p in restored.draft.emails] == ["zhang@x.org"]
    assert restored.draft.title == ""
    assert services.contacts.get(newer).draft.title == "经理"
    with services.context.read() as session:
        assert session.scalar(select(Activity.contact_id).where(Activity.id == activity)) \
            == newer
        assert session.scalars(select(RecordMerge)).all() == []


def test_bulk_edit_is_one_batch_and_undo_restores_old_values(services: Services) -> None:
    owner = services.users.ensure("王经理")
    ids = [_contact(services, "A", str(i), city="Paris", tags=("old",)) for i in range(3)]
    batch = services.bulk.apply("contact", ids[:2], BulkChanges(
        city="上海", add_tags=("新",), remove_tags=("OLD",),
        owner_id=owner.id))
    drafts = [services.contacts.get(i).draft for i in ids]
    assert [d.city for d in drafts] == ["上海", "上海", "Paris"]
    assert [d.tags for d in drafts] == [("新",), ("新",), ("old",)]
    assert [d.owner_id for d in drafts] == [owner.id, owner.id, None]
    services.changes.undo_batch(batch)
    assert [services.contacts.get(i).draft.city for i in ids] == ["Paris"] * 3
    assert services.contacts.get(ids[0]).draft.tags == ("old",)


def test_bulk_lead_status_is_validated(services: Services) -> None:
    lead = services.leads.save(LeadDraft(family_name="钱", given_name="七")).id
    services.bulk.apply("lead", [lead], BulkChanges(status="qualified"))
    assert services.leads.get(lead).draft.status == "qualified"
    with pytest.raises(ValidationErrors):
        services.bulk.apply("lead", [lead], BulkChanges(status="converted"))


def test_undo_of_an_editor_save_and_conflicting_later_change(services: Services) -> None:
    record_id = _contact(services, "Lovelace", "Ada", city="London")
    record = services.contacts.get(record_id)
    from dataclasses import replace
    services.contacts.save(replace(record.draft, city="Paris", title="Countess"), record_id)
    mutation = services.changes.last_mutation("contact", record_id)
    record = services.contacts.get(record_id)
    services.contacts.save(replace(record.draft, title="Analyst"), record_id)  # later change
    result = services.changes.undo_mutation(mutation)
    after = services.contacts.get(record_id).draft
    assert after.city == "London"  # restored
    assert after.title == "Analyst"  # changed since: left alone
    assert result.conflicts == 1


@pytest.mark.parametrize("text, expected", [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-2", "'-2"), ("@x", "'@x"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("张三", "张三"), ("a=b", "a=b")])
def test_formulas_are_escaped(text: str, expected: str) -> None:
    assert escape_formula(text) == expected


def test_export_writes_the_list_query_with_bom_and_escaping(services: Services,
                                                          tmp_path: Path) -> None:
    _contact(services, "张", "三", city="=HYPERLINK(1)")
    _contact(services, "Smith", "John", city="London")
    columns = [ExportColumn("name", "姓名", str), ExportColumn("city", "City", str)]
    path = tmp_path / "out.csv"
    count = services.exports.export(ListQuery("contact", search="张三"), columns, path)
    assert count == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows == [["姓名", "City"], ["张三", "'=HYPERLINK(1)"]]
    xlsx = tmp_path / "out.xlsx"
    assert services.exports.export(ListQuery("contact"), columns, xlsx) == 2
    from openpyxl import load_workbook
    sheet = load_workbook(xlsx, read_only=True).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows == [["姓名", "City"], ["John Smith", "London"], ["张三", "'=HYPERLINK(1)"]]
