"""Alembic environment: always run in-process on a connection handed over by ``store.migrate``."""

from __future__ import annotations

from alembic import context

from desk_crm.store import (
    duplicate_models,  # noqa: F401  ("not a duplicate" marks, fitted matching model)
    import_models,  # noqa: F401  (import batches, merges)
    insight_models,  # noqa: F401  (saved segments)
    marketing_models,  # noqa: F401  (campaigns, outbox, loyalty)
    quote_models,  # noqa: F401  (registers the quote tables)
    sales_models,  # noqa: F401  (registers the sales tables)
    scale_models,  # noqa: F401  (row counters)
    service_models,  # noqa: F401  (registers the service-desk tables)
    sync_models,  # noqa: F401  (sync id map, journal, conflicts)
)
from desk_crm.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through desk_crm.store.migrate.upgrade()")

context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
