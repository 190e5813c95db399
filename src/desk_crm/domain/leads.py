"""A lead as the editor fills it in, its validation, and what a conversion makes of it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from desk_crm.domain.emails import normalize_email
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.phones import normalize_phone
from desk_crm.domain.text import clean_multiline, clean_text

# Stored codes; the UI translates their titles.
LEAD_SOURCES = ("website", "referral", "event", "partner", "cold_call", "advertisement",
                "social", "other")
LEAD_STATUSES = ("new", "contacted", "qualified", "unqualified", "converted")
# "converted" is set by the conversion only, never typed.
EDITABLE_STATUSES = LEAD_STATUSES[:-1]
MAX_LINE = 200
MAX_NOTES = 20_000


@dataclass(frozen=True)
class LeadDraft:
    family_name: str = ""
    given_name: str = ""
    company: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    source: str = ""
    status: str = "new"
    company_size: int | None = None  # employees
    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    owner_id: str | None = None
    notes: str = ""
    campaign_id: str | None = None  # the source campaign


def validate_lead(draft: LeadDraft, default_region: str = "CN",
                  allow_converted: bool = False) -> LeadDraft:
    """A cleaned draft (email lower-cased, phone E.164) or ValidationErrors by field."""
    errors: list[ValidationError] = []
    lines: dict[str, Any] = {}  # str values, spread into replace() by field name
    for field in ("family_name", "given_name", "company", "title", "street", "city",
                  "region", "postal_code", "country"):
        value = clean_text(getattr(draft, field))
        if len(value) > MAX_LINE:
            errors.append(ValidationError(field, QT_TRANSLATE_NOOP(
                "Validation", "At most {limit} characters"), limit=MAX_LINE))
        lines[field] = value
    if not lines["family_name"] and not lines["given_name"]:
        errors.append(ValidationError("family_name", QT_TRANSLATE_NOOP(
            "Validation", "Enter a family or given name")))
    email = phone = ""
    if clean_text(draft.email):
        try:
            email = normalize_email(draft.email)
        except ValidationError as problem:
            errors.append(problem)
    if clean_text(draft.phone):
        try:
            phone = normalize_phone(draft.phone, default_region)
        except ValidationError as problem:
            errors.append(problem)
    if draft.source and draft.source not in LEAD_SOURCES:
        errors.append(ValidationError("source", QT_TRANSLATE_NOOP(
            "Validation", "Unknown source “{value}”"), value=draft.source))
    allowed = LEAD_STATUSES if allow_converted else EDITABLE_STATUSES
    if draft.status == "converted" and draft.status not in allowed:
        errors.append(ValidationError("status", QT_TRANSLATE_NOOP(
            "Validation", "Leads become “converted” by converting them")))
    elif draft.status not in allowed:
        errors.append(ValidationError("status", QT_TRANSLATE_NOOP(
            "Validation", "Unknown status “{value}”"), value=draft.status))
    if draft.company_size is not None and draft.company_size < 0:
        errors.append(ValidationError("company_size", QT_TRANSLATE_NOOP(
            "Validation", "Company size cannot be negative")))
    notes = clean_multiline(draft.notes)
    if len(notes) > MAX_NOTES:
        errors.append(ValidationError("notes", QT_TRANSLATE_NOOP(
            "Validation", "Notes are too long (at most {limit} characters)"), limit=MAX_NOTES))
    if errors:
        raise ValidationErrors(errors)
    return replace(draft, **lines, email=email, phone=phone, notes=notes,
                   owner_id=(draft.owner_id or "").strip() or None,
                   campaign_id=(draft.campaign_id or "").strip() or None)
