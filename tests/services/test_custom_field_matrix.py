"""Issue 17's "done when", as one matrix: every custom field type, end to end, on a real
SQLite file — the editor's generated section (Qt widgets with qtbot), save and the
validation message, list sort and filter, a saved view with the column, a segment
condition, bulk edit, CSV import, export, global search (text types), merge, undo and the
history's field title."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.export_text import escape_formula
from desk_crm.domain.fields import Choice, FieldDef, FieldType, display, normalize
from desk_crm.domain.import_mapping import ColumnRule, guess_mapping
from desk_crm.domain.segments import Condition, SegmentDraft, custom_condition, declared_field
from desk_crm.services.bulk import BulkChanges
from desk_crm.services.bundle import Services
from desk_crm.services.custom_fields import NewField
from desk_crm.services.exporter import ExportColumn, field_columns
from desk_crm.services.importer import ImportSettings, open_source
from desk_crm.store.field_columns import column_key
from desk_crm.store.repositories import ListQuery

CHOICES = (Choice("a", "Alpha", "甲"), Choice("b", "Bravo", "乙"))


@dataclass(frozen=True)
class Case:
    """One type: a low and a high value as a user types or imports them, an input the
    type refuses, a segment condition only the high value meets, the list filter value
    that finds it, and a word global search finds it by (text types)."""

    type: FieldType
    low: str
    high: str
    bad: str
    segment: tuple[str, str]
    filter: str = ""  # default: the stored high value
    search: str = ""
    sorts_by_value: bool = True  # a link sorts by record id, not by name


CASES = (
    Case(FieldType.TEXT, "alpha", "bravo", "x" * 501, ("contains", "RAV"), search="bravo"),
    Case(FieldType.LONG_TEXT, "apple pie", "zebra\nnotes", "x" * 20_001,
         ("contains", "zebra"), search="zebra"),
    Case(FieldType.INTEGER, "9", "1,000", "1.5", ("at_least", "10"), filter="1000"),
    Case(FieldType.DECIMAL, "9.5", "10.25", "abc", ("greater", "10")),
    Case(FieldType.MONEY, "9.50", "¥ 1000", "12 dollars", ("at_least", "999.99"),
         filter="1000.00"),
    Case(FieldType.DATE, "2026/01/05", "2026年3月1日", "soon", ("after", "2026-02-01")),
    Case(FieldType.DATETIME, "2026-01-05T10:00:00+00:00", "2026-03-01T16:00:00+08:00",
         "yesterday", ("after", "2026-02-01"), filter="2026-03-01T08:00:00Z"),
    Case(FieldType.CHECKBOX, "no", "是", "maybe", ("is_true", ""), filter="1"),
    Case(FieldType.PICKLIST, "Alpha", "乙", "Charlie", ("is", "Bravo"), search="bravo"),
    Case(FieldType.MULTI_PICKLIST, "Alpha", "Alpha; 乙", "Charlie", ("includes", "乙"),
         filter="b", search="bravo"),
    Case(FieldType.URL, "alpha.example.com", "bravo.example.com/x", "not a url",
         ("contains", "bravo"), search="bravo"),
    Case(FieldType.EMAIL, "alpha@example.com", "Bravo@Example.com", "not-an-email",
         ("starts_with", "bravo@"), search="bravo"),
    Case(FieldType.PHONE, "010 6552 9988", "021 6552 9988", "call me",
         ("contains", "2165529988"), search="+862165529988"),
    Case(FieldType.LINK, "<low>", "<high>", "no-such-record", ("is", "<high>"),
         sorts_by_value=False),
)


def _create(services: Services, case: Case) -> FieldDef:
    return services.fields.create(NewField(
        "contact", f"My {case.type.value}", case.type, title_zh=f"我的{case.type.value}",
        choices=CHOICES if case.type in (FieldType.PICKLIST, FieldType.MULTI_PICKLIST)
        else (), link_entity="account" if case.type is FieldType.LINK else None,
        indexed=case.type not in (FieldType.LONG_TEXT, FieldType.MULTI_PICKLIST)))


def _resolve(case: Case, accounts: dict[str, str]) -> Case:
    """Link fields point at real records: their values are the accounts' ids."""
    if case.type is not FieldType.LINK:
        return case
    return Case(case.type, accounts["low"], accounts["high"], case.bad,
                ("is", accounts["high"]), sorts_by_value=False)


@pytest.fixture(params=CASES, ids=[c.type.value for c in CASES])
def setup(request: pytest.FixtureRequest, services: Services
          ) -> tuple[Case, FieldDef, dict[str, str], dict[str, Any]]:
    accounts = {k: services.accounts.save(AccountDraft(name=f"{k.title()} Ltd")).id
                for k in ("low", "high")}
    case = _resolve(request.param, accounts)
    field = _create(services, case)
    ids = {name: services.contacts.save(ContactDraft(family_name=name, given_name="A")).id
           for name in ("Empty", "Low", "High")}
    clean = {"low": normalize(field, case.low), "high": normalize(field, case.high)}
    services.fields.save_values("contact", ids["Low"], {field.key: case.low})
    services.fields.save_values("contact", ids["High"], {field.key: case.high})
    return case, field, ids, clean


