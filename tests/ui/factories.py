"""Records for the widget tests, written through the ordinary services."""

from __future__ import annotations

from typing import Any

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.services.bundle import Services
from desk_crm.services.records import AccountRecord, ContactRecord

CHINESE_NAMES = (("张", "三"), ("李", "三丰"), ("王", "五"), ("赵", "六"), ("三", "好"))


def add_contact(services: Services, family: str, given: str = "", *,
                email: str = "", phone: str = "", title: str = "",
                account_id: str | None = None) -> ContactRecord:
    return services.contacts.save(ContactDraft(
        family_name=family, given_name=given, title=title, account_id=account_id,
        emails=(ContactPoint(email),) if email else (),
        phones=(ContactPoint(phone),) if phone else ()))


def add_account(services: Services, name: str, **fields: Any) -> AccountRecord:
    return services.accounts.save(AccountDraft(name=name, **fields))
