"""Global search over every SEARCH_INDEXES entity: Chinese substrings of one and two
characters, email fragments, phone digits; deleted rows left out; edits seen at once."""

from __future__ import annotations

from desk_crm.services.bundle import Services
from desk_crm.store.derived import SEARCH_INDEXES
from helpers.drafts import account_draft, contact_draft


def found(services: Services, text: str) -> set[tuple[str, str]]:
    return {(hit.entity, hit.title) for hit in services.search.search(text)}


def test_one_and_two_chinese_characters_find_a_substring(services: Services) -> None:
    services.contacts.save(contact_draft("欧阳", "子涵"))
    services.accounts.save(account_draft("上海华为技术有限公司"))
    assert ("contact", "欧阳子涵") in found(services, "涵")
    assert ("contact", "欧阳子涵") in found(services, "阳子")
    assert ("account", "上海华为技术有限公司") in found(services, "华为")
    assert ("account", "上海华为技术有限公司") in found(services, "技")
    assert found(services, "华子") == set()


def test_email_fragments_and_phone_digits_match(services: Services) -> None:
    services.contacts.save(contact_draft("Lee", "Anna", emails=["anna.lee@northwind.example"],
                                         phones=["138 0013 8000"]))
    for text in ("northwind", "anna.lee", "138 0013", "13800138000", "1380013"):
        assert ("contact", "Anna Lee") in found(services, text), text
    assert found(services, "northwood") == set()


def test_results_come_grouped_in_index_order_and_limited(services: Services) -> None:
    for n in range(7):
        services.contacts.save(contact_draft("Garcia", f"N{n}"))
    services.accounts.save(account_draft("Garcia Foods"))
    hits = services.search.search("garcia", per_entity=5)
    entities = [hit.entity for hit in hits]
    assert entities == ["contact"] * 5 + ["account"]
    assert list(SEARCH_INDEXES).index("contact") < list(SEARCH_INDEXES).index("account")


def test_deleted_records_are_left_out_and_restored_ones_come_back(services: Services) -> None:
    record = services.contacts.save(contact_draft("周", "杰"))
    services.contacts.delete(record.id)
    assert found(services, "杰") == set()
    services.contacts.restore(record.id)
    assert found(services, "杰") == {("contact", "周杰")}


def test_an_edit_is_searchable_at_once(services: Services) -> None:
    record = services.contacts.save(contact_draft("Novak", "Petra"))
    services.contacts.save(contact_draft("Novak", "Jana"), record.id, record.version)
    assert found(services, "jana") == {("contact", "Jana Novak")}
    assert found(services, "petra") == set()


def test_punctuation_only_finds_nothing(services: Services) -> None:
    services.contacts.save(contact_draft("王", "伟"))
    assert services.search.search("  ** ") == []