def _query(field: FieldDef, **kwargs: Any) -> ListQuery:
    return ListQuery("contact", fields=(field,), **kwargs)


def test_save_refuses_a_bad_value_with_a_message_at_the_field(setup: Any,
                                                              services: Services) -> None:
    case, field, ids, clean = setup
    with pytest.raises(ValidationErrors) as raised:
        services.fields.save_values("contact", ids["Low"], {field.key: case.bad})
    messages = raised.value.by_field()
    assert list(messages) == [field.key] and messages[field.key]
    assert services.fields.values("contact", ids["Low"])[field.key] == clean["low"]
    assert services.fields.values("contact", ids["High"])[field.key] == clean["high"]


def test_list_sorts_and_filters_and_a_saved_view_keeps_both(setup: Any,
                                                             services: Services) -> None:
    from desk_crm.ui.saved_views import SavedView

    case, field, ids, clean = setup
    key = column_key(field)
    if field.sortable:
        rows = services.lists.page(_query(field, sort_key=key))
        order = [r.id for r in rows]
        assert order[0] == ids["Empty"]  # empty first, ascending
        if case.sorts_by_value:
            assert order == [ids["Empty"], ids["Low"], ids["High"]]
            down = services.lists.page(_query(field, sort_key=key, descending=True))
            assert [r.id for r in down] == [ids["High"], ids["Low"], ids["Empty"]]
    wanted = case.filter or str(clean["high"])
    found = services.lists.page(_query(field, filters=((key, wanted),)))
    assert [r.id for r in found] == [ids["High"]]
    view = SavedView.from_dict(SavedView("Mine", sort_key=key if field.sortable else None,
                                         filters=((key, wanted),)).to_dict())
    assert view is not None
    again = services.lists.page(_query(field, sort_key=view.sort_key, filters=view.filters))
    assert [r.id for r in again] == [ids["High"]]


def test_a_segment_condition_matches_in_sql_and_in_python(setup: Any,
                                                          services: Services) -> None:
    from desk_crm.domain.segments import matches

    case, field, ids, _clean = setup
    op, value = case.segment
    condition = Condition(custom_condition(field.key), op, value)
    saved = services.segments.save(SegmentDraft(f"High {field.key}", "contact", "all",
                                                (condition,)))
    assert set(services.segments.matching_ids(saved.id, "contact")) == {ids["High"]}
    assert services.segments.count(saved.id) == 1
    definition = services.fields.entity("contact")
    stored = saved.draft
    for name in ("Empty", "Low", "High"):
        values = {condition.field: services.fields.values("contact", ids[name]).get(
            field.key)}
        assert matches(stored, values, date.today(), definition) == (name == "High")
    # Archived: gone from new conditions, the saved segment still counts.
    services.fields.archive("contact", field.key)
    assert services.segments.count(saved.id) == 1
    # Purged: a clear message instead of a wrong answer.
    services.fields.purge("contact", field.key)
    with pytest.raises(ValidationErrors) as raised:
        services.segments.count(saved.id)
    assert "was deleted" in str(raised.value.errors[0].template)


def test_bulk_edit_sets_the_value_as_one_undoable_batch(setup: Any,
                                                        services: Services) -> None:
    _case, field, ids, clean = setup
    changes = BulkChanges(fields=((field.key, clean["high"]),))
    batch = services.bulk.apply("contact", [ids["Empty"], ids["Low"]], changes)
    for name in ("Empty", "Low"):
        assert services.fields.values("contact", ids[name])[field.key] == clean["high"]
    services.changes.undo_batch(batch)
    assert field.key not in services.fields.values("contact", ids["Empty"])
    assert services.fields.values("contact", ids["Low"])[field.key] == clean["low"]


def test_csv_import_maps_the_column_by_its_title_and_export_writes_it(
        setup: Any, services: Services, tmp_path: Path) -> None:
    case, field, _ids, clean = setup
    source_file = tmp_path / "in.csv"
    with source_file.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Email", field.title_zh])
        writer.writerow(["赵六", "zhao@example.com", case.high])
    entity = services.imports.entity("contact")
    guesses = guess_mapping(entity, open_source(source_file).headers)
    assert guesses[2] == column_key(field)
    settings = ImportSettings("contact", tuple(ColumnRule(g) for g in guesses))
    report = services.imports.run(open_source(source_file), settings)
    assert report.created == 1
    imported = report.outcomes[0].record_id
    assert services.fields.values("contact", imported)[field.key] == clean["high"]

    target = tmp_path / "out.csv"
    columns = [ExportColumn("name", "Name", str), *field_columns((field,))]
    written = services.exports.export(_query(field, sort_key="name"), columns,
                                      target)
    assert written == 4
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert rows[0] == ["Name", field.title]
    by_name = {row[0].split()[-1]: row[1] for row in rows[1:]}
    shown = escape_formula(display(field, clean["high"]))  # "+86…" would be a formula
    assert shown and by_name["High"] == shown and by_name["Empty"] == ""
    chinese = field_columns((field,), chinese=True)[0]
    assert chinese.title == field.title_zh


