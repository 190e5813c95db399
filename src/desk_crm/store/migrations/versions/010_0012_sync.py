"""Sync bookkeeping: id map with base copies, cursors, push journal, conflicts, run log.

Revision ID: 0012
Revises: 0009
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TIME = sa.String(32)  # UTCDateTime's storage


def upgrade() -> None:
    op.create_table(
        "sync_link",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("remote_id", sa.String(100), nullable=False),
        sa.Column("remote_version", sa.Text, nullable=True),
        sa.Column("base", sa.JSON, nullable=False),
        sa.Column("remote_deleted", sa.Boolean, nullable=False),
        sa.Column("force_push", sa.Boolean, nullable=False),
        sa.Column("synced_at", TIME, nullable=False),
    )
    op.create_index("ux_sync_link_record", "sync_link", ["entity", "record_id"], unique=True)
    op.create_index("ux_sync_link_remote", "sync_link", ["entity", "remote_id"], unique=True)
    op.create_table(
        "sync_cursor",
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("cursor", sa.Text, nullable=True),
        sa.Column("updated_at", TIME, nullable=False),
    )
    op.create_table(
        "sync_push",
        sa.Column("key", sa.String(36), primary_key=True),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("operation", sa.String(10), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("remote_id", sa.String(100), nullable=True),
        sa.Column("sent_at", TIME, nullable=False),
        sa.Column("done_at", TIME, nullable=True),
    )
    op.create_index("ix_sync_push_record", "sync_push", ["entity", "record_id", "state"])
    op.create_table(
        "sync_issue",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("resolved_at", TIME, nullable=True),
    )
    op.create_index("ix_sync_issue_open", "sync_issue", ["status", "entity", "record_id"])
    op.create_table(
        "sync_run",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("server", sa.String(400), nullable=False),
        sa.Column("started_at", TIME, nullable=False),
        sa.Column("finished_at", TIME, nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("pushed", sa.Integer, nullable=False),
        sa.Column("pulled", sa.Integer, nullable=False),
        sa.Column("conflicts", sa.Integer, nullable=False),
        sa.Column("rejected", sa.Integer, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("sync_run", "sync_issue", "sync_push", "sync_cursor", "sync_link"):
        op.drop_table(table)
