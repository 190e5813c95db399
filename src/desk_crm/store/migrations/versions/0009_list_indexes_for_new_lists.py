"""Row counters and list indexes for the lists that arrived after 0006 (products, quotes,
tickets, articles …): every list source whose table exists gets both.

Revision ID: 0009
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

from desk_crm.store.repositories import SOURCES
from desk_crm.store.scale_models import (
    COUNTED_TABLES,
    create_list_indexes,
    drop_row_counter,
    install_row_counter,
)

revision = "0009"
down_revision = "0004"
branch_labels = None
depends_on = None


def _existing_tables() -> set[str]:
    rows = op.get_bind().execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
    return {row[0] for row in rows}


def upgrade() -> None:
    connection = op.get_bind()
    tables = _existing_tables()
    for source in SOURCES.values():
        table = source.base_from.split()[0]
        if table not in tables:
            continue
        if table not in COUNTED_TABLES:
            install_row_counter(connection, table)
        create_list_indexes(connection, source)
    op.execute("ANALYZE")


def downgrade() -> None:
    connection = op.get_bind()
    tables = _existing_tables()
    for source in SOURCES.values():
        table = source.base_from.split()[0]
        if table in tables and table not in COUNTED_TABLES:
            drop_row_counter(connection, table)
