"""A demographic contact field, education (a picklist key: "bachelor" …), declared in
domain.entities like the others of 0013.

Written out here, not imported from the live models (issue 17 item 6).

Revision ID: 0021
Revises: 0018
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contact", recreate="never") as batch:
        batch.add_column(sa.Column("education", sa.String(20), nullable=False,
                                   server_default=sa.text("''")))


def downgrade() -> None:
    with op.batch_alter_table("contact") as batch:
        batch.drop_column("education")
