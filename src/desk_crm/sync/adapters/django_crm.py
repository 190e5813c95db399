"""Adapter for django-crm ("BottleCRM") 1.35 over its REST API with a personal access token.

The server has no modified-since filter, no record versions and hard deletes, so this is a
*full-scan* adapter (``Capabilities(incremental=False, versions=False, hard_deletes=True)``):

* ``list_changes(entity, cursor, limit)`` walks every record newest-first in pages; the cursor
  is the next offset, computed here (the server's own ``offset``/``per_page`` are wrong). The
  last page answers ``cursor=None, has_more=False``: the scan is complete and the engine may
  treat mapped ids it did not see as deleted (after confirming each with :meth:`fetch`, since
  a row deleted during the scan shifts later rows past our offset).
* ``RemoteRecord.version`` is a content hash of the mapped fields: the engine compares it with
  its base copy to find changed records; :meth:`update` and :meth:`delete` re-read the record
  and refuse with StaleVersionError when the hash moved (a narrow, not atomic, guard).
* Natural keys (contact email, lead email, account/opportunity/case names, quote title) find
  a record after a lost create response; the server refuses duplicates of the first four.

Errors: connection failures, timeouts and 5xx raise TransientError; 401/403 AuthError; 404
NotFoundError; other 4xx RejectedError with the server's message.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

from desk_crm.domain.fields import FieldDef
from desk_crm.sync.adapters import django_crm_custom as custom
from desk_crm.sync.adapters.django_crm_custom import RemoteFieldDef
from desk_crm.sync.adapters.django_crm_mapping import ENTITY_MAPS, EntityMap
from desk_crm.sync.protocol import (
    AuthError,
    Capabilities,
    ChangePage,
    NotFoundError,
    RejectedError,
    RemoteRecord,
    StaleVersionError,
    TransientError,
)

# Dependency order: what a record references is created first.
ENTITIES = ("account", "contact", "lead", "opportunity", "quote", "ticket")
MAX_PAGE = 100          # keeps one request well under the server's timeout


class Transport(Protocol):
    """Sends one request; returns (status, body). Raises OSError on network failure.
    Tests and fault injection substitute their own."""

    def __call__(self, method: str, url: str, headers: Mapping[str, str],
                 body: bytes | None, timeout: float) -> tuple[int, bytes]: ...


def urllib_transport(method: str, url: str, headers: Mapping[str, str], body: bytes | None,
                     timeout: float) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def content_hash(fields: Mapping[str, Any]) -> str:
    """Stable over runs and machines: canonical JSON of the mapped fields."""
    def plain(value: Any) -> Any:
        if isinstance(value, Decimal):
            return format(value.normalize(), "f")
        if isinstance(value, datetime | date):
            return value.isoformat()
        return value
    canonical = json.dumps({key: plain(value) for key, value in fields.items()},
                           sort_keys=True, ensure_ascii=False, default=str,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


def _dig(answer: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        answer = answer.get(key) if isinstance(answer, Mapping) else None
    return answer


class DjangoCrmAdapter:
    name = "django-crm"
    capabilities = Capabilities(incremental=False, versions=False, hard_deletes=True)

    # Fields where the server keeps only the first element of our list (one email, one
    # phone): a pulled value says nothing about the others, so the engine should compare and
    # apply only the first element (keep the local rest), or it drops secondary addresses.
    first_only: Mapping[str, tuple[str, ...]] = {"contact": ("emails", "phones")}

    def __init__(self, base_url: str, token: str, *, timeout: float = 30.0,
                 transport: Transport | None = None,
                 entities: tuple[str, ...] = ENTITIES) -> None:
        """*entities*: the subset to sync (the engine's local side may not handle all six
        yet); kept in dependency order."""
        unknown = set(entities) - set(ENTITIES)
        if unknown:
            raise ValueError(f"django-crm adapter does not sync {sorted(unknown)}")
        self._entities = tuple(e for e in ENTITIES if e in entities)
        self._base = base_url.rstrip("/")
        self._token = token
        self._timeout = timeout
        self._transport = transport or urllib_transport
        # The custom fields both sides hold, per entity (use_custom_fields, after the
        # engine agreed the definitions): they travel as "custom.<key>".
        self._custom: dict[str, tuple[FieldDef, ...]] = {}

    # -- description --------------------------------------------------------------------
    def entities(self) -> tuple[str, ...]:
        return self._entities

    def _map(self, entity: str) -> EntityMap:
        try:
            return ENTITY_MAPS[entity]
        except KeyError:
            raise ValueError(f"django-crm adapter does not sync {entity!r}") from None

    def fields(self, entity: str) -> tuple[str, ...]:
        return (*self._map(entity).fields,
                *(custom.field_name(f.key) for f in self._custom.get(entity, ())))

    def references(self, entity: str) -> Mapping[str, str]:
        return self._map(entity).references

    def natural_key(self, entity: str, fields: Mapping[str, Any]) -> Any:
        key_field = self._map(entity).natural_key_field
        if key_field is None:
            return None
        value = fields.get(key_field)
        if key_field == "emails":               # a contact's primary email
            value = self._map(entity).to_remote({"emails": value}).get("email")
        value = str(value or "").strip()
        return value.casefold() if value else None

    # -- HTTP ---------------------------------------------------------------------------
    def _call(self, method: str, path: str, body: Mapping[str, Any] | None = None,
              params: Mapping[str, Any] | None = None) -> Any:
        url = self._base + path
        if params:
            url += "?" + urllib.parse.urlencode(params)
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode()
            headers["Content-Type"] = "application/json; charset=utf-8"
        try:
            status, raw = self._transport(method, url, headers, data, self._timeout)
        except (OSError, http.client.HTTPException) as error:  # TimeoutError is an OSError
            raise TransientError(f"{method} {path}: {error}") from error
        try:
            answer = json.loads(raw) if raw else None
        except ValueError:
            answer = None
        if status in (401, 403):
            raise AuthError(f"{method} {path}: the server refused the token ({status})")
        if status == 404:
            raise NotFoundError(f"{method} {path}: not found")
        if status == 429 or status >= 500 or (status < 400 and answer is None and raw):
            raise TransientError(f"{method} {path}: HTTP {status}")
        if status >= 400 or (isinstance(answer, Mapping) and answer.get("error") is True):
            raise self._rejected(path, status, answer, raw)
        return answer

    def _rejected(self, path: str, status: int, answer: Any, raw: bytes) -> RejectedError:
        entity_map = next((m for m in ENTITY_MAPS.values() if path.startswith(m.path)), None)
        errors = answer.get("errors") if isinstance(answer, Mapping) else None
        if isinstance(errors, Mapping) and errors:
            remote_field, problems = next(iter(errors.items()))
            text = "; ".join(str(p) for p in problems) if isinstance(problems, list) \
                else str(problems)
            local = entity_map.remote_errors.get(remote_field) if entity_map else None
            return RejectedError(f"{remote_field}: {text}", field_name=local)
        if isinstance(answer, Mapping):
            for key in ("message", "detail", "error"):
                if isinstance(answer.get(key), str) and answer[key]:
                    return RejectedError(answer[key])
        return RejectedError(f"HTTP {status}: {raw[:300].decode(errors='replace')}")

    # -- reading ------------------------------------------------------------------------
    def _record(self, entity_map: EntityMap, row: Mapping[str, Any]) -> RemoteRecord:
        fields = entity_map.to_local(row)
        fields.update(custom.values_in(self._custom.get(entity_map.entity, ()), row))
        return RemoteRecord(entity=entity_map.entity, remote_id=str(row["id"]), fields=fields,
                            version=content_hash(fields),
                            deleted=row.get("is_active") is False)

    def _page(self, entity_map: EntityMap, offset: int, limit: int,
              extra: Mapping[str, Any] | None = None) -> tuple[list[RemoteRecord], bool]:
        answer = self._call("GET", entity_map.path,
                            params={"limit": limit, "offset": offset, **(extra or {})})
        records: list[RemoteRecord] = []
        has_more = False
        # Accounts and leads answer two lists (active/closed) paged by the same offset.
        for rows_path, count_path in zip(entity_map.lists, entity_map.counts, strict=True):
            rows = _dig(answer, rows_path)
            if not isinstance(rows, list):
                raise TransientError(f"GET {entity_map.path}: no {'.'.join(rows_path)} in the "
                                     "answer")
            records.extend(self._record(entity_map, row) for row in rows)
            count = _dig(answer, count_path)
            total = int(count) if isinstance(count, int) else offset + len(rows) + (
                1 if len(rows) == limit else 0)
            has_more = has_more or offset + len(rows) < total
        return records, has_more

    def list_changes(self, entity: str, cursor: str | None, limit: int) -> ChangePage:
        """One page of a full scan; ``cursor`` is the offset to continue from."""
        entity_map = self._map(entity)
        offset = int(cursor) if cursor else 0
        limit = max(1, min(limit, MAX_PAGE))
        records, has_more = self._page(entity_map, offset, limit)
        return ChangePage(records=records, cursor=str(offset + limit) if has_more else None,
                          has_more=has_more)

    def fetch(self, entity: str, remote_id: str) -> RemoteRecord:
        entity_map = self._map(entity)
        answer = self._call("GET", f"{entity_map.path}{remote_id}/")
        row = answer.get(entity_map.detail_key) if entity_map.detail_key else answer
        if not isinstance(row, Mapping) or "id" not in row:
            raise NotFoundError(f"{entity} {remote_id}: no record in the answer")
        return self._record(entity_map, row)

    def find_by_natural_key(self, entity: str, key: Any) -> RemoteRecord | None:
        """Exact, case-insensitive match; the list filter only narrows the scan."""
        entity_map = self._map(entity)
        wanted = str(key or "").strip().casefold()
        if not wanted or entity_map.lookup_param is None:
            return None
        offset = 0
        while True:
            records, has_more = self._page(entity_map, offset, MAX_PAGE,
                                           {entity_map.lookup_param: str(key).strip()})
            for record in records:
                if str(self.natural_key(entity, record.fields) or "") == wanted:
                    return record
            if not has_more:
                return None
            offset += MAX_PAGE

    # -- writing ------------------------------------------------------------------------
    def create(self, entity: str, fields: Mapping[str, Any], *,
               idempotency_key: str) -> RemoteRecord:
        """The server has no idempotency keys: *idempotency_key* is unused; after a lost
        response the engine looks the record up with :meth:`find_by_natural_key`."""
        entity_map = self._map(entity)
        body = {**entity_map.create_defaults, **entity_map.to_remote(fields),
                **custom.values_out(self._custom.get(entity, ()), fields)}
        answer = self._call("POST", entity_map.path, body)
        remote_id = answer.get("id") if isinstance(answer, Mapping) else None
        if not remote_id and isinstance(answer, Mapping):
            created = answer.get(entity_map.detail_key or "")
            remote_id = created.get("id") if isinstance(created, Mapping) else None
        if not remote_id:
            raise TransientError(f"POST {entity_map.path}: the answer carries no id")
        return self.fetch(entity, str(remote_id))

    def _check_version(self, entity: str, remote_id: str, expected: str | None) -> None:
        if expected is not None:
            current = self.fetch(entity, remote_id)
            if current.version != expected:
                raise StaleVersionError(f"{entity} {remote_id} changed on the server")

    def update(self, entity: str, remote_id: str, fields: Mapping[str, Any], *,
               expected_version: str | None) -> RemoteRecord:
        entity_map = self._map(entity)
        self._check_version(entity, remote_id, expected_version)
        body = {**entity_map.to_remote(fields),
                **custom.values_out(self._custom.get(entity, ()), fields)}
        if body:
            method = entity_map.update_method
            self._call(method, f"{entity_map.path}{remote_id}/", body)
        return self.fetch(entity, remote_id)

    def delete(self, entity: str, remote_id: str, *, expected_version: str | None) -> None:
        """Hard delete (the server keeps no tombstone). NotFoundError when already gone."""
        entity_map = self._map(entity)
        self._check_version(entity, remote_id, expected_version)
        self._call("DELETE", f"{entity_map.path}{remote_id}/")

    # -- custom fields (sync.custom_sync agrees the definitions) -------------------------
    def custom_field_entities(self) -> tuple[str, ...]:
        """The synced entities whose records carry custom fields on this server."""
        return tuple(e for e in self._entities if e in custom.TARGETS)

    def custom_field_definitions(self, entity: str) -> list[RemoteFieldDef]:
        answer = self._call("GET", "/api/custom-fields/",
                            params={"target_model": custom.TARGETS[entity],
                                    "include_counts": "false"})
        rows = answer.get("definitions") if isinstance(answer, Mapping) else answer
        if not isinstance(rows, list):
            raise TransientError("GET /api/custom-fields/: no definitions in the answer")
        return [custom.definition_from(entity, row) for row in rows
                if isinstance(row, Mapping) and row.get("target_model") ==
                custom.TARGETS[entity]]

    def create_custom_field(self, entity: str, field: FieldDef) -> RemoteFieldDef:
        answer = self._call("POST", "/api/custom-fields/",
                            custom.definition_body(entity, field))
        return custom.definition_from(entity, answer)

    def update_custom_field(self, definition: RemoteFieldDef, *, label: str | None = None,
                            options: list[dict[str, str]] | None = None) -> RemoteFieldDef:
        body: dict[str, Any] = {}
        if label is not None:
            body["label"] = label
        if options is not None:
            body["options"] = options
        answer = self._call("PUT", f"/api/custom-fields/{definition.remote_id}/", body)
        return custom.definition_from(definition.entity, answer)

    def use_custom_fields(self, entity: str, fields: tuple[FieldDef, ...]) -> None:
        """From now on records of *entity* carry these custom fields (``custom.<key>``)."""
        self._custom[entity] = tuple(fields)

    def close(self) -> None:
        """Nothing to release: every request opens its own connection."""
