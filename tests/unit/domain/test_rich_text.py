"""Rich text shown in the app cannot run script nor load remote resources."""

from __future__ import annotations

import pytest

from desk_crm.domain.rich_text import plain_to_html, sanitize_html


def test_formatting_and_safe_links_are_kept() -> None:
    html = '<p>Hi <b>张三</b>, see <a href="https://example.com/x?a=1&b=2">this</a></p>'
    assert sanitize_html(html) == ('<p>Hi <b>张三</b>, see <a href="https://example.com/x?a=1'
                                   '&amp;b=2" rel="noopener noreferrer">this</a></p>')


@pytest.mark.parametrize("html", [
    "<script>alert(1)</script>", "<img src=https://t.example/p.gif>",
    "<img src=x onerror=alert(1)>", "<iframe src=https://evil.example></iframe>",
    "<style>body{background:url(https://t.example/p)}</style>",
    "<object data=x></object>", "<svg><script>alert(1)</script></svg>",
    "<link rel=stylesheet href=https://t.example/s.css>",
])
def test_active_or_remote_content_disappears(html: str) -> None:
    clean = sanitize_html(html)
    for needle in ("script", "alert", "src", "http", "url(", "<img", "<iframe", "onerror"):
        assert needle not in clean.lower()


@pytest.mark.parametrize("href", ["javascript:alert(1)", "JaVa\tScRiPt:alert(1)",
                                  " javascript:alert(1)", "data:text/html,<script>",
                                  "vbscript:x", "file:///etc/passwd"])
def test_dangerous_link_targets_are_dropped(href: str) -> None:
    clean = sanitize_html(f'<a href="{href}">x</a>')
    assert clean == "<a>x</a>"


def test_attributes_and_events_are_stripped_and_text_escaped() -> None:
    clean = sanitize_html('<p style="background:url(http://x)" onclick="evil()">a &lt; b'
                          '</p><marquee>old</marquee>')
    assert clean == "<p>a &lt; b</p>old"


def test_unclosed_tags_are_closed() -> None:
    assert sanitize_html("<ul><li>one<li>two") == "<ul><li>one<li>two</li></li></ul>"


def test_plain_text_becomes_escaped_paragraphs() -> None:
    assert plain_to_html("a<b>\n张三") == "<p>a&lt;b&gt;</p><p>张三</p>"
