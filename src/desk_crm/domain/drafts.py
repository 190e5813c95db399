"""Editable account and contact records as the UI fills them in, and their validation.

validate_* return a new, normalised draft or raise ValidationErrors listing every
problem at once, keyed by the draft's field names so forms can mark each input.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

from desk_crm.domain.contact_points import ContactPoint, normalize_points
from desk_crm.domain.emails import normalize_email
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.phones import normalize_phone
from desk_crm.domain.tags import normalize_tags
from desk_crm.domain.text import clean_multiline, clean_text, has_cjk

MAX_NAME_LENGTH = 200
MAX_LINE_LENGTH = 200
MAX_NOTES_LENGTH = 20_000

_BAD_WEBSITE = QT_TRANSLATE_NOOP("Validation", "“{value}” is not a valid website address")
_ADDRESS_FIELDS = ("street", "city", "region", "postal_code", "country")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


@dataclass
class AccountDraft:
    name: str = ""
    industry: str = ""
    website: str = ""
    phone: str = ""
    email: str = ""
    street: str = ""
    city: str = ""
    region: str = ""  # province / state
    postal_code: str = ""
    country: str = ""  # free text or ISO code, as typed
    tags: tuple[str, ...] = ()
    owner_id: str | None = None
    notes: str = ""


@dataclass
class ContactDraft:
    family_name: str = ""
    given_name: str = ""
    title: str = ""
    department: str = ""
    account_id: str | None = None
    emails: tuple[ContactPoint, ...] = ()
    phones: tuple[ContactPoint, ...] = ()
    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    tags: tuple[str, ...] = ()
    owner_id: str | None = None
    notes: str = ""
    # Marketing mail is never sent when opted out or bounced (a bounce is a time, UTC).
    email_opt_out: bool = False
    email_bounced_at: datetime | None = None


def validate_account(draft: AccountDraft, default_region: str = "CN") -> AccountDraft:
    errors: list[ValidationError] = []
    line = _clean_lines(draft, ("name", "industry", "website", *_ADDRESS_FIELDS), errors)
    if not line["name"]:
        errors.append(ValidationError("name", QT_TRANSLATE_NOOP(
            "Validation", "Account name is required")))
    website = _optional(errors, line["website"], _normalize_website)
    phone = _optional(errors, draft.phone, lambda raw: normalize_phone(raw, default_region))
    email = _optional(errors, draft.email, normalize_email)
    notes = _clean_notes(draft.notes, errors)
    if errors:
        raise ValidationErrors(errors)
    return replace(
        draft,
        name=line["name"],
        industry=line["industry"],
        website=website,
        phone=phone,
        email=email,
        street=line["street"],
        city=line["city"],
        region=line["region"],
        postal_code=line["postal_code"],
        country=line["country"],
        tags=normalize_tags(draft.tags),
        owner_id=_clean_id(draft.owner_id),
        notes=notes,
    )


def validate_contact(draft: ContactDraft, default_region: str = "CN") -> ContactDraft:
    errors: list[ValidationError] = []
    fields = ("family_name", "given_name", "title", "department", *_ADDRESS_FIELDS)
    line = _clean_lines(draft, fields, errors)
    if not line["family_name"] and not line["given_name"]:
        errors.append(ValidationError("family_name", QT_TRANSLATE_NOOP(
            "Validation", "Enter a family or given name")))
    emails = _checked_points(errors, draft.emails, normalize_email, "emails")
    phones = _checked_points(
        errors, draft.phones, lambda raw: normalize_phone(raw, default_region), "phones"
    )
    notes = _clean_notes(draft.notes, errors)
    if errors:
        raise ValidationErrors(errors)
    return replace(
        draft,
        family_name=line["family_name"],
        given_name=line["given_name"],
        title=line["title"],
        department=line["department"],
        account_id=_clean_id(draft.account_id),
        emails=emails,
        phones=phones,
        street=line["street"],
        city=line["city"],
        region=line["region"],
        postal_code=line["postal_code"],
        country=line["country"],
        tags=normalize_tags(draft.tags),
        owner_id=_clean_id(draft.owner_id),
        notes=notes,
    )


def format_address(street: str, city: str, region: str, postal_code: str, country: str) -> str:
    """One-line address in the order its script expects.

    Chinese addresses run from largest to smallest without spaces (中国广东省广州市天河路385号);
    Western ones from smallest to largest (1 Main St, Springfield, IL 62701, USA).
    """
    street, city, region = clean_text(street), clean_text(city), clean_text(region)
    postal_code, country = clean_text(postal_code), clean_text(country)
    if any(has_cjk(part) for part in (street, city, region, postal_code, country)):
        text = ""
        for part in (country, region, city, street):
            # Municipalities are their own province (北京市 北京市): write them once.
            if part and not text.endswith(part):
                text += part
        return f"{text} {postal_code}".strip()
    region_line = " ".join(part for part in (region, postal_code) if part)
    return ", ".join(part for part in (street, city, region_line, country) if part)


def _clean_lines(
    draft: AccountDraft | ContactDraft, fields: tuple[str, ...], errors: list[ValidationError]
) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    for field in fields:
        value = clean_text(getattr(draft, field))
        limit = MAX_NAME_LENGTH if field == "name" else MAX_LINE_LENGTH
        if len(value) > limit:
            errors.append(
                ValidationError(field, QT_TRANSLATE_NOOP(
                    "Validation", "This is too long (at most {limit} characters)"),
                    limit=limit)
            )
        cleaned[field] = value
    return cleaned


def _clean_notes(notes: str, errors: list[ValidationError]) -> str:
    value = clean_multiline(notes)
    if len(value) > MAX_NOTES_LENGTH:
        errors.append(ValidationError("notes", QT_TRANSLATE_NOOP(
            "Validation", "Notes are too long (at most {limit} characters)"),
            limit=MAX_NOTES_LENGTH))
    return value


def _optional(errors: list[ValidationError], raw: str, normalize: Callable[[str], str]) -> str:
    """Normalise an optional field: blank is no value, a bad value is recorded in errors."""
    if not clean_text(raw):
        return ""
    try:
        return normalize(raw)
    except ValidationError as exc:
        errors.append(exc)
        return ""


def _clean_id(value: str | None) -> str | None:
    # Combo boxes hand over "" for "nobody"; storage wants NULL.
    return (value or "").strip() or None


def _checked_points(
    errors: list[ValidationError],
    points: tuple[ContactPoint, ...],
    normalizer: Callable[[str], str],
    field: str,
) -> tuple[ContactPoint, ...]:
    try:
        return normalize_points(points, normalizer, field)
    except ValidationErrors as exc:
        errors.extend(exc.errors)
        return ()


def _normalize_website(value: str) -> str:
    """https:// added when missing, host lower-cased; "" stays ""."""
    if not value:
        return ""
    if any(char.isspace() for char in value):
        raise ValidationError("website", QT_TRANSLATE_NOOP(
            "Validation", "A website address cannot contain spaces"))
    url = value if _SCHEME.match(value) else f"https://{value}"
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a non-numeric port
    except ValueError as exc:
        raise ValidationError("website", _BAD_WEBSITE, value=value) from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ValidationError("website", QT_TRANSLATE_NOOP(
            "Validation", "A website address must start with http:// or https://"))
    userinfo, at, hostport = parts.netloc.rpartition("@")
    host = parts.hostname or ""
    if "." not in host.strip("."):
        raise ValidationError("website", _BAD_WEBSITE, value=value)
    netloc = f"{userinfo}{at}{hostport.lower()}"
    return urlunsplit((scheme, netloc, parts.path, parts.query, parts.fragment))
