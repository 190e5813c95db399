"""Merging contacts and accounts moves every related record to the survivor; undo moves back."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from desk_crm.domain.activities import ActivityDraft
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.domain.tickets import TicketDraft
from desk_crm.services.bundle import Services
from desk_crm.services.quote_records import ContractDraft
from desk_crm.store.models import Account, Contact
from desk_crm.store.quote_models import Contract, Quote
from desk_crm.store.sales_models import Activity, Opportunity
from desk_crm.store.service_models import Ticket
from helpers.quotes import add_quote
from helpers.sales import add_opportunity

RELATED = (Activity, Opportunity, Ticket, Quote, Contract)


def _links(services: Services, column: str) -> dict[str, set[Any]]:
    with services.context.read() as session:
        return {model.__name__: set(session.scalars(select(getattr(model, column))))
                for model in RELATED}


def _world(services: Services) -> tuple[str, str, str, str]:
    old_account = services.accounts.save(AccountDraft(name="Northwind Traders Ltd")).id
    new_account = services.accounts.save(AccountDraft(name="Northwind Traders Limited")).id
    loser = services.contacts.save(ContactDraft(family_name="张", given_name="三",
                                                account_id=old_account)).id
    survivor = services.contacts.save(ContactDraft(family_name="Zhang", given_name="San",
                                                   account_id=old_account)).id
    opportunity = add_opportunity(services, account_id=old_account, contact_id=loser)
    quote = add_quote(services, opportunity_id=opportunity.id)
    services.quotes.mark_sent(quote.id)
    services.quotes.accept(quote.id)
    services.contracts.from_quote(quote.id, ContractDraft(date(2026, 12, 1)))
    services.tickets.save(TicketDraft(subject="Printer jams", account_id=old_account,
                                      contact_id=loser))
    services.activities.save(ActivityDraft(subject="回访", contact_id=loser,
                                           account_id=old_account))
    return old_account, new_account, loser, survivor


def test_contact_merge_moves_tickets_quotes_contracts_and_undo_restores(
        services: Services) -> None:
    _, _, loser, survivor = _world(services)
    assert _links(services, "contact_id") == {m.__name__: {loser} for m in RELATED}
    batch = services.merges.merge(survivor, [loser])
    assert _links(services, "contact_id") == {m.__name__: {survivor} for m in RELATED}
    services.changes.undo_batch(batch)
    assert _links(services, "contact_id") == {m.__name__: {loser} for m in RELATED}


def test_account_merge_moves_every_related_record_and_undo_restores(
        services: Services) -> None:
    old_account, new_account, _, _ = _world(services)
    groups = services.merges.find_groups(entity="account")
    assert [set(g.members) for g in groups] == [{old_account, new_account}]
    assert groups[0].score == 100 and groups[0].entity == "account"
    batch = services.merges.merge_accounts(new_account, [old_account])
    assert _links(services, "account_id") == {m.__name__: {new_account} for m in RELATED}
    with services.context.read() as session:
        assert set(session.scalars(select(Contact.account_id))) == {new_account}
        assert session.scalar(select(Account.deleted_at).where(
            Account.id == old_account)) is not None
    assert services.merges.merged_into(old_account) == new_account
    assert services.merges.find_groups(entity="account") == []
    services.changes.undo_batch(batch)
    assert _links(services, "account_id") == {m.__name__: {old_account} for m in RELATED}
    with services.context.read() as session:
        assert set(session.scalars(select(Contact.account_id))) == {old_account}


def test_contact_groups_carry_a_score(services: Services) -> None:
    _, _, loser, survivor = _world(services)
    services.contacts.save(ContactDraft(family_name="Li", given_name="Si"))
    groups = services.merges.find_groups()
    assert [(set(g.members), g.reason) for g in groups] == [({loser, survivor}, "match")]
    assert 90 <= groups[0].score <= 100  # the match probability in %
    assert services.merges.names("contact", [loser, survivor]) == ["张三", "San Zhang"]


def test_account_merge_takes_chosen_fields_unions_tags_and_undo_restores(
        services: Services) -> None:
    old_account, new_account, loser, _survivor = _world(services)
    services.accounts.save(AccountDraft(name="Northwind Traders Ltd", industry="Trade",
                                        city="London", tags=("key",)), old_account)
    services.accounts.save(AccountDraft(name="Northwind Traders Limited", city="Leeds",
                                        website="northwind.example", tags=("vip",)),
                           new_account)
    choices = {"name": old_account, "city": new_account, "industry": old_account}
    preview = services.merges.merged_account(old_account, [new_account], choices)
    assert (preview.name, preview.city, preview.industry, preview.website) == (
        "Northwind Traders Ltd", "Leeds", "Trade", "")  # website: the survivor's (none)
    assert set(preview.tags) == {"key", "vip"}
    assert services.merges.account_links([old_account])["contact"] == 2
    assert services.merges.account_links([new_account])["contact"] == 0
    batch = services.merges.merge_accounts(old_account, [new_account],
                                           {**choices, "website": new_account})
    kept = services.accounts.get(old_account).draft
    assert (kept.name, kept.city, kept.industry, kept.website) == (
        "Northwind Traders Ltd", "Leeds", "Trade", "https://northwind.example")
    assert set(kept.tags) == {"key", "vip"}
    assert services.merges.merged_into(new_account) == old_account
    assert services.contacts.get(loser).draft.account_id == old_account
    services.changes.undo_batch(batch)
    restored = services.accounts.get(old_account).draft
    assert (restored.city, restored.website, restored.tags) == ("London", "", ("key",))
    assert services.accounts.get(new_account).deleted is False
