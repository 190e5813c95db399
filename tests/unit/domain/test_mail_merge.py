"""Merge fields: values filled in, HTML escaped in the rich text, unknown fields refused."""

from __future__ import annotations

import pytest

from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.mail_merge import check_template, fields_used, render

VALUES = {"contact.given_name": "Anna <b>", "account.name": "Müller & Söhne",
          "contact.family_name": "张"}


def test_fields_are_replaced_in_plain_text_as_they_are() -> None:
    assert render("Hi {contact.given_name}, {account.name}", VALUES) == \
        "Hi Anna <b>, Müller & Söhne"


def test_values_are_html_escaped_in_rich_text() -> None:
    out = render("<p>Hi {contact.given_name} of {account.name}</p>", VALUES, as_html=True)
    assert out == "<p>Hi Anna &lt;b&gt; of Müller &amp; Söhne</p>"


def test_chinese_values_and_missing_values() -> None:
    assert render("{contact.family_name}先生 {contact.title}", VALUES) == "张先生 "


def test_css_braces_and_doubled_braces_stay() -> None:
    css = "p, li { white-space: pre-wrap; } {{contact.given_name}}"
    assert render(css, VALUES) == "p, li { white-space: pre-wrap; } {contact.given_name}"


def test_an_unknown_field_is_a_validation_error_naming_it() -> None:
    with pytest.raises(ValidationErrors) as caught:
        check_template({"subject": "Hello {contact.nickname}", "text_body": "{account.name}"})
    assert caught.value.by_field() == {"subject": "Unknown merge field “{contact.nickname}”"}
    with pytest.raises(ValidationErrors):
        render("{deal.amount}", VALUES)


def test_fields_used_in_order_once() -> None:
    assert fields_used("{a.b} {c.d} {a.b}") == ["a.b", "c.d"]
