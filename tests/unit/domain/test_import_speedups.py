"""The shortcuts the import's speed relies on give what the long way gives."""

from __future__ import annotations

import random

import pytest
from pypinyin import lazy_pinyin

from desk_crm.domain import names, phones
from desk_crm.domain.emails import normalize_email
from desk_crm.domain.errors import ValidationError
from desk_crm.domain.search_text import index_text
from desk_crm.domain.text import clean_text, has_cjk

ALPHABET = [*"张三丰欧阳娜娜单于行长重庆银行 abc12-·かなカナ한국々〇，。、!\t",
            "\U00020001", "\u3400"]


def test_pinyin_run_by_run_equals_pypinyin_on_the_whole_text() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8)))
        whole = " ".join(lazy_pinyin(text)) if has_cjk(text) else text
        assert names._romanize.__wrapped__(text) == whole, text


@pytest.mark.parametrize("raw, region", [
    ("13800138000", "CN"), ("020-8888-6666转12", "CN"), ("650-253-0000 ext. 7", "US"),
    ("+39 06 6982 1234", "CN"), ("+7 495 123-45-67", "CN"), ("+44 20 7946 0018", "CN")])
def test_search_tokens_from_the_remembered_parse_equal_a_fresh_parse(raw: str,
                                                                     region: str) -> None:
    stored = phones.normalize_phone(raw, region)
    assert stored in phones._PARSED
    remembered = phones._search_tokens.__wrapped__(stored)
    assert stored not in phones._PARSED  # taken, so a later call parses afresh
    assert phones._search_tokens.__wrapped__(stored) == remembered


def test_a_cached_email_still_names_the_field_of_each_refusal() -> None:
    assert normalize_email("Ada@Example.ORG") == normalize_email("ada@example.org")
    for field in ("emails[0]", "email"):
        with pytest.raises(ValidationError) as caught:
            normalize_email("not-an-email", field)
        assert caught.value.field == field


@pytest.mark.parametrize("value", ["  Ada   Lovelace ", "a\tb", "ｆｕｌｌ", "e\u0301", "x\x00y",
                                   "张  三", "\u3000张三\u3000"])
def test_clean_text_fast_path_agrees_with_the_full_clean(value: str) -> None:
    import unicodedata

    full = " ".join(unicodedata.normalize("NFC", value.replace("\x00", "")).split())
    assert clean_text(value) == full


def test_index_text_skips_no_cjk_token() -> None:
    assert index_text(["张三丰", "zhang@example.com", "北京 City"]) == (
        "张三丰 张 三 丰 张三 三丰 zhang@example.com 北京 北 京 City")


def test_plain_addresses_on_a_known_domain_match_the_full_check() -> None:
    """The shortcut in emails._validated (plain local part, domain checked once) gives what
    email_validator gives, refusals included, for odd local parts, domains and lengths."""
    from email_validator import EmailNotValidError, validate_email

    from desk_crm.domain import emails

    def full(text: str) -> str:
        try:
            return str(validate_email(text, check_deliverability=False).normalized.lower())
        except EmailNotValidError:
            return "refused"

    def shortcut(text: str) -> str:
        try:
            return emails._validated.__wrapped__(text, "email")
        except ValidationError:
            return "refused"

    rng = random.Random(3)
    characters = [*"abcXYZ019._%+-", "..", "@", '"', "é", "张", " ", "!", "~"]
    domains = ["example.com", "Example.COM", "x.test", "localhost", "a.local", "xn--fsq.com",
               "例子.中国", "123.456", "a-.com", "a_b.com", "qq.com", "x." * 130 + "com",
               "example..com", "e.x", "a" * 64 + ".com", "a" * 63 + ".com",
               ".".join(["b" * 63] * 3) + ".com"]
    for _ in range(3000):
        local = "".join(rng.choice(characters) for _ in range(rng.choice([1, 5, 30, 64, 70])))
        text = f"{local}@{rng.choice(domains)}"
        assert shortcut(text) == full(text), text
