"""A tiny in-process remote CRM for unit tests of the engine's logic (the proof tests run
against a real Tryton server). Versions, incremental cursor, archive, lost answers."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from desk_crm.sync.protocol import (
    Capabilities,
    ChangePage,
    NotFoundError,
    RejectedError,
    RemoteRecord,
    StaleVersionError,
    TransientError,
)

FIELDS = {
    "account": ("name", "email", "phone"),
    "contact": ("family_name", "given_name", "emails", "account_id"),
}


class FakeServer:
    def __init__(self, first_id: int = 1) -> None:
        self.rows: dict[tuple[str, str], dict[str, Any]] = {}
        self.meta: dict[tuple[str, str], dict[str, Any]] = {}  # version, seq, deleted, key
        # A test that syncs one database against several fresh servers passes distinct
        # first ids: a real server never hands out a remote id twice.
        self._ids = itertools.count(first_id)
        self._seq = itertools.count(1)
        self.calls: list[str] = []
        # fault switches: "drop_request" fails before applying, "lose_answer" after
        self.faults: list[str] = []
        self.reject_names: set[str] = set()

    def write(self, entity: str, remote_id: str | None, fields: Mapping[str, Any],
              key: str | None = None, deleted: bool | None = None) -> str:
        if remote_id is None:
            remote_id = str(next(self._ids))
            self.rows[(entity, remote_id)] = {}
            self.meta[(entity, remote_id)] = {"version": 0, "deleted": False, "key": key}
        self.rows[(entity, remote_id)].update(fields)
        meta = self.meta[(entity, remote_id)]
        meta["version"] += 1
        meta["seq"] = next(self._seq)
        if deleted is not None:
            meta["deleted"] = deleted
        return remote_id

    def record(self, entity: str, remote_id: str) -> RemoteRecord:
        meta = self.meta[(entity, remote_id)]
        return RemoteRecord(entity, remote_id, dict(self.rows[(entity, remote_id)]),
                            str(meta["version"]), deleted=meta["deleted"])


class FakeAdapter:
    name = "fake"
    capabilities = Capabilities(incremental=True, versions=True, hard_deletes=False)

    def __init__(self, server: FakeServer) -> None:
        self.server = server

    def _fault(self, when: str) -> None:
        if self.server.faults and self.server.faults[0] == when:
            self.server.faults.pop(0)
            raise TransientError(when)

    def entities(self) -> tuple[str, ...]:
        return ("account", "contact")

    def fields(self, entity: str) -> tuple[str, ...]:
        return FIELDS[entity]

    def references(self, entity: str) -> Mapping[str, str]:
        return {"account_id": "account"} if entity == "contact" else {}

    def natural_key(self, entity: str, fields: Mapping[str, Any]) -> Any:
        return fields.get("name") if entity == "account" else None

    def list_changes(self, entity: str, cursor: str | None, limit: int) -> ChangePage:
        self._fault("drop_request")
        since = int(cursor or 0)
        changed = sorted(((m["seq"], rid) for (e, rid), m in self.server.meta.items()
                          if e == entity and m["seq"] > since))[:limit]
        records = [self.server.record(entity, rid) for _seq, rid in changed]
        new_cursor = str(changed[-1][0]) if changed else cursor
        return ChangePage(records, new_cursor, has_more=len(changed) == limit)

    def fetch(self, entity: str, remote_id: str) -> RemoteRecord:
        if (entity, remote_id) not in self.server.meta:
            raise NotFoundError(remote_id)
        return self.server.record(entity, remote_id)

    def find_by_natural_key(self, entity: str, key: Any) -> RemoteRecord | None:
        for (e, rid), row in self.server.rows.items():
            if e == entity and row.get("name") == key:
                return self.server.record(e, rid)
        return None

    def find_by_idempotency_key(self, entity: str, key: str) -> RemoteRecord | None:
        for (e, rid), meta in self.server.meta.items():
            if e == entity and meta.get("key") == key:
                return self.server.record(e, rid)
        return None

    def create(self, entity: str, fields: Mapping[str, Any], *,
               idempotency_key: str) -> RemoteRecord:
        self.server.calls.append("create")
        self._fault("drop_request")
        if fields.get("name") in self.server.reject_names:
            raise RejectedError("name is not allowed", field_name="name")
        remote_id = self.server.write(entity, None, dict(fields), key=idempotency_key)
        self._fault("lose_answer")
        return self.server.record(entity, remote_id)

    def update(self, entity: str, remote_id: str, fields: Mapping[str, Any], *,
               expected_version: str | None) -> RemoteRecord:
        self.server.calls.append("update")
        self._fault("drop_request")
        if (entity, remote_id) not in self.server.meta:
            raise NotFoundError(remote_id)  # hard-deleted (FullScanAdapter tests)
        meta = self.server.meta[(entity, remote_id)]
        if expected_version is not None and str(meta["version"]) != expected_version:
            raise StaleVersionError(remote_id)
        self.server.write(entity, remote_id, dict(fields), deleted=False)
        self._fault("lose_answer")
        return self.server.record(entity, remote_id)

    def delete(self, entity: str, remote_id: str, *, expected_version: str | None) -> None:
        self.server.calls.append("delete")
        self._fault("drop_request")
        if (entity, remote_id) not in self.server.meta:
            raise NotFoundError(remote_id)  # hard-deleted (FullScanAdapter tests)
        meta = self.server.meta[(entity, remote_id)]
        if expected_version is not None and str(meta["version"]) != expected_version:
            raise StaleVersionError(remote_id)
        self.server.write(entity, remote_id, {}, deleted=True)
        self._fault("lose_answer")

    def close(self) -> None:
        pass
