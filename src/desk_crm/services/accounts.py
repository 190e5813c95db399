"""Use cases for accounts (companies)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desk_crm.domain.drafts import AccountDraft, validate_account
from desk_crm.domain.names import company_sort_key
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.services.records import AccountRecord
from desk_crm.store.models import Account


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
        account.name = clean.name
        account.name_sort = company_sort_key(clean.name)
        account.industry = clean.industry
        account.website = clean.website
        account.phone = clean.phone
        account.email = clean.email
        account.street = clean.street
        account.city = clean.city
        account.region = clean.region
        account.postal_code = clean.postal_code
        account.country = clean.country
        account.tags = list(clean.tags)
        account.owner_id = clean.owner_id
        account.notes = clean.notes
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
