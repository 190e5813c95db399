"""Engine logic against the in-process fake server: push, pull, merge, conflicts, faults."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.helpers.db import rows, scalar
from tests.sync.fake_adapter import FakeAdapter, FakeServer

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.sync.engine import RetryPolicy, SyncEngine
from desk_crm.sync.protocol import TransientError


@pytest.fixture
def server():
    return FakeServer()


def engine_for(database, server, **kw):
    return SyncEngine(database.session_factory, FakeAdapter(server), sleep=lambda _s: None,
                      retry=RetryPolicy(attempts=3, base_delay=0.01), seed=1, **kw)


def pending(database):
    return scalar(database, "SELECT COUNT(*) FROM change_log WHERE sync_state='pending' "
                            "AND entity IN ('account','contact')")


def remote_of(database, record_id):
    return scalar(database, "SELECT remote_id FROM sync_link WHERE record_id=:r", r=record_id)


def test_push_creates_then_pull_brings_server_records_without_echo(database, services, server):
    acme = services.accounts.save(AccountDraft(name="Acme", email="a@acme.example"))
    services.contacts.save(ContactDraft(family_name="Li", given_name="Lei",
                                        account_id=acme.id,
                                        emails=(ContactPoint("lei@acme.example"),)))
    server.write("account", None, {"name": "Remote Co", "email": "", "phone": "+86 10 8888 6666"})
    report = engine_for(database, server).run()
    assert report.status == "ok" and report.pushed == 2
    assert pending(database) == 0
    contact_row = next(r for (e, _), r in server.rows.items() if e == "contact")
    assert contact_row["account_id"] == remote_of(database, acme.id)
    assert contact_row["emails"] == ["lei@acme.example"]
    names = {r["name"] for r in rows(database, "SELECT name FROM account WHERE deleted_at IS NULL")}
    assert names == {"Acme", "Remote Co"}
    # Applying pulled data wrote change-log rows, none of them pending: nothing goes back.
    server.calls.clear()
    again = engine_for(database, server).run()
    assert again.pushed == 0 and server.calls == []


def test_disjoint_field_edits_merge_silently(database, services, server):
    acme = services.accounts.save(AccountDraft(name="Acme", phone="+86 10 1234 5678"))
    engine_for(database, server).run()
    rid = remote_of(database, acme.id)
    server.write("account", rid, {"email": "sales@acme.example"})
    services.accounts.save(replace(services.accounts.get(acme.id).draft, name="Acme Ltd"),
                           acme.id)
    report = engine_for(database, server).run()
    assert report.conflicts == 0
    local = services.accounts.get(acme.id).draft
    assert (local.name, local.email) == ("Acme Ltd", "sales@acme.example")
    assert server.rows[("account", rid)]["name"] == "Acme Ltd"
    assert server.rows[("account", rid)]["email"] == "sales@acme.example"


def test_same_field_changed_on_both_sides_is_queued_not_overwritten(database, services, server):
    acme = services.accounts.save(AccountDraft(name="Acme"))
    engine_for(database, server).run()
    rid = remote_of(database, acme.id)
    server.write("account", rid, {"name": "Acme Theirs"})
    services.accounts.save(replace(services.accounts.get(acme.id).draft, name="Acme Mine"),
                           acme.id)
    report = engine_for(database, server).run()
    assert report.conflicts == 1
    assert services.accounts.get(acme.id).draft.name == "Acme Mine"  # never overwritten
    assert server.rows[("account", rid)]["name"] == "Acme Theirs"
    issue = rows(database, "SELECT kind, fields, status FROM sync_issue")[0]
    assert issue["kind"] == "conflict" and issue["status"] == "open"
    assert '"mine": "Acme Mine"' in issue["fields"] and '"theirs": "Acme Theirs"' in issue["fields"]


def test_deleted_on_server_but_edited_locally_is_a_conflict(database, services, server):
    acme = services.accounts.save(AccountDraft(name="Acme"))
    engine_for(database, server).run()
    rid = remote_of(database, acme.id)
    server.write("account", rid, {}, deleted=True)
    services.accounts.save(replace(services.accounts.get(acme.id).draft, phone="+86 21 5555 0000"),
                           acme.id)
    report = engine_for(database, server).run()
    assert report.conflicts == 1
    assert services.accounts.get(acme.id).draft.phone  # local edit still there
    assert '"__deleted__"' in rows(database, "SELECT fields FROM sync_issue")[0]["fields"]


def test_server_archive_of_an_untouched_record_deletes_it_locally(database, services, server):
    acme = services.accounts.save(AccountDraft(name="Acme"))
    engine_for(database, server).run()
    server.write("account", remote_of(database, acme.id), {}, deleted=True)
    engine_for(database, server).run()
    assert scalar(database, "SELECT deleted_at IS NOT NULL FROM account WHERE id=:i", i=acme.id)


def test_local_delete_archives_on_server(database, services, server):
    acme = services.accounts.save(AccountDraft(name="Acme"))
    engine_for(database, server).run()
    services.accounts.delete(acme.id)
    engine_for(database, server).run()
    assert server.meta[("account", remote_of(database, acme.id))]["deleted"] is True
    assert pending(database) == 0


def test_lost_create_answer_is_found_by_key_not_created_twice(database, services, server):
    services.accounts.save(AccountDraft(name="Acme"))
    server.faults = ["lose_answer"]  # stored, answer lost: the retry looks it up first
    engine_for(database, server).run()
    assert len([k for k in server.rows if k[0] == "account"]) == 1
    services.accounts.save(AccountDraft(name="Beta"))
    server.faults = ["drop_request", "drop_request", "lose_answer"]  # whole run fails ...
    with pytest.raises(TransientError):
        engine_for(database, server).run()
    # ... yet the create was journalled: the next run finds it instead of re-creating.
    engine_for(database, server).run()
    names = sorted(r["name"] for (e, _), r in server.rows.items() if e == "account")
    assert names == ["Acme", "Beta"]
    assert pending(database) == 0


def test_transient_errors_are_retried_with_backoff(database, services, server):
    services.accounts.save(AccountDraft(name="Acme"))
    delays: list[float] = []
    server.faults = ["drop_request", "drop_request"]
    engine = SyncEngine(database.session_factory, FakeAdapter(server), sleep=delays.append,
                        retry=RetryPolicy(attempts=4, base_delay=1.0), seed=3)
    assert engine.run().status == "ok"
    assert len(delays) == 2 and 0 <= delays[0] <= 1.0 and 0 <= delays[1] <= 2.0
    assert len([k for k in server.rows if k[0] == "account"]) == 1


def test_lost_update_answer_is_recognised_on_the_next_run(database, services, server):
    acme = services.accounts.save(AccountDraft(name="Acme"))
    engine_for(database, server).run()
    services.accounts.save(replace(services.accounts.get(acme.id).draft, name="Acme 2"), acme.id)
    server.faults = ["lose_answer"] * 3
    # The retry meets a newer version (its own write): it fetches, sees its change applied.
    report = engine_for(database, server).run()
    assert report.status == "ok" and report.conflicts == 0 and pending(database) == 0
    assert server.rows[("account", remote_of(database, acme.id))]["name"] == "Acme 2"


def test_rejection_goes_to_the_queue_with_the_server_message(database, services, server):
    server.reject_names.add("Bad Co")
    services.accounts.save(AccountDraft(name="Bad Co"))
    report = engine_for(database, server).run()
    assert report.rejected == 1
    issue = rows(database, "SELECT kind, message FROM sync_issue")[0]
    assert issue == {"kind": "rejected", "message": "name is not allowed"}


def test_cancel_stops_before_the_next_step(database, services, server):
    services.accounts.save(AccountDraft(name="Acme"))
    engine = engine_for(database, server)
    engine.cancel()
    assert engine.run().status == "cancelled"
    assert server.calls == []
    assert rows(database, "SELECT status FROM sync_run") == [{"status": "cancelled"}]


def _conflict(database, services, server):
    acme = services.accounts.save(AccountDraft(name="Acme", email="a@acme.example"))
    engine_for(database, server).run()
    rid = remote_of(database, acme.id)
    server.write("account", rid, {"name": "Acme Theirs", "phone": "+86 10 8888 6666"})
    services.accounts.save(replace(services.accounts.get(acme.id).draft, name="Acme Mine"),
                           acme.id)
    engine_for(database, server).run()
    return acme, rid


@pytest.mark.parametrize(("choice", "expected"), [
    ("mine", "Acme Mine"), ("theirs", "Acme Theirs"), (("value", "Acme Both"), "Acme Both")])
def test_resolving_a_conflict_reaches_both_sides(database, services, server, choice, expected):
    from desk_crm.sync.issues import SyncIssues
    acme, rid = _conflict(database, services, server)
    issues = SyncIssues(services.context)
    [issue] = issues.open_issues()
    assert issue.fields["name"] == {"base": "Acme", "mine": "Acme Mine", "theirs": "Acme Theirs"}
    issues.resolve(issue.pk, {"name": choice})
    assert issues.status().open_issues == 0
    engine_for(database, server).run()
    assert services.accounts.get(acme.id).draft.name == expected
    assert server.rows[("account", rid)]["name"] == expected
    assert services.accounts.get(acme.id).draft.phone  # the server's other edit merged
    assert pending(database) == 0


@pytest.mark.parametrize("choice", ["mine", "theirs"])
def test_resolving_delete_vs_edit(database, services, server, choice):
    from desk_crm.sync.issues import SyncIssues
    acme = services.accounts.save(AccountDraft(name="Acme"))
    engine_for(database, server).run()
    rid = remote_of(database, acme.id)
    server.write("account", rid, {}, deleted=True)
    services.accounts.save(replace(services.accounts.get(acme.id).draft, name="Acme edited"),
                           acme.id)
    engine_for(database, server).run()
    issues = SyncIssues(services.context)
    [issue] = issues.open_issues()
    issues.resolve(issue.pk, {"__deleted__": choice})
    engine_for(database, server).run()
    local_deleted = scalar(database, "SELECT deleted_at IS NOT NULL FROM account WHERE id=:i",
                           i=acme.id)
    if choice == "mine":  # the edit wins: restored on the server with our name
        assert not local_deleted and server.meta[("account", rid)]["deleted"] is False
        assert server.rows[("account", rid)]["name"] == "Acme edited"
    else:
        assert local_deleted and server.meta[("account", rid)]["deleted"] is True
    assert pending(database) == 0


def test_a_pulled_record_the_local_rules_refuse_is_queued_and_the_page_still_applies(
        database, services, server):
    server.write("account", None, {"name": "Good One", "email": "a@good.example"})
    server.write("account", None, {"name": "Bad One", "email": "not an e-mail"})
    server.write("account", None, {"name": "Good Two", "email": ""})
    report = engine_for(database, server).run()
    assert report.rejected == 1 and report.status == "ok"
    names = sorted(r["name"] for r in rows(database, "SELECT name FROM account"))
    assert names == ["Good One", "Good Two"]
    assert rows(database, "SELECT kind FROM sync_issue") == [{"kind": "rejected"}]
    assert scalar(database, "SELECT COUNT(*) FROM sync_link") == 2


def test_records_written_by_one_service_call_get_their_own_keys(database, services, server):
    from desk_crm.domain.drafts import validate_account
    with services.context.write() as session:  # one mutation id, two records (an import)
        for name in ("One Co", "Two Co"):
            services.accounts.write_clean(session, validate_account(AccountDraft(name=name)))
    server.faults = ["lose_answer"]  # the first create's answer is lost, then recovered
    engine_for(database, server).run()
    keys = [m["key"] for m in server.meta.values()]
    assert len(keys) == 2 and len(set(keys)) == 2
    assert sorted(r["name"] for r in server.rows.values()) == ["One Co", "Two Co"]
    assert pending(database) == 0


def test_a_refused_record_goes_out_again_once_corrected(database, services, server):
    server.reject_names.add("Bad Co")
    bad = services.accounts.save(AccountDraft(name="Bad Co"))
    engine_for(database, server).run()
    again = engine_for(database, server).run()  # nothing changed: still held back
    assert again.rejected == 0 and server.calls.count("create") == 1
    services.accounts.save(replace(services.accounts.get(bad.id).draft, name="Good Co"), bad.id)
    engine_for(database, server).run()
    assert [r["name"] for r in server.rows.values()] == ["Good Co"]
    assert rows(database, "SELECT status FROM sync_issue") == [{"status": "resolved"}]
    assert pending(database) == 0


class FullScanAdapter(FakeAdapter):
    """Like django-crm: no modified-since filter, hard deletes. Pages by offset; the cursor
    is None again once a scan is complete."""

    from desk_crm.sync.protocol import Capabilities
    capabilities = Capabilities(incremental=False, versions=False, hard_deletes=True)

    def list_changes(self, entity, cursor, limit):
        from desk_crm.sync.protocol import ChangePage
        self._fault("drop_request")
        ids = sorted((rid for (e, rid) in self.server.rows if e == entity), key=int)
        start = int(cursor or 0)
        chunk = ids[start:start + limit]
        more = start + limit < len(ids)
        return ChangePage([self.server.record(entity, rid) for rid in chunk],
                          str(start + limit) if more else None, has_more=more)


def test_full_scan_server_hard_delete_is_seen_after_a_complete_scan(database, services,
                                                                    server):
    for name in ("A Co", "B Co", "C Co", "D Co", "E Co"):
        services.accounts.save(AccountDraft(name=name))
    adapter = FullScanAdapter(server)
    SyncEngine(database.session_factory, adapter, page_size=2, sleep=lambda _s: None).run()
    gone = next(rid for (e, rid), r in server.rows.items() if r["name"] == "C Co")
    del server.rows[("account", gone)], server.meta[("account", gone)]
    # A scan that breaks off after its first page proves nothing about C Co ...
    engine = SyncEngine(database.session_factory, adapter, page_size=2, sleep=lambda _s: None,
                        retry=RetryPolicy(attempts=1))
    calls = {"n": 0}
    original = adapter.list_changes

    def flaky(entity, cursor, limit):
        calls["n"] += 1
        if calls["n"] == 2:
            raise TransientError("network down")
        return original(entity, cursor, limit)

    adapter.list_changes = flaky  # type: ignore[method-assign]
    with pytest.raises(TransientError):
        engine.run()
    live = {r["name"] for r in rows(database, "SELECT name FROM account WHERE deleted_at IS NULL")}
    assert "C Co" in live
    # ... the next run resumes mid-way (still proves nothing), the one after scans whole.
    SyncEngine(database.session_factory, adapter, page_size=2, sleep=lambda _s: None).run()
    SyncEngine(database.session_factory, adapter, page_size=2, sleep=lambda _s: None).run()
    live = {r["name"] for r in rows(database, "SELECT name FROM account WHERE deleted_at IS NULL")}
    assert live == {"A Co", "B Co", "D Co", "E Co"}


class FirstOnlyAdapter(FakeAdapter):
    first_only = {"contact": ("emails",)}


def test_first_only_lists_keep_the_local_rest(database, services, server):
    li = services.contacts.save(ContactDraft(
        family_name="Li", given_name="Lei",
        emails=(ContactPoint("lei@work.example", primary=True), ContactPoint("lei@home.example"))))
    adapter = FirstOnlyAdapter(server)
    SyncEngine(database.session_factory, adapter, sleep=lambda _s: None).run()
    rid = remote_of(database, li.id)
    assert server.rows[("contact", rid)]["emails"] == ["lei@work.example"]
    server.write("contact", rid, {"emails": ["lei@new.example"], "given_name": "Lei2"})
    SyncEngine(database.session_factory, adapter, sleep=lambda _s: None).run()
    draft = services.contacts.get(li.id).draft
    assert [p.value for p in draft.emails] == ["lei@new.example", "lei@home.example"]
    assert draft.given_name == "Lei2"
    server.calls.clear()
    SyncEngine(database.session_factory, adapter, sleep=lambda _s: None).run()
    assert server.calls == [] and pending(database) == 0  # nothing ping-pongs


def test_a_version_already_merged_is_not_applied_again(database, services, server):
    acme = services.accounts.save(AccountDraft(name="Acme"))
    engine_for(database, server).run()  # push; the pull sees our own write come back
    before = scalar(database, "SELECT COUNT(*) FROM change_log")
    for key, meta in server.meta.items():
        meta["seq"] += 1000  # listed again with the same version ...
        server.rows[key]["phone"] = "+86 10 1111 2222"  # ... so this is not even looked at
    report = engine_for(database, server).run()
    # Seen again, not pulled: the report counts it as unchanged.
    assert report.pulled == 0 and report.counts["pull:account"]["unchanged"] == 1
    assert scalar(database, "SELECT COUNT(*) FROM change_log") == before
    assert services.accounts.get(acme.id).draft.phone == ""


def test_a_row_a_full_scan_skipped_is_not_taken_for_deleted(database, services, server):
    for name in ("A Co", "B Co", "C Co"):
        services.accounts.save(AccountDraft(name=name))
    adapter = FullScanAdapter(server)
    SyncEngine(database.session_factory, adapter, sleep=lambda _s: None).run()
    skipped = next(rid for (e, rid), r in server.rows.items() if r["name"] == "B Co")
    original = adapter.list_changes

    def skipping(entity, cursor, limit):
        page = original(entity, cursor, limit)
        return replace(page, records=[r for r in page.records if r.remote_id != skipped])

    adapter.list_changes = skipping  # type: ignore[method-assign]
    SyncEngine(database.session_factory, adapter, sleep=lambda _s: None).run()
    live = {r["name"] for r in rows(database, "SELECT name FROM account WHERE deleted_at IS NULL")}
    assert live == {"A Co", "B Co", "C Co"}


def test_keep_mine_on_a_record_hard_deleted_there_creates_it_again(database, services, server):
    """Found against django-crm: the push sent an update to the deleted id, got 404, and
    queued the same delete-vs-edit conflict again on every run."""
    from desk_crm.sync.issues import SyncIssues
    acme = services.accounts.save(AccountDraft(name="Acme"))
    adapter = FullScanAdapter(server)
    SyncEngine(database.session_factory, adapter, sleep=lambda _s: None).run()
    old = remote_of(database, acme.id)
    del server.rows[("account", old)], server.meta[("account", old)]
    services.accounts.save(replace(services.accounts.get(acme.id).draft, email="hi@acme.example"),
                           acme.id)
    assert SyncEngine(database.session_factory, adapter, sleep=lambda _s: None).run().conflicts == 1
    issues = SyncIssues(services.context)
    [issue] = issues.open_issues()
    issues.resolve(issue.pk, {"__deleted__": "mine"})
    report = SyncEngine(database.session_factory, adapter, sleep=lambda _s: None).run()
    assert report.conflicts == 0 and report.pushed == 1
    new = remote_of(database, acme.id)
    assert new != old
    assert list(server.rows.values()) == [{"name": "Acme", "email": "hi@acme.example",
                                           "phone": ""}]
    assert issues.status().open_issues == 0 and pending(database) == 0
    again = SyncEngine(database.session_factory, adapter, sleep=lambda _s: None).run()
    assert (again.pushed, again.conflicts) == (0, 0)
