"""Use cases for accounts (companies)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from desk_crm.domain.drafts import AccountDraft, validate_account
from desk_crm.domain.names import company_sort_key
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.services.records import AccountRecord
from desk_crm.store.models import Account


def account_columns(clean: AccountDraft) -> dict[str, Any]:
    """Every stored column of an account from its validated draft (ORM save, bulk import)."""
    return {
        "name": clean.name,
        "name_sort": company_sort_key(clean.name),
        "industry": clean.industry,
        "website": clean.website,
        "phone": clean.phone,
        "email": clean.email,
        "street": clean.street,
        "city": clean.city,
        "region": clean.region,
        "postal_code": clean.postal_code,
        "country": clean.country,
        "tags": list(clean.tags),
        "owner_id": clean.owner_id,
        "notes": clean.notes,
    }


class AccountService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def save(self, draft: AccountDraft, account_id: str | None = None,
             expected_version: int | None = None) -> AccountRecord:
        """Create (no *account_id*) or update an account; validation errors leave no trace."""
        clean = validate_account(draft, self._context.default_region)
        with self._context.write() as session:
            account = self.write_clean(session, clean, account_id, expected_version)
            session.flush()
            return self._record(session, account)

    def write_clean(self, session: Session, clean: AccountDraft,
                    account_id: str | None = None,
                    expected_version: int | None = None) -> Account:
        """Apply a validated draft inside the caller's transaction (import, merge)."""
        _common.require_owner(session, clean.owner_id)
        if account_id is None:
            account = Account()
            session.add(account)
        else:
            account = _common.load(session, Account, account_id)
            _common.check_version(account, expected_version)
        for name, value in account_columns(clean).items():
            setattr(account, name, value)
        return account

    def delete(self, account_id: str) -> None:
        """Soft delete: hidden everywhere, contacts keep their link for a later restore."""
        with self._context.write() as session:
            _common.soft_delete(session, Account, account_id)

    def restore(self, account_id: str) -> None:
        with self._context.write() as session:
            _common.restore(session, Account, account_id)

    def name_of(self, account_id: str) -> str:
        """The account's name, also when it is deleted (history shows old links)."""
        with self._context.read() as session:
            return _common.load(session, Account, account_id, include_deleted=True).name

    def get(self, account_id: str) -> AccountRecord:
        with self._context.read() as session:
            return self._record(session, _common.load(session, Account, account_id))

    @staticmethod
    def _record(session: Session, account: Account) -> AccountRecord:
        draft = AccountDraft(
            name=account.name, industry=account.industry, website=account.website,
            phone=account.phone, email=account.email, street=account.street,
            city=account.city, region=account.region, postal_code=account.postal_code,
            country=account.country, tags=tuple(account.tags or ()),
            owner_id=account.owner_id, notes=account.notes,
        )
        return AccountRecord(
            id=account.id, version=account.version, draft=draft,
            owner_name=_common.owner_name(session, account.owner_id),
            created_at=account.created_at, updated_at=account.updated_at,
            deleted=account.deleted_at is not None,
        )
