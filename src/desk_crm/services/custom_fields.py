"""Custom field definitions (create, rename, reorder, edit choices, archive, purge) and the
one generic write of declared field values (built-in demographic columns and custom fields),
each one transaction through the change log, so history, undo and sync see it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desk_crm.domain.entities import CUSTOMIZABLE, ENTITIES, EntityDef, index_for, with_custom
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.fields import (
    CHOICE_TYPES,
    Choice,
    FieldDef,
    FieldType,
    Storage,
    check_key,
    key_from_title,
    normalize,
)
from desk_crm.domain.text import clean_text
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.store.all_models import model_for
from desk_crm.store.field_models import CustomField
from desk_crm.store.types import utc_now

R = TypeVar("R")


@dataclass(frozen=True)
class NewField:
    entity: str
    title: str
    type: FieldType
    title_zh: str = ""
    choices: tuple[Choice, ...] = ()
    link_entity: str | None = None
    required: bool = False
    indexed: bool = False
    key: str = ""  # derived from the title when empty


def field_def(row: CustomField) -> FieldDef:
    return FieldDef(
        key=row.key, type=FieldType(row.type), title=row.title, title_zh=row.title_zh,
        storage=Storage.CUSTOM, custom=True,
        choices=tuple(Choice(c["key"], c["title"], c.get("title_zh", ""))
                      for c in row.choices or ()),
        link_entity=row.link_entity, required=row.required, indexed=row.indexed,
        aliases=tuple(a for a in (row.title.casefold(), row.title_zh) if a),
        position=row.position, archived=row.archived_at is not None)


def _choices_json(choices: Iterable[Choice]) -> list[dict[str, str]]:
    return [{"key": c.key, "title": clean_text(c.title), "title_zh": clean_text(c.title_zh)}
            for c in choices]


class CustomFieldService:
    def __init__(self, context: ServiceContext,
                 backup: Callable[[str], object] | None = None) -> None:
        self._context = context
        self._backup = backup  # BackupService.backup_before: purges copy the file first

    # -- reading ------------------------------------------------------------------------
    def definitions(self, entity: str, include_archived: bool = False) -> tuple[FieldDef, ...]:
        with self._context.read() as session:
            return self._definitions(session, entity, include_archived)

    @classmethod
    def definitions_in(cls, session: Session, entity: str,
                       include_archived: bool = False) -> tuple[FieldDef, ...]:
        """Definitions read in a session a service already holds (bulk edit, segments)."""
        return cls._definitions(session, entity, include_archived)

    @staticmethod
    def _definitions(session: Session, entity: str,
                     include_archived: bool = False) -> tuple[FieldDef, ...]:
        query = (select(CustomField)
                 .where(CustomField.entity == entity, CustomField.deleted_at.is_(None))
                 .order_by(CustomField.position, CustomField.pk))
        if not include_archived:
            query = query.where(CustomField.archived_at.is_(None))
        return tuple(field_def(row) for row in session.scalars(query))

    @classmethod
    def entity_in(cls, session: Session, entity: str) -> EntityDef:
        """:meth:`entity` (live fields) read in a session the caller holds."""
        return with_custom(ENTITIES[entity], cls._definitions(session, entity))

    def entity(self, entity: str, include_archived: bool = False) -> EntityDef:
        """The entity's declaration with its custom fields: what the generic UI reads."""
        return with_custom(ENTITIES[entity], self.definitions(entity, include_archived))

    # -- definitions --------------------------------------------------------------------
    def create(self, new: NewField) -> FieldDef:
        if new.entity not in CUSTOMIZABLE:
            raise ValidationErrors([ValidationError("entity", QT_TRANSLATE_NOOP(
                "Validation", "Records of this kind cannot have custom fields"))])
        title = clean_text(new.title)
        problems = []
        if not title:
            problems.append(ValidationError("title", QT_TRANSLATE_NOOP(
                "Validation", "A field needs a title")))
        if new.type is FieldType.LINK and new.link_entity not in ENTITIES:
            problems.append(ValidationError("link_entity", QT_TRANSLATE_NOOP(
                "Validation", "Choose what kind of record the field links to")))
        if new.type in CHOICE_TYPES and not new.choices:
            problems.append(ValidationError("choices", QT_TRANSLATE_NOOP(
                "Validation", "A picklist needs at least one choice")))
        if problems:
            raise ValidationErrors(problems)
        with self._context.write() as session:
            rows = session.scalars(select(CustomField)
                                   .where(CustomField.entity == new.entity)).all()
            taken = [r.key for r in rows] + [f.key for f in ENTITIES[new.entity].fields]
            key = check_key(new.key) if new.key else key_from_title(title, taken)
            if key in taken:
                raise ValidationErrors([ValidationError("key", QT_TRANSLATE_NOOP(
                    "Validation", "There is already a field “{value}”"), value=key)])
            row = CustomField(entity=new.entity, key=key, type=new.type.value, title=title,
                              title_zh=clean_text(new.title_zh),
                              choices=_choices_json(new.choices),
                              link_entity=new.link_entity if new.type is FieldType.LINK
                              else None, required=new.required, indexed=new.indexed,
                              position=max((r.position for r in rows), default=0) + 1)
            session.add(row)
            session.flush()
            definition = field_def(row)
            if definition.indexed:
                self._create_index(session, new.entity, definition)
            return definition

    def rename(self, entity: str, key: str, title: str, title_zh: str) -> None:
        title = clean_text(title)
        if not title:
            raise ValidationErrors([ValidationError("title", QT_TRANSLATE_NOOP(
                "Validation", "A field needs a title"))])
        with self._context.write() as session:
            row = self._row(session, entity, key)
            row.title, row.title_zh = title, clean_text(title_zh)

    def set_choices(self, entity: str, key: str, choices: Sequence[Choice]) -> None:
        """Replace the choice list. Stored values are choice keys, so a renamed choice keeps
        its records; a choice still in use cannot be removed."""
        with self._context.write() as session:
            row = self._row(session, entity, key)
            kept = {c.key for c in choices}
            for old in row.choices or ():
                if old["key"] not in kept and self._in_use(session, entity, row, old["key"]):
                    raise ValidationErrors([ValidationError("choices", QT_TRANSLATE_NOOP(
                        "Validation", "“{value}” is still used by records"),
                        value=old["title"])])
            row.choices = _choices_json(choices)

    def reorder(self, entity: str, keys: Sequence[str]) -> None:
        with self._context.write() as session:
            for position, key in enumerate(keys, start=1):
                row = self._row(session, entity, key)
                if row.position != position:
                    row.position = position

    def archive(self, entity: str, key: str) -> None:
        """"Delete": the field disappears from editors and lists; its values stay."""
        with self._context.write() as session:
            row = self._row(session, entity, key)
            if row.archived_at is None:
                row.archived_at = utc_now()

    def restore(self, entity: str, key: str) -> None:
        with self._context.write() as session:
            self._row(session, entity, key).archived_at = None

    def purge(self, entity: str, key: str) -> int:
        """Remove an archived field and its values for good (a backup is taken first);
        returns how many records lost a value."""
        with self._context.read() as session:
            if self._row(session, entity, key).archived_at is None:
                raise ValidationErrors([ValidationError("key", QT_TRANSLATE_NOOP(
                    "Validation", "Archive the field before purging it"))])
        if self._backup is not None:
            self._backup("purge-field")
        model = model_for(entity)
        cleared = 0
        with self._context.write() as session:
            row = self._row(session, entity, key)
            table = ENTITIES[entity].table
            ids = session.execute(text(
                f"SELECT id FROM {table} WHERE json_extract(custom, :path) IS NOT NULL"),
                {"path": f"$.{key}"}).scalars().all()
            for record in session.scalars(select(model).where(model.id.in_(ids))):
                values = dict(record.custom or {})  # type: ignore[attr-defined]
                values.pop(key, None)
                record.custom = values or None  # type: ignore[attr-defined]
                cleared += 1
            index = index_for(ENTITIES[entity], field_def(row))
            session.execute(text(f"DROP INDEX IF EXISTS {index.name}"))
            row.deleted_at = utc_now()
        return cleared

    # -- values -------------------------------------------------------------------------
    def values(self, entity: str, record_id: str) -> dict[str, Any]:
        """The stored values of the entity's declared fields on one record (what the
        editor's generated section shows): built-in columns and every custom key."""
        definition = self.entity(entity, include_archived=True)
        with self._context.read() as session:
            row = _common.load(session, model_for(entity), record_id)
            custom = dict(getattr(row, "custom", None) or {})
            found: dict[str, Any] = {}
            for field in definition.fields:
                if field.storage is Storage.COLUMN:
                    value = getattr(row, field.key)
                    found[field.key] = value.isoformat() if hasattr(value, "isoformat") \
                        else (value or None)
                elif field.key in custom:
                    found[field.key] = custom[field.key]
            return found

    def version_of(self, entity: str, record_id: str) -> int:
        with self._context.read() as session:
            return int(_common.load(session, model_for(entity), record_id).version)

    def save_with(self, entity: str, save: Callable[[], R],
                  values: Mapping[str, Any]) -> R:
        """Run the record's own save (*save* returns the saved record, with ``id``) and
        write *values* to it in the same transaction and mutation: one undo step, and
        a bad value rolls the record back too. Values are checked before anything runs,
        so a form with a bad custom value never half-saves."""
        if values:
            self.clean_values(self.entity(entity), values)
        with self._context.single_mutation():
            record = save()
            if values:
                self.save_values(entity, record.id, values)  # type: ignore[attr-defined]
        return record

    def save_values(self, entity: str, record_id: str, values: Mapping[str, Any],
                    expected_version: int | None = None) -> dict[str, Any]:
        """Validate and write declared field values of one record (the editor's generated
        section, the grid, a merge): built-in ones to their columns, custom ones into
        ``custom``. Every problem is reported at once; nothing is written then."""
        with self._context.write() as session:
            row = _common.load(session, model_for(entity), record_id)
            _common.check_version(row, expected_version)
            return self.save_values_in(session, entity, row, values)

    def save_values_in(self, session: Session, entity: str, row: Any,
                       values: Mapping[str, Any]) -> dict[str, Any]:
        """:meth:`save_values` inside a transaction the caller holds (a sync pull writes a
        record's built-in fields and its custom values in one mutation), on *row*."""
        definition = self.entity_in(session, entity)
        clean = self.clean_values(definition, values)
        self._check_links(session, definition, clean)
        apply_values(definition, row, clean)
        return clean

    def clean_values(self, definition: EntityDef, values: Mapping[str, Any]) -> dict[str, Any]:
        problems: list[ValidationError] = []
        clean: dict[str, Any] = {}
        for key, raw in values.items():
            try:
                clean[key] = normalize(definition.field(key), raw, self._context.default_region)
            except ValidationError as error:
                problems.append(error)
        if problems:
            raise ValidationErrors(problems)
        return clean

    @staticmethod
    def _check_links(session: Session, definition: EntityDef, clean: Mapping[str, Any]) -> None:
        problems = []
        for key, value in clean.items():
            field = definition.field(key)
            if field.type is FieldType.LINK and value and field.link_entity:
                try:
                    _common.load(session, model_for(field.link_entity), value)
                except LookupError:
                    problems.append(ValidationError(key, QT_TRANSLATE_NOOP(
                        "Validation", "That record no longer exists")))
        if problems:
            raise ValidationErrors(problems)

    # -- link fields --------------------------------------------------------------------
    def record_title(self, entity: str, record_id: str) -> str:
        """What a link field shows for the record it points to ("" when it is gone)."""
        table = ENTITIES[entity].table
        with self._context.read() as session:
            title = session.execute(text(
                f"SELECT {_title_sql(entity)} FROM {table} WHERE id = :id "
                "AND deleted_at IS NULL"), {"id": record_id}).scalar()
        return str(title or "")

    def find_records(self, entity: str, user_text: str,
                     limit: int = 20) -> list[tuple[str, str]]:
        """(id, title) of live records of *entity* matching *user_text* (its full-text
        index, a few index pages at 1M rows), for a link field's completer."""
        from desk_crm.domain.search_text import match_query
        from desk_crm.store.derived import SEARCH_INDEXES

        table = ENTITIES[entity].table
        match = match_query(user_text)
        index = SEARCH_INDEXES.get(entity)
        with self._context.read() as session:
            if match is None or index is None:
                rows = session.execute(text(
                    f"SELECT id, {_title_sql(entity)} FROM {table} "
                    "WHERE deleted_at IS NULL LIMIT :limit"), {"limit": limit})
            else:
                rows = session.execute(text(
                    f"SELECT t.id, {_title_sql(entity, 't.')} FROM {index.fts_table} f "
                    f"JOIN {table} t ON t.pk = f.rowid WHERE {index.fts_table} MATCH :match "
                    "AND t.deleted_at IS NULL LIMIT :limit"),
                    {"match": match, "limit": limit})
            return [(str(r[0]), str(r[1] or "")) for r in rows]

    # -- helpers ------------------------------------------------------------------------
    @staticmethod
    def _row(session: Session, entity: str, key: str) -> CustomField:
        row = session.scalars(select(CustomField).where(
            CustomField.entity == entity, CustomField.key == key,
            CustomField.deleted_at.is_(None))).one_or_none()
        if row is None:
            raise LookupError(f"{entity}.{key}")
        return row

    @staticmethod
    def _in_use(session: Session, entity: str, row: CustomField, choice: str) -> bool:
        table = ENTITIES[entity].table
        path = f"$.{row.key}"
        if row.type == FieldType.MULTI_PICKLIST.value:
            sql = (f"SELECT 1 FROM {table}, json_each({table}.custom, :path) j "
                   "WHERE j.value = :choice LIMIT 1")
        else:
            sql = f"SELECT 1 FROM {table} WHERE json_extract(custom, :path) = :choice LIMIT 1"
        return session.execute(text(sql), {"path": path, "choice": choice}).first() is not None

    @staticmethod
    def _create_index(session: Session, entity: str, field: FieldDef) -> None:
        # An expression index on exactly the SQL the list sorts and filters by (bench/
        # custom_fields.py: the first page at 1M rows as fast as a built-in column).
        index = index_for(ENTITIES[entity], field)
        session.execute(text(f"CREATE INDEX IF NOT EXISTS {index.name} ON {index.table}"
                             f"({index.expression}, pk) WHERE deleted_at IS NULL"))


