"""Lists at a million rows: live-row counters kept by triggers, and an index for every
sortable and filterable column of the list sources.

Frozen: the counted tables and indexes are written out as they were derived from the list
sources when this revision shipped, so later edits to ``SOURCES`` cannot change what it
builds (tests/store/test_migration_chain.py compares its schema with a recorded snapshot).

Revision ID: 0006
Revises: 0008
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0008"
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL"
COUNTED_TABLES = ("contact", "account", "lead", "opportunity", "activity")

# (index name, table, leading term): each index is (term, pk), partial on live rows.
LIST_INDEXES = (
    ("ix_account_filter_owner_id", "account", "owner_id"),
    ("ix_account_sort_city", "account", "city"),
    ("ix_account_sort_industry", "account", "industry"),
    ("ix_account_sort_phone", "account", "phone"),
    ("ix_account_sort_updated_at", "account", "updated_at"),
    ("ix_account_sort_website", "account", "website"),
    ("ix_activity_filter_due_at", "activity", "due_at"),
    ("ix_activity_filter_owner_id", "activity", "owner_id"),
    ("ix_activity_sort_done_at", "activity", "COALESCE(done_at, '')"),
    ("ix_activity_sort_due_at", "activity", "COALESCE(due_at, '~')"),
    ("ix_activity_sort_kind", "activity", "kind"),
    ("ix_activity_sort_subject", "activity", "subject"),
    ("ix_contact_filter_account_id", "contact", "account_id"),
    ("ix_contact_filter_owner_id", "contact", "owner_id"),
    ("ix_contact_sort_city", "contact", "city"),
    ("ix_contact_sort_email", "contact", "primary_email"),
    ("ix_contact_sort_phone", "contact", "primary_phone"),
    ("ix_contact_sort_title", "contact", "title"),
    ("ix_contact_sort_updated_at", "contact", "updated_at"),
    ("ix_lead_filter_owner_id", "lead", "owner_id"),
    ("ix_lead_sort_company", "lead", "company"),
    ("ix_lead_sort_email", "lead", "email"),
    ("ix_lead_sort_phone", "lead", "phone"),
    ("ix_lead_sort_score", "lead", "score"),
    ("ix_lead_sort_source", "lead", "source"),
    ("ix_lead_sort_status", "lead", "status"),
    ("ix_lead_sort_updated_at", "lead", "updated_at"),
    ("ix_opportunity_filter_account_id", "opportunity", "account_id"),
    ("ix_opportunity_filter_close_date", "opportunity", "close_date"),
    ("ix_opportunity_filter_owner_id", "opportunity", "owner_id"),
    ("ix_opportunity_filter_stage_id", "opportunity", "stage_id"),
    ("ix_opportunity_sort_amount", "opportunity", "amount_minor"),
    ("ix_opportunity_sort_close_date", "opportunity", "COALESCE(close_date, '')"),
    ("ix_opportunity_sort_currency", "opportunity", "currency"),
    ("ix_opportunity_sort_updated_at", "opportunity", "updated_at"),
)


def row_counter_sql(table: str) -> list[str]:
    """Triggers keeping row_count.live of *table* equal to its live rows."""
    def bump(delta: str) -> str:
        return f"UPDATE row_count SET live = live {delta} 1 WHERE table_name = '{table}';"

    return [
        f"CREATE TRIGGER trg_{table}_count_insert AFTER INSERT ON {table} "
        f"WHEN NEW.deleted_at IS NULL BEGIN {bump('+')} END",
        f"CREATE TRIGGER trg_{table}_count_delete AFTER DELETE ON {table} "
        f"WHEN OLD.deleted_at IS NULL BEGIN {bump('-')} END",
        f"CREATE TRIGGER trg_{table}_count_soft_delete AFTER UPDATE OF deleted_at ON {table} "
        f"WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL BEGIN {bump('-')} END",
        f"CREATE TRIGGER trg_{table}_count_restore AFTER UPDATE OF deleted_at ON {table} "
        f"WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL BEGIN {bump('+')} END",
    ]


def upgrade() -> None:
    op.create_table(
        "row_count",
        sa.Column("table_name", sa.String(64), primary_key=True),
        sa.Column("live", sa.Integer, nullable=False),
    )
    for table in COUNTED_TABLES:
        for statement in row_counter_sql(table):
            op.execute(statement)
        op.execute("INSERT OR REPLACE INTO row_count(table_name, live) "
                   f"SELECT '{table}', COUNT(*) FROM {table} WHERE {LIVE}")
    for name, table, term in LIST_INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({term}, pk) WHERE {LIVE}")
    op.execute("ANALYZE")


def downgrade() -> None:
    for name, _table, _term in LIST_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for table in COUNTED_TABLES:
        for suffix in ("insert", "delete", "soft_delete", "restore"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_count_{suffix}")
    op.drop_table("row_count")
