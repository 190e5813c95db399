"""Per-field three-way merge of one record against the base copy both sides last agreed on.

Pure Python (no Qt, no SQLAlchemy) so the rules are tested by hand. Values are compared as
given; the engine passes JSON-ready values (strings for decimals and dates, lists for
e-mails) so "12.50" and Decimal("12.5") never look different by accident.

Rules, per field:
* mine == base            -> take theirs (only the server changed it, or nobody did)
* theirs == base          -> keep mine (only we changed it; it still has to be pushed)
* mine == theirs          -> agreed (both made the same change)
* otherwise               -> conflict
Deletion is a pseudo-field: deleted on one side and edited on the other is a conflict;
deleted on both sides, or deleted on one side with no edit on the other, is not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

DELETED = "__deleted__"  # the pseudo-field a delete-vs-edit conflict is reported under


@dataclass(frozen=True)
class FieldConflict:
    name: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class MergeResult:
    merged: dict[str, Any]                  # the record after the merge (conflicts: mine)
    take: dict[str, Any]                    # fields to write locally (theirs won)
    push: dict[str, Any]                    # fields only we changed: still to be pushed
    conflicts: list[FieldConflict] = field(default_factory=list)
    deleted: bool = False                   # the merged record is deleted (no conflict)

    @property
    def clean(self) -> bool:
        return not self.conflicts


_MISSING = object()


def merge_fields(base: Mapping[str, Any], mine: Mapping[str, Any],
                 theirs: Mapping[str, Any]) -> MergeResult:
    """Merge the live values of one record. A field absent from *base* (never agreed, e.g. a
    field the adapter gained later) counts as changed on a side that has it."""
    merged: dict[str, Any] = {}
    take: dict[str, Any] = {}
    push: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    for name in sorted(set(mine) | set(theirs)):
        b = base.get(name, _MISSING)
        m = mine.get(name, b)
        t = theirs.get(name, b)
        if _same(m, t):
            merged[name] = m
        elif _same(m, b):
            merged[name] = t
            take[name] = t
        elif _same(t, b):
            merged[name] = m
            push[name] = m
        else:
            merged[name] = m
            conflicts.append(FieldConflict(name, None if b is _MISSING else b, m, t))
    return MergeResult(merged, take, push, conflicts)


def merge_record(base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any],
                 *, mine_deleted: bool = False, theirs_deleted: bool = False) -> MergeResult:
    """Like :func:`merge_fields`, with deletion on either side."""
    if not mine_deleted and not theirs_deleted:
        return merge_fields(base, mine, theirs)
    if mine_deleted and theirs_deleted:
        return MergeResult(dict(theirs), {}, {}, [], deleted=True)
    if theirs_deleted:
        edited = changed_fields(base, mine)
        if not edited:
            return MergeResult(dict(mine), {}, {}, [], deleted=True)
        return MergeResult(dict(mine), {}, {}, [FieldConflict(DELETED, False, False, True)])
    edited = changed_fields(base, theirs)
    if not edited:
        return MergeResult(dict(mine), {}, {}, [], deleted=True)
    return MergeResult(dict(mine), {}, {}, [FieldConflict(DELETED, False, True, False)])


def changed_fields(base: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    """Fields of *current* whose value differs from *base*."""
    return {k: v for k, v in current.items() if not _same(v, base.get(k, _MISSING))}


def _same(a: Any, b: Any) -> bool:
    if a is _MISSING or b is _MISSING:
        return a is b
    return bool(_blank(a) == _blank(b))


def _blank(value: Any) -> Any:
    # None, "" and [] all mean "no value" on one server or another.
    return None if value in (None, "", [], ()) else value
