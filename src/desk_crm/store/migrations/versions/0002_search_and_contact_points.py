"""Full-text index for accounts and contacts, and the email/phone look-up table.

Both are derived data: they are filled from the existing rows here, so a database created by
0001 comes out of this migration searchable.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desk_crm.store import derived

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FTS_TABLES = ("contact_fts", "account_fts")


def upgrade() -> None:
    op.create_table(
        "contact_point",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("contact_id", sa.String(36),
                  sa.ForeignKey("contact.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("value", sa.String(254), nullable=False),
    )
    op.create_index("ix_contact_point_value", "contact_point", ["kind", "value"])
    op.create_index("ix_contact_point_contact", "contact_point", ["contact_id"])
    for table in FTS_TABLES:
        op.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(body, "
                   f"tokenize='{derived.FTS_TOKENIZER}')")
    derived.rebuild(op.get_bind(), ("contact", "account"))


def downgrade() -> None:
    for table in FTS_TABLES:
        op.execute(f"DROP TABLE {table}")
    op.drop_table("contact_point")
