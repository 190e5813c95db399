"""Merge fields in e-mail templates: ``{contact.given_name}``, ``{account.name}`` …

Decisions:
- Only the fields in ``MERGE_FIELDS`` exist; a template naming any other is refused with the
  field named, before anything is queued (a typo must not reach a thousand inboxes).
- In the HTML body every value is HTML-escaped (a name "<b>" stays text); the plain-text
  body and the subject get the value as it is.
- Text in braces that is not ``{word.word}`` (CSS in QTextEdit's HTML, "{" in prose) is left
  alone; ``{{`` and ``}}`` stand for literal braces around a field-like text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors

# entity -> fields a template may use (the services fill in their values)
MERGE_FIELDS: dict[str, tuple[str, ...]] = {
    "contact": ("given_name", "family_name", "display_name", "title", "email", "city"),
    "account": ("name", "city", "industry"),
    "campaign": ("name",),
    "sender": ("name", "email"),
}
_FIELD = re.compile(r"(\{\{|\}\})|\{([a-z_]+)\.([a-z_]+)\}")

UNKNOWN_FIELD = QT_TRANSLATE_NOOP("Validation", "Unknown merge field “{value}”")


def all_fields() -> list[str]:
    return [f"{entity}.{name}" for entity, names in MERGE_FIELDS.items() for name in names]


def fields_used(template: str) -> list[str]:
    """The merge fields *template* names, in order of first use."""
    seen: dict[str, None] = {}
    for match in _FIELD.finditer(template):
        if match.group(2):
            seen.setdefault(f"{match.group(2)}.{match.group(3)}")
    return list(seen)


def check_template(parts: Mapping[str, str]) -> None:
    """Raise ValidationErrors naming each unknown field, keyed by the part it is in
    ("subject", "html_body", "text_body")."""
    errors = []
    for part, template in parts.items():
        for field in fields_used(template):
            entity, _dot, name = field.partition(".")
            if name not in MERGE_FIELDS.get(entity, ()):
                errors.append(ValidationError(part, UNKNOWN_FIELD, value="{" + field + "}"))
                break
    if errors:
        raise ValidationErrors(errors)


def render(template: str, values: Mapping[str, str], *, as_html: bool = False) -> str:
    """*template* with every field replaced by ``values["entity.field"]`` ("" when the
    recipient has none); escaped for HTML when *as_html*. Unknown fields raise."""
    check_template({"body": template})

    def replace(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1)[0]
        value = values.get(f"{match.group(2)}.{match.group(3)}", "") or ""
        return html.escape(value, quote=True) if as_html else value

    return _FIELD.sub(replace, template)
