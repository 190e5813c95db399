import pytest

from desk_crm.domain.text import clean_multiline, clean_text, has_cjk, is_cjk_char, to_halfwidth


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张三", True),
        ("John 张", True),
        ("㐀", True),  # Extension A
        ("𠀀", True),  # Extension B, outside the BMP
        ("豈", True),  # compatibility ideograph
        ("すずき", True),
        ("カタカナ", True),
        ("ｶﾀｶﾅ", True),  # half-width katakana
        ("김철수", True),
        ("〇", True),
        ("John Smith", False),
        ("Émile Zola", False),
        ("，。！", False),  # CJK punctuation is not a CJK letter
        ("１２３", False),  # full-width digits
        ("", False),
    ],
)
def test_has_cjk_detects_han_kana_and_hangul(text: str, expected: bool) -> None:
    assert has_cjk(text) is expected


@pytest.mark.parametrize(("char", "expected"), [("张", True), ("あ", True), ("a", False)])
def test_is_cjk_char_classifies_one_character(char: str, expected: bool) -> None:
    assert is_cjk_char(char) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", "zhang@example.com"),
        ("例子。中国", "例子.中国"),
        ("１３８", "138"),
        ("张三", "张三"),
    ],
)
def test_to_halfwidth_maps_full_width_ascii_typed_by_chinese_imes(text: str, expected: str) -> None:
    assert to_halfwidth(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        ("  John   Smith  ", "John Smith"),
        ("张\u3000三", "张 三"),  # ideographic (full-width) space
        ("a\tb\nc\u00a0d", "a b c d"),
        ("e\u0301mile", "émile"),  # NFC composes the accent
    ],
)
def test_clean_text_trims_collapses_whitespace_and_composes(
    value: str | None, expected: str
) -> None:
    assert clean_text(value) == expected


def test_clean_text_composes_to_the_precomposed_code_point() -> None:
    assert clean_text("e\u0301") == "\u00e9"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("", ""),
        ("\n\n  \n", ""),
        ("line 1  \r\nline 2\t\r\n", "line 1\nline 2"),
        ("old mac\rline", "old mac\nline"),
        ("\n\n  indented\n\n\nkept gap\n\n", "  indented\n\n\nkept gap"),
        ("第一行\u3000\n第二行", "第一行\n第二行"),
        ("e\u0301", "\u00e9"),
    ],
)
def test_clean_multiline_normalises_line_ends_and_trims_blank_edges(
    value: str | None, expected: str
) -> None:
    assert clean_multiline(value) == expected
