"""Small helpers the entity services share."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.services.errors import RecordNotFound, StaleRecord
from desk_crm.store.models import Synced, User
from desk_crm.store.types import utc_now

Model = TypeVar("Model", bound=Synced)
UNKNOWN_OWNER = QT_TRANSLATE_NOOP("Validation", "Unknown owner")


def load(session: Session, model: type[Model], record_id: str, *,
         include_deleted: bool = False) -> Model:
    row = session.scalars(select(model).where(model.id == record_id)).one_or_none()
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise RecordNotFound(model.__entity__, record_id)
    return row


def require_owner(session: Session, owner_id: str | None) -> None:
    """Raise the owner field's validation error when *owner_id* names no live user."""
    if owner_id is None:
        return
    try:
        load(session, User, owner_id)
    except LookupError:
        raise ValidationErrors([ValidationError("owner_id", UNKNOWN_OWNER)]) from None


def check_version(row: Synced, expected_version: int | None) -> None:
    if expected_version is not None and row.version != expected_version:
        raise StaleRecord(row.__entity__, row.id, expected_version, row.version)


def soft_delete(session: Session, model: type[Synced], record_id: str) -> None:
    load(session, model, record_id).deleted_at = utc_now()


def restore(session: Session, model: type[Synced], record_id: str) -> None:
    row = load(session, model, record_id, include_deleted=True)
    row.deleted_at = None


def owner_name(session: Session, owner_id: str | None) -> str:
    if owner_id is None:
        return ""
    return session.scalar(select(User.name).where(User.id == owner_id)) or ""
