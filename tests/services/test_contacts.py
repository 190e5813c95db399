"""ContactService: people, their names, emails and phones, and their company."""

from __future__ import annotations

import pytest

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import ContactDraft
from desk_crm.domain.errors import ValidationErrors
from desk_crm.services.bundle import Services
from desk_crm.services.errors import StaleRecord
from desk_crm.store.database import Database
from desk_crm.store.repositories import ListQuery
from helpers.db import change_log, count, rows
from helpers.drafts import account_draft, contact_draft


@pytest.mark.parametrize(("family", "given", "display", "sort"), [
    ("张", "三", "张三", "zhang san"),
    ("欧阳", "娜娜", "欧阳娜娜", "ou yang na na"),
    ("曾", "国藩", "曾国藩", "zeng guo fan"),  # surname reading, not "ceng"
    ("Smith", "John", "John Smith", "smith john"),
    ("Zola", "Émile", "Émile Zola", "zola emile"),
    ("van Dijk", "David", "David van Dijk", "van dijk david"),
    ("", "Madonna", "Madonna", "madonna"),
    (" 李 ", " 四 ", "李四", "li si"),
])
def test_display_and_sort_names(services: Services, database: Database, family: str,
                                given: str, display: str, sort: str) -> None:
    record = services.contacts.save(contact_draft(family, given))
    assert record.display_name == display
    [stored] = rows(database, "SELECT display_name, sort_name FROM contact")
    assert stored == {"display_name": display, "sort_name": sort}


@pytest.mark.parametrize(("typed", "stored"), [
    ("138 0013 8000", "+8613800138000"),
    ("+86 138-0013-8000", "+8613800138000"),
    ("010 8888 6666", "+861088886666"),
    ("020-8888-6666转12", "+862088886666;ext=12"),
    ("+1 (415) 555-2671", "+14155552671"),
    ("＋８６ １３８ ００１３ ８０００", "+8613800138000"),
])
def test_phones_are_stored_in_e164(services: Services, typed: str, stored: str) -> None:
    record = services.contacts.save(contact_draft(phones=[typed]))
    assert [p.value for p in record.draft.phones] == [stored]


@pytest.mark.parametrize(("typed", "stored"), [
    ("Zhang.San@Example.COM", "zhang.san@example.com"),
    ("  zs@example.com  ", "zs@example.com"),
    ("ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", "wang@example.com"),  # full-width IME input
])
def test_emails_are_stored_lower_case(services: Services, typed: str, stored: str) -> None:
    record = services.contacts.save(contact_draft(emails=[typed]))
    assert [p.value for p in record.draft.emails] == [stored]


@pytest.mark.parametrize(("emails", "phones", "primary_email", "primary_phone"), [
    ([], [], "", ""),
    (["a@example.com", "b@example.com"], ["13800138000"], "a@example.com",
     "+8613800138000"),
    ([ContactPoint("a@example.com"), ContactPoint("B@example.com", "home", True)],
     [ContactPoint("13800138000", "work"), ContactPoint("13900001111", "mobile", True)],
     "b@example.com", "+8613900001111"),
    (["a@example.com", "A@Example.com"], [], "a@example.com", ""),  # one after normalising
], ids=["none", "first-is-primary", "marked-primary", "duplicates-merged"])
def test_primary_email_and_phone(services: Services, database: Database, emails: list,
                                 phones: list, primary_email: str,
                                 primary_phone: str) -> None:
    record = services.contacts.save(contact_draft(emails=emails, phones=phones))
    [stored] = rows(database, "SELECT primary_email, primary_phone FROM contact")
    assert stored == {"primary_email": primary_email, "primary_phone": primary_phone}
    assert sum(p.primary for p in record.draft.emails) == (1 if emails else 0)


@pytest.mark.parametrize(("draft", "field"), [
    (ContactDraft(), "family_name"),
    (contact_draft(emails=["not-an-email"]), "emails[0]"),
    (contact_draft(emails=["ok@example.com", "bad@"]), "emails[1]"),
    (contact_draft(phones=["12"]), "phones[0]"),
    (contact_draft(title="x" * 201), "title"),
], ids=["no-name", "email", "second-email", "phone", "too-long"])
def test_an_invalid_draft_is_refused_and_leaves_nothing(services: Services,
                                                        database: Database,
                                                        draft: ContactDraft,
                                                        field: str) -> None:
    with pytest.raises(ValidationErrors) as caught:
        services.contacts.save(draft)
    assert field in caught.value.by_field()
    for table in ("contact", "change_log", "contact_point"):
        assert count(database, table) == 0


def test_a_contact_links_to_its_account(services: Services) -> None:
    acme = services.accounts.save(account_draft("Acme Inc"))
    other = services.accounts.save(account_draft("Other Ltd"))
    john = services.contacts.save(contact_draft("Smith", "John", account_id=acme.id))
    services.contacts.save(contact_draft("Lee", "Anna", account_id=other.id))
    services.contacts.save(contact_draft("Doe", "Jane"))
    assert john.account_name == "Acme Inc"
    assert services.contacts.get(john.id).draft.account_id == acme.id
    query = ListQuery("contact", filters=(("account_id", acme.id),))
    assert services.lists.count(query) == 1
    assert [row.id for row in services.lists.page(query)] == [john.id]


