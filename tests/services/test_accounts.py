"""AccountService: create, edit, delete and restore companies."""

from __future__ import annotations

import pytest

from desk_crm.domain.drafts import AccountDraft
from desk_crm.domain.errors import ValidationErrors
from desk_crm.services.bundle import Services
from desk_crm.services.errors import RecordNotFound, StaleRecord
from desk_crm.store.database import Database
from desk_crm.store.repositories import ListQuery
from helpers.db import change_log, count, rows
from helpers.drafts import account_draft


def test_save_stores_the_normalised_draft(services: Services, database: Database) -> None:
    record = services.accounts.save(AccountDraft(
        name="  北京 科技  有限公司 ", website="Example.COM/about", phone="010 8888 6666",
        email=" Info@Example.COM ", tags=("vip", "VIP", "重点"), city=" 北京 "))
    assert record.version == 1
    assert record.draft.name == "北京 科技 有限公司"
    assert record.draft.website == "https://example.com/about"
    assert record.draft.phone == "+861088886666"
    assert record.draft.email == "info@example.com"
    assert record.draft.tags == ("vip", "重点")
    assert record.draft.city == "北京"
    assert services.accounts.get(record.id) == record
    [stored] = rows(database, "SELECT name, name_sort FROM account")
    assert stored == {"name": "北京 科技 有限公司", "name_sort": "bei jing ke ji you xian gong si"}


@pytest.mark.parametrize(("draft", "field"), [
    (AccountDraft(), "name"),
    (AccountDraft(name="   "), "name"),
    (AccountDraft(name="Acme", website="not a site"), "website"),
    (AccountDraft(name="Acme", phone="12"), "phone"),
    (AccountDraft(name="Acme", email="info@"), "email"),
    (AccountDraft(name="x" * 201), "name"),
], ids=["empty", "blank-name", "website", "phone", "email", "too-long"])
def test_an_invalid_draft_is_refused_and_leaves_nothing(services: Services,
                                                        database: Database,
                                                        draft: AccountDraft,
                                                        field: str) -> None:
    with pytest.raises(ValidationErrors) as caught:
        services.accounts.save(draft)
    assert field in caught.value.by_field()
    assert count(database, "account") == 0
    assert count(database, "change_log") == 0


def test_an_unknown_owner_is_a_validation_error(services: Services,
                                                database: Database) -> None:
    with pytest.raises(ValidationErrors) as caught:
        services.accounts.save(account_draft("Acme", owner_id="no-such-user"))
    assert list(caught.value.by_field()) == ["owner_id"]
    assert count(database, "account") == 0
    assert count(database, "change_log") == 0


def test_owner_name_comes_with_the_record(services: Services) -> None:
    owner = services.users.ensure("李娜")
    record = services.accounts.save(account_draft("Acme", owner_id=owner.id))
    assert record.owner_name == "李娜"
    assert services.accounts.get(record.id).draft.owner_id == owner.id


def test_an_edit_with_the_current_version_is_saved(services: Services) -> None:
    record = services.accounts.save(account_draft("Acme"))
    draft = record.draft
    draft.industry = "Retail"
    saved = services.accounts.save(draft, record.id, expected_version=record.version)
    assert saved.version == 2
    assert saved.created_at == record.created_at
    assert saved.updated_at > record.updated_at
    assert services.accounts.get(record.id).draft.industry == "Retail"


def test_an_edit_over_a_stale_version_raises_and_changes_nothing(services: Services,
                                                                 database: Database) -> None:
    record = services.accounts.save(account_draft("Acme"))
    first = record.draft
    first.industry = "Retail"
    services.accounts.save(first, record.id, expected_version=1)
    late = services.accounts.get(record.id).draft
    late.industry = "Banking"
    with pytest.raises(StaleRecord) as caught:
        services.accounts.save(late, record.id, expected_version=1)
    assert (caught.value.expected, caught.value.actual) == (1, 2)
    assert caught.value.record_id == record.id
    current = services.accounts.get(record.id)
    assert (current.version, current.draft.industry) == (2, "Retail")
    assert len(change_log(database, record.id)) == 2


def test_delete_hides_the_account_and_restore_shows_it_again(services: Services) -> None:
    record = services.accounts.save(account_draft("Acme"))
    services.accounts.delete(record.id)
    assert services.lists.count(ListQuery("account")) == 0
    with pytest.raises(RecordNotFound):
        services.accounts.get(record.id)
    with pytest.raises(RecordNotFound):
        services.accounts.save(account_draft("Acme 2"), record.id)
    services.accounts.restore(record.id)
    restored = services.accounts.get(record.id)
    assert restored.deleted is False
    assert restored.version == 3
    assert [row.id for row in services.lists.page(ListQuery("account"))] == [record.id]


@pytest.mark.parametrize("action", ["get", "delete", "restore"])
def test_an_unknown_id_is_record_not_found(services: Services, action: str) -> None:
    with pytest.raises(RecordNotFound) as caught:
        getattr(services.accounts, action)("no-such-id")
    assert caught.value.entity == "account"
