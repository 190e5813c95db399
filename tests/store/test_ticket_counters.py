"""The ticket list's trigger-kept row count and expression sort indexes survive the
ticket table rebuild of migration 0014 (migration 0018 puts them back)."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import text

from desk_crm.domain.tickets import TicketDraft
from desk_crm.services.bundle import Services, build_services
from desk_crm.store import migrate
from desk_crm.store.database import Database, open_database
from desk_crm.store.engine import create_sqlite_engine
from desk_crm.store.repositories import ListQuery, ListRepository


def test_unfiltered_ticket_count_follows_saves_deletes_and_restores(
        database: Database, services: Services) -> None:
    repository = ListRepository(database.session_factory)
    first = services.tickets.save(TicketDraft(subject="VPN down"))
    services.tickets.save(TicketDraft(subject="打印机卡纸"))
    assert repository.count(ListQuery("ticket")) == 2
    services.tickets.delete(first.id)
    assert repository.count(ListQuery("ticket")) == 1
    services.tickets.restore(first.id)
    assert repository.count(ListQuery("ticket")) == 2


def test_ticket_sort_on_priority_status_and_deadline_walks_an_index(
        database: Database) -> None:
    repository = ListRepository(database.session_factory)
    with database.engine.connect() as connection:
        for key in ("priority", "status", "sla", "sla_due"):
            sql, params = repository.window_query(ListQuery("ticket", sort_key=key),
                                                  offset=1000)
            plan = [row[3] for row in connection.execute(text(f"EXPLAIN QUERY PLAN {sql}"),
                                                         params)]
            assert not any("TEMP B-TREE" in step for step in plan), (key, plan)


def test_a_file_with_a_policy_and_tickets_before_0014_upgrades_with_both_intact(
        tmp_path: Path) -> None:
    """0014 turns the one-window policy into a week (JSON written by SQLite) and rebuilds
    the ticket table; 0018 restores its counter, recounting the tickets already there."""
    path, backups = tmp_path / "old.sqlite3", tmp_path / "backups"
    engine = create_sqlite_engine(path)
    now = "2026-11-02T08:00:00.000000+00:00"
    synced = "created_at, updated_at, version, deleted_at"
    try:
        migrate.upgrade(engine, path, backups, target="0010")
        with engine.begin() as connection:
            connection.execute(text(
                f"INSERT INTO sla_policy (id, {synced}, name, is_default, timezone, workdays, "
                "day_start, day_end, holidays, targets) VALUES (:id, :now, :now, 1, NULL, "
                "'标准', 1, 'Asia/Shanghai', '[0, 1, 2, 3, 4, 5]', '09:30', '17:00', "
                "'[\"2026-10-01\"]', '{}')"), {"id": str(uuid.uuid4()), "now": now})
            for number in (1, 2, 3):
                connection.execute(text(
                    f"INSERT INTO ticket (id, {synced}, number, subject, description, "
                    "channel, category, priority, status, product, contract_ref, sla_target, "
                    "csat_comment) VALUES (:id, :now, :now, 1, :deleted, :number, '打印机', "
                    "'', 'phone', '', 'normal', 'open', '', '', 'first_response', '')"),
                    {"id": str(uuid.uuid4()), "now": now, "number": f"T-2026-{number:04d}",
                     "deleted": now if number == 3 else None})
    finally:
        engine.dispose()
    database = open_database(path, backups)
    try:
        services = build_services(database, actor="tester")
        policy = services.sla_policies.list()[0].draft
        assert policy.week == (((570, 1020),),) * 6 + ((),)
        assert policy.extra_hours == ((570, 1020),)
        assert policy.holidays == (date(2026, 10, 1),)
        repository = ListRepository(database.session_factory)
        assert repository.count(ListQuery("ticket")) == 2
        services.tickets.save(TicketDraft(subject="新的"))
        assert repository.count(ListQuery("ticket")) == 3
    finally:
        database.close()
