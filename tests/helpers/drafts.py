"""Drafts as a user would type them, with only the fields a test cares about."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft


def points(values: Iterable[str | ContactPoint]) -> tuple[ContactPoint, ...]:
    """Plain strings become unlabelled points; the domain makes the first one primary."""
    return tuple(v if isinstance(v, ContactPoint) else ContactPoint(v) for v in values)


def account_draft(name: str = "Northwind Traders", **fields: Any) -> AccountDraft:
    return AccountDraft(name=name, **fields)


def contact_draft(family_name: str = "张", given_name: str = "三", *,
                  emails: Iterable[str | ContactPoint] = (),
                  phones: Iterable[str | ContactPoint] = (), **fields: Any) -> ContactDraft:
    return ContactDraft(family_name=family_name, given_name=given_name,
                        emails=points(emails), phones=points(phones), **fields)
