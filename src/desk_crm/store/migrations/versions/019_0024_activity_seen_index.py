"""An index on the day an activity was last seen, COALESCE(done_at, due_at, created_at),
for live rows: customer insight's "last activity in the last 150 days" reads only that
range instead of every activity (bench/RESULTS.md, customers at risk).

Written out here, not imported from the live models (issue 17 item 6).

Revision ID: 0024
Revises: 0026
Create Date: 2026-12-08
"""

from __future__ import annotations

from alembic import op

revision = "0024"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_activity_seen ON activity "
               "(COALESCE(done_at, due_at, created_at)) WHERE deleted_at IS NULL")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_activity_seen")
