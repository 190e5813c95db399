"""An index on change_log.batch_id for the rows that have one (imports, bulk edits, merges):
undoing a whole import looked its rows up by a scan of the entire change log. Partial, so
the change-log rows of ordinary edits (batch_id NULL) pay nothing for it.

Revision ID: 0026
Revises: 0021
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_change_log_batch", "change_log", ["batch_id"],
                    sqlite_where=sa.text("batch_id IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_change_log_batch", table_name="change_log")
