"""The set-based write path of an import chunk (contacts and accounts).

Per chunk: the natural keys of all rows are looked up in one query, the matched rows are
loaded in one query, each row is validated and decided in plain Python, and everything is
written by ``store.bulk.BulkWriter`` with ``executemany`` — the same rows, change log,
full-text rows and contact points as the ORM path (``ImportService._write_row_orm``)
writes, which ``tests/services/test_import_bulk.py`` checks. Leads and products still go
through the ORM path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desk_crm.domain.drafts import AccountDraft, validate_account
from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.import_mapping import mapped_values, overlay
from desk_crm.domain.names import company_sort_key
from desk_crm.services import _common
from desk_crm.services.accounts import account_columns
from desk_crm.services.import_targets import ImportTarget, draft_of, natural_key
from desk_crm.store.bulk import BulkWriter
from desk_crm.store.derived import RowView
from desk_crm.store.import_models import ExternalKey
from desk_crm.store.models import Account, User, table_of

# (settings, key, existing id, line of the same key earlier in the file) -> (action, id)
Decide = Callable[[Any, str, str | None, int | None], tuple[str, str | None]]


def _slices(values: list[str]) -> list[list[str]]:
    return [values[start:start + 900] for start in range(0, len(values), 900)]


class BulkChunk:
    """One chunk of an import, staged row by row and written in :meth:`flush`."""

    def __init__(self, session: Session, target: ImportTarget, entity: Any, settings: Any,
                 region: str, state: Any, chunk: list[tuple[int, list[str]]],
                 decide: Decide) -> None:
        assert target.columns is not None and target.lookup_many is not None
        self._session = session
        self._target = target
        self._entity = entity
        self._settings = settings
        self._region = region
        self._state = state
        self._decide = decide
        self._writer = BulkWriter(session, target.model)
        self._accounts = BulkWriter(session, Account) if entity.key == "contact" else None
        self._external_rows: list[dict[str, str]] = []
        # Mapped values and natural key of every row, worked out once; a cell its column's
        # transform refuses is raised again when that row's turn comes (a skipped row).
        self._rows: dict[int, tuple[dict[str, str], str]] = {}
        self._refused: dict[int, ValidationError] = {}
        for line, cells in chunk:
            try:
                values = mapped_values(settings.rules, cells)
            except ValidationError as exc:
                self._refused[line] = exc
                continue
            self._rows[line] = (values, natural_key(settings.match_key, values, region))
        self._prefetch()

    def _prefetch(self) -> None:
        """The chunk's reads, one query each: records by natural key, the rows to update,
        accounts by company name, external ids already taken, live owners."""
        rows = self._rows.values()
        keys = sorted({key for _values, key in rows if key and key not in self._state.keys})
        assert self._target.lookup_many is not None
        self._found = self._target.lookup_many(self._session, self._settings.match_key, keys)
        wanted = [*self._found.values(),
                  *(self._state.keys[key][0] for _values, key in rows
                    if key and key in self._state.keys)]
        self._stored = self._writer.load(wanted)
        self._company_ids: dict[str, str] = {}
        if self._accounts is not None:
            sorts = sorted({company_sort_key(values["company"]) for values, _key in rows
                            if values.get("company")} - set(self._state.accounts))
            for part in _slices(sorts):
                found = self._session.execute(select(Account.name_sort, Account.id).where(
                    Account.name_sort.in_(part), Account.deleted_at.is_(None))
                    .order_by(Account.pk)).tuples()
                for sort, account_id in found:
                    self._company_ids.setdefault(sort, account_id)
        externals = sorted({values["external_id"] for values, _key in rows
                            if values.get("external_id")} - self._state.external_ids)
        self._taken: set[str] = set()
        for part in _slices(externals):
            self._taken.update(self._session.scalars(select(ExternalKey.key).where(
                ExternalKey.entity == self._entity.key, ExternalKey.key.in_(part))))
        owners = sorted({row["owner_id"] for row in self._stored.values() if row["owner_id"]})
        self._live_owners: set[str] = set()
        for part in _slices(owners):
            self._live_owners.update(self._session.scalars(select(User.id).where(
                User.id.in_(part), User.deleted_at.is_(None))))

    def write_row(self, line: int) -> tuple[str, str]:
        """Stage one row: (action, record id). Raises what the ORM path raises for it."""
        if line in self._refused:
            raise self._refused[line]
        values, key = self._rows[line]
        state = self._state
        earlier = state.keys.get(key) if key else None
        existing = earlier[0] if earlier else (self._found.get(key) if key else None)
        action, existing = self._decide(self._settings, key, existing,
                                        earlier[1] if earlier else None)
        base = self._settings.new_draft()
        if existing is not None:  # staged earlier in this chunk, or stored
            row = self._writer.current(existing) or self._stored[existing]
            base = draft_of(self._target.draft_class, RowView(row))
        clean = self._target.validate(overlay(self._entity.key, base, values), self._region)
        if self._accounts is not None and values.get("company"):
            clean = replace(clean, account_id=self._account_for(values["company"]))
        # Links: an account chosen here is live or new (see _account_for) and a kept one
        # stays valid, so only the owner (kept from the stored row) needs checking.
        if clean.owner_id is not None and clean.owner_id not in self._live_owners:
            raise ValidationErrors([ValidationError("owner_id", _common.UNKNOWN_OWNER)])
        assert self._target.columns is not None
        columns = self._target.columns(clean)
        if existing is None:
            record_id = self._writer.stage_insert(columns)
        else:
            record_id = existing
            self._writer.stage_update(existing, columns, self._stored.get(existing))
        external = values.get("external_id")
        if external and existing is None and external not in state.external_ids:
            # As the ORM path: an external id already mapped keeps its first record.
            state.external_ids.add(external)
            if external not in self._taken:
                self._external_rows.append(
                    {"entity": self._entity.key, "key": external, "record_id": record_id})
        if key:
            state.keys.setdefault(key, (record_id, line))
        return action, record_id

    def _account_for(self, company: str) -> str:
        sort = company_sort_key(company)
        if sort in self._state.accounts:
            return str(self._state.accounts[sort])
        account_id = self._company_ids.get(sort)
        if account_id is None:
            assert self._accounts is not None
            clean = validate_account(AccountDraft(name=company), self._region)
            account_id = self._accounts.stage_insert(account_columns(clean))
        self._state.accounts[sort] = account_id
        return account_id

    def flush(self) -> None:
        if self._accounts is not None:
            self._accounts.flush()  # first: contacts refer to them
        self._writer.flush()
        if self._external_rows:
            self._session.execute(insert(table_of(ExternalKey)), self._external_rows)
