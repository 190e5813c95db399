"""Entity model: custom field definitions, a ``custom`` JSON column on every customisable
table, and the demographic contact fields (street2, birth_date, gender, income_band).

Written out here, not imported from the live models (issue 17 item 6).

Revision ID: 0013
Revises: 0017
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0017"
branch_labels = None
depends_on = None

CUSTOMIZABLE = ("account", "contact", "lead", "opportunity", "ticket", "product", "quote")


def upgrade() -> None:
    op.create_table(
        "custom_field",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted_at", sa.String(32), nullable=True),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("title_zh", sa.String(200), nullable=False),
        sa.Column("choices", sa.JSON, nullable=False),
        sa.Column("link_entity", sa.String(40), nullable=True),
        sa.Column("required", sa.Boolean, nullable=False),
        sa.Column("indexed", sa.Boolean, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("archived_at", sa.String(32), nullable=True),
        sa.UniqueConstraint("entity", "key", name="uq_custom_field_entity_key"),
    )
    for table in CUSTOMIZABLE:
        with op.batch_alter_table(table, recreate="never") as batch:
            batch.add_column(sa.Column("custom", sa.JSON, nullable=True))
    with op.batch_alter_table("contact", recreate="never") as batch:
        batch.add_column(sa.Column("street2", sa.String(200), nullable=False,
                                   server_default=sa.text("''")))
        batch.add_column(sa.Column("birth_date", sa.Date, nullable=True))
        batch.add_column(sa.Column("gender", sa.String(20), nullable=False,
                                   server_default=sa.text("''")))
        batch.add_column(sa.Column("income_band", sa.String(20), nullable=False,
                                   server_default=sa.text("''")))
    live = sa.text("deleted_at IS NULL")
    op.create_index("ix_contact_birth_date", "contact", ["birth_date", "pk"], sqlite_where=live)
    op.create_index("ix_contact_gender", "contact", ["gender", "sort_name", "pk"],
                    sqlite_where=live)


def downgrade() -> None:
    op.drop_index("ix_contact_gender", "contact")
    op.drop_index("ix_contact_birth_date", "contact")
    with op.batch_alter_table("contact") as batch:
        for column in ("income_band", "gender", "birth_date", "street2"):
            batch.drop_column(column)
    for table in CUSTOMIZABLE:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("custom")
    op.drop_table("custom_field")
