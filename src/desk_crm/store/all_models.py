"""Every mapped class, imported once, and the look-up from an entity name (the change log's,
``domain.entities``' key) to its class. Code that derives tables from the entity
declarations (merge links, sync models, undo) asks here instead of naming classes."""

from __future__ import annotations

from functools import cache

# Imported for their mappers: model_for() must see every table, whatever imported it first.
from desk_crm.store import (  # noqa: F401
    duplicate_models,
    field_models,
    import_models,
    insight_models,
    marketing_models,
    quote_models,
    sales_models,
    scale_models,
    service_models,
    sync_models,
)
from desk_crm.store.models import Base, Synced, entity_of


@cache
def model_for(entity: str) -> type[Synced]:
    for mapper in Base.registry.mappers:
        if entity_of(mapper.class_) == entity:
            return mapper.class_
    raise KeyError(entity)
