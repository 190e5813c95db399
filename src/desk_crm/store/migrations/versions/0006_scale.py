"""Lists at a million rows: live-row counters kept by triggers, and an index for every
sortable and filterable column of the list sources.

Revision ID: 0006
Revises: 0008
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desk_crm.store.repositories import SOURCES
from desk_crm.store.scale_models import (
    COUNTED_TABLES,
    create_list_indexes,
    drop_row_counter,
    install_row_counter,
    list_indexes,
)

revision = "0006"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "row_count",
        sa.Column("table_name", sa.String(64), primary_key=True),
        sa.Column("live", sa.Integer, nullable=False),
    )
    connection = op.get_bind()
    for table in COUNTED_TABLES:
        install_row_counter(connection, table)
    for entity in COUNTED_TABLES:
        create_list_indexes(connection, SOURCES[entity])
    op.execute("ANALYZE")


def downgrade() -> None:
    connection = op.get_bind()
    for entity in COUNTED_TABLES:
        for index in list_indexes(SOURCES[entity]):
            op.execute(f"DROP INDEX IF EXISTS {index.name}")
    for table in COUNTED_TABLES:
        drop_row_counter(connection, table)
    op.drop_table("row_count")
