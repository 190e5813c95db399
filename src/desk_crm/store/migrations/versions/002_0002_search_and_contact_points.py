"""Full-text index for accounts and contacts, and the email/phone look-up table.

Both are derived data, created empty here: ``store.migrate`` fills every empty search table
(and the look-up table with it) from the live index definitions once the file is at head, so
a database created by 0001 comes out of the upgrade searchable.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FTS_TOKENIZER = "unicode61 remove_diacritics 2"  # frozen: the tokenizer this revision used

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
                   f"tokenize='{FTS_TOKENIZER}')")
    # Created empty: store.migrate fills empty search tables from the live index
    # definitions once the file is at head (old code must not shape new rows).


def downgrade() -> None:
    for table in FTS_TABLES:
        op.execute(f"DROP TABLE {table}")
    op.drop_table("contact_point")
