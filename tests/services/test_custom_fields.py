"""Custom fields through the services: definitions, typed values, list sort/filter, undo,
history, archive and purge — on a real SQLite file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from desk_crm.domain.drafts import ContactDraft
from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.fields import Choice, FieldType
from desk_crm.services.bundle import Services
from desk_crm.services.custom_fields import NewField
from desk_crm.store.repositories import ListQuery

LEVELS = (Choice("gold", "Gold", "金卡"), Choice("silver", "Silver", "银卡"))


def _contact(services: Services, family: str) -> str:
    return services.contacts.save(ContactDraft(family_name=family, given_name="A")).id


def test_every_type_is_normalised_on_save(services: Services) -> None:
    kinds = {
        "Nickname": FieldType.TEXT, "Story": FieldType.LONG_TEXT, "Visits": FieldType.INTEGER,
        "Ratio": FieldType.DECIMAL, "Budget": FieldType.MONEY, "Met on": FieldType.DATE,
        "Called at": FieldType.DATETIME, "VIP": FieldType.CHECKBOX,
        "Blog": FieldType.URL, "Work mail": FieldType.EMAIL, "Fax": FieldType.PHONE,
    }
    for title, kind in kinds.items():
        services.fields.create(NewField("contact", title, kind))
    services.fields.create(NewField("contact", "Level", FieldType.PICKLIST, choices=LEVELS))
    services.fields.create(NewField("contact", "Hobbies", FieldType.MULTI_PICKLIST,
                                    choices=LEVELS))
    account = services.accounts.save(__import__("desk_crm.domain.drafts", fromlist=["x"])
                                     .AccountDraft(name="ACME")).id
    services.fields.create(NewField("contact", "Partner", FieldType.LINK,
                                    link_entity="account"))
    record = _contact(services, "Wang")
    clean = services.fields.save_values("contact", record, {
        "nickname": "  Wangy ", "story": "line1\nline2", "visits": "1,200", "ratio": "0.125",
        "budget": "¥ 12.5", "met_on": "2024年3月5日", "called_at": "2024-03-05T10:00:00+08:00",
        "vip": "是", "blog": "example.com/wang", "work_mail": "Wang@Example.COM",
        "fax": "010 6552 9988", "level": "金卡", "hobbies": "Gold; silver",
        "partner": account})
    assert clean["nickname"] == "Wangy"
    assert clean["visits"] == 1200
    assert Decimal(clean["ratio"]) == Decimal("0.125")
    assert clean["budget"] == {"amount": "12.50", "currency": "CNY"}
    assert clean["met_on"] == "2024-03-05"
    assert clean["called_at"] == "2024-03-05T02:00:00Z"
    assert clean["vip"] is True
    assert clean["blog"] == "https://example.com/wang"
    assert clean["work_mail"] == "wang@example.com"
    assert clean["fax"] == "+861065529988"
    assert clean["level"] == "gold"
    assert clean["hobbies"] == ["gold", "silver"]
    with services.context.read() as session:
        stored = session.execute(text("SELECT custom FROM contact WHERE id = :id"),
                                 {"id": record}).scalar_one()
    assert '"level": "gold"' in stored


def test_bad_values_are_reported_per_field_and_nothing_is_written(services: Services) -> None:
    services.fields.create(NewField("contact", "Visits", FieldType.INTEGER))
    services.fields.create(NewField("contact", "Level", FieldType.PICKLIST, choices=LEVELS))
    record = _contact(services, "Li")
    with pytest.raises(ValidationErrors) as raised:
        services.fields.save_values("contact", record, {"visits": "1.5", "level": "platinum"})
    assert set(raised.value.by_field()) == {"visits", "level"}
    assert services.contacts.get(record).draft.family_name == "Li"
    with services.context.read() as session:
        assert session.execute(text("SELECT custom FROM contact")).scalar_one() is None


def test_an_indexed_custom_field_sorts_and_filters_the_list_through_its_index(
        services: Services) -> None:
    field = services.fields.create(NewField("contact", "Level", FieldType.PICKLIST,
                                            choices=LEVELS, indexed=True))
    ids = {name: _contact(services, name) for name in ("Zhao", "Qian", "Sun")}
    services.fields.save_values("contact", ids["Zhao"], {"level": "silver"})
    services.fields.save_values("contact", ids["Qian"], {"level": "gold"})
    query = ListQuery("contact", sort_key="cf_level", fields=(field,))
    rows = services.lists.page(query)
    assert [r.values["cf_level"] for r in rows] == [None, "gold", "silver"]
    after = services.lists.page(query, after=rows[1], limit=5)
    assert [r.values["cf_level"] for r in after] == ["silver"]
    gold = ListQuery("contact", fields=(field,), filters=(("cf_level", "gold"),))
    assert [r.id for r in services.lists.page(gold)] == [ids["Qian"]]
    window, params = services.lists.window_query(query)
    with services.context.read() as session:
        plan = " ".join(str(r[-1]) for r in session.execute(
            text("EXPLAIN QUERY PLAN " + window), params))
    assert "ix_contact_cf_level" in plan


def test_values_are_in_history_and_undone(services: Services) -> None:
    services.fields.create(NewField("contact", "Nickname", FieldType.TEXT))
    record = _contact(services, "Zhou")
    services.fields.save_values("contact", record, {"nickname": "Zz"})
    mutation = services.changes.last_mutation("contact", record)
    assert mutation is not None
    services.changes.undo_mutation(mutation)
    with services.context.read() as session:
        assert session.execute(text("SELECT custom FROM contact")).scalar_one() is None


def test_renaming_a_choice_keeps_the_data_and_a_used_choice_cannot_go(
        services: Services) -> None:
    services.fields.create(NewField("contact", "Level", FieldType.PICKLIST, choices=LEVELS))
    record = _contact(services, "Wu")
    services.fields.save_values("contact", record, {"level": "gold"})
    services.fields.set_choices("contact", "level", (Choice("gold", "Platinum", "白金卡"),
                                                      LEVELS[1]))
    field = services.fields.entity("contact").field("level")
    assert field.choice_title("gold") == "Platinum"
    assert field.choice_title("gold", chinese=True) == "白金卡"
    with pytest.raises(ValidationErrors):
        services.fields.set_choices("contact", "level", (LEVELS[1],))


def test_archive_hides_keeps_data_and_purge_removes_it_after_a_backup(
        services: Services) -> None:
    services.fields.create(NewField("contact", "Nickname", FieldType.TEXT, title_zh="昵称"))
    record = _contact(services, "Zheng")
    services.fields.save_values("contact", record, {"nickname": "Zed"})
    services.fields.archive("contact", "nickname")
    assert services.fields.definitions("contact") == ()
    assert services.fields.definitions("contact", include_archived=True)[0].title_zh == "昵称"
    with services.context.read() as session:
        assert "Zed" in session.execute(text("SELECT custom FROM contact")).scalar_one()
    backups_before = len(list(services.backups.folder.glob("*")))
    assert services.fields.purge("contact", "nickname") == 1
    assert len(list(services.backups.folder.glob("*"))) > backups_before
    with services.context.read() as session:
        assert session.execute(text("SELECT custom FROM contact")).scalar_one() is None


def test_rename_and_reorder(services: Services) -> None:
    services.fields.create(NewField("lead", "A", FieldType.TEXT))
    services.fields.create(NewField("lead", "B", FieldType.TEXT))
    services.fields.reorder("lead", ["b", "a"])
    services.fields.rename("lead", "a", "Alpha", "阿尔法")
    fields = services.fields.definitions("lead")
    assert [(f.key, f.title) for f in fields] == [("b", "B"), ("a", "Alpha")]


def test_demographic_built_ins_save_through_the_same_path(services: Services) -> None:
    record = _contact(services, "Feng")
    services.fields.save_values("contact", record, {
        "birth_date": "1990/07/01", "gender": "女", "street2": "Room 5", "income_band": ""})
    with services.context.read() as session:
        row = session.execute(text("SELECT birth_date, gender, street2, income_band "
                                   "FROM contact")).one()
    assert tuple(row) == ("1990-07-01", "female", "Room 5", "")


def test_save_with_writes_record_and_values_as_one_undoable_mutation(
        services: Services) -> None:
    services.fields.create(NewField("contact", "Nickname", FieldType.TEXT))
    record = services.fields.save_with(
        "contact", lambda: services.contacts.save(ContactDraft(family_name="Qin",
                                                               given_name="B")),
        {"nickname": "Q"})
    assert services.fields.values("contact", record.id)["nickname"] == "Q"
    with services.context.read() as session:
        mutations = session.execute(text(
            "SELECT COUNT(DISTINCT mutation_id), COUNT(*) FROM change_log "
            "WHERE record_id = :id"), {"id": record.id}).one()
    assert tuple(mutations) == (1, 2)
    assert services.fields.version_of("contact", record.id) == 2
    mutation = services.changes.last_mutation("contact", record.id)
    assert mutation is not None
    services.changes.undo_mutation(mutation)
    with services.context.read() as session:
        row = session.execute(text("SELECT custom, deleted_at FROM contact")).one()
    assert row[0] is None and row[1] is not None


def test_save_with_a_bad_value_saves_nothing(services: Services) -> None:
    services.fields.create(NewField("contact", "Visits", FieldType.INTEGER))
    with pytest.raises(ValidationErrors):
        services.fields.save_with(
            "contact", lambda: services.contacts.save(ContactDraft(family_name="Han")),
            {"visits": "many"})
    with services.context.read() as session:
        assert session.execute(text("SELECT COUNT(*) FROM contact")).scalar_one() == 0


def test_history_names_each_custom_field(services: Services) -> None:
    services.fields.create(NewField("contact", "Nickname", FieldType.TEXT))
    services.fields.create(NewField("contact", "Visits", FieldType.INTEGER))
    record = _contact(services, "Xu")
    services.fields.save_values("contact", record, {"nickname": "X", "visits": 3})
    services.fields.save_values("contact", record, {"visits": 4})
    entries = services.history.for_record("contact", record)
    assert [(c.field, c.old, c.new) for c in entries[0].changes] == [("custom.visits", 3, 4)]
    assert {c.field for c in entries[1].changes} == {"custom.nickname", "custom.visits"}


def test_import_maps_address_2_birth_date_and_custom_fields(
        services: Services, tmp_path: Path) -> None:
    from desk_crm.domain.import_mapping import ColumnRule, guess_mapping
    from desk_crm.services.importer import ImportSettings, open_source

    services.fields.create(NewField("contact", "Loyalty level", FieldType.PICKLIST,
                                    title_zh="会员等级", choices=LEVELS))
    path = tmp_path / "people.csv"
    path.write_text("Name,Email,Address 2,Birth Date,会员等级\n"
                    "王芳,wang@example.com,Room 5,1990/07/01,金卡\n"
                    "李雷,li@example.com,,1985-02-03,Platinum\n", encoding="utf-8")
    source = open_source(path)
    entity = services.imports.entity("contact")
    guesses = guess_mapping(entity, source.headers)
    assert guesses[2:] == ["street2", "birth_date", "cf_loyalty_level"]
    settings = ImportSettings("contact", tuple(ColumnRule(g) for g in guesses))
    preview = services.imports.preview(source, settings)
    assert preview[0].errors == {}
    assert "cf_loyalty_level" in preview[1].errors
    report = services.imports.run(open_source(path), settings)
    assert (report.created, report.skipped) == (1, 1)
    record_id = report.outcomes[0].record_id
    values = services.fields.values("contact", record_id)
    assert (values["street2"], values["birth_date"], values["loyalty_level"]) == (
        "Room 5", "1990-07-01", "gold")
    services.changes.undo_batch(report.batch_id)
    with services.context.read() as session:
        assert session.execute(text("SELECT COUNT(*) FROM contact WHERE deleted_at IS NULL")
                               ).scalar_one() == 0


def test_global_search_finds_text_custom_fields_and_picklist_titles(
        services: Services) -> None:
    services.fields.create(NewField("contact", "Nickname", FieldType.TEXT))
    services.fields.create(NewField("contact", "Level", FieldType.PICKLIST, choices=LEVELS))
    services.fields.create(NewField("contact", "Visits", FieldType.INTEGER))
    record = _contact(services, "Ma")
    services.fields.save_values("contact", record, {"nickname": "Dragonfly", "level": "gold",
                                                    "visits": 777})
    assert [hit.id for hit in services.search.search("dragonfly")] == [record]
    assert [hit.id for hit in services.search.search("金卡")] == [record]
    assert services.search.search("777") == []  # numbers are not text
    from desk_crm.store.derived import rebuild

    with services.context.write() as session:
        rebuild(session.connection(), ["contact"])
    assert [hit.id for hit in services.search.search("dragonfly")] == [record]
