from collections.abc import Iterable

import pytest

from desk_crm.domain.tags import format_tags, normalize_tags


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ()),
        (" , ;， ", ()),
        ("vip", ("vip",)),
        ("b, a, c", ("a", "b", "c")),
        ("VIP，北京、合作伙伴；key account", ("key account", "VIP", "北京", "合作伙伴")),
        ("one;two\nthree\r\nfour", ("four", "one", "three", "two")),
        ("  Key   Account , vip ", ("Key Account", "vip")),
        ("VIP, vip, Vip", ("VIP",)),  # first spelling wins
        ("重点客户\u3000, 重点客户", ("重点客户",)),
        (["Beta", "alpha", "ALPHA"], ("alpha", "Beta")),
        (["a, b", "c；d"], ("a", "b", "c", "d")),
        ((), ()),
    ],
)
def test_normalize_tags_splits_cleans_dedupes_and_sorts(
    raw: str | Iterable[str], expected: tuple[str, ...]
) -> None:
    assert normalize_tags(raw) == expected


@pytest.mark.parametrize(
    ("tags", "expected"),
    [((), ""), (("vip",), "vip"), (("a", "b", "c"), "a, b, c"), (("北京", "VIP"), "北京, VIP")],
)
def test_format_tags_joins_with_comma_and_space(tags: tuple[str, ...], expected: str) -> None:
    assert format_tags(tags) == expected


@pytest.mark.parametrize("tags", [("Key Account", "vip"), ("北京", "合作伙伴"), ()])
def test_formatted_tags_read_back_unchanged(tags: tuple[str, ...]) -> None:
    assert normalize_tags(format_tags(tags)) == tags
