"""Property tests with hypothesis (when installed) over the text readers: any Unicode text
gives a result or a ValidationError, and the safety helpers keep their promise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from desk_crm.domain.emails import normalize_email  # noqa: E402
from desk_crm.domain.errors import ValidationError  # noqa: E402
from desk_crm.domain.file_names import safe_file_name  # noqa: E402
from desk_crm.domain.money import parse_amount  # noqa: E402
from desk_crm.domain.phones import normalize_phone  # noqa: E402
from desk_crm.domain.rich_text import sanitize_html  # noqa: E402
from desk_crm.domain.spreadsheet_safety import TRIGGERS, escape_cell  # noqa: E402

FAST = settings(max_examples=300, deadline=None)
ANY_TEXT = st.text(st.characters(codec=None), max_size=200)


@FAST
@given(ANY_TEXT)
def test_parsers_answer_or_reject_clearly(text: str) -> None:
    for parse in (normalize_phone, normalize_email, parse_amount):
        try:
            parse(text)
        except ValidationError as error:
            assert str(error)


@FAST
@given(ANY_TEXT)
def test_file_names_are_one_clean_component(text: str) -> None:
    try:
        name = safe_file_name(text)
    except ValidationError:
        return
    assert "/" not in name and "\\" not in name and name not in ("", ".", "..")
    assert Path(name).name == name
    name.encode("utf-8")  # storable


@FAST
@given(ANY_TEXT)
def test_escaped_cells_never_start_a_formula(text: str) -> None:
    cell = escape_cell(text)
    if cell.startswith(TRIGGERS):  # only a plain number may start with + or -
        assert re.fullmatch(r"[+-]?\d+(\.\d+)?([eE][+-]?\d+)?", cell), cell


@FAST
@given(st.lists(st.sampled_from(["<script>", "</script>", "<img src=http://x>", "<a href=",
                                 "javascript:", "'", '"', ">", "<p>", "</p>", "<style>",
                                 "url(", "on", "click=", "<svg>", "text", "&#x3c;"]),
                max_size=30))
def test_sanitised_html_has_no_active_parts(pieces: list[str]) -> None:
    clean = sanitize_html("".join(pieces))
    # Every tag left is a bare allowed tag or a link with a checked href; "<" in text is
    # escaped, so whatever else the text says cannot become markup.
    for tag in re.findall(r"<[^>]*>", clean):
        assert re.fullmatch(r'</?[a-z0-9]+>|<a href="(https?://|mailto:)[^"]*" '
                            r'rel="noopener noreferrer">', tag), tag
