"""Marketing: campaigns and members, e-mail templates, the outbox, the loyalty programme and
its points ledger; the source campaign of leads and opportunities; e-mail opt-out and bounce
flags of contacts.

Revision ID: 0011
Revises: 0009
Create Date: 2026-11-23
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None

# Frozen as they were when this revision shipped (never read the live registries here).
FTS_TOKENIZER = "unicode61 remove_diacritics 2"
LIVE = "deleted_at IS NULL"
# (index name, leading term) on campaign: each index is (term, pk), partial on live rows.
CAMPAIGN_LIST_INDEXES = (
    ("ix_campaign_sort_actual_cost", "actual_cost_minor"),
    ("ix_campaign_sort_budget", "budget_minor"),
    ("ix_campaign_sort_end_date", "COALESCE(end_date, '')"),
    ("ix_campaign_sort_kind", "kind"),
    ("ix_campaign_sort_start_date", "COALESCE(start_date, '')"),
    ("ix_campaign_sort_status", "status"),
    ("ix_campaign_sort_updated_at", "updated_at"),
)
COUNTER_SUFFIXES = ("insert", "delete", "soft_delete", "restore")


def _campaign_counter_sql() -> list[str]:
    """Triggers keeping row_count.live of campaign equal to its live rows."""
    def bump(delta: str) -> str:
        return f"UPDATE row_count SET live = live {delta} 1 WHERE table_name = 'campaign';"

    return [
        "CREATE TRIGGER trg_campaign_count_insert AFTER INSERT ON campaign "
        f"WHEN NEW.deleted_at IS NULL BEGIN {bump('+')} END",
        "CREATE TRIGGER trg_campaign_count_delete AFTER DELETE ON campaign "
        f"WHEN OLD.deleted_at IS NULL BEGIN {bump('-')} END",
        "CREATE TRIGGER trg_campaign_count_soft_delete AFTER UPDATE OF deleted_at ON campaign "
        f"WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL BEGIN {bump('-')} END",
        "CREATE TRIGGER trg_campaign_count_restore AFTER UPDATE OF deleted_at ON campaign "
        f"WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL BEGIN {bump('+')} END",
    ]


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


# The ledger is append-only, and no entry may take a holder's balance below zero, whatever
# writes to the file (the services check first; these catch anything that does not).
LEDGER_TRIGGERS = (
    "CREATE TRIGGER trg_points_entry_no_update BEFORE UPDATE ON points_entry "
    "BEGIN SELECT RAISE(ABORT, 'points ledger entries are immutable'); END",
    "CREATE TRIGGER trg_points_entry_no_delete BEFORE DELETE ON points_entry "
    "BEGIN SELECT RAISE(ABORT, 'points ledger entries are immutable'); END",
    "CREATE TRIGGER trg_points_entry_balance BEFORE INSERT ON points_entry "
    "WHEN (SELECT COALESCE(SUM(points), 0) FROM points_entry "
    "      WHERE holder_entity = NEW.holder_entity AND holder_id = NEW.holder_id) "
    "     + NEW.points < 0 "
    "  OR NEW.balance_after <> (SELECT COALESCE(SUM(points), 0) FROM points_entry "
    "      WHERE holder_entity = NEW.holder_entity AND holder_id = NEW.holder_id) "
    "     + NEW.points "
    "BEGIN SELECT RAISE(ABORT, 'points balance cannot go negative'); END",
)


def upgrade() -> None:
    op.create_table(
        "campaign",
        *_synced_columns(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_sort", sa.String(400), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("start_date", sa.Date, nullable=True),
        sa.Column("end_date", sa.Date, nullable=True),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("budget_minor", sa.Integer, nullable=False),
        sa.Column("actual_cost_minor", sa.Integer, nullable=False),
        sa.Column("expected_revenue_minor", sa.Integer, nullable=False),
        _fk("owner_id", "app_user.id"),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_index("ix_campaign_live_name", "campaign", ["name_sort", "pk"],
                    sqlite_where=sa.text("deleted_at IS NULL"))
    op.create_index("ix_campaign_owner", "campaign", ["owner_id"])
    op.create_table(
        "campaign_member",
        *_synced_columns(),
        _fk("campaign_id", "campaign.id", nullable=False),
        _fk("contact_id", "contact.id"),
        _fk("lead_id", "lead.id"),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("responded_at", sa.String(32), nullable=True),
        sa.CheckConstraint("(contact_id IS NULL) <> (lead_id IS NULL)",
                           name="ck_campaign_member_one_person"),
    )
    op.create_index("ux_campaign_member_contact", "campaign_member",
                    ["campaign_id", "contact_id"], unique=True,
                    sqlite_where=sa.text("contact_id IS NOT NULL"))
    op.create_index("ux_campaign_member_lead", "campaign_member", ["campaign_id", "lead_id"],
                    unique=True, sqlite_where=sa.text("lead_id IS NOT NULL"))
    op.create_index("ix_campaign_member_contact", "campaign_member", ["contact_id"])
    op.create_table(
        "email_template",
        *_synced_columns(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("subject", sa.String(400), nullable=False),
        sa.Column("html_body", sa.Text, nullable=False),
        sa.Column("text_body", sa.Text, nullable=False),
    )
    op.create_table(
        "outbound_email",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        _fk("campaign_id", "campaign.id"),
        _fk("contact_id", "contact.id"),
        sa.Column("template_id", sa.String(36), nullable=True),
        sa.Column("to_address", sa.String(254), nullable=False),
        sa.Column("to_name", sa.String(400), nullable=False),
        sa.Column("subject", sa.String(400), nullable=False),
        sa.Column("html_body", sa.Text, nullable=False),
        sa.Column("text_body", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.String(32), nullable=True),
        sa.Column("last_error", sa.Text, nullable=False),
        sa.Column("message_id", sa.String(200), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("sent_at", sa.String(32), nullable=True),
    )
    op.create_index("ix_outbound_email_due", "outbound_email", ["status", "next_attempt_at"])
    op.create_index("ix_outbound_email_campaign", "outbound_email", ["campaign_id"])
    op.create_index("ix_outbound_email_contact", "outbound_email", ["contact_id"])
    op.create_table(
        "loyalty_programme",
        *_synced_columns(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("points_per_unit", sa.String(40), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_table(
        "loyalty_tier",
        *_synced_columns(),
        _fk("programme_id", "loyalty_programme.id", nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("threshold", sa.Integer, nullable=False),
    )
    op.create_table(
        "points_entry",
        *_synced_columns(),
        sa.Column("holder_entity", sa.String(10), nullable=False),
        sa.Column("holder_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("points", sa.Integer, nullable=False),
        sa.Column("balance_after", sa.Integer, nullable=False),
        _fk("opportunity_id", "opportunity.id"),
        sa.Column("note", sa.String(400), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.CheckConstraint("balance_after >= 0", name="ck_points_entry_balance"),
    )
    op.create_index("ix_points_entry_holder", "points_entry",
                    ["holder_entity", "holder_id", "pk"])
    op.create_index("ix_points_entry_opportunity", "points_entry", ["opportunity_id"])
    for statement in LEDGER_TRIGGERS:
        op.execute(statement)

    # New columns by plain ALTER TABLE ADD COLUMN. Batch mode would copy these tables to
    # add a foreign key (SQLite cannot ALTER a constraint in) and the copy loses their
    # row-counter triggers; SQLite accepts a REFERENCES clause on an added NULL column.
    for table in ("lead", "opportunity"):
        op.execute(f"ALTER TABLE {table} ADD COLUMN campaign_id VARCHAR(36) "
                   "REFERENCES campaign (id)")
        op.create_index(f"ix_{table}_campaign", table, ["campaign_id"])
    with op.batch_alter_table("contact", recreate="never") as batch:
        batch.add_column(sa.Column("email_opt_out", sa.Boolean, nullable=False,
                                   server_default=sa.text("0")))
        batch.add_column(sa.Column("email_bounced_at", sa.String(32), nullable=True))

    # Created empty: store.migrate fills empty search tables from the live index
    # definitions once the file is at head.
    op.execute(f"CREATE VIRTUAL TABLE campaign_fts USING fts5(body, "
               f"tokenize='{FTS_TOKENIZER}')")
    for statement in _campaign_counter_sql():
        op.execute(statement)
    op.execute("INSERT OR REPLACE INTO row_count(table_name, live) "
               f"SELECT 'campaign', COUNT(*) FROM campaign WHERE {LIVE}")
    for name, term in CAMPAIGN_LIST_INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON campaign ({term}, pk) WHERE {LIVE}")


def downgrade() -> None:
    for name, _term in CAMPAIGN_LIST_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for suffix in COUNTER_SUFFIXES:
        op.execute(f"DROP TRIGGER IF EXISTS trg_campaign_count_{suffix}")
    op.execute("DELETE FROM row_count WHERE table_name = 'campaign'")
    op.execute("DROP TABLE campaign_fts")
    with op.batch_alter_table("contact") as batch:
        batch.drop_column("email_bounced_at")
        batch.drop_column("email_opt_out")
    for table in ("opportunity", "lead"):
        op.drop_index(f"ix_{table}_campaign", table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("campaign_id")
    for table in ("points_entry", "loyalty_tier", "loyalty_programme", "outbound_email",
                  "email_template", "campaign_member", "campaign"):
        op.drop_table(table)
