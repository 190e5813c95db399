"""The user's custom field definitions (migration 0013). Their values live in each
customisable table's ``custom`` JSON column; ``domain.fields.FieldDef`` is what the rest of
the app reads (``services.custom_fields`` converts)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desk_crm.store.models import Base, Synced


class CustomField(Synced, Base):
    __tablename__ = "custom_field"
    __entity__ = "custom_field"

    entity: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(40))  # never changes: the values' key
    type: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    title_zh: Mapped[str] = mapped_column(String(200), default="")
    # [{"key": …, "title": …, "title_zh": …}]; a renamed choice keeps its key.
    choices: Mapped[list[Any]] = mapped_column(JSON, default=list)
    link_entity: Mapped[str | None] = mapped_column(String(40), default=None)
    required: Mapped[bool] = mapped_column(default=False)
    indexed: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)
    # Deleting archives: values stay until the user purges them (after a backup).
    archived_at: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (UniqueConstraint("entity", "key", name="uq_custom_field_entity_key"),)
