"""Cell edits from the contacts grid: one typed cell, or a pasted block saved in one
transaction (one batch id, so one undo step). Each cell is validated like an import row."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import ContactDraft, validate_contact
from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.services.contacts import ContactService
from desk_crm.services.context import ServiceContext
from desk_crm.store.models import new_id

# grid column key -> how the typed text changes a contact draft
TEXT_FIELDS = {"title": "title", "city": "city"}
GRID_FIELDS = (*TEXT_FIELDS, "email", "phone")


def _with_primary(points: tuple[ContactPoint, ...], value: str) -> tuple[ContactPoint, ...]:
    """Replace the primary point's value (the first one if none is marked); empty removes it."""
    if not points:
        return (ContactPoint(value, primary=True),) if value else ()
    at = next((i for i, p in enumerate(points) if p.primary), 0)
    rest = points[:at] + points[at + 1:]
    if not value:
        return rest
    return (*points[:at], replace(points[at], value=value), *points[at + 1:])


def apply_cell(draft: ContactDraft, key: str, value: str) -> ContactDraft:
    if key in TEXT_FIELDS:
        changed: dict[str, Any] = {TEXT_FIELDS[key]: value}  # a str field, named by the key
        return replace(draft, **changed)
    if key == "email":
        return replace(draft, emails=_with_primary(draft.emails, value.strip()))
    if key == "phone":
        return replace(draft, phones=_with_primary(draft.phones, value.strip()))
    raise KeyError(key)


@dataclass(frozen=True)
class CellProblem:
    row: int  # the row number the caller passed (the grid row, 0-based)
    column: int
    error: ValidationError


@dataclass(frozen=True)
class PasteResult:
    batch_id: str | None  # None when nothing was saved
    saved_ids: tuple[str, ...]
    problems: tuple[CellProblem, ...]


class GridCellService:
    def __init__(self, context: ServiceContext, contacts: ContactService) -> None:
        self._context = context
        self._contacts = contacts

    def save_cell(self, contact_id: str, key: str, value: str,
                  expected_version: int | None = None) -> None:
        record = self._contacts.get(contact_id)
        self._contacts.save(apply_cell(record.draft, key, value), contact_id,
                            expected_version if expected_version is not None
                            else record.version)

    def paste(self, cells: list[tuple[int, str, list[tuple[int, str, str]]]]) -> PasteResult:
        """*cells*: per pasted row (grid row, contact id, [(column offset, key, value)]).
        Each cell is validated alone so a bad one names its own row/column; a row is saved
        only with its valid cells; all saved rows share one transaction and batch id."""
        problems: list[CellProblem] = []
        cleaned: list[tuple[str, int, ContactDraft]] = []
        region = self._context.default_region
        for row, contact_id, values in cells:
            record = self._contacts.get(contact_id)
            draft = record.draft
            changed = False
            for column, key, value in values:
                candidate = apply_cell(draft, key, value)
                try:
                    validate_contact(candidate, region)
                except ValidationErrors as errors:
                    problems.extend(CellProblem(row, column, e) for e in errors.errors)
                    continue
                draft, changed = candidate, True
            if changed:
                cleaned.append((contact_id, record.version, validate_contact(draft, region)))
        if not cleaned:
            return PasteResult(None, (), tuple(problems))
        batch_id = new_id()
        with self._context.write(batch_id=batch_id) as session:
            for contact_id, version, clean in cleaned:
                self._contacts.write_clean(session, clean, contact_id, version)
        return PasteResult(batch_id, tuple(c[0] for c in cleaned), tuple(problems))
