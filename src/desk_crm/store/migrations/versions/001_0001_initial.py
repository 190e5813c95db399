"""Users, accounts, contacts and the change log.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted_at", sa.String(32), nullable=True),
    ]


def _address_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("street", sa.String(200), nullable=False),
        sa.Column("city", sa.String(200), nullable=False),
        sa.Column("region", sa.String(200), nullable=False),
        sa.Column("postal_code", sa.String(40), nullable=False),
        sa.Column("country", sa.String(200), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "app_user",
        *_synced_columns(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_table(
        "account",
        *_synced_columns(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_sort", sa.String(400), nullable=False),
        sa.Column("industry", sa.String(200), nullable=False),
        sa.Column("website", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        *_address_columns(),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("owner_id", sa.String(36), sa.ForeignKey("app_user.id"), nullable=True),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_index("ix_account_live_name", "account", ["name_sort", "pk"],
                    sqlite_where=sa.text("deleted_at IS NULL"))
    op.create_index("ix_account_owner", "account", ["owner_id"])
    op.create_table(
        "contact",
        *_synced_columns(),
        sa.Column("family_name", sa.String(200), nullable=False),
        sa.Column("given_name", sa.String(200), nullable=False),
        sa.Column("display_name", sa.String(400), nullable=False),
        sa.Column("sort_name", sa.String(800), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("department", sa.String(200), nullable=False),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("account.id"), nullable=True),
        sa.Column("emails", sa.JSON, nullable=False),
        sa.Column("phones", sa.JSON, nullable=False),
        sa.Column("primary_email", sa.String(254), nullable=False),
        sa.Column("primary_phone", sa.String(40), nullable=False),
        *_address_columns(),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("owner_id", sa.String(36), sa.ForeignKey("app_user.id"), nullable=True),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_index("ix_contact_live_name", "contact", ["sort_name", "pk"],
                    sqlite_where=sa.text("deleted_at IS NULL"))
    op.create_index("ix_contact_account", "contact", ["account_id"])
    op.create_index("ix_contact_owner", "contact", ["owner_id"])
    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("mutation_id", sa.String(36), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("operation", sa.String(10), nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("sync_state", sa.String(10), nullable=False),
        sa.Column("batch_id", sa.String(36), nullable=True),
    )
    op.create_index("ix_change_log_record", "change_log", ["entity", "record_id", "seq"])
    op.create_index("ix_change_log_mutation", "change_log", ["mutation_id"])
    op.create_index("ix_change_log_sync", "change_log", ["sync_state", "seq"])


def downgrade() -> None:
    for table in ("change_log", "contact", "account", "app_user"):
        op.drop_table(table)
