"""Import batches, external ids of imported records, and merged-record links.

Revision ID: 0008
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_batch",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("match_mode", sa.String(10), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("rows_done", sa.Integer, nullable=False),
        sa.Column("created", sa.Integer, nullable=False),
        sa.Column("updated", sa.Integer, nullable=False),
        sa.Column("skipped", sa.Integer, nullable=False),
        sa.Column("settings", sa.JSON, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32), nullable=True),
    )
    op.create_table(
        "external_key",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
    )
    op.create_index("ux_external_key", "external_key", ["entity", "key"], unique=True)
    op.create_table(
        "record_merge",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("loser_id", sa.String(36), nullable=False),
        sa.Column("survivor_id", sa.String(36), nullable=False),
        sa.Column("batch_id", sa.String(36), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_index("ix_record_merge_loser", "record_merge", ["loser_id"])
    op.create_index("ix_record_merge_batch", "record_merge", ["batch_id"])


def downgrade() -> None:
    for table in ("record_merge", "external_key", "import_batch"):
        op.drop_table(table)
