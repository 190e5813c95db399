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
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from desk_crm.domain.entities import ENTITIES, SEGMENTABLE, years_before
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_crm.domain.loyalty import Tier, tier_range
from desk_crm.domain.segments import (
    CHOICE,
    COUNT,
    DATE,
    FIELDS,
    RECENT_DAYS,
    REF,
    TAGS,
    TEXT,
    TIER,
    Condition,
    SegmentDraft,
    validate_segment,
)
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
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


def compile_segment(draft: SegmentDraft, today: date, tiers: tuple[Tier, ...] = ()
                    ) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (on the entity's table with its alias) and its parameters;
    *tiers* are the loyalty programme's, for "loyalty tier" conditions."""
    _table, alias = _TABLES[draft.entity]
    params: dict[str, Any] = {
        "recent_since": format_utc(datetime.combine(today - timedelta(days=RECENT_DAYS),
                                                    time(), UTC)),
        "now": format_utc(datetime.combine(today + timedelta(days=1), time(), UTC))}
    clauses = []
    for number, condition in enumerate(draft.conditions):
        kind = FIELDS[draft.entity][condition.field]
        column = _column(draft.entity, alias, condition.field)
        name = f"v{number}"
        op, value = condition.op, condition.value
        if kind == TEXT:
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

    def save(self, draft: SegmentDraft, segment_id: str | None = None,
             expected_version: int | None = None) -> SegmentRecord:
        clean = validate_segment(draft)
        with self._context.write() as session:
            tiers = {tier.name for tier in programme_tiers(session)}
            for number, condition in enumerate(clean.conditions, start=1):
                if FIELDS[clean.entity][condition.field] == TIER and condition.value not in tiers:
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
        where, params = compile_segment(record.draft, today or date.today(),
                                        programme_tiers(session))
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
