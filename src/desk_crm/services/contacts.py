"""Use cases for contacts (people)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_crm.domain.contact_points import (
    points_from_json,
    points_to_json,
    primary_value,
)
from desk_crm.domain.drafts import ContactDraft, validate_contact
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.names import display_name, sort_key
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.services.records import ContactRecord, DuplicateHint
from desk_crm.store.models import Account, Contact, ContactPointIndex, User


def contact_columns(clean: ContactDraft) -> dict[str, Any]:
    """Every stored column of a contact from its validated draft (the ORM save and the
    bulk import write the same values)."""
    return {
        "family_name": clean.family_name,
        "given_name": clean.given_name,
        "display_name": display_name(clean.family_name, clean.given_name),
        "sort_name": sort_key(clean.family_name, clean.given_name),
        "title": clean.title,
        "department": clean.department,
        "account_id": clean.account_id,
        "emails": points_to_json(clean.emails),
        "phones": points_to_json(clean.phones),
        "primary_email": primary_value(clean.emails),
        "primary_phone": primary_value(clean.phones),
        "street": clean.street,
        "city": clean.city,
        "region": clean.region,
        "postal_code": clean.postal_code,
        "country": clean.country,
        "tags": list(clean.tags),
        "owner_id": clean.owner_id,
        "notes": clean.notes,
    }


class ContactService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def save(self, draft: ContactDraft, contact_id: str | None = None,
             expected_version: int | None = None) -> ContactRecord:
        """Create (no *contact_id*) or update a contact; validation errors leave no trace."""
        clean = validate_contact(draft, self._context.default_region)
        with self._context.write() as session:
            contact = self.write_clean(session, clean, contact_id, expected_version)
            session.flush()
            return self._record(session, contact)

    def write_clean(self, session: Session, clean: ContactDraft,
                    contact_id: str | None = None,
                    expected_version: int | None = None) -> Contact:
        """Apply a validated draft inside the caller's transaction (import, merge)."""
        if contact_id is None:
            contact = Contact()
        else:
            contact = _common.load(session, Contact, contact_id)
            _common.check_version(contact, expected_version)
        # A link that is already stored stays valid while its account is deleted (the
        # delete can be undone); only a newly chosen account must exist.
        self._check_links(session, clean, keep_account=contact.account_id)
        if contact_id is None:
            session.add(contact)
        for name, value in contact_columns(clean).items():
            setattr(contact, name, value)
        # Only when it changes: a new contact's "not opted out" is the column default and
        # no news for its history.
        if bool(contact.email_opt_out) != bool(clean.email_opt_out):
            contact.email_opt_out = bool(clean.email_opt_out)
        if contact.email_bounced_at != clean.email_bounced_at:
            contact.email_bounced_at = clean.email_bounced_at
        return contact

    def delete(self, contact_id: str) -> None:
        with self._context.write() as session:
            _common.soft_delete(session, Contact, contact_id)

    def restore(self, contact_id: str) -> None:
        with self._context.write() as session:
            _common.restore(session, Contact, contact_id)

    def get(self, contact_id: str) -> ContactRecord:
        with self._context.read() as session:
            return self._record(session, _common.load(session, Contact, contact_id))

    def find_duplicates(self, emails: list[str], phones: list[str],
                        exclude_id: str | None = None) -> list[DuplicateHint]:
        """Live contacts that already use one of these (normalised) emails or phones."""
        wanted = [("email", e) for e in emails if e] + [("phone", p) for p in phones if p]
        if not wanted:
            return []
        hints: dict[str, DuplicateHint] = {}
        with self._context.read() as session:
            for kind, value in wanted:
                rows = session.execute(
                    select(Contact.id, Contact.display_name)
                    .join(ContactPointIndex, ContactPointIndex.contact_id == Contact.id)
                    .where(ContactPointIndex.kind == kind, ContactPointIndex.value == value,
                           Contact.deleted_at.is_(None))
                    .limit(20)
                ).all()
                for row in rows:
                    if row.id != exclude_id and row.id not in hints:
                        hints[row.id] = DuplicateHint(row.id, row.display_name, value)
        return list(hints.values())

    @staticmethod
    def _check_links(session: Session, draft: ContactDraft,
                     keep_account: str | None = None) -> None:
        problems = []
        if draft.account_id is not None and draft.account_id != keep_account:
            try:
                _common.load(session, Account, draft.account_id)
            except LookupError:
                problems.append(ValidationError("account_id", QT_TRANSLATE_NOOP(
                    "Validation", "That account no longer exists")))
        if draft.owner_id is not None:
            try:
                _common.load(session, User, draft.owner_id)
            except LookupError:
                problems.append(ValidationError("owner_id", _common.UNKNOWN_OWNER))
        if problems:
            raise ValidationErrors(problems)

    @staticmethod
    def _record(session: Session, contact: Contact) -> ContactRecord:
        draft = ContactDraft(
            family_name=contact.family_name, given_name=contact.given_name,
            title=contact.title, department=contact.department,
            account_id=contact.account_id,
            emails=points_from_json(contact.emails), phones=points_from_json(contact.phones),
            street=contact.street, city=contact.city, region=contact.region,
            postal_code=contact.postal_code, country=contact.country,
            tags=tuple(contact.tags or ()), owner_id=contact.owner_id, notes=contact.notes,
            email_opt_out=bool(contact.email_opt_out),
            email_bounced_at=contact.email_bounced_at,
        )
        account_name = ""
        if contact.account_id is not None:
            account_name = session.scalar(
                select(Account.name).where(Account.id == contact.account_id)) or ""
        return ContactRecord(
            id=contact.id, version=contact.version, draft=draft,
            display_name=contact.display_name, account_name=account_name,
            owner_name=_common.owner_name(session, contact.owner_id),
            created_at=contact.created_at, updated_at=contact.updated_at,
            deleted=contact.deleted_at is not None,
        )