_TITLES = {"account": "{p}name", "contact": "{p}display_name", "lead": "{p}display_name",
           "opportunity": "{p}name", "product": "{p}name", "quote": "{p}number",
           "ticket": "{p}number || ' ' || {p}subject"}


def _title_sql(entity: str, prefix: str = "") -> str:
    """A record's name for a link field (columns of its own table only)."""
    return _TITLES.get(entity, "{p}id").replace("{p}", prefix)


def apply_values(definition: EntityDef, row: Any, clean: Mapping[str, Any]) -> None:
    """Set clean values on an ORM row; ``custom`` is replaced, not mutated, so the change
    log sees the change (old and new dict)."""
    custom = dict(row.custom or {}) if definition.custom_fields else {}
    custom_changed = False
    for key, value in clean.items():
        field = definition.field(key)
        if field.storage is Storage.COLUMN:
            stored = _column_value(field, value)
            if getattr(row, key) != stored:
                setattr(row, key, stored)
        elif custom.get(key) != value:
            if value is None or value == []:
                custom.pop(key, None)
            else:
                custom[key] = value
            custom_changed = True
    if custom_changed:
        row.custom = custom or None


def _column_value(field: FieldDef, value: Any) -> Any:
    from datetime import date

    if field.type is FieldType.DATE:
        return date.fromisoformat(value) if value else None
    if value is None and field.type in (FieldType.TEXT, FieldType.PICKLIST, FieldType.URL,
                                        FieldType.EMAIL, FieldType.PHONE):
        return ""
    return value
