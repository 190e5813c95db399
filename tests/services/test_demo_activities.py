"""The demo database includes activities for My day, timelines and reminders."""

from __future__ import annotations

from sqlalchemy import text

from desk_crm.services.bundle import Services
from desk_crm.services.demo import DemoBuilder
from desk_crm.store.database import Database


def test_demo_builds_activities_for_every_part_of_my_day(services: Services,
                                                         database: Database) -> None:
    assert DemoBuilder(services).build(accounts=10, contacts=80) == (10, 80)
    with database.engine.connect() as connection:
        total = connection.execute(text(
            "SELECT COUNT(*) FROM activity WHERE opportunity_id IS NULL")).scalar_one()
        next_steps = connection.execute(text(
            "SELECT COUNT(*) FROM activity WHERE opportunity_id IS NOT NULL")).scalar_one()
        open_deals = connection.execute(text(
            "SELECT COUNT(*) FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id "
            "WHERE s.kind = 'open'")).scalar_one()
        weekly = connection.execute(text(
            "SELECT COUNT(*) FROM activity WHERE recurrence = 'weekly'")).scalar_one()
        done = connection.execute(text(
            "SELECT COUNT(*) FROM activity WHERE done_at IS NOT NULL")).scalar_one()
    assert total == 120 + 3
    # Most open opportunities get a planned next step; the rest keep the board's flag.
    assert 0 < next_steps < open_deals
    assert weekly == 3
    assert 0 < done < total
    day = services.activities.my_day(None)
    assert day.overdue_count >= 1 and day.upcoming_count >= 1
    # Reminders that "rang while the app was closed": on overdue activities.
    due = services.activities.due_reminders()
    overdue = {record.id for record in day.overdue}
    assert any(record.id in overdue for record in due)
