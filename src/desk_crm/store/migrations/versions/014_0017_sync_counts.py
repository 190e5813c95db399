"""Sync runs keep what happened per entity and direction (created / updated / deleted /
unchanged), so the history can tell a no-op sync from one that changed 400 records.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_run", recreate="never") as batch:
        batch.add_column(sa.Column("counts", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_run") as batch:
        batch.drop_column("counts")
