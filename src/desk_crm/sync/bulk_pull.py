"""New records of a pulled page written set-based: the same validation, columns, change log,
search text and contact points as the services' write path (local.apply_fields), written
with one ``executemany`` each by ``store.bulk.BulkWriter`` — the import's fast path.

A first pull of a large server is almost only creates; writing them one ORM object at a
time (one flush hook, one search-index write and one contact-point write per row) was most
of its cost. Only records with nothing to check against other rows go this way (contacts
without an account, accounts without an owner, and no custom values); the rest take
apply_fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft, validate_account, validate_contact
from desk_crm.services.accounts import account_columns
from desk_crm.services.contacts import contact_columns
from desk_crm.store.bulk import BulkWriter
from desk_crm.store.models import Account, Contact
from desk_crm.sync.local import CUSTOM_PREFIX, to_domain

ENTITIES = ("account", "contact")


class PulledCreates:
    """Stages new records of one entity inside the engine's write transaction."""

    def __init__(self, session: Session, entity: str, region: str) -> None:
        self._entity = entity
        self._region = region
        self._writer = BulkWriter(session, Contact if entity == "contact" else Account)

    def stage(self, fields: Mapping[str, Any]) -> str | None:
        """Validate and stage one new record; its id, or None when it needs the service
        path (a reference to check). ValidationErrors propagate, nothing staged."""
        custom = [k for k in fields if k.startswith(CUSTOM_PREFIX)]
        if any(fields[k] not in (None, "", []) for k in custom):
            return None                  # custom values take the service path
        values = to_domain({k: v for k, v in fields.items() if k not in custom})
        if values.get("account_id") is not None or values.get("owner_id") is not None:
            return None
        if self._entity == "contact":
            for kind in ("emails", "phones"):
                if kind in values:
                    # As local._points for a new record: values only, the first primary.
                    values[kind] = tuple(ContactPoint(v, "", i == 0)
                                         for i, v in enumerate(values[kind] or []))
            clean = validate_contact(replace(ContactDraft(), **values), self._region)
            return self._writer.stage_insert(contact_columns(clean))
        account = validate_account(replace(AccountDraft(), **values), self._region)
        return self._writer.stage_insert(account_columns(account))

    def flush(self) -> None:
        self._writer.flush()
