"""Exceptions that carry a field name, so forms can put a message next to the right input."""

from collections.abc import Iterable


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a message for Qt's translation tool without importing Qt; the UI translates it."""
    return text


class ValidationError(ValueError):
    """One problem with one field; ``str()`` is the (English) user-facing message.

    *message* is a template with ``{name}`` placeholders filled from *params*; the UI
    translates the template (context "Validation") and fills in the same params.
    """

    def __init__(self, field: str, message: str, **params: object) -> None:
        # Both go into args so the exception survives pickling (e.g. across worker threads).
        super().__init__(field, message)
        self.field = field
        self.template = message
        self.params = params
        self.message = message.format(**params) if params else message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"ValidationError({self.field!r}, {self.message!r})"


class ValidationErrors(ValueError):
    """Every problem found in one record, so the user can fix them all in one go."""

    def __init__(self, errors: Iterable[ValidationError]) -> None:
        self.errors: list[ValidationError] = list(errors)
        super().__init__(self.errors)

    def by_field(self) -> dict[str, str]:
        """First message per field: a form shows one message per input."""
        messages: dict[str, str] = {}
        for error in self.errors:
            messages.setdefault(error.field, error.message)
        return messages

    def __str__(self) -> str:
        return "\n".join(error.message for error in self.errors)

    def __repr__(self) -> str:
        return f"ValidationErrors({self.errors!r})"