def test_global_search_finds_text_types(setup: Any, services: Services) -> None:
    case, field, ids, _clean = setup
    if not case.search:
        assert not field.searchable
        return
    assert field.searchable
    hits = [hit.id for hit in services.search.search(case.search)]
    assert ids["High"] in hits and ids["Low"] not in hits


def test_merge_keeps_the_chosen_value_and_undo_restores(setup: Any,
                                                        services: Services) -> None:
    _case, field, ids, clean = setup
    batch = services.merges.merge(ids["Low"], [ids["High"]],
                                 {column_key(field): ids["High"]})
    assert services.fields.values("contact", ids["Low"])[field.key] == clean["high"]
    services.changes.undo_batch(batch)
    assert services.fields.values("contact", ids["Low"])[field.key] == clean["low"]
    # Without a choice the newest value wins, as for built-in fields; an empty survivor
    # takes the other record's value.
    services.merges.merge(ids["Empty"], [ids["Low"]])
    assert services.fields.values("contact", ids["Empty"])[field.key] == clean["low"]


def test_undo_and_history_name_the_field(setup: Any, services: Services) -> None:
    _case, field, ids, clean = setup
    services.fields.save_values("contact", ids["Low"], {field.key: clean["high"]})
    entry = services.history.for_record("contact", ids["Low"])[0]
    assert [(c.field, c.old, c.new) for c in entry.changes] == [
        (f"custom.{field.key}", clean["low"], clean["high"])]
    definition = services.fields.entity("contact", include_archived=True)
    named = declared_field(definition, entry.changes[0].field)
    assert named is not None and (named.title, named.title_zh) == (field.title,
                                                                   field.title_zh)
    mutation = services.changes.last_mutation("contact", ids["Low"])
    assert mutation is not None
    services.changes.undo_mutation(mutation)
    assert services.fields.values("contact", ids["Low"])[field.key] == clean["low"]


def test_the_editor_section_shows_checks_and_saves_the_value(
        setup: Any, services: Services, qtbot: Any) -> None:
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    from desk_crm.ui.custom_fields_section import CustomFieldsSection, _money_parts

    case, field, ids, clean = setup
    section = CustomFieldsSection(services, services.fields.entity("contact"))
    qtbot.addWidget(section)
    section.load(ids["High"])
    assert section.changed_values() == {}
    raw = section.raw_values()[field.key]
    assert normalize(field, raw) == clean["high"]  # what the widget shows saves back
    section.load(ids["Empty"])
    widget = section.inputs[field.key]
    typed: QLineEdit | QPlainTextEdit | None = None
    if field.type is FieldType.MONEY:
        typed = _money_parts(widget)[0]
        typed.setText("lots")
    elif isinstance(widget, QPlainTextEdit):
        typed = widget
        widget.setPlainText(case.bad)
    elif isinstance(widget, QLineEdit) and field.type is not FieldType.LINK:
        typed = widget
        widget.setText(case.bad)
    if typed is not None:
        problems = section.problems()
        assert list(problems) == [field.key] and problems[field.key]
        section.show_errors(problems)
        assert section.errors[field.key].text() == problems[field.key]
    section.load(ids["High"])
    services.fields.save_values("contact", ids["Empty"], section.raw_values())
    assert services.fields.values("contact", ids["Empty"])[field.key] == clean["high"]


@pytest.mark.parametrize(("kind", "condition"), [
    (FieldType.INTEGER, ("at_least", "10")), (FieldType.DATE, ("after", "2026-01-01")),
    (FieldType.PICKLIST, ("is", "a"))])
def test_a_segment_on_an_indexed_field_walks_its_expression_index(
        services: Services, kind: FieldType, condition: tuple[str, str]) -> None:
    from sqlalchemy import text

    from desk_crm.services.segments import compile_segment

    field = services.fields.create(NewField("contact", "Indexed", kind, indexed=True,
                                            choices=CHOICES if kind is FieldType.PICKLIST
                                            else ()))
    draft = SegmentDraft("S", "contact", "all",
                         (Condition(custom_condition(field.key), *condition),))
    where, params = compile_segment(draft, date.today(),
                                    definition=services.fields.entity("contact"))
    with services.context.read() as session:
        plan = " ".join(str(row[-1]) for row in session.execute(text(
            f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM contact c WHERE {where}"), params))
    assert f"ix_contact_cf_{field.key}" in plan
