"""Bulk edits of many selected records: one transaction, one batch id, undone as a whole
through ``ChangeService.undo_batch``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desk_crm.domain.entities import ENTITIES, with_custom
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.leads import EDITABLE_STATUSES
from desk_crm.domain.tags import normalize_tags
from desk_crm.domain.text import clean_text
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.services.custom_fields import CustomFieldService, apply_values
from desk_crm.store.all_models import model_for
from desk_crm.store.models import new_id

KEEP = None  # a field left as None is not changed


@dataclass(frozen=True)
class BulkChanges:
    owner_id: str | None = KEEP  # "" clears the owner
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    city: str | None = KEEP
    region: str | None = KEEP
    country: str | None = KEEP
    status: str | None = KEEP  # leads only
    # Declared fields (custom fields, demographics): (key, value already normalised by
    # ``Services.fields.clean_values``); None/[] clears.
    fields: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class BulkRun:
    batch_id: str
    done: int  # ids handed to committed chunks
    cancelled: bool


class BulkEditService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def apply(self, entity: str, record_ids: list[str], changes: BulkChanges) -> str:
        """Apply *changes* to every record; returns the batch id. Converted leads keep
        their status (they are read-only)."""
        self.check(changes)
        batch_id = new_id()
        self._apply_chunk(entity, record_ids, changes, batch_id)
        return batch_id

    def apply_pages(self, entity: str, id_pages: Iterable[list[str]], changes: BulkChanges,
                    on_chunk: Callable[[int], bool] | None = None) -> BulkRun:
        """Apply *changes* to every id of *id_pages* (e.g. ``ListRepository.iter_id_pages``
        over a filtered list), one transaction per page, all under ONE batch id so the
        whole run is undone as one step. *on_chunk(done)* runs after each committed page;
        returning False stops the run there (Cancel): whole pages stay applied."""
        self.check(changes)
        batch_id = new_id()
        done = 0
        for ids in id_pages:
            self._apply_chunk(entity, ids, changes, batch_id)
            done += len(ids)
            if on_chunk is not None and not on_chunk(done):
                return BulkRun(batch_id, done, cancelled=True)
        return BulkRun(batch_id, done, cancelled=False)

    @staticmethod
    def check(changes: BulkChanges) -> None:
        if changes.status is not None and changes.status not in EDITABLE_STATUSES:
            raise ValidationErrors([ValidationError("status", QT_TRANSLATE_NOOP(
                "Validation", "Unknown status “{value}”"), value=changes.status)])

    def _apply_chunk(self, entity: str, record_ids: list[str], changes: BulkChanges,
                     batch_id: str) -> None:
        model = model_for(entity)
        remove = {t.casefold() for t in normalize_tags(changes.remove_tags)}
        with self._context.write(batch_id=batch_id) as session:
            _common.require_owner(session, changes.owner_id or None)
            definition = None
            if changes.fields:
                definition = with_custom(ENTITIES[entity],
                                         CustomFieldService.definitions_in(session, entity))
            rows = session.scalars(select(model).where(model.id.in_(record_ids),
                                                       model.deleted_at.is_(None))).all()
            for row in rows:
                if getattr(row, "converted_at", None) is not None:
                    continue
                if changes.owner_id is not None:
                    # Every bulk-editable model has owner_id; Synced (the mixin) does not.
                    row.owner_id = changes.owner_id or None  # type: ignore[attr-defined]
                for field in ("city", "region", "country"):
                    value = getattr(changes, field)
                    if value is not None:
                        setattr(row, field, clean_text(value))
                if changes.status is not None and hasattr(row, "status"):
                    row.status = changes.status
                if definition is not None:
                    apply_values(definition, row, dict(changes.fields))
                if hasattr(row, "tags") and (changes.add_tags or remove):
                    tags = normalize_tags((*(row.tags or ()), *changes.add_tags))
                    row.tags = [t for t in tags if t.casefold() not in remove]
