"""The Tryton adapter and the engine against a real trytond on loopback."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from tests.helpers.db import rows, scalar
from tests.sync.tryton_server import DATABASE

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.domain.opportunities import OpportunityDraft
from desk_crm.sync.adapters.tryton import TrytonAdapter
from desk_crm.sync.engine import RetryPolicy, SyncEngine
from desk_crm.sync.protocol import AuthError, StaleVersionError


def sync(database, adapter):
    return SyncEngine(database.session_factory, adapter, sleep=lambda _s: None,
                      retry=RetryPolicy(attempts=3, base_delay=0.01)).run()


def remote_id(database, record_id):
    return int(scalar(database, "SELECT remote_id FROM sync_link WHERE record_id=:r",
                      r=record_id))


def party(admin, party_id):
    row = admin("model.party.party.read", [party_id], ["name", "active", "contact_mechanisms",
                                                       "addresses"],
                context={"active_test": False})[0]
    mechanisms = admin("model.party.contact_mechanism.read", row["contact_mechanisms"],
                       ["type", "value"])
    row["values"] = sorted((m["type"], m["value"]) for m in mechanisms)
    return row


def test_parties_round_trip_both_ways(database, services, make_adapter, admin):
    acme = services.accounts.save(AccountDraft(name="Acme 华北", email="info@acme.example",
                                               city="Tianjin"))
    lei = services.contacts.save(ContactDraft(
        family_name="李", given_name="雷", emails=(ContactPoint("lei@acme.example"),),
        phones=(ContactPoint("+86 138 0013 8000"),), city="Beijing"))
    adapter = make_adapter()
    report = sync(database, adapter)
    assert report.status == "ok" and report.pushed == 2
    acme_party = party(admin, remote_id(database, acme.id))
    assert acme_party["name"] == "Acme 华北" and acme_party["values"] == [
        ("email", "info@acme.example")]
    lei_id = remote_id(database, lei.id)
    assert party(admin, lei_id)["name"] == "李雷"
    # The other side edits: a second phone, and a new party appears.
    current = party(admin, lei_id)
    admin("model.party.party.write", [lei_id], {"contact_mechanisms": [
        ["create", [{"type": "phone", "value": "+86 10 6552 9988", "sequence": 9}]]]})
    category = adapter._scope_category()
    admin("model.party.party.create", [{"name": "王芳", "categories": [["add", [category]]],
                                        "contact_mechanisms": [["create", [
                                            {"type": "email", "value": "fang@wang.example"}]]]}])
    assert current["active"]
    report = sync(database, make_adapter())
    assert report.status == "ok"
    # Accounts come back as accounts only, never also as contacts.
    assert scalar(database, "SELECT COUNT(*) FROM contact WHERE family_name LIKE 'Acme%' "
                            "OR given_name LIKE 'Acme%'") == 0
    assert scalar(database, "SELECT COUNT(*) FROM account") == 1
    phones = services.contacts.get(lei.id).draft.phones
    assert [p.value for p in phones][-1].replace(" ", "").endswith("65529988")
    fang = rows(database, "SELECT family_name, given_name, primary_email FROM contact "
                          "WHERE family_name='王'")
    assert fang == [{"family_name": "王", "given_name": "芳",
                     "primary_email": "fang@wang.example"}]
    # Local delete archives; a server archive deletes locally.
    services.contacts.delete(lei.id)
    sync(database, make_adapter())
    assert party(admin, lei_id)["active"] in (0, False)
    admin("model.party.party.write", [remote_id(database, acme.id)], {"active": False})
    sync(database, make_adapter())
    assert scalar(database, "SELECT deleted_at IS NOT NULL FROM account WHERE id=:i", i=acme.id)


def test_stale_timestamp_raises_and_engine_queues_a_conflict(database, services, make_adapter,
                                                            admin):
    acme = services.accounts.save(AccountDraft(name="Acme"))
    adapter = make_adapter()
    sync(database, adapter)
    rid = str(remote_id(database, acme.id))
    old = adapter.fetch("account", rid)
    admin("model.party.party.write", [int(rid)], {"name": "Acme (server)"})
    with pytest.raises(StaleVersionError):
        adapter.update("account", rid, {"name": "x"}, expected_version=old.version)
    services.accounts.save(replace(services.accounts.get(acme.id).draft, name="Acme (mine)"),
                           acme.id)
    report = sync(database, make_adapter())
    assert report.conflicts == 1
    assert services.accounts.get(acme.id).draft.name == "Acme (mine)"
    assert party(admin, int(rid))["name"] == "Acme (server)"


def test_opportunity_round_trip(database, services, make_adapter, admin):
    services.pipeline.ensure_defaults()
    acme = services.accounts.save(AccountDraft(name="Acme Opp"))
    stage = services.pipeline.stages()[0].id
    deal = services.opportunities.save(OpportunityDraft(
        name="Big deal", account_id=acme.id, amount=Decimal("1200.50"), stage_id=stage,
        probability=Decimal(30)))
    assert sync(database, make_adapter(with_opportunities=True)).status == "ok"
    opp_id = remote_id(database, deal.id)
    row = admin("model.sale.opportunity.read", [opp_id],
                ["description", "party", "amount", "conversion_probability"])[0]
    assert row["description"] == "Big deal"
    assert row["party"] == remote_id(database, acme.id)
    assert row["amount"] == {"__class__": "Decimal", "decimal": "1200.50"}
    admin("model.sale.opportunity.write", [opp_id],
          {"amount": {"__class__": "Decimal", "decimal": "1500.00"}})
    sync(database, make_adapter(with_opportunities=True))
    assert services.opportunities.get(deal.id).draft.amount == Decimal("1500.00")


def test_bad_password_is_an_auth_error(tryton):
    adapter = TrytonAdapter(tryton.url, DATABASE, "admin", "wrong")
    with pytest.raises(AuthError):
        adapter.list_changes("account", None, 10)


def test_deleting_an_opportunity_cancels_it_on_tryton(database, services, make_adapter, admin):
    services.pipeline.ensure_defaults()
    acme = services.accounts.save(AccountDraft(name="Acme Cancel"))
    deal = services.opportunities.save(OpportunityDraft(
        name="Small deal", account_id=acme.id, amount=Decimal("10"),
        stage_id=services.pipeline.stages()[0].id))
    sync(database, make_adapter(with_opportunities=True))
    services.opportunities.delete(deal.id)
    assert sync(database, make_adapter(with_opportunities=True)).status == "ok"
    row = admin("model.sale.opportunity.read", [remote_id(database, deal.id)], ["state"])[0]
    assert row["state"] == "cancelled"
    assert scalar(database, "SELECT COUNT(*) FROM change_log WHERE sync_state='pending' "
                            "AND entity='opportunity'") == 0


def test_keep_mine_on_a_party_archived_on_the_server_restores_it_with_my_edit(
        database, services, make_adapter, admin):
    from desk_crm.sync.issues import SyncIssues
    acme = services.accounts.save(AccountDraft(name="Acme Archive"))
    sync(database, make_adapter())
    rid = remote_id(database, acme.id)
    admin("model.party.party.write", [rid], {"active": False})
    services.accounts.save(replace(services.accounts.get(acme.id).draft,
                                   name="Acme Archive (kept)"), acme.id)
    assert sync(database, make_adapter()).conflicts == 1
    issues = SyncIssues(services.context)
    issues.resolve(issues.open_issues()[0].pk, {"__deleted__": "mine"})
    report = sync(database, make_adapter())
    assert report.rejected == 0 and issues.status().open_issues == 0, issues.open_issues()
    restored = party(admin, rid)
    assert restored["active"] and restored["name"] == "Acme Archive (kept)"


def test_quote_round_trip_as_a_tryton_quotation(database, services, make_adapter, admin):
    from desk_crm.domain.quotes import QuoteLineDraft
    services.pipeline.ensure_defaults()
    acme = services.accounts.save(AccountDraft(name="Acme Quote"))
    deal = services.opportunities.save(OpportunityDraft(
        name="Quoted deal", account_id=acme.id, stage_id=services.pipeline.stages()[0].id))
    draft = services.quotes.new_draft(deal.id)
    draft.terms = "30 days net"
    draft.lines = [QuoteLineDraft(description="Consulting", quantity=Decimal(2),
                                  unit_price=Decimal("150.00")),
                   QuoteLineDraft(description="Travel", quantity=Decimal(1),
                                  unit_price=Decimal("80.50"))]
    quote = services.quotes.create(draft)

    def adapter():
        return make_adapter(with_opportunities=True, with_quotes=True)

    assert sync(database, adapter()).status == "ok"
    sale_id = remote_id(database, quote.id)

    def sale():
        row = admin("model.sale.sale.read", [sale_id],
                    ["state", "party", "comment", "description", "lines", "total_amount"])[0]
        row["items"] = [(line["description"], line["quantity"],
                         Decimal(line["unit_price"]["decimal"]))
                        for line in admin("model.sale.line.read", row["lines"],
                                          ["description", "quantity", "unit_price"])]
        return row

    row = sale()
    assert row["state"] == "quotation" and row["party"] == remote_id(database, acme.id)
    assert row["description"] == quote.number and row["comment"] == "30 days net"
    assert row["items"] == [("Consulting", 2.0, Decimal(150)), ("Travel", 1.0, Decimal("80.5"))]
    # Edited here (a line's price), then on the server (the terms): both arrive.
    current = services.quotes.get(quote.id)
    changed = replace(current.draft, lines=[current.draft.lines[0],
                                            replace(current.draft.lines[1],
                                                    unit_price=Decimal("99"))])
    services.quotes.save(quote.id, changed, current.version)
    assert sync(database, adapter()).pushed == 1
    assert sale()["items"][1] == ("Travel", 1.0, Decimal(99))
    admin("model.sale.sale.draft", [sale_id])
    first_line = sale()["lines"][0]
    admin("model.sale.sale.write", [sale_id], {"comment": "14 days net", "lines": [
        ["write", [first_line], {"quantity": 3.0}]]})
    admin("model.sale.sale.quote", [sale_id])
    report = sync(database, adapter())
    assert report.conflicts == 0 and report.rejected == 0
    pulled = services.quotes.get(quote.id).draft
    assert pulled.terms == "14 days net"
    assert [(line.description, line.quantity, line.unit_price) for line in pulled.lines] == [
        ("Consulting", Decimal(3), Decimal(150)), ("Travel", Decimal(1), Decimal(99))]
    assert scalar(database, "SELECT COUNT(*) FROM change_log WHERE sync_state='pending' "
                            "AND entity IN ('quote', 'quote_line')") == 0
    # Deleted here: cancelled there.
    services.quotes.delete(quote.id)
    sync(database, adapter())
    assert sale()["state"] == "cancelled"


def test_a_new_quote_revision_replaces_the_quotation(database, services, make_adapter, admin):
    from desk_crm.domain.quotes import QuoteLineDraft
    services.pipeline.ensure_defaults()
    acme = services.accounts.save(AccountDraft(name="Acme Revision"))
    deal = services.opportunities.save(OpportunityDraft(
        name="Revised deal", account_id=acme.id, stage_id=services.pipeline.stages()[0].id))
    draft = services.quotes.new_draft(deal.id)
    draft.lines = [QuoteLineDraft(description="Licence", quantity=Decimal(5),
                                  unit_price=Decimal(100))]
    first = services.quotes.create(draft)

    def adapter():
        return make_adapter(with_opportunities=True, with_quotes=True)

    sync(database, adapter())
    services.quotes.mark_sent(first.id)
    sent = services.quotes.get(first.id)
    second = services.quotes.save(first.id, replace(sent.draft, lines=[
        replace(sent.draft.lines[0], quantity=Decimal(6))]), sent.version)
    assert second.id != first.id
    assert sync(database, adapter()).status == "ok"
    old = admin("model.sale.sale.read", [remote_id(database, first.id)], ["state"])[0]
    new = admin("model.sale.sale.read", [remote_id(database, second.id)], ["state", "lines"])[0]
    assert old["state"] == "cancelled" and new["state"] == "quotation"
    quantity = admin("model.sale.line.read", new["lines"], ["quantity"])[0]["quantity"]
    assert quantity == 6.0
