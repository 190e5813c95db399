"""SLA calendars as service desks keep them: several working windows per weekday, extra
working days (调休) with their hours, names of listed days, a warning percentage; the
clock's figures frozen on resolved/closed tickets and the last announced SLA alert.

Existing policies get the week their one window a day described (same behaviour): each
working day the window day_start–day_end, extra days (none yet) that day's hours. The
old columns stay as a summary for older readers.

Revision ID: 0014
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0010"
branch_labels = None
depends_on = None


def _minutes(text: str) -> int:
    hour, _colon, minute = text.partition(":")
    return int(hour) * 60 + int(minute or 0)


def upgrade() -> None:
    # recreate="never": plain ADD COLUMNs. A rebuilt table would lose what SQLAlchemy
    # cannot reflect — the expression sort indexes and the count/search triggers.
    with op.batch_alter_table("sla_policy", recreate="never") as batch:
        for name in ("week", "extra_days", "extra_hours"):
            batch.add_column(sa.Column(name, sa.JSON, nullable=False,
                                       server_default=sa.text("'[]'")))
        batch.add_column(sa.Column("day_names", sa.JSON, nullable=False,
                                   server_default=sa.text("'{}'")))
        batch.add_column(sa.Column("warn_percent", sa.Integer, nullable=False,
                                   server_default=sa.text("80")))
    with op.batch_alter_table("ticket", recreate="never") as batch:
        batch.add_column(sa.Column("sla_alert", sa.String(40), nullable=False,
                                   server_default=sa.text("''")))
        for name in ("sla_response_used", "sla_response_allowed", "sla_resolution_used",
                     "sla_resolution_allowed"):
            batch.add_column(sa.Column(name, sa.Integer, nullable=True))
    op.create_index("ix_ticket_warn", "ticket", ["sla_warn_at"])

    connection = op.get_bind()
    policies = connection.execute(sa.text(
        "SELECT pk, day_start, day_end FROM sla_policy")).all()
    for pk, day_start, day_end in policies:
        # The workdays read and the week written as JSON text by SQLite itself.
        days = {int(value) for (value,) in connection.execute(sa.text(
            "SELECT value FROM json_each((SELECT workdays FROM sla_policy WHERE pk = :pk))"),
            {"pk": pk})}
        window = f"[{_minutes(day_start)}, {_minutes(day_end)}]"
        week = "[" + ", ".join(f"[{window}]" if day in days else "[]"
                               for day in range(7)) + "]"
        connection.execute(sa.text(
            "UPDATE sla_policy SET week = :week, extra_hours = :extra WHERE pk = :pk"),
            {"week": week, "extra": f"[{window}]", "pk": pk})


def downgrade() -> None:
    op.drop_index("ix_ticket_warn", "ticket")
    with op.batch_alter_table("ticket") as batch:
        for name in ("sla_alert", "sla_response_used", "sla_response_allowed",
                     "sla_resolution_used", "sla_resolution_allowed"):
            batch.drop_column(name)
    with op.batch_alter_table("sla_policy") as batch:
        for name in ("week", "extra_days", "extra_hours", "day_names", "warn_percent"):
            batch.drop_column(name)
