"""Inputs the fuzzer found, kept as plain tests."""

from __future__ import annotations

from desk_crm.services.bundle import Services
from helpers.drafts import contact_draft


def test_lone_surrogates_and_nul_are_dropped_not_crashing_the_save(services: Services) -> None:
    # bytes decoded with surrogateescape: b"\xe5\xbc" -> "\udce5\udcbc" (fuzz: contact save)
    record = services.contacts.save(contact_draft("张\udce5\udcbc", "三\x00", notes="a\udc89b"))
    assert record.display_name == "张三"
    assert record.draft.notes == "ab"
