"""Issue 25's findings against a real trytond: hard deletes reach the client, a refused
pulled record is queued once, and a no-op sync reports nothing pulled."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from tests.helpers.db import scalar

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import ContactDraft
from desk_crm.sync.book import PULL, PUSH
from desk_crm.sync.engine import RetryPolicy, SyncEngine
from desk_crm.sync.issues import SyncIssues
from desk_crm.sync.merge import DELETED


def sync(database, adapter, **kw):
    return SyncEngine(database.session_factory, adapter, sleep=lambda _s: None,
                      retry=RetryPolicy(attempts=3, base_delay=0.01), **kw).run()


def remote_id(database, record_id):
    return int(scalar(database, "SELECT remote_id FROM sync_link WHERE record_id=:r",
                      r=record_id))


def is_deleted(database, record_id):
    return bool(scalar(database, "SELECT deleted_at IS NOT NULL FROM contact WHERE id=:i",
                       i=record_id))


def five_contacts(services):
    return [services.contacts.save(ContactDraft(
        family_name="删", given_name=f"除{n}", emails=(ContactPoint(f"gone{n}@del.example"),)))
        for n in range(5)]


def test_parties_hard_deleted_in_tryton_leave_the_client_on_a_full_rescan(
        database, services, make_adapter, admin):
    people = five_contacts(services)
    assert sync(database, make_adapter()).status == "ok"
    ids = [remote_id(database, p.id) for p in people]
    admin("model.party.party.delete", ids)
    # An incremental sync sees no change list entry for a hard delete; the scheduled
    # id check ran moments ago, so it is not due: the records are still here.
    sync(database, make_adapter())
    assert not any(is_deleted(database, p.id) for p in people)
    # Four stay untouched here; the fifth is edited here meanwhile.
    edited = people[4]
    services.contacts.save(replace(services.contacts.get(edited.id).draft, city="上海"),
                           edited.id)
    # Sync > Full rescan: every linked id is checked.
    report = sync(database, make_adapter(), full=True)
    assert report.status == "ok"
    assert all(is_deleted(database, p.id) for p in people[:4])
    assert report.outcome(PULL, "contact", "deleted") == 4
    # Deleted there, edited here: the same delete-vs-edit conflict as an archive.
    assert not is_deleted(database, edited.id)
    assert report.conflicts == 1
    issue = SyncIssues(services.context).open_issues()[0]
    assert issue.record_id == edited.id and DELETED in issue.fields
    # Keep mine: nothing is left to restore there, so the party is created again.
    SyncIssues(services.context).resolve(issue.pk, {DELETED: "mine"})
    report = sync(database, make_adapter())
    assert report.outcome(PUSH, "contact", "created") == 1, report
    again = remote_id(database, edited.id)
    assert again not in ids
    row = admin("model.party.party.read", [again], ["name"])[0]
    assert row["name"] == "删除4"


def test_a_hard_delete_is_found_by_the_scheduled_id_check(database, services, make_adapter,
                                                         admin):
    people = five_contacts(services)
    sync(database, make_adapter())
    admin("model.party.party.delete", [remote_id(database, people[0].id)])
    report = sync(database, make_adapter(), reconcile_every=timedelta(0))
    assert is_deleted(database, people[0].id)
    assert report.outcome(PULL, "contact", "deleted") == 1
    assert not any(is_deleted(database, p.id) for p in people[1:])


def test_a_refused_pulled_record_is_queued_once_and_settled_when_fixed(
        database, services, make_adapter, admin):
    adapter = make_adapter(overlap=3600)  # every sync reads the record again
    category = adapter._scope_category()
    # A party without a name: the local rules need a family or given name.
    (nameless,) = admin("model.party.party.create", [{
        "categories": [["add", [category]]],
        "contact_mechanisms": [["create", [{"type": "email", "value": "anon@x.example"}]]]}])
    reports = [sync(database, make_adapter(overlap=3600)) for _ in range(3)]
    assert [r.rejected for r in reports] == [1, 0, 0]
    issues = SyncIssues(services.context)
    assert len(issues.open_issues()) == 1
    assert issues.open_issues()[0].title == str(nameless)
    admin("model.party.party.write", [nameless], {"name": "Named Later"})
    report = sync(database, make_adapter(overlap=3600))
    assert report.outcome(PULL, "contact", "created") == 1
    assert issues.open_issues() == []


def test_a_sync_with_nothing_new_reports_nothing_pulled(database, services, make_adapter,
                                                        admin):
    adapter = make_adapter(overlap=3600)  # the overlap re-reads everything: worst case
    category = adapter._scope_category()
    admin("model.party.party.create", [{"name": f"客户{n}", "categories": [["add", [category]]]}
                                       for n in range(6)])
    first = sync(database, make_adapter(overlap=3600))
    assert first.pulled == 6 and first.outcome(PULL, "contact", "created") == 6
    second = sync(database, make_adapter(overlap=3600))
    assert second.pulled == 0 and second.pushed == 0
    assert second.outcome(PULL, "contact", "unchanged") == 6
    # One edited here, one there.
    someone = scalar(database, "SELECT id FROM contact ORDER BY given_name LIMIT 1")
    services.contacts.save(replace(services.contacts.get(someone).draft, city="杭州"),
                           someone)
    other = scalar(database, "SELECT remote_id FROM sync_link WHERE record_id != :r "
                             "AND entity='contact' LIMIT 1", r=someone)
    admin("model.party.party.write", [int(other)], {"name": "客户 改名"})
    third = sync(database, make_adapter(overlap=3600))
    assert third.outcome(PUSH, "contact", "updated") == 1
    assert third.outcome(PULL, "contact", "updated") == 1
    assert third.pulled == 1
    # The history keeps the same figures.
    last = SyncIssues(services.context).history()[0]
    assert last.pulled == 1 and last.counts["pull:contact"]["updated"] == 1
    assert last.counts["pull:contact"]["unchanged"] >= 4
