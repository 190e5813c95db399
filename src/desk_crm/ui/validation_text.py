"""Validation messages from domain/ and services/ in the user's language.

The domain marks its message templates with QT_TRANSLATE_NOOP("Validation", …) and raises
them with ``{name}`` parameters; here the template is translated and then filled in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desk_crm.domain.errors import ValidationError, ValidationErrors

# Parameters that carry a code word (a status) rather than the user's own text: shown
# translated from the "ValidationWord" context. User values ({value}) are never translated.
WORD_PARAMS = frozenset({"status", "reason"})


def _shown(name: str, value: object) -> object:
    if name in WORD_PARAMS and isinstance(value, str):
        return QCoreApplication.translate("ValidationWord", value)
    return value


def message(error: ValidationError) -> str:
    template = QCoreApplication.translate("Validation", error.template)
    try:
        return template.format(**{name: _shown(name, value)
                                  for name, value in error.params.items()})
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
        return error.message


def messages_by_field(problems: ValidationErrors | ValidationError) -> dict[str, str]:
    """First translated message per field, as a form shows one message per input."""
    errors = problems.errors if isinstance(problems, ValidationErrors) else [problems]
    by_field: dict[str, str] = {}
    for error in errors:
        by_field.setdefault(error.field, message(error))
    return by_field


def all_messages(problems: ValidationErrors | ValidationError) -> str:
    """Every message, translated, one per line: what ``str(problems)`` gives in English."""
    errors = problems.errors if isinstance(problems, ValidationErrors) else [problems]
    return "\n".join(message(error) for error in errors)
