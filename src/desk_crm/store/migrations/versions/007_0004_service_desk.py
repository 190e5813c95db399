"""Service desk: SLA policies, tickets (status history, conversation, attachments, links to
articles), knowledge-base articles, and their search tables.

Revision ID: 0004
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0006"
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


def _fk(column: str, target: str, nullable: bool = True, unique: bool = False) -> sa.Column[Any]:
    return sa.Column(column, sa.String(36), sa.ForeignKey(target), nullable=nullable,
                     unique=unique)


def upgrade() -> None:
    op.create_table(
        "sla_policy",
        *_synced_columns(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("is_default", sa.Boolean, nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("workdays", sa.JSON, nullable=False),
        sa.Column("day_start", sa.String(5), nullable=False),
        sa.Column("day_end", sa.String(5), nullable=False),
        sa.Column("holidays", sa.JSON, nullable=False),
        sa.Column("targets", sa.JSON, nullable=False),
    )
    op.create_table(
        "account_sla_policy",
        *_synced_columns(),
        _fk("account_id", "account.id", nullable=False, unique=True),
        _fk("policy_id", "sla_policy.id", nullable=False),
    )
    op.create_table(
        "ticket_counter",
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )
    op.create_table(
        "ticket",
        *_synced_columns(),
        sa.Column("number", sa.String(20), nullable=False, unique=True),
        sa.Column("subject", sa.String(400), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        _fk("account_id", "account.id"),
        _fk("contact_id", "contact.id"),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("category", sa.String(100), nullable=False),
        sa.Column("priority", sa.String(10), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        _fk("assignee_id", "app_user.id"),
        sa.Column("product", sa.String(200), nullable=False),
        sa.Column("contract_ref", sa.String(100), nullable=False),
        _fk("sla_policy_id", "sla_policy.id"),
        sa.Column("first_response_at", sa.String(32), nullable=True),
        sa.Column("resolved_at", sa.String(32), nullable=True),
        sa.Column("closed_at", sa.String(32), nullable=True),
        sa.Column("first_response_breached_at", sa.String(32), nullable=True),
        sa.Column("resolution_breached_at", sa.String(32), nullable=True),
        sa.Column("sla_target", sa.String(20), nullable=False),
        sa.Column("sla_due_at", sa.String(32), nullable=True),
        sa.Column("sla_warn_at", sa.String(32), nullable=True),
        sa.Column("csat_score", sa.Integer, nullable=True),
        sa.Column("csat_comment", sa.Text, nullable=False),
        sa.Column("feedback_at", sa.String(32), nullable=True),
    )
    op.create_index("ix_ticket_live_number", "ticket", ["number", "pk"],
                    sqlite_where=sa.text("deleted_at IS NULL"))
    op.create_index("ix_ticket_status", "ticket", ["status"])
    op.create_index("ix_ticket_assignee", "ticket", ["assignee_id"])
    op.create_index("ix_ticket_account", "ticket", ["account_id"])
    op.create_index("ix_ticket_due", "ticket", ["sla_due_at"])
    op.create_table(
        "ticket_status_change",
        *_synced_columns(),
        _fk("ticket_id", "ticket.id", nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_index("ix_ticket_status_change_ticket", "ticket_status_change",
                    ["ticket_id", "at"])
    op.create_table(
        "ticket_entry",
        *_synced_columns(),
        _fk("ticket_id", "ticket.id", nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_index("ix_ticket_entry_ticket", "ticket_entry", ["ticket_id", "at"])
    op.create_table(
        "ticket_attachment",
        *_synced_columns(),
        _fk("ticket_id", "ticket.id", nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
    )
    op.create_index("ix_ticket_attachment_ticket", "ticket_attachment", ["ticket_id"])
    op.create_table(
        "kb_article",
        *_synced_columns(),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("category", sa.String(100), nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
    )
    op.create_index("ix_kb_article_title", "kb_article", ["title", "pk"])
    op.create_table(
        "ticket_article",
        *_synced_columns(),
        _fk("ticket_id", "ticket.id", nullable=False),
        _fk("article_id", "kb_article.id", nullable=False),
    )
    op.create_index("ix_ticket_article_ticket", "ticket_article", ["ticket_id", "article_id"],
                    unique=True)
    for table in ("ticket_fts", "kb_article_fts"):
        op.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(body, "
                   f"tokenize='{FTS_TOKENIZER}')")
    # Created empty: store.migrate fills empty search tables from the live index
    # definitions once the file is at head (old code must not shape new rows).


def downgrade() -> None:
    for table in ("ticket_fts", "kb_article_fts"):
        op.execute(f"DROP TABLE {table}")
    for table in ("ticket_article", "kb_article", "ticket_attachment", "ticket_entry",
                  "ticket_status_change", "ticket", "ticket_counter", "account_sla_policy",
                  "sla_policy"):
        op.drop_table(table)
