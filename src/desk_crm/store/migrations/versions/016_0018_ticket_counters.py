"""Repair files upgraded by the first 0014: its batch "move and copy" rebuilt the ticket
table and lost the row-count triggers (so the unfiltered ticket list counted 0 rows) and
the expression sort indexes (priority, status, SLA deadline) that 0009 had built. 0014 now
adds its columns in place, so on other files this finds everything there already (IF NOT
EXISTS) and only recounts the live tickets.

Frozen: the triggers and indexes are written out as 0009 built them.

Revision ID: 0018
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0013"
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL"
TABLE = "ticket"
SORT_INDEXES = (
    ("ix_ticket_sort_priority",
     "CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END"),
    ("ix_ticket_sort_sla", "COALESCE(sla_due_at, '~')"),
    ("ix_ticket_sort_status",
     "CASE status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'waiting' THEN 2 "
     "WHEN 'resolved' THEN 3 ELSE 4 END"),
)


def _bump(delta: str) -> str:
    return f"UPDATE row_count SET live = live {delta} 1 WHERE table_name = '{TABLE}';"


COUNTER_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS trg_{TABLE}_count_insert AFTER INSERT ON {TABLE} "
    f"WHEN NEW.deleted_at IS NULL BEGIN {_bump('+')} END",
    f"CREATE TRIGGER IF NOT EXISTS trg_{TABLE}_count_delete AFTER DELETE ON {TABLE} "
    f"WHEN OLD.deleted_at IS NULL BEGIN {_bump('-')} END",
    f"CREATE TRIGGER IF NOT EXISTS trg_{TABLE}_count_soft_delete AFTER UPDATE OF deleted_at "
    f"ON {TABLE} WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL "
    f"BEGIN {_bump('-')} END",
    f"CREATE TRIGGER IF NOT EXISTS trg_{TABLE}_count_restore AFTER UPDATE OF deleted_at "
    f"ON {TABLE} WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL "
    f"BEGIN {_bump('+')} END",
)


def upgrade() -> None:
    for statement in COUNTER_TRIGGERS:
        op.execute(statement)
    op.execute("INSERT OR REPLACE INTO row_count(table_name, live) "
               f"SELECT '{TABLE}', COUNT(*) FROM {TABLE} WHERE {LIVE}")
    for name, term in SORT_INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} ({term}, pk) WHERE {LIVE}")
    op.execute(f"ANALYZE {TABLE}")


def downgrade() -> None:
    # What 0014 left behind: no counter triggers, no expression sort indexes.
    for name, _term in SORT_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for suffix in ("insert", "delete", "soft_delete", "restore"):
        op.execute(f"DROP TRIGGER IF EXISTS trg_{TABLE}_count_{suffix}")
