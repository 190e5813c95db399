"""The activities list source: linked names, filters, search, keyset pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desk_crm.domain.activities import ActivityDraft
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.services.bundle import Services
from desk_crm.store.repositories import ListQuery
from desk_crm.store.types import format_utc

NOW = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)


def test_activity_list_names_the_linked_record_and_filters(services: Services) -> None:
    owner = services.users.ensure("Rep")
    account = services.accounts.save(AccountDraft(name="Acme"))
    contact = services.contacts.save(ContactDraft(family_name="张", given_name="三",
                                                  account_id=account.id))
    save = services.activities.save
    call = save(ActivityDraft(kind="call", subject="Call 张三", contact_id=contact.id,
                              account_id=account.id, due_at=NOW, owner_id=owner.id))
    visit = save(ActivityDraft(kind="meeting", subject="Visit Acme", account_id=account.id,
                               due_at=NOW + timedelta(days=3)))
    loose = save(ActivityDraft(subject="Undated note"))
    services.activities.complete(visit.id, now=NOW)

    lists = services.lists
    page = lists.page(ListQuery("activity"))
    assert [row.id for row in page] == [call.id, visit.id, loose.id]  # undated last
    assert page[0].values["linked"] == "张三"
    assert page[0].values["owner"] == "Rep"
    assert page[0].values["due_at"] == NOW
    assert page[1].values["linked"] == "Acme"
    assert page[1].values["done_at"] == NOW
    assert lists.count(ListQuery("activity", filters=(("status", "open"),))) == 2
    assert [r.id for r in lists.page(ListQuery("activity", filters=(("status", "done"),)))] \
        == [visit.id]
    assert [r.id for r in lists.page(ListQuery("activity", filters=(
        ("owner_id", owner.id),)))] == [call.id]
    ranged = ListQuery("activity", filters=(("due_from", format_utc(NOW + timedelta(hours=1))),
                                            ("due_before", format_utc(NOW + timedelta(days=5)))))
    assert [r.id for r in lists.page(ranged)] == [visit.id]
    assert [r.id for r in lists.page(ListQuery("activity", search="Visit"))] == [visit.id]
    first = lists.page(ListQuery("activity"), limit=1)
    assert [r.id for r in lists.page(ListQuery("activity"), after=first[0])] == [visit.id,
                                                                                   loose.id]
    assert lists.position_of(ListQuery("activity"), loose.id) == 2
