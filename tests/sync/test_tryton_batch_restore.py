"""Issue 25 against a real trytond: a first push goes out in batched creates, and restoring
a local backup older than the last sync makes nothing twice on the server."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tests.helpers.db import scalar

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.domain.opportunities import OpportunityDraft
from desk_crm.services.backups import apply_pending_restore
from desk_crm.services.bundle import build_services
from desk_crm.store.database import open_database
from desk_crm.sync.adapters.tryton_mapping import party_name
from desk_crm.sync.book import PULL, PUSH
from desk_crm.sync.engine import CREATE_BATCH, RetryPolicy, SyncEngine
from desk_crm.sync.issues import SyncIssues


def sync(database, adapter, **kw):
    return SyncEngine(database.session_factory, adapter, sleep=lambda _s: None,
                      retry=RetryPolicy(attempts=3, base_delay=0.01), **kw).run()


def count_calls(adapter):
    """Counts the adapter's JSON-RPC calls per method (the real calls still go out)."""
    calls: dict[str, int] = {}
    real = adapter.rpc.call

    def call(method, *args, **kw):
        calls[method] = calls.get(method, 0) + 1
        return real(method, *args, **kw)

    adapter.rpc.call = call
    return calls


def scope_parties(admin, adapter, active=True):
    return admin("model.party.party.search",
                 [["categories", "in", [adapter._scope_category()]]], 0, None, None,
                 context={"active_test": active})


def test_a_first_push_creates_records_in_batches(database, services, make_adapter, admin):
    count = CREATE_BATCH + 20
    people = [services.contacts.save(ContactDraft(
        family_name="批量", given_name=f"{n:03d}", emails=(ContactPoint(f"b{n}@batch.example"),),
        phones=(ContactPoint(f"+86 139 0100 {n:04d}"),))) for n in range(count)]
    adapter = make_adapter()
    calls = count_calls(adapter)
    report = sync(database, adapter)
    assert report.status == "ok"
    assert report.outcome(PUSH, "contact", "created") == count
    # Two create calls for CREATE_BATCH + 20 records, not one per record.
    assert calls["model.party.party.create"] == 2
    assert len(scope_parties(admin, adapter)) == count
    # Every record is linked to its own party, with the server's version.
    assert scalar(database, "SELECT count(DISTINCT remote_id) FROM sync_link "
                            "WHERE entity='contact' AND remote_version IS NOT NULL") == count
    last = people[-1]
    party = int(scalar(database, "SELECT remote_id FROM sync_link WHERE record_id=:r",
                       r=last.id))
    assert admin("model.party.party.read", [party], ["name"])[0]["name"] == party_name(
        "批量", f"{count - 1:03d}")
    # Nothing is pending: a second sync pushes nothing.
    again = sync(database, make_adapter())
    assert again.pushed == 0


def test_a_refused_record_in_a_batch_is_queued_alone(database, services, make_adapter, admin):
    # Tryton needs an account on an opportunity: the list holding one without is refused
    # as a whole, and the engine sends the records one by one so only that one is queued.
    services.pipeline.ensure_defaults()
    account = services.accounts.save(AccountDraft(name="批量 公司"))
    stage = services.pipeline.stages()[0].id
    good = [services.opportunities.save(OpportunityDraft(
        name=f"批量商机{n}", account_id=account.id, amount=Decimal("10.00"), stage_id=stage))
        for n in range(3)]
    bad = services.opportunities.save(OpportunityDraft(
        name="批量商机 无客户", amount=Decimal("10.00"), stage_id=stage))
    adapter = make_adapter(with_opportunities=True)
    report = sync(database, adapter)
    assert report.outcome(PUSH, "opportunity", "created") == len(good)
    assert report.rejected == 1
    issues = SyncIssues(services.context).open_issues()
    assert [i.record_id for i in issues] == [bad.id]
    made = admin("model.sale.opportunity.search",
                 [["party.categories", "in", [adapter._scope_category()]]], 0, None, None)
    assert len(made) == len(good)