@pytest.mark.parametrize("account", ["unknown", "deleted"])
def test_linking_to_a_missing_account_is_a_validation_error(services: Services,
                                                            database: Database,
                                                            account: str) -> None:
    account_id = "no-such-account"
    if account == "deleted":
        account_id = services.accounts.save(account_draft("Gone Inc")).id
        services.accounts.delete(account_id)
    logged = count(database, "change_log")
    with pytest.raises(ValidationErrors) as caught:
        services.contacts.save(contact_draft(account_id=account_id))
    assert list(caught.value.by_field()) == ["account_id"]
    assert count(database, "contact") == 0
    assert count(database, "change_log") == logged


def test_a_contact_of_a_deleted_account_can_still_be_edited(services: Services) -> None:
    """The link survives the account's delete (it can be undone), so edits must not fail."""
    acme = services.accounts.save(account_draft("Acme Inc"))
    john = services.contacts.save(contact_draft("Smith", "John", account_id=acme.id))
    services.accounts.delete(acme.id)
    edited = services.contacts.save(contact_draft("Smith", "Johnny", account_id=acme.id),
                                    john.id, john.version)
    assert edited.draft.given_name == "Johnny"
    assert edited.draft.account_id == acme.id


def test_an_empty_account_choice_means_no_account(services: Services) -> None:
    record = services.contacts.save(contact_draft(account_id="  "))
    assert record.draft.account_id is None
    assert record.account_name == ""


def test_an_edit_over_a_stale_version_raises_and_changes_nothing(services: Services,
                                                                 database: Database) -> None:
    record = services.contacts.save(contact_draft())
    mine = services.contacts.get(record.id).draft
    theirs = services.contacts.get(record.id).draft
    theirs.title = "经理"
    services.contacts.save(theirs, record.id, expected_version=1)
    mine.title = "总监"
    with pytest.raises(StaleRecord):
        services.contacts.save(mine, record.id, expected_version=1)
    current = services.contacts.get(record.id)
    assert (current.version, current.draft.title) == (2, "经理")
    assert len(change_log(database, record.id)) == 2


# -- duplicates ---------------------------------------------------------------------------

@pytest.fixture
def zhang(services: Services) -> str:
    return services.contacts.save(contact_draft(
        "张", "三", emails=["zhang@example.com"], phones=["138 0013 8000"])).id


@pytest.mark.parametrize(("emails", "phones", "matched_on"), [
    (["zhang@example.com"], [], "zhang@example.com"),
    ([], ["+8613800138000"], "+8613800138000"),
    (["other@example.com"], ["+8613800138000"], "+8613800138000"),
    (["zhang@example.com"], ["+8613800138000"], "zhang@example.com"),  # reported once
])
def test_find_duplicates_by_email_or_phone(services: Services, zhang: str, emails: list,
                                           phones: list, matched_on: str) -> None:
    hints = services.contacts.find_duplicates(emails, phones)
    assert [(h.record_id, h.display_name, h.matched_on) for h in hints] == \
        [(zhang, "张三", matched_on)]


@pytest.mark.parametrize(("emails", "phones"), [
    ([], []),
    (["", ""], [""]),
    (["nobody@example.com"], ["+8613900001111"]),
    (["+8613800138000"], ["zhang@example.com"]),  # kinds are not mixed up
])
def test_find_duplicates_finds_nothing_for_unused_values(services: Services, zhang: str,
                                                         emails: list, phones: list) -> None:
    assert services.contacts.find_duplicates(emails, phones) == []


def test_find_duplicates_excludes_the_contact_being_edited(services: Services,
                                                           zhang: str) -> None:
    twin = services.contacts.save(contact_draft("张", "叁", emails=["zhang@example.com"])).id
    hints = services.contacts.find_duplicates(["zhang@example.com"], [], exclude_id=zhang)
    assert [h.record_id for h in hints] == [twin]


def test_find_duplicates_ignores_deleted_contacts(services: Services, zhang: str) -> None:
    services.contacts.delete(zhang)
    assert services.contacts.find_duplicates(["zhang@example.com"], ["+8613800138000"]) == []
    services.contacts.restore(zhang)
    assert [h.record_id for h in services.contacts.find_duplicates(
        ["zhang@example.com"], [])] == [zhang]


def test_find_duplicates_forgets_values_the_contact_no_longer_has(services: Services,
                                                                  zhang: str) -> None:
    draft = services.contacts.get(zhang).draft
    draft.emails = (ContactPoint("new@example.com"),)
    services.contacts.save(draft, zhang)
    assert services.contacts.find_duplicates(["zhang@example.com"], []) == []
    assert [h.record_id for h in services.contacts.find_duplicates(
        ["new@example.com"], [])] == [zhang]
