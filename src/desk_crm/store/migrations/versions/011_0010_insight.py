"""Insight: saved segments and their materialised members.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "segment",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted_at", sa.String(32), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("match", sa.String(3), nullable=False),
        sa.Column("conditions", sa.JSON, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
    )
    op.create_table(
        "segment_member",
        sa.Column("segment_id", sa.String(36),
                  sa.ForeignKey("segment.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("record_id", sa.String(36), primary_key=True),
    )
    op.create_index("ix_segment_member_record", "segment_member", ["record_id"])
    # The insight queries group won/closed opportunities by account and by close time.
    op.create_index("ix_opportunity_closed", "opportunity", ["closed_at"])
    op.create_index("ix_ticket_feedback", "ticket", ["account_id", "csat_score"])


def downgrade() -> None:
    op.drop_index("ix_ticket_feedback", "ticket")
    op.drop_index("ix_opportunity_closed", "opportunity")
    op.drop_table("segment_member")
    op.drop_table("segment")
