"""Duplicates: "not a duplicate" marks, the fitted matching model, and a postcode index
for the check of one record against the database.

Revision ID: 0016
Revises: 0014
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duplicate_dismissal",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("low_id", sa.String(36), nullable=False),
        sa.Column("high_id", sa.String(36), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_index("ux_duplicate_dismissal_pair", "duplicate_dismissal",
                    ["entity", "low_id", "high_id"], unique=True)
    op.create_table(
        "duplicate_model",
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("params", sa.Text, nullable=False),
        sa.Column("fitted_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_contact_live_postal_code", "contact", ["postal_code"],
                    sqlite_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    op.drop_index("ix_contact_live_postal_code", table_name="contact")
    op.drop_table("duplicate_model")
    op.drop_index("ux_duplicate_dismissal_pair", table_name="duplicate_dismissal")
    op.drop_table("duplicate_dismissal")
