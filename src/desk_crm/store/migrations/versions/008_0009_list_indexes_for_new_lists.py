"""Row counters and list indexes for the lists that arrived after 0006 (products, quotes,
tickets, articles …).

Frozen: the tables and indexes are written out as they were derived from the list sources
when this revision shipped, so later edits to ``SOURCES`` cannot change what it builds.

Revision ID: 0009
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0004"
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL"
COUNTED_TABLES = ("product", "quote", "ticket", "kb_article")

# (index name, table, leading term): each index is (term, pk), partial on live rows.
LIST_INDEXES = (
    ("ix_kb_article_sort_category", "kb_article", "category"),
    ("ix_kb_article_sort_status", "kb_article", "status"),
    ("ix_kb_article_sort_title", "kb_article", "title"),
    ("ix_kb_article_sort_updated_at", "kb_article", "updated_at"),
    ("ix_product_sort_active", "product", "active"),
    ("ix_product_sort_code", "product", "code"),
    ("ix_product_sort_price", "product", "default_price_minor"),
    ("ix_product_sort_tax_rate", "product", "CAST(tax_rate AS REAL)"),
    ("ix_product_sort_unit", "product", "unit"),
    ("ix_product_sort_updated_at", "product", "updated_at"),
    ("ix_quote_filter_opportunity_id", "quote", "opportunity_id"),
    ("ix_quote_sort_expiry_date", "quote", "COALESCE(expiry_date, '')"),
    ("ix_quote_sort_issue_date", "quote", "issue_date"),
    ("ix_quote_sort_revision", "quote", "revision"),
    ("ix_quote_sort_status", "quote", "status"),
    ("ix_quote_sort_total", "quote", "total_minor"),
    ("ix_ticket_filter_account_id", "ticket", "account_id"),
    ("ix_ticket_filter_assignee_id", "ticket", "assignee_id"),
    ("ix_ticket_filter_priority", "ticket", "priority"),
    ("ix_ticket_filter_sla_due_at", "ticket", "sla_due_at"),
    ("ix_ticket_filter_sla_warn_at", "ticket", "sla_warn_at"),
    ("ix_ticket_filter_status", "ticket", "status"),
    ("ix_ticket_sort_category", "ticket", "category"),
    ("ix_ticket_sort_channel", "ticket", "channel"),
    ("ix_ticket_sort_priority", "ticket",
     "CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END"),
    ("ix_ticket_sort_sla", "ticket", "COALESCE(sla_due_at, '~')"),
    ("ix_ticket_sort_status", "ticket",
     "CASE status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'waiting' THEN 2 "
     "WHEN 'resolved' THEN 3 ELSE 4 END"),
    ("ix_ticket_sort_subject", "ticket", "subject"),
    ("ix_ticket_sort_updated_at", "ticket", "updated_at"),
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
        op.execute(f"DELETE FROM row_count WHERE table_name = '{table}'")