def test_restoring_a_backup_older_than_the_last_sync_duplicates_nothing(
        tmp_path, make_adapter, admin):
    path = tmp_path / "crm.sqlite3"
    database = open_database(path, tmp_path / "backups")
    services = build_services(database, actor="tester")
    services.accounts.save(AccountDraft(name="恢复 公司", city="杭州"))
    people = [services.contacts.save(ContactDraft(
        family_name="恢复", given_name=f"{n}", emails=(ContactPoint(f"r{n}@restore.example"),)))
        for n in range(3)]
    backup = services.backups.backup_now()
    assert sync(database, make_adapter()).outcome(PUSH, "contact", "created") == 3
    # After the backup, an edit here reaches the server.
    first = people[0]
    services.contacts.save(replace(services.contacts.get(first.id).draft, city="北京"), first.id)
    assert sync(database, make_adapter()).outcome(PUSH, "contact", "updated") == 1
    adapter = make_adapter()
    before = sorted(scope_parties(admin, adapter, active=False))
    assert len(before) == 4
    database.close()

    # Restore the older backup (as the app does at the next start).
    services.backups.schedule_restore(backup)
    assert apply_pending_restore(path) is not None
    database = open_database(path, tmp_path / "backups")
    services = build_services(database, actor="tester")
    assert scalar(database, "SELECT count(*) FROM sync_link") == 0  # the backup predates it
    # An edit after the restore, before the next sync.
    second = people[1]
    services.contacts.save(replace(services.contacts.get(second.id).draft, title="经理"),
                           second.id)

    report = sync(database, make_adapter())
    assert report.status == "ok", report
    assert report.pushed == 0, report.counts
    assert report.outcome(PUSH, "contact", "created") == 0
    assert report.outcome(PUSH, "account", "created") == 0
    # Nothing made twice: the same parties, each linked to the record it came from.
    assert sorted(scope_parties(admin, adapter, active=False)) == before
    for person in people:
        assert scalar(database, "SELECT remote_id FROM sync_link WHERE record_id=:r",
                      r=person.id) is not None
    # Which side is newer is unknown after a restore: the field that differs (北京 on the
    # server, empty in the restored copy) waits for the user instead of being overwritten.
    issues = SyncIssues(services.context).open_issues()
    assert [(i.record_id, sorted(i.fields)) for i in issues] == [(first.id, ["city"])]
    # And the next sync still makes nothing.
    assert sync(database, make_adapter()).pushed == 0
    assert sorted(scope_parties(admin, adapter, active=False)) == before
    database.close()


def test_products_round_trip_both_ways(database, services, make_adapter, admin):
    from desk_crm.domain.products import ProductDraft

    widget = services.products.save(ProductDraft(code="DESK-1", name="年度维护服务",
                                                 default_price=Decimal("1200.50")))
    adapter = make_adapter(with_products=True)
    report = sync(database, adapter)
    assert report.outcome(PUSH, "product", "created") == 1, report.counts
    template = int(scalar(database, "SELECT remote_id FROM sync_link WHERE record_id=:r",
                          r=widget.id))
    row = admin("model.product.template.read", [template], ["name", "code"])[0]
    assert (row["name"], row["code"]) == ("年度维护服务", "DESK-1")
    # The list price is kept per company: read and write it in the company's context.
    other_side = make_adapter(with_products=True).rpc
    assert adapter.fetch("product", str(template)).fields["default_price"] == "1200.5"
    # Edited there: the price comes back; a template made there arrives here.
    other_side.call("model.product.template.write", [template],
                    {"list_price": Decimal("999.90")})
    unit = admin("model.product.uom.search", [["symbol", "=", "u"]], 0, 1, None)[0]
    other_side.call("model.product.template.create", [{
        "name": "安装调试", "code": "SETUP-2", "type": "service", "default_uom": unit,
        "list_price": Decimal("300"), "categories": [["add", adapter._product_categories()]]}])
    report = sync(database, make_adapter(with_products=True))
    assert report.outcome(PULL, "product", "updated") == 1, report.counts
    assert report.outcome(PULL, "product", "created") == 1, report.counts
    assert services.products.get(widget.id).draft.default_price == Decimal("999.90")
    setup = scalar(database, "SELECT name FROM product WHERE code='SETUP-2'")
    assert setup == "安装调试"
    # Edited here, deleted here: the name goes out, then the template is archived.
    record = services.products.get(widget.id)
    services.products.save(replace(record.draft, name="维护服务 二期"), widget.id,
                           record.version)
    assert sync(database, make_adapter(with_products=True)).outcome(
        PUSH, "product", "updated") == 1
    assert admin("model.product.template.read", [template], ["name"])[0]["name"] == "维护服务 二期"
    services.products.delete(widget.id)
    assert sync(database, make_adapter(with_products=True)).outcome(
        PUSH, "product", "deleted") == 1
    assert admin("model.product.template.read", [template], ["active"],
                 context={"active_test": False})[0]["active"] in (False, 0)
    # A no-op sync after all that pulls nothing.
    assert sync(database, make_adapter(with_products=True)).pulled == 0
