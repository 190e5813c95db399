"""Saved segments: named conditions on accounts or contacts (domain/segments.py), turned
into SQL here. The API other areas (campaign audiences, lists, bulk edit, export) use:

    list_segments() -> [SegmentRecord]          get(id) -> SegmentRecord
    save(draft, segment_id=None, expected_version=None) -> SegmentRecord
    delete(id) / restore(id)
    matching_ids(segment_id, entity=None, page_size=5000) -> iterator of record ids
    count(segment_id) -> int
    refresh(segment_id) -> int   (materialise members: the lists' "segment_id" filter)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from desk_crm.domain.entities import ENTITIES, SEGMENTABLE, EntityDef, with_custom, years_before
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_crm.domain.fields import FieldType
from desk_crm.domain.loyalty import Tier, tier_range
from desk_crm.domain.segments import (
    CHOICE,
    COUNT,
    DATE,
    FLAG,
    MULTI,
    NUMBER,
    RECENT_DAYS,
    REF,
    TAGS,
    TEXT,
    TIER,
    Condition,
    SegmentDraft,
    declared_field,
    fields_of,
    validate_segment,
)
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.services.custom_fields import CustomFieldService
from desk_crm.services.loyalty import programme_tiers
from desk_crm.store.insight_models import Segment, SegmentMember
from desk_crm.store.types import format_utc

_TABLES = {key: (ENTITIES[key].table, ENTITIES[key].list_alias) for key in SEGMENTABLE}


@dataclass(frozen=True)
class SegmentRecord:
    id: str
    version: int
    draft: SegmentDraft

    @property
    def name(self) -> str:
        return self.draft.name

    @property
    def entity(self) -> str:
        return self.draft.entity


def _record(row: Segment) -> SegmentRecord:
    conditions = tuple(Condition(c["field"], c["op"], c.get("value", ""))
                       for c in row.conditions or ())
    return SegmentRecord(row.id, row.version, SegmentDraft(
        row.name, row.entity, row.match, conditions, row.description))


def _recent(alias: str, entity: str) -> str:
    """Activities due or done in the last RECENT_DAYS on the record (for accounts: on the
    account or on one of its contacts)."""
    day = "COALESCE(t.done_at, t.due_at)"
    if entity == "account":
        return (f"(SELECT COUNT(*) FROM activity t LEFT JOIN contact tc ON tc.id = "
                f"t.contact_id WHERE t.deleted_at IS NULL AND {day} >= :recent_since AND "
                f"{day} <= :now AND (t.account_id = {alias}.id OR tc.account_id = {alias}.id))")
    return (f"(SELECT COUNT(*) FROM activity t WHERE t.deleted_at IS NULL AND "
            f"t.contact_id = {alias}.id AND {day} >= :recent_since AND {day} <= :now)")


def _lifetime_points(alias: str, entity: str) -> str:
    """Points ever earned (earned minus reversed), what a loyalty tier is decided by."""
    return (f"(SELECT COALESCE(SUM(p.points), 0) FROM points_entry p WHERE "
            f"p.holder_entity = '{entity}' AND p.holder_id = {alias}.id "
            "AND p.kind IN ('earned', 'reversed'))")


def _column(entity: str, alias: str, field: str) -> str:
    computed = {
        "contacts": f"(SELECT COUNT(*) FROM contact x WHERE x.account_id = {alias}.id "
                    "AND x.deleted_at IS NULL)",
        "open_tickets": f"(SELECT COUNT(*) FROM ticket k WHERE k.account_id = {alias}.id "
                        "AND k.deleted_at IS NULL AND k.status NOT IN ('resolved', 'closed'))",
        "won_deals": f"(SELECT COUNT(*) FROM opportunity o JOIN pipeline_stage s ON "
                     f"s.id = o.stage_id WHERE o.account_id = {alias}.id AND "
                     "o.deleted_at IS NULL AND s.kind = 'won')",
        "recent_activities": _recent(alias, entity),
        "loyalty_points": _lifetime_points(alias, entity),
    }
    return computed.get(field, f"{alias}.{field}")


def _custom_clause(field: Any, kind: str, alias: str, op: str, value: str, name: str,
                   params: dict[str, Any], today: date) -> str:
    """SQL of a condition on a custom number, checkbox, multi-picklist or date field, through
    ``json_extract`` (the expression an indexed field's index is on, so comparisons on an
    indexed integer or date walk it)."""
    column = field.sql(alias)
    if kind == NUMBER:
        if op in ("is_empty", "not_empty"):
            return f"{column} IS {'' if op == 'is_empty' else 'NOT '}NULL"
        # Decimals and money amounts are exact text: compared as numbers (the comparison
        # only; the stored value stays exact). Money compares the amount, any currency.
        number = field.sort_sql(alias)
        if field.type is FieldType.INTEGER:
            params[name] = int(Decimal(value))
            right = f":{name}"
        else:
            params[name] = value
            right = f"CAST(:{name} AS REAL)"
        sign = {"equals": "=", "not_equals": "!=", "at_least": ">=", "at_most": "<=",
                "greater": ">", "less": "<"}[op]
        clause = f"{number} {sign} {right}"
        return f"({column} IS NULL OR {clause})" if op == "not_equals" else clause
    if kind == FLAG:
        return f"{column} = 1" if op == "is_true" else f"COALESCE({column}, 0) = 0"
    if kind == MULTI:
        path = f"'$.{field.key}'"
        if op in ("is_empty", "not_empty"):
            sign = "=" if op == "is_empty" else ">"
            return f"COALESCE(json_array_length({alias}.custom, {path}), 0) {sign} 0"
        params[name] = value
        has = f"EXISTS (SELECT 1 FROM json_each({alias}.custom, {path}) j WHERE j.value = :{name})"
        return has if op == "includes" else f"NOT {has}"
    assert kind == DATE
    # A date is ISO text (the bare expression walks its index); a date-time is UTC ISO
    # text, compared by its day.
    day = column if field.type is FieldType.DATE else f"substr({column}, 1, 10)"
    if op in ("is_empty", "not_empty"):
        return f"{column} IS {'' if op == 'is_empty' else 'NOT '}NULL"
    if op in ("years_at_least", "years_under"):
        params[name] = years_before(today, int(value)).isoformat()
        return f"{day} {'<=' if op == 'years_at_least' else '>'} :{name}"
    if op in ("before", "after"):
        params[name] = value
        return f"{day} {'<' if op == 'before' else '>'} :{name}"
    if op == "next_days":
        params[f"{name}_from"] = today.isoformat()
        params[name] = (today + timedelta(days=int(value))).isoformat()
        return f"{day} BETWEEN :{name}_from AND :{name}"
    params[name] = (today - timedelta(days=int(value))).isoformat()
    return f"{day} {'>=' if op == 'within_days' else '<'} :{name}"


def compile_segment(draft: SegmentDraft, today: date, tiers: tuple[Tier, ...] = (),
                    definition: EntityDef | None = None) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (on the entity's table with its alias) and its parameters;
    *tiers* are the loyalty programme's, for "loyalty tier" conditions; *definition* the
    entity with its custom fields (archived ones too), for custom-field conditions."""
    _table, alias = _TABLES[draft.entity]
    entity = definition if definition is not None else ENTITIES[draft.entity]
    kinds = fields_of(entity, include_archived=True)
    params: dict[str, Any] = {
        "recent_since": format_utc(datetime.combine(today - timedelta(days=RECENT_DAYS),
                                                    time(), UTC)),
        "now": format_utc(datetime.combine(today + timedelta(days=1), time(), UTC))}
    clauses = []
    for number, condition in enumerate(draft.conditions):
        kind = kinds[condition.field]
        field = declared_field(entity, condition.field)
        custom = field if field is not None and field.custom else None
        # A custom field: exactly the expression its list column and index use.
        column = (custom.sql(alias) if custom is not None
                  else _column(draft.entity, alias, condition.field))
        name = f"v{number}"
        op, value = condition.op, condition.value
        if (custom is not None and kind in (NUMBER, FLAG, MULTI)) or (
                custom is not None and kind == DATE):
            clause = _custom_clause(custom, kind, alias, op, value, name, params, today)
        elif kind == TEXT:
            lowered = f"lower(COALESCE({column}, ''))"
            params[name] = value.lower()
            clause = {"equals": f"{lowered} = :{name}", "not_equals": f"{lowered} != :{name}",
                      "contains": f"instr({lowered}, :{name}) > 0",
                      "starts_with": f"substr({lowered}, 1, length(:{name})) = :{name}",
                      "is_empty": f"{lowered} = ''", "not_empty": f"{lowered} != ''"}[op]
        elif kind == TAGS:
            params[name] = value.lower()
            has = (f"EXISTS (SELECT 1 FROM json_each({column}) j "
                   f"WHERE lower(j.value) = :{name})")
            clause = {"has_tag": has, "lacks_tag": f"NOT {has}",
                      "is_empty": f"json_array_length(COALESCE({column}, '[]')) = 0",
                      "not_empty": f"json_array_length(COALESCE({column}, '[]')) > 0"}[op]
        elif kind == REF:
            params[name] = value
            clause = {"is": f"{column} = :{name}",
                      "is_not": f"({column} IS NULL OR {column} != :{name})",
                      "is_empty": f"{column} IS NULL", "not_empty": f"{column} IS NOT NULL"}[op]
        elif kind == DATE:
            day = f"substr({column}, 1, 10)"
            if op in ("years_at_least", "years_under"):
                # At least N whole years ago: on or before the day N years back (the
                # comparison on the bare column walks an index such as birth_date's).
                params[name] = years_before(today, int(value)).isoformat()
                clause = f"{column} {'<=' if op == 'years_at_least' else '>'} :{name}"
            elif op in ("before", "after"):
                params[name] = value
                clause = f"{day} {'<' if op == 'before' else '>'} :{name}"
            else:
                params[name] = (today - timedelta(days=int(value))).isoformat()
                clause = f"{day} {'>=' if op == 'within_days' else '<'} :{name}"
        elif kind == CHOICE:
            params[name] = value
            clause = {"is": f"{column} = :{name}",
                      "is_not": f"COALESCE({column}, '') != :{name}",
                      "is_empty": f"COALESCE({column}, '') = ''",
                      "not_empty": f"COALESCE({column}, '') != ''"}[op]
        elif kind == TIER:
            bounds = tier_range(value, tiers)
            if bounds is None:
                inside = "0"  # no such tier (any more): nobody is in it
            else:
                # Points are whole numbers: one BETWEEN evaluates the sum once per row.
                low, high = bounds
                params[f"{name}_low"] = low
                params[f"{name}_high"] = (high - 1) if high is not None else 2**62
                inside = (f"{_lifetime_points(alias, draft.entity)} "
                          f"BETWEEN :{name}_low AND :{name}_high")
            clause = f"({inside})" if op == "is" else f"NOT ({inside})"
        else:
            assert kind == COUNT
            params[name] = int(value)
            clause = f"{column} {({'at_least': '>=', 'at_most': '<=', 'equals': '='})[op]} :{name}"
        clauses.append(f"({clause})")
    joiner = " AND " if draft.match == "all" else " OR "
    where = f"{alias}.deleted_at IS NULL"
    if clauses:
        where += f" AND ({joiner.join(clauses)})"
    return where, params


