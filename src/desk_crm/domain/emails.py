"""Email address validation and the canonical form used for storage and comparison."""

import re
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_crm.domain.text import to_halfwidth


def normalize_email(raw: str, field: str = "email") -> str:
    """Validated, fully lower-cased address; raises ValidationError for the given field.

    The whole address is lower-cased, not just the domain: RFC 5321 allows case-sensitive
    local parts, but no real mailbox relies on it and a CRM must treat Zhang@x and zhang@x
    as one person. Internationalised domains (例子.中国) are kept in Unicode.
    """
    # Chinese IMEs in full-width mode type ＠ and ．, which look right but never deliver.
    text = to_halfwidth(raw or "").strip()
    if not text:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "Email address is empty"))
    return _validated(text, field)


# email_validator explains in English only; its explanation is mapped onto a few reasons
# of our own, translated where shown ("ValidationWord"), so a Chinese window never shows
# "…地址：The part after the @-sign contains invalid characters".
_EMAIL_PROBLEMS = (
    ("must have an @", QT_TRANSLATE_NOOP("ValidationWord", "it has no @")),
    ("after the @", QT_TRANSLATE_NOOP("ValidationWord",
                                      "the part after the @ is not a valid domain")),
    ("domain", QT_TRANSLATE_NOOP("ValidationWord", "the part after the @ is not a valid domain")),
    ("before the @", QT_TRANSLATE_NOOP("ValidationWord",
                                       "the part before the @ has characters an address "
                                       "cannot have")),
    ("too long", QT_TRANSLATE_NOOP("ValidationWord", "it is too long")),
)


def email_problem(explanation: str) -> str:
    """Our reason (an English source text to translate) for email_validator's *explanation*."""
    lowered = explanation.lower()
    for clue, reason in _EMAIL_PROBLEMS:
        if clue in lowered:
            return reason
    return QT_TRANSLATE_NOOP("ValidationWord", "it is not written like name@example.com")


# An import normalises each address twice (its match key, then the row's validation) and
# email_validator is the costliest step of a row; refusals are not cached (they raise).
@lru_cache(maxsize=8192)
def _validated(text: str, field: str) -> str:
    local, at, domain = text.rpartition("@")
    if at and len(text) <= _MAX_LENGTH and text.isascii() and _PLAIN_LOCAL.match(local):
        # A plain local part is kept as it is by email_validator and the domain is checked
        # on its own: a domain seen before (most of a file shares a few) needs no new check.
        checked = _checked_domain(domain)
        if checked is not None and checked.isascii() and len(checked) == len(domain):
            return f"{local}@{checked}".lower()
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationError(field, QT_TRANSLATE_NOOP(
            "Validation", "“{value}” is not a valid email address: {reason}"),
            value=text, reason=email_problem(str(exc))) from exc
    return str(result.normalized.lower())


# A dot-atom of the commonest characters: a subset of what email_validator accepts and
# returns unchanged. Anything else (quotes, Unicode, display names) takes the full check.
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*\Z")
_MAX_LENGTH = 254  # RFC 5321, as email_validator checks it (ASCII: characters = bytes)


@lru_cache(maxsize=4096)
def _checked_domain(domain: str) -> str | None:
    """The domain as email_validator normalises it, None when it refuses it."""
    try:
        return str(validate_email("a@" + domain, check_deliverability=False).domain)
    except EmailNotValidError:
        return None
