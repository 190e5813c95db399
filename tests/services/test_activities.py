"""ActivityService over a real SQLite file: series, timelines, My day, reminders."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from desk_crm.domain.activities import ActivityDraft
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.recurrence import from_local, to_local
from desk_crm.services.activities import ActivityService
from desk_crm.services.bundle import Services
from desk_crm.services.errors import StaleRecord
from desk_crm.store.database import Database

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)  # 12:00 in Berlin


def rows(database: Database, sql: str, **params: object) -> list[dict[str, object]]:
    with database.engine.connect() as connection:
        return [dict(r) for r in connection.execute(text(sql), params).mappings()]


@pytest.fixture
def activities(services: Services) -> ActivityService:
    # The same store, with the local zone fixed so day boundaries do not depend on the host.
    return ActivityService(services.context, tz=BERLIN)


def berlin(*parts: int) -> datetime:
    return from_local(datetime(*parts), BERLIN)  # type: ignore[arg-type]


def test_save_and_get_round_trip(activities: ActivityService, services: Services) -> None:
    contact = services.contacts.save(ContactDraft(family_name="张", given_name="三"))
    saved = activities.save(ActivityDraft(kind="call", subject="Call 张三", due_at=NOW,
                                          duration_minutes=15, contact_id=contact.id))
    loaded = activities.get(saved.id)
    assert loaded.draft.subject == "Call 张三"
    assert loaded.due_at == NOW
    assert loaded.link_entity == "contact"
    assert loaded.link_name == "张三"
    assert loaded.version == 1 and not loaded.done


def test_save_refuses_a_link_to_a_missing_record(activities: ActivityService) -> None:
    with pytest.raises(ValidationErrors) as caught:
        activities.save(ActivityDraft(subject="x", account_id="no-such-account"))
    assert "account_id" in caught.value.by_field()


def test_save_checks_the_version(activities: ActivityService) -> None:
    saved = activities.save(ActivityDraft(subject="first"))
    activities.save(ActivityDraft(subject="second"), saved.id, expected_version=1)
    with pytest.raises(StaleRecord):
        activities.save(ActivityDraft(subject="third"), saved.id, expected_version=1)


def test_completing_a_recurring_task_creates_the_next_occurrence(
        activities: ActivityService, database: Database) -> None:
    due = berlin(2026, 3, 23, 9, 0)
    first = activities.save(ActivityDraft(
        subject="Weekly report", due_at=due, remind_at=due - timedelta(minutes=15),
        recurrence="weekly"))
    before = rows(database, "SELECT mutation_id FROM change_log")
    following = activities.complete(first.id, now=berlin(2026, 3, 23, 9, 30))
    assert following is not None
    assert to_local(following.due_at, BERLIN) == datetime(2026, 3, 30, 9, 0)  # after DST
    assert to_local(following.draft.remind_at, BERLIN) == datetime(2026, 3, 30, 8, 45)
    assert following.series_id == first.id == activities.get(first.id).series_id
    assert activities.get(first.id).done
    assert not following.done and following.draft.recurrence == "weekly"
    new_rows = rows(database, "SELECT mutation_id, record_id, operation FROM change_log")
    new_rows = new_rows[len(before):]
    # One mutation: the completion and the new occurrence commit together.
    assert {r["mutation_id"] for r in new_rows} == {new_rows[0]["mutation_id"]}
    assert {(r["record_id"], r["operation"]) for r in new_rows} == {
        (first.id, "update"), (following.id, "insert")}


def test_completing_again_after_reopen_does_not_duplicate_the_series(
        activities: ActivityService, database: Database) -> None:
    first = activities.save(ActivityDraft(subject="Daily", due_at=NOW, recurrence="daily"))
    assert activities.complete(first.id, now=NOW) is not None
    activities.reopen(first.id)
    assert activities.complete(first.id, now=NOW) is None
    assert rows(database, "SELECT COUNT(*) AS n FROM activity")[0]["n"] == 2


def test_a_late_completion_catches_up_to_the_present(activities: ActivityService) -> None:
    first = activities.save(ActivityDraft(subject="Daily", due_at=NOW - timedelta(days=5),
                                          recurrence="daily"))
    following = activities.complete(first.id, now=NOW)
    assert following is not None
    assert following.due_at == NOW + timedelta(days=1)
    assert following.due_at > NOW


def test_monthly_series_returns_to_its_anchor_day(activities: ActivityService) -> None:
    current = activities.save(ActivityDraft(subject="Invoice", due_at=berlin(2026, 1, 31, 9, 0),
                                            recurrence="monthly"))
    days = []
    for _ in range(3):
        following = activities.complete(current.id, now=current.due_at)
        assert following is not None
        days.append(to_local(following.due_at, BERLIN).date().isoformat())
        current = following
    assert days == ["2026-02-28", "2026-03-31", "2026-04-30"]


def test_ticking_done_in_save_also_advances_the_series(activities: ActivityService,
                                                       database: Database) -> None:
    first = activities.save(ActivityDraft(subject="Call", due_at=NOW, recurrence="weekly"))
    draft = activities.get(first.id).draft
    draft.done = True
    activities.save(draft, first.id, expected_version=first.version, now=NOW)
    assert rows(database, "SELECT COUNT(*) AS n FROM activity WHERE done_at IS NULL "
                          "AND series_id = :s", s=first.id)[0]["n"] == 1


def test_timeline_of_an_account_includes_its_contacts_activities(
        activities: ActivityService, services: Services) -> None:
    account = services.accounts.save(AccountDraft(name="Acme"))
    other = services.accounts.save(AccountDraft(name="Other"))
    contact = services.contacts.save(ContactDraft(family_name="Li", account_id=account.id))
    stranger = services.contacts.save(ContactDraft(family_name="Wu", account_id=other.id))
    older = activities.save(ActivityDraft(subject="Visit", account_id=account.id,
                                          due_at=NOW - timedelta(days=2)))
    newer = activities.save(ActivityDraft(subject="Call Li", contact_id=contact.id,
                                          due_at=NOW))
    activities.save(ActivityDraft(subject="Call Wu", contact_id=stranger.id, due_at=NOW))
    gone = activities.save(ActivityDraft(subject="Deleted", account_id=account.id))
    activities.delete(gone.id)
    timeline = activities.timeline("account", account.id)
    assert [a.id for a in timeline] == [newer.id, older.id]
    assert [a.id for a in activities.timeline("contact", contact.id)] == [newer.id]
    assert timeline[0].link_name == "Li"


def test_my_day_buckets_by_local_day(activities: ActivityService, services: Services) -> None:
    me = services.users.ensure("Me")
    other = services.users.ensure("Other")

    def add(subject: str, due: datetime | None, owner: str = me.id) -> str:
        return activities.save(ActivityDraft(subject=subject, due_at=due, owner_id=owner)).id

    overdue = add("yesterday 23:30", berlin(2026, 5, 3, 23, 30))
    early = add("today 00:10", berlin(2026, 5, 4, 0, 10))
    late = add("today 23:50", berlin(2026, 5, 4, 23, 50))
    upcoming = add("tomorrow", berlin(2026, 5, 5, 9, 0))
    add("too far", berlin(2026, 6, 5, 9, 0))
    add("no date", None)
    add("someone else's", berlin(2026, 5, 4, 9, 0), other.id)
    done = add("done today", berlin(2026, 5, 4, 9, 0))
    activities.complete(done, now=NOW)
    day = activities.my_day(me.id, now=NOW)
    assert [a.id for a in day.overdue] == [overdue]
    assert [a.id for a in day.today] == [early, late]
    assert [a.id for a in day.upcoming] == [upcoming]
    assert (day.overdue_count, day.today_count, day.upcoming_count) == (1, 2, 1)
    assert activities.my_day(None, now=NOW).today_count == 3
    assert len(activities.my_day(None, now=NOW, limit=1).today) == 1


def test_due_reminders_and_mark_reminded(activities: ActivityService) -> None:
    due = activities.save(ActivityDraft(subject="due", remind_at=NOW - timedelta(hours=3)))
    activities.save(ActivityDraft(subject="later", remind_at=NOW + timedelta(minutes=1)))
    finished = activities.save(ActivityDraft(subject="done", remind_at=NOW, done=True))
    gone = activities.save(ActivityDraft(subject="deleted", remind_at=NOW))
    activities.delete(gone.id)
    assert [a.id for a in activities.due_reminders(NOW)] == [due.id]
    assert finished.done
    activities.mark_reminded([due.id], NOW)
    assert activities.due_reminders(NOW) == []
    assert activities.get(due.id).reminded_at == NOW


def test_reminded_at_writes_no_history_and_keeps_the_version(
        activities: ActivityService, database: Database) -> None:
    saved = activities.save(ActivityDraft(subject="ring", remind_at=NOW))
    before = rows(database, "SELECT seq FROM change_log")
    activities.mark_reminded([saved.id], NOW)
    assert rows(database, "SELECT seq FROM change_log") == before
    after = activities.get(saved.id)
    assert after.version == saved.version
    assert after.updated_at == saved.updated_at
    assert after.reminded_at == NOW


def test_snooze_rings_again_later(activities: ActivityService) -> None:
    saved = activities.save(ActivityDraft(subject="ring", remind_at=NOW))
    activities.mark_reminded([saved.id], NOW)
    activities.snooze(saved.id, NOW + timedelta(minutes=10))
    assert activities.due_reminders(NOW + timedelta(minutes=9)) == []
    assert [a.id for a in activities.due_reminders(NOW + timedelta(minutes=10))] == [saved.id]


def test_changing_the_reminder_time_rings_again(activities: ActivityService) -> None:
    saved = activities.save(ActivityDraft(subject="ring", remind_at=NOW))
    activities.mark_reminded([saved.id], NOW)
    draft = activities.get(saved.id).draft
    draft.remind_at = NOW + timedelta(hours=1)
    activities.save(draft, saved.id)
    assert [a.id for a in activities.due_reminders(NOW + timedelta(hours=1))] == [saved.id]


def test_reminder_query_uses_the_partial_index(database: Database) -> None:
    plan = rows(database, "EXPLAIN QUERY PLAN SELECT pk FROM activity WHERE "
                          "deleted_at IS NULL AND done_at IS NULL AND reminded_at IS NULL "
                          "AND remind_at <= :now", now="2026")
    assert any("ix_activity_remind" in str(r["detail"]) for r in plan)


def test_delete_and_restore(activities: ActivityService, services: Services) -> None:
    account = services.accounts.save(AccountDraft(name="Acme"))
    saved = activities.save(ActivityDraft(subject="x", account_id=account.id))
    activities.delete(saved.id)
    assert activities.timeline("account", account.id) == []
    activities.restore(saved.id)
    assert [a.id for a in activities.timeline("account", account.id)] == [saved.id]


def test_bundle_has_the_activity_service(services: Services) -> None:
    assert isinstance(services.activities, ActivityService)
    assert services.activities.link_name("account", "missing") == ""
