"""Every built-in field declared in domain.entities works through the generic layers with
no code of its own: the one change-logged write, undo, a list column with its filter and
sort, and (for the kinds segments know) a segment condition. A new declared field is
tested here by being declared — the proof behind "a new built-in field is 3 files"."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from desk_crm.domain.entities import ENTITIES, EntityDef
from desk_crm.domain.fields import FieldDef, FieldType, normalize
from desk_crm.domain.segments import FIELDS, Condition, SegmentDraft
from desk_crm.services.bundle import Services
from desk_crm.store.field_columns import column_key
from desk_crm.store.repositories import ListQuery
from helpers.drafts import contact_draft

DECLARED = [(entity, field) for entity in ENTITIES.values() for field in entity.fields
            if not field.custom]
SAMPLES: dict[FieldType, Any] = {FieldType.TEXT: "Room 5", FieldType.DATE: "1990/07/01",
                                 FieldType.INTEGER: "42", FieldType.URL: "example.com"}


def _sample(field: FieldDef) -> Any:
    if field.type is FieldType.PICKLIST:
        return field.choices[-1].title_zh or field.choices[-1].title  # typed in Chinese
    return SAMPLES[field.type]


def _record(services: Services, entity: EntityDef) -> str:
    assert entity.key == "contact", "add a record factory for the new entity's fields"
    return services.contacts.save(contact_draft("冯", "A")).id


def _stored(services: Services, entity: EntityDef, field: FieldDef, record_id: str) -> Any:
    with services.context.read() as session:
        return session.execute(text(f"SELECT {field.key} FROM {entity.table} WHERE id = :id"),
                               {"id": record_id}).scalar()


def test_every_declared_field_has_a_sample_and_a_column(services: Services) -> None:
    assert DECLARED, "no declared built-in fields"
    for entity, field in DECLARED:
        _sample(field)
        with services.context.read() as session:
            columns = {row[1] for row in session.execute(text(
                f"PRAGMA table_info({entity.table})"))}
        assert field.key in columns, f"{entity.key}.{field.key} has no column"


@pytest.mark.parametrize(("entity", "field"), DECLARED,
                         ids=[f"{e.key}.{f.key}" for e, f in DECLARED])
def test_a_declared_field_is_written_logged_undone_listed_and_segmented(
        services: Services, entity: EntityDef, field: FieldDef) -> None:
    record_id = _record(services, entity)
    other_id = _record(services, entity)
    expected = normalize(field, _sample(field))
    services.fields.save_values(entity.key, record_id, {field.key: _sample(field)})
    assert str(_stored(services, entity, field, record_id)) == str(expected)

    # The change log has the change (history and sync read it), undo puts it back.
    mutation = services.changes.last_mutation(entity.key, record_id)
    assert mutation is not None
    with services.context.read() as session:
        logged = session.execute(text("SELECT changes FROM change_log WHERE mutation_id = :m"),
                                 {"m": mutation}).scalar()
    assert field.key in str(logged)

    # A list column of its own, filtered by the stored value and sortable.
    query = ListQuery(entity.key, fields=entity.fields,
                      filters=((column_key(field), str(expected)),))
    assert [row.id for row in services.lists.page(query)] == [record_id]
    if field.sortable:
        ordered = services.lists.page(ListQuery(entity.key, fields=entity.fields,
                                                sort_key=column_key(field), descending=True))
        assert ordered[0].id == record_id and {r.id for r in ordered} == {record_id, other_id}

    # A segment condition, when segments know the field's kind.
    if entity.key in FIELDS and field.key in FIELDS[entity.key]:
        kind = FIELDS[entity.key][field.key]
        condition = {"text": Condition(field.key, "equals", str(expected)),
                     "choice": Condition(field.key, "is", str(expected)),
                     "date": Condition(field.key, "before", "2000-01-01"),
                     "count": Condition(field.key, "equals", str(expected))}[kind]
        saved = services.segments.save(SegmentDraft(f"by {field.key}", entity.key, "all",
                                                    (condition,)))
        assert set(services.segments.matching_ids(saved.id)) == {record_id}

    services.changes.undo_mutation(mutation)
    assert _stored(services, entity, field, record_id) in (None, "")
