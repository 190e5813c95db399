import sqlite3
from collections.abc import Iterator

import pytest

from desk_crm.domain.phones import phone_search_tokens
from desk_crm.domain.search_text import index_text, match_query

RECORDS = {
    1: ["张三丰", "zhang.san@example.com", *phone_search_tokens("+8613800138000")],
    2: ["John Smith", "john.smith@acme.org", "Acme Corp"],
    3: ["Émile Zola", "Paris"],
    4: ["李四", "AND Partners", "广州市天河路3号楼"],
    5: ["张伟", 'O"Brien & Co', *phone_search_tokens("+862088886666")],
    6: ["すずき はなこ", "김철수"],
}


@pytest.fixture(scope="module")
def db() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE search USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
    )
    connection.executemany(
        "INSERT INTO search(rowid, body) VALUES (?, ?)",
        [(rowid, index_text(parts)) for rowid, parts in RECORDS.items()],
    )
    yield connection
    connection.close()


def _search(db: sqlite3.Connection, user_text: str) -> set[int]:
    query = match_query(user_text)
    assert query is not None
    rows = db.execute("SELECT rowid FROM search WHERE search MATCH ?", (query,)).fetchall()
    return {rowid for (rowid,) in rows}


@pytest.mark.parametrize(
    ("user_text", "expected"),
    [
        ("张", {1, 5}),
        ("三", {1}),
        ("丰", {1}),
        ("张三", {1}),
        ("三丰", {1}),
        ("张三丰", {1}),
        ("丰三", set()),
        ("张伟", {5}),
        ("张 伟", {5}),
        ("zhang", {1}),
        ("Zhan", {1}),
        ("john smi", {2}),
        ("SMITH", {2}),
        ("example.com", {1}),
        ("zhang.san@example.com", {1}),
        ("acme", {2}),
        ("13800", {1}),
        ("8613800138000", {1}),
        ("8000", {1}),
        ("0208888", {5}),
        ("6666", {5}),
        ("AND", {4}),
        ("and partners", {4}),
        ("NEAR(a b)", set()),
        ("NEAR", set()),
        ('O"Brien', {5}),
        ("Émile", {3}),
        ("emile", {3}),
        ("EMILE zol", {3}),
        ("张三 zhang", {1}),
        ("张 john", set()),
        ("天河路", {4}),
        ("3号楼", {4}),
        ("号楼", {4}),
        ("すずき", {6}),
        ("철수", {6}),
        ("body:zhang", set()),  # column filter syntax is searched as words, not obeyed
    ],
)
def test_match_query_finds_the_expected_records(
    db: sqlite3.Connection, user_text: str, expected: set[int]
) -> None:
    assert _search(db, user_text) == expected


@pytest.mark.parametrize(
    "user_text", ["", "   ", "\u3000", '"', "(", ")", "***", "-", "^", '""*()']
)
def test_match_query_returns_none_when_nothing_is_searchable(user_text: str) -> None:
    assert match_query(user_text) is None


@pytest.mark.parametrize(
    ("user_text", "expected"),
    [
        ("张", '"张"'),
        ("张三", '"张三"'),
        ("张三丰", '"张三" AND "三丰"'),
        ("zhang.san@x", '"zhang"* AND "san"* AND "x"*'),
        ("张三 abc", '"张三" AND "abc"*'),
        ("张三abc", '"张三" AND "abc"*'),
        ('AND OR NOT "x"', '"AND"* AND "OR"* AND "NOT"* AND "x"*'),
        ("NEAR(a b)", '"NEAR"* AND "a"* AND "b"*'),
        ("a a A", '"a"* AND "A"*'),  # repeated terms are dropped; FTS5 folds case itself
        ("Zhang*", '"Zhang"*'),
    ],
)
def test_match_query_quotes_every_token(user_text: str, expected: str) -> None:
    assert match_query(user_text) == expected


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([], ""),
        (["张三丰"], "张三丰 张 三 丰 张三 三丰"),
        (["张三"], "张三 张 三"),
        (["张"], "张"),
        (["John Smith"], "John Smith"),
        (["zhang.san@example.com"], "zhang.san@example.com"),
        (["张三", "John"], "张三 张 三 John"),
        (["李四 Li"], "李四 李 四 Li"),
        (["3号楼"], "3 号楼 号 楼"),
        (["阿沛·阿旺"], "阿沛 阿 沛 · 阿旺 阿 旺"),
        (["  spaced \n out  "], "spaced out"),
        (["e\u0301mile"], "\u00e9mile"),
    ],
)
def test_index_text_adds_characters_and_bigrams_for_cjk_runs(
    parts: list[str], expected: str
) -> None:
    assert index_text(parts) == expected


@pytest.mark.parametrize(
    ("user_text", "expected"),
    [
        ("138 0013 8000", {1}),
        ("138-0013", {1}),
        ("020 8888", {5}),
        ("(020) 8888-6666", {5}),
        ("+86 20 8888 6666", {5}),
        ("8000", {1}),
    ],
)
def test_a_phone_number_typed_in_groups_is_searched_as_one_number(
    db: sqlite3.Connection, user_text: str, expected: set[int]
) -> None:
    assert _search(db, user_text) == expected
