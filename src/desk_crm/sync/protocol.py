"""What the sync engine asks of a remote CRM: one adapter per server implements this.

Adapters speak the *local* vocabulary: an entity is a change-log entity name ("account",
"contact", "opportunity", "quote", "lead", "ticket"), and a record's ``fields`` dict uses local
field names with domain values (``str``, ``Decimal``, ``date``, aware UTC ``datetime``,
``list`` of e-mails/phones as the local model keeps them). The adapter translates to and from
the server's own models. References to other records (``account_id`` on a contact, say) travel
as *remote* ids; the engine maps them to and from local ids through its id map, using
:meth:`Adapter.references` to know which fields are references.

Two kinds of server exist:

* incremental (``Capabilities.incremental``): ``list_changes`` returns only what changed
  since the cursor (Tryton: ``write_date``/``create_date``), deletions as archived records;
* full scan (django-crm has no modified-since filter, no versions, hard deletes):
  ``list_changes`` with ``cursor=None`` walks *every* record, page by page. The engine compares
  each record with its base copy (by content hash) to find changes and, once a scan is
  complete, treats mapped remote ids it did not see as deleted on the server.

Errors are classified so the engine knows what to do: retry later, reject to the conflict
queue with the server's message, or ask for credentials again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable


class SyncError(Exception):
    """Base of every error an adapter raises on purpose."""


class TransientError(SyncError):
    """Network failure, timeout, 5xx, server restarting: retry with back-off."""


class AuthError(SyncError):
    """Credentials refused or session expired: ask the user to connect again."""


class RejectedError(SyncError):
    """The server refused the data (validation, 4xx): the record goes to the rejection queue
    with ``message`` as the server said it."""

    def __init__(self, message: str, *, field_name: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field_name = field_name


class StaleVersionError(SyncError):
    """An update or delete carried an expected version the server no longer has: someone
    else changed the record; the engine pulls it and merges three-way."""


class NotFoundError(SyncError):
    """The remote record does not exist (hard-deleted, or never created)."""


@dataclass(frozen=True)
class Capabilities:
    incremental: bool          # list_changes(cursor) returns only changes since the cursor
    versions: bool             # update/delete honour expected_version (optimistic concurrency)
    hard_deletes: bool         # deleted records vanish (no archived tombstone to pull)


# Optional entry in RemoteRecord.fields: the idempotency key the record was created with,
# for adapters that can store one on the server. The engine uses it to recognise a copy a
# duplicated or late-delivered create made, and archives that copy.
KEY_FIELD = "__idempotency_key__"


@dataclass(frozen=True)
class RemoteRecord:
    entity: str
    remote_id: str
    fields: Mapping[str, Any]
    version: str | None = None     # opaque concurrency token (Tryton's _timestamp)
    deleted: bool = False          # archived / inactive on the server


@dataclass(frozen=True)
class ChangePage:
    records: list[RemoteRecord]
    cursor: str | None             # save this with the applied page; pass it to the next call
    has_more: bool                 # call again with ``cursor`` for the next page
    deleted_ids: list[str] = field(default_factory=list)   # remote ids known deleted


class Adapter(Protocol):
    name: str                      # "tryton", "django-crm"
    capabilities: Capabilities

    def entities(self) -> tuple[str, ...]:
        """Synced entities in dependency order (accounts before contacts before opportunities)."""

    def fields(self, entity: str) -> tuple[str, ...]:
        """Local field names this adapter carries for *entity*; others stay local-only."""

    def references(self, entity: str) -> Mapping[str, str]:
        """Reference fields of *entity* and the entity each points to: {"account_id": "account"}."""

    def natural_key(self, entity: str, fields: Mapping[str, Any]) -> Any:
        """A value that identifies the record on the server without its id (e-mail, name), or
        None. Used to find a record whose create response was lost."""

    def list_changes(self, entity: str, cursor: str | None, limit: int) -> ChangePage: ...

    def fetch(self, entity: str, remote_id: str) -> RemoteRecord:
        """The record as the server has it now; NotFoundError when gone."""

    def find_by_natural_key(self, entity: str, key: Any) -> RemoteRecord | None: ...

    # Optional: an adapter whose server stores the idempotency key also implements
    # FindsByIdempotencyKey (below); the engine tries it before find_by_natural_key.

    # Optional, for incremental servers whose hard deletes leave no trace in the change
    # list (Tryton): of these remote ids, those the server no longer has. The engine
    # checks its linked ids with it on a schedule and on a full rescan.
    # def missing_ids(self, entity: str, remote_ids: Sequence[str]) -> list[str]: ...

    def create(self, entity: str, fields: Mapping[str, Any], *,
               idempotency_key: str) -> RemoteRecord:
        """Create and return the stored record. ``idempotency_key`` is a UUID derived from
        the local mutation id and the record (the same for every retry of the same pending
        state; see engine.push_key); an adapter whose server has no idempotency keys may
        ignore it (the engine then relies on ``find_by_natural_key`` after a lost
        response)."""

    def update(self, entity: str, remote_id: str, fields: Mapping[str, Any], *,
               expected_version: str | None) -> RemoteRecord:
        """Write the changed *fields* only; StaleVersionError when *expected_version* is stale.
        The answer carries the new version; its ``fields`` may hold only the written fields
        (the engine keeps its base copy for the others)."""

    def delete(self, entity: str, remote_id: str, *, expected_version: str | None) -> None:
        """Archive (or hard-delete where the server knows nothing else)."""

    def close(self) -> None: ...


@runtime_checkable
class FindsByIdempotencyKey(Protocol):
    """The optional part of an Adapter, for servers that store the idempotency key."""

    def find_by_idempotency_key(self, entity: str, key: str) -> RemoteRecord | None:
        """The record a create with *key* made, or None. Tried before find_by_natural_key
        after a lost create answer."""


@runtime_checkable
class CreatesMany(Protocol):
    """The optional part of an Adapter, for servers that take lists of records in one
    create call (Tryton). The engine sends first pushes in batches through it."""

    def create_many(self, entity: str, items: Sequence[tuple[Mapping[str, Any], Sequence[str]]]
                    ) -> list[tuple[RemoteRecord, bool]]:
        """Create the records of *items* — (fields, keys): the record's idempotency key
        first, then earlier keys it may have been sent with — in as few calls as the
        server allows. A record the server already holds under one of its keys (a lost
        answer, a local backup restored after the push) is not made again: it comes back
        with False; a record made now with True. Answers are in the order of *items*.
        RejectedError when the server refuses the list (nothing of it is stored; the
        engine then sends the records one by one to find the refused one)."""


@runtime_checkable
class HoldsCustomFields(Protocol):
    """The optional part of an Adapter, for servers with user-defined fields of their own
    (django-crm). ``sync.custom_sync`` agrees the definitions before each run and tells the
    adapter which of ours both sides hold; their values then travel as ``custom.<key>``
    fields through the same merge and conflict queue as built-in ones. A server without it
    (Tryton) has no place for custom fields: they stay local."""

    def custom_field_entities(self) -> tuple[str, ...]: ...

    def custom_field_definitions(self, entity: str) -> list[Any]: ...

    def create_custom_field(self, entity: str, field: Any) -> Any: ...

    def update_custom_field(self, definition: Any, *, label: str | None = None,
                            options: list[dict[str, str]] | None = None) -> Any: ...

    def use_custom_fields(self, entity: str, fields: tuple[Any, ...]) -> None: ...
