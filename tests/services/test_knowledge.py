"""Knowledge-base search finds one Chinese character and English words."""

from __future__ import annotations

import pytest

from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.knowledge import ArticleDraft
from desk_crm.services.bundle import Services


def test_search_chinese_single_character_and_english(services: Services) -> None:
    kb = services.knowledge
    printer = kb.save(ArticleDraft(title="打印机卡纸怎么办", body="先关闭电源。",
                                   status="published"))
    vpn = kb.save(ArticleDraft(title="Reset the VPN password", body="Open **Settings**",
                               tags=("network",), status="published"))
    kb.save(ArticleDraft(title="打印草稿", body="draft only"))
    assert [a.id for a in kb.search("卡")] == [printer.id]
    assert [a.id for a in kb.search("纸")] == [printer.id]
    assert [a.id for a in kb.search("password")] == [vpn.id]
    assert [a.id for a in kb.search("network")] == [vpn.id]
    assert {a.id for a in kb.search("打印")} == {printer.id}  # the draft is not published
    assert len(kb.search("打印", published_only=False)) == 2
    assert kb.search("nothing-like-this") == []


def test_article_needs_a_title(services: Services) -> None:
    with pytest.raises(ValidationErrors):
        services.knowledge.save(ArticleDraft(title=" "))
