"""The one sanitiser for rich text shown in the app (notes, knowledge articles, imported
e-mail bodies): an allow-list of formatting tags, links only to http(s)/mailto, and nothing
that runs (script, event handlers) or loads anything (img, iframe, style/url(), objects).

Qt's rich-text widgets do not run scripts, but QTextBrowser/QTextDocument do fetch images
and style sheets: a remote <img> in a note would tell a sender when and where it was read."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

ALLOWED_TAGS = frozenset({
    "p", "br", "b", "strong", "i", "em", "u", "s", "strike", "sub", "sup", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "a", "span", "div",
    "table", "thead", "tbody", "tr", "th", "td", "hr",
})
VOID_TAGS = frozenset({"br", "hr"})
# Their content is dropped too, not only the tags: script text shown as text is noise.
DROP_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "noscript",
                               "template", "svg", "math", "head", "title", "textarea",
                               "select", "frameset", "frame", "applet"})
SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _safe_href(value: str) -> str | None:
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    compact = "".join(ch for ch in value if ch > " ").lower()
    if compact.startswith(SAFE_SCHEMES):
        return value.strip()
    return None


class _Sanitiser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROP_WITH_CONTENT:
            self.dropping += 1
            return
        if self.dropping or tag not in ALLOWED_TAGS:
            return
        kept = ""
        if tag == "a":
            href = next((_safe_href(v or "") for k, v in attrs if k == "href"), None)
            if href:
                kept = f' href="{escape(href, quote=True)}" rel="noopener noreferrer"'
        if tag in VOID_TAGS:
            self.out.append(f"<{tag}>")
            return
        self.out.append(f"<{tag}{kept}>")
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS and not self.dropping:
            self.out.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP_WITH_CONTENT:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping or tag not in self.open:
            return
        while self.open:  # close whatever was left open inside it
            last = self.open.pop()
            self.out.append(f"</{last}>")
            if last == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(escape(data, quote=False))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def sanitize_html(html: str) -> str:
    """Safe HTML for QTextBrowser / QLabel rich text; unknown markup keeps only its text."""
    parser = _Sanitiser()
    parser.feed(html or "")
    return parser.result()


def plain_to_html(text: str) -> str:
    """Plain text (a note typed without formatting) as safe HTML paragraphs."""
    return "".join(f"<p>{escape(line, quote=False)}</p>" for line in (text or "").split("\n"))
