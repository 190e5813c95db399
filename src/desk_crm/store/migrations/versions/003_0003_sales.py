"""Sales: leads, pipeline stages, opportunities and their stage history, activities, and
settings stored with the data.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FTS_TOKENIZER = "unicode61 remove_diacritics 2"  # frozen: the tokenizer this revision used


def _synced_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted_at", sa.String(32), nullable=True),
    ]


def _fk(column: str, target: str, nullable: bool = True) -> sa.Column[Any]:
    return sa.Column(column, sa.String(36), sa.ForeignKey(target), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "app_setting",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.JSON, nullable=False),
    )
    op.create_table(
        "pipeline_stage",
        *_synced_columns(),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("probability", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_table(
        "lead",
        *_synced_columns(),
        sa.Column("family_name", sa.String(200), nullable=False),
        sa.Column("given_name", sa.String(200), nullable=False),
        sa.Column("display_name", sa.String(400), nullable=False),
        sa.Column("sort_name", sa.String(800), nullable=False),
        sa.Column("company", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("company_size", sa.Integer, nullable=True),
        sa.Column("street", sa.String(200), nullable=False),
        sa.Column("city", sa.String(200), nullable=False),
        sa.Column("region", sa.String(200), nullable=False),
        sa.Column("postal_code", sa.String(40), nullable=False),
        sa.Column("country", sa.String(200), nullable=False),
        _fk("owner_id", "app_user.id"),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("converted_at", sa.String(32), nullable=True),
        _fk("account_id", "account.id"),
        _fk("contact_id", "contact.id"),
        sa.Column("opportunity_id", sa.String(36), nullable=True),
    )
    op.create_index("ix_lead_live_name", "lead", ["sort_name", "pk"],
                    sqlite_where=sa.text("deleted_at IS NULL"))
    for column in ("status", "owner", "email", "phone"):
        op.create_index(f"ix_lead_{column}", "lead",
                        [f"{column}_id" if column == "owner" else column])
    op.create_table(
        "opportunity",
        *_synced_columns(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_sort", sa.String(400), nullable=False),
        _fk("account_id", "account.id"),
        _fk("contact_id", "contact.id"),
        _fk("lead_id", "lead.id"),
        sa.Column("amount_minor", sa.Integer, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("close_date", sa.Date, nullable=True),
        _fk("stage_id", "pipeline_stage.id", nullable=False),
        sa.Column("probability", sa.String(40), nullable=True),
        _fk("owner_id", "app_user.id"),
        sa.Column("next_step", sa.String(400), nullable=False),
        sa.Column("outcome_reason", sa.String(400), nullable=False),
        sa.Column("closed_at", sa.String(32), nullable=True),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_index("ix_opportunity_live_name", "opportunity", ["name_sort", "pk"],
                    sqlite_where=sa.text("deleted_at IS NULL"))
    op.create_index("ix_opportunity_stage", "opportunity", ["stage_id", "close_date"])
    op.create_index("ix_opportunity_close", "opportunity", ["close_date"])
    op.create_index("ix_opportunity_owner", "opportunity", ["owner_id"])
    op.create_index("ix_opportunity_account", "opportunity", ["account_id"])
    op.create_table(
        "stage_change",
        *_synced_columns(),
        _fk("opportunity_id", "opportunity.id", nullable=False),
        _fk("stage_id", "pipeline_stage.id", nullable=False),
        sa.Column("entered_at", sa.String(32), nullable=False),
        sa.Column("left_at", sa.String(32), nullable=True),
    )
    op.create_index("ix_stage_change_opportunity", "stage_change",
                    ["opportunity_id", "entered_at"])
    op.create_table(
        "activity",
        *_synced_columns(),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("subject", sa.String(400), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("due_at", sa.String(32), nullable=True),
        sa.Column("duration_minutes", sa.Integer, nullable=False),
        sa.Column("done_at", sa.String(32), nullable=True),
        sa.Column("remind_at", sa.String(32), nullable=True),
        sa.Column("reminded_at", sa.String(32), nullable=True),
        sa.Column("recurrence", sa.String(10), nullable=False),
        sa.Column("series_id", sa.String(36), nullable=True),
        _fk("owner_id", "app_user.id"),
        _fk("account_id", "account.id"),
        _fk("contact_id", "contact.id"),
        _fk("lead_id", "lead.id"),
        _fk("opportunity_id", "opportunity.id"),
    )
    op.create_index("ix_activity_open_due", "activity", ["due_at", "pk"],
                    sqlite_where=sa.text("deleted_at IS NULL AND done_at IS NULL"))
    op.create_index("ix_activity_remind", "activity", ["remind_at"],
                    sqlite_where=sa.text("deleted_at IS NULL AND done_at IS NULL "
                                         "AND reminded_at IS NULL"))
    for column in ("account", "contact", "lead", "opportunity", "owner"):
        op.create_index(f"ix_activity_{column}", "activity", [f"{column}_id"])
    for table in ("lead_fts", "opportunity_fts", "activity_fts"):
        op.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(body, "
                   f"tokenize='{FTS_TOKENIZER}')")
    # Created empty: store.migrate fills empty search tables from the live index
    # definitions once the file is at head (old code must not shape new rows).


def downgrade() -> None:
    for table in ("lead_fts", "opportunity_fts", "activity_fts"):
        op.execute(f"DROP TABLE {table}")
    for table in ("activity", "stage_change", "opportunity", "lead", "pipeline_stage",
                  "app_setting"):
        op.drop_table(table)