class SegmentService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def list_segments(self, entity: str | None = None) -> list[SegmentRecord]:
        with self._context.read() as session:
            query = select(Segment).where(Segment.deleted_at.is_(None))
            if entity:
                query = query.where(Segment.entity == entity)
            return [_record(row) for row in session.scalars(query.order_by(Segment.name))]

    def get(self, segment_id: str) -> SegmentRecord:
        with self._context.read() as session:
            return _record(_common.load(session, Segment, segment_id))

    @staticmethod
    def definition(session: Session, entity: str) -> EntityDef:
        """The entity with its custom fields, archived ones included: a saved segment on a
        field archived since keeps working."""
        if entity not in ENTITIES:
            return ENTITIES["contact"]  # validate_segment names the unknown entity
        return with_custom(ENTITIES[entity], CustomFieldService.definitions_in(
            session, entity, include_archived=True))

    def save(self, draft: SegmentDraft, segment_id: str | None = None,
             expected_version: int | None = None) -> SegmentRecord:
        with self._context.read() as session:
            definition = self.definition(session, draft.entity)
        clean = validate_segment(draft, definition)
        with self._context.write() as session:
            tiers = {tier.name for tier in programme_tiers(session)}
            kinds = fields_of(definition, include_archived=True)
            for number, condition in enumerate(clean.conditions, start=1):
                if kinds[condition.field] == TIER and condition.value not in tiers:
                    raise ValidationError("conditions", QT_TRANSLATE_NOOP(
                        "Validation", "Condition {number}: no loyalty tier is called “{value}”"),
                        number=number, value=condition.value)
            duplicate = session.scalars(select(Segment.id).where(
                Segment.deleted_at.is_(None), Segment.name == clean.name,
                Segment.entity == clean.entity)).first()
            if duplicate is not None and duplicate != segment_id:
                raise ValidationError("name", QT_TRANSLATE_NOOP(
                    "Validation", "A segment named “{value}” exists already"),
                    value=clean.name)
            if segment_id is None:
                row = Segment()
                session.add(row)
            else:
                row = _common.load(session, Segment, segment_id)
                _common.check_version(row, expected_version)
            row.name, row.entity, row.match = clean.name, clean.entity, clean.match
            row.description = clean.description
            row.conditions = [{"field": c.field, "op": c.op, "value": c.value}
                              for c in clean.conditions]
            session.flush()
            return _record(row)

    def delete(self, segment_id: str) -> None:
        with self._context.write() as session:
            _common.soft_delete(session, Segment, segment_id)
            session.execute(delete(SegmentMember).where(SegmentMember.segment_id == segment_id))

    def restore(self, segment_id: str) -> None:
        with self._context.write() as session:
            _common.restore(session, Segment, segment_id)

    def _sql(self, session: Session, segment_id: str, today: date | None
             ) -> tuple[SegmentRecord, str, str, dict[str, Any]]:
        record = _record(_common.load(session, Segment, segment_id))
        table, alias = _TABLES[record.entity]
        definition = self.definition(session, record.entity)
        # A condition on a field purged since: the same clear message as on saving.
        validate_segment(record.draft, definition)
        where, params = compile_segment(record.draft, today or date.today(),
                                        programme_tiers(session), definition)
        return record, f"{table} {alias}", where, params

    def matching_ids(self, segment_id: str, entity: str | None = None,
                     page_size: int = 5000, today: date | None = None) -> Iterator[str]:
        """Ids of the live records matching now, walked by pk in pages (each page its own
        short read, so a long consumer never holds a transaction open)."""
        after = 0
        while True:
            with self._context.read() as session:
                record, tables, where, params = self._sql(session, segment_id, today)
                if entity is not None and entity != record.entity:
                    raise ValueError(f"segment {segment_id} is about {record.entity}")
                alias = tables.split()[1]
                rows = session.execute(text(
                    f"SELECT {alias}.pk, {alias}.id FROM {tables} WHERE {where} AND "
                    f"{alias}.pk > :after ORDER BY {alias}.pk LIMIT :size"),
                    {**params, "after": after, "size": page_size}).all()
            yield from (row.id for row in rows)
            if len(rows) < page_size:
                return
            after = rows[-1].pk

    def count(self, segment_id: str, today: date | None = None) -> int:
        with self._context.read() as session:
            _segment, tables, where, params = self._sql(session, segment_id, today)
            return int(session.execute(text(f"SELECT COUNT(*) FROM {tables} WHERE {where}"),
                                       params).scalar_one())

    def refresh(self, segment_id: str, today: date | None = None) -> int:
        """Store the current members (for the list filter); returns how many."""
        with self._context.write() as session:
            _segment, tables, where, params = self._sql(session, segment_id, today)
            alias = tables.split()[1]
            session.execute(delete(SegmentMember).where(SegmentMember.segment_id == segment_id))
            session.execute(text(
                f"INSERT INTO segment_member(segment_id, record_id) SELECT :segment, "
                f"{alias}.id FROM {tables} WHERE {where}"), {**params, "segment": segment_id})
            return int(session.execute(text(
                "SELECT COUNT(*) FROM segment_member WHERE segment_id = :s"),
                {"s": segment_id}).scalar_one())
