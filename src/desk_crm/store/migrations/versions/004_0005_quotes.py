"""Quotes and contracts: products, price books, quotes with revisions and lines, number
counters, contracts.

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None

FTS_TOKENIZER = "unicode61 remove_diacritics 2"  # frozen: the tokenizer this revision used

FTS_TABLES = ("product_fts", "quote_fts", "contract_fts")


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
        "product",
        *_synced_columns(),
        sa.Column("code", sa.String(60), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_sort", sa.String(400), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("unit", sa.String(30), nullable=False),
        sa.Column("default_price_minor", sa.Integer, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("tax_category", sa.String(40), nullable=False),
        sa.Column("tax_rate", sa.String(40), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_index("ix_product_live_name", "product", ["name_sort", "pk"],
                    sqlite_where=sa.text("deleted_at IS NULL"))
    op.create_index("ix_product_code", "product", ["code"])
    op.create_table(
        "price_book",
        *_synced_columns(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("is_default", sa.Boolean, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
    )
    op.create_table(
        "price_book_entry",
        *_synced_columns(),
        _fk("price_book_id", "price_book.id", nullable=False),
        _fk("product_id", "product.id", nullable=False),
        sa.Column("unit_price_minor", sa.Integer, nullable=False),
    )
    op.create_index("ix_price_book_entry_book", "price_book_entry",
                    ["price_book_id", "product_id"])
    op.create_table(
        "number_counter",
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )
    op.create_table(
        "quote",
        *_synced_columns(),
        sa.Column("number", sa.String(60), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("root_id", sa.String(36), nullable=False),
        sa.Column("superseded", sa.Boolean, nullable=False),
        _fk("opportunity_id", "opportunity.id", nullable=False),
        _fk("account_id", "account.id"),
        _fk("contact_id", "contact.id"),
        _fk("owner_id", "app_user.id"),
        _fk("price_book_id", "price_book.id"),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("issue_date", sa.Date, nullable=False),
        sa.Column("expiry_date", sa.Date, nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("terms", sa.Text, nullable=False),
        sa.Column("document_discount_percent", sa.String(40), nullable=True),
        sa.Column("document_discount_minor", sa.Integer, nullable=False),
        sa.Column("shipping_minor", sa.Integer, nullable=False),
        sa.Column("needs_approval", sa.Boolean, nullable=False),
        _fk("approved_by", "app_user.id"),
        sa.Column("approved_at", sa.String(32), nullable=True),
        sa.Column("subtotal_minor", sa.Integer, nullable=False),
        sa.Column("tax_minor", sa.Integer, nullable=False),
        sa.Column("total_minor", sa.Integer, nullable=False),
    )
    op.create_index("ix_quote_number", "quote", ["number", "revision"], unique=True)
    op.create_index("ix_quote_live_number", "quote", ["number", "pk"],
                    sqlite_where=sa.text("deleted_at IS NULL"))
    op.create_index("ix_quote_opportunity", "quote", ["opportunity_id"])
    op.create_index("ix_quote_root", "quote", ["root_id"])
    op.create_table(
        "quote_line",
        *_synced_columns(),
        _fk("quote_id", "quote.id", nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        _fk("product_id", "product.id"),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("quantity", sa.String(40), nullable=False),
        sa.Column("unit_price_minor", sa.Integer, nullable=False),
        sa.Column("discount_percent", sa.String(40), nullable=True),
        sa.Column("discount_minor", sa.Integer, nullable=False),
        sa.Column("tax_rate", sa.String(40), nullable=False),
        sa.Column("line_total_minor", sa.Integer, nullable=False),
    )
    op.create_index("ix_quote_line_quote", "quote_line", ["quote_id", "position"])
    op.create_table(
        "contract",
        *_synced_columns(),
        sa.Column("number", sa.String(60), nullable=False),
        _fk("quote_id", "quote.id"),
        _fk("opportunity_id", "opportunity.id"),
        _fk("account_id", "account.id"),
        _fk("contact_id", "contact.id"),
        _fk("owner_id", "app_user.id"),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("value_minor", sa.Integer, nullable=False),
        sa.Column("lines", sa.JSON, nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date, nullable=False),
        sa.Column("term_months", sa.Integer, nullable=False),
        sa.Column("billing_frequency", sa.String(12), nullable=False),
        sa.Column("auto_renew", sa.Boolean, nullable=False),
        sa.Column("notice_days", sa.Integer, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("signed_file", sa.String(260), nullable=False),
        sa.Column("reminder_activity_id", sa.String(36), nullable=True),
    )
    op.create_index("ix_contract_number", "contract", ["number"], unique=True)
    op.create_index("ix_contract_end", "contract", ["end_date"])
    op.create_index("ix_contract_account", "contract", ["account_id"])
    for table in FTS_TABLES:
        op.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(body, "
                   f"tokenize='{FTS_TOKENIZER}')")
    # Created empty: store.migrate fills empty search tables from the live index
    # definitions once the file is at head (old code must not shape new rows).


def downgrade() -> None:
    for table in FTS_TABLES:
        op.execute(f"DROP TABLE {table}")
    for table in ("contract", "quote_line", "quote", "number_counter", "price_book_entry",
                  "price_book", "product"):
        op.drop_table(table)
