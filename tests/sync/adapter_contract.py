"""What every sync adapter must do, as plain functions any adapter's tests can call.

Each check takes a :class:`Subject`: an adapter, one entity, and a way to make the fields of a
new, unique record (``make(token)``; the token is unique per call, so natural keys never
collide). ``edit(fields)`` returns a *partial* change to apply to such a record. Checks clean up
what they create where the adapter can delete. Run them against a real server::

    subject = Subject(adapter, "contact", make=lambda t: {...}, edit=lambda f: {...})
    adapter_contract.check_create_fetch(subject)

Comparisons look only at the fields a check wrote (servers add defaults of their own).
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest

from desk_crm.sync.protocol import (
    Adapter,
    NotFoundError,
    RejectedError,
    RemoteRecord,
    StaleVersionError,
)

_counter = itertools.count(1)


@dataclass
class Subject:
    adapter: Adapter
    entity: str
    make: Callable[[str], dict[str, Any]]
    edit: Callable[[Mapping[str, Any]], dict[str, Any]]
    # A remote id the server certainly does not have (format matters to some servers).
    missing_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created: list[str] = field(default_factory=list)

    def token(self) -> str:
        return f"{uuid.uuid4().hex[:8]}{next(_counter)}"

    def create(self, fields: Mapping[str, Any] | None = None) -> tuple[dict[str, Any],
                                                                         RemoteRecord]:
        wanted = dict(fields) if fields is not None else self.make(self.token())
        record = self.adapter.create(self.entity, wanted, idempotency_key=str(uuid.uuid4()))
        self.created.append(record.remote_id)
        return wanted, record

    def cleanup(self) -> None:
        for remote_id in self.created:
            try:
                self.adapter.delete(self.entity, remote_id, expected_version=None)
            except NotFoundError:
                pass
        self.created.clear()


def assert_fields(expected: Mapping[str, Any], record: RemoteRecord) -> None:
    wrong = {name: (value, record.fields.get(name)) for name, value in expected.items()
             if record.fields.get(name) != value}
    assert not wrong, f"{record.entity} {record.remote_id}: (sent, stored) differ: {wrong}"


def check_describes_itself(subject: Subject) -> None:
    adapter = subject.adapter
    assert subject.entity in adapter.entities()
    carried = set(adapter.fields(subject.entity))
    assert set(subject.make("x")) <= carried, "make() writes fields the adapter does not carry"
    for name, target in adapter.references(subject.entity).items():
        assert name in carried and target in adapter.entities()


def check_create_fetch(subject: Subject) -> RemoteRecord:
    wanted, created = subject.create()
    assert created.remote_id and created.entity == subject.entity
    assert_fields(wanted, created)
    fetched = subject.adapter.fetch(subject.entity, created.remote_id)
    assert fetched.remote_id == created.remote_id
    assert_fields(wanted, fetched)
    assert fetched.version == created.version, "an untouched record changed its version"
    assert not fetched.deleted
    return fetched


def check_update(subject: Subject) -> None:
    wanted, created = subject.create()
    change = subject.edit(wanted)
    updated = subject.adapter.update(subject.entity, created.remote_id, change,
                                     expected_version=created.version)
    # The protocol lets an update answer only the written fields (Tryton does).
    assert_fields(change, updated)
    assert updated.version != created.version, "a changed record kept its version"
    assert_fields({**wanted, **change}, subject.adapter.fetch(subject.entity, created.remote_id))


def check_stale_update_refused(subject: Subject) -> None:
    """A write carrying a version the server has moved past is refused, not applied."""
    wanted, created = subject.create()
    first = subject.edit(wanted)
    subject.adapter.update(subject.entity, created.remote_id, first, expected_version=None)
    with pytest.raises(StaleVersionError):
        subject.adapter.update(subject.entity, created.remote_id, subject.edit(first),
                               expected_version=created.version)
    assert_fields(first, subject.adapter.fetch(subject.entity, created.remote_id))


def check_delete(subject: Subject) -> None:
    _wanted, created = subject.create()
    subject.adapter.delete(subject.entity, created.remote_id, expected_version=created.version)
    if subject.adapter.capabilities.hard_deletes:
        with pytest.raises(NotFoundError):
            subject.adapter.fetch(subject.entity, created.remote_id)
        with pytest.raises(NotFoundError):
            subject.adapter.delete(subject.entity, created.remote_id, expected_version=None)
    else:
        assert subject.adapter.fetch(subject.entity, created.remote_id).deleted
        # Deleting again (a push whose answer was lost, sent twice) is harmless.
        subject.adapter.delete(subject.entity, created.remote_id, expected_version=None)
        assert subject.adapter.fetch(subject.entity, created.remote_id).deleted


def check_missing_record(subject: Subject) -> None:
    adapter, entity = subject.adapter, subject.entity
    with pytest.raises(NotFoundError):
        adapter.fetch(entity, subject.missing_id)
    with pytest.raises(NotFoundError):
        adapter.update(entity, subject.missing_id, subject.edit(subject.make("gone")),
                       expected_version=None)


def scan(adapter: Adapter, entity: str, limit: int,
         cursor: str | None = None) -> tuple[list[RemoteRecord], int]:
    """Every page of a full scan (or of the changes since *cursor*); (records, pages)."""
    records: list[RemoteRecord] = []
    pages = 0
    while True:
        page = adapter.list_changes(entity, cursor, limit)
        pages += 1
        assert len(page.records) <= 2 * limit   # two lists (active/closed) may share a page
        records.extend(page.records)
        if not page.has_more:
            return records, pages
        assert page.cursor is not None and page.cursor != cursor, "a page did not advance"
        cursor = page.cursor
        assert pages < 10_000


def check_list_pages(subject: Subject, count: int = 5, limit: int = 2) -> None:
    """A scan in small pages sees every record with the version fetch() reports."""
    made = [subject.create()[1] for _ in range(count)]
    records, pages = scan(subject.adapter, subject.entity, limit)
    seen = {record.remote_id: record for record in records}
    assert pages >= (count + limit - 1) // limit
    for record in made:
        assert record.remote_id in seen, f"scan missed {record.remote_id}"
        assert seen[record.remote_id].version == record.version
        assert dict(seen[record.remote_id].fields) == dict(record.fields)


def check_natural_key(subject: Subject) -> None:
    """After a lost create response, the record is found by its natural key."""
    adapter, entity = subject.adapter, subject.entity
    wanted, created = subject.create()
    key = adapter.natural_key(entity, wanted)
    assert key is not None
    found = adapter.find_by_natural_key(entity, key)
    assert found is not None and found.remote_id == created.remote_id
    assert adapter.find_by_natural_key(entity, adapter.natural_key(
        entity, subject.make(subject.token()))) is None


def check_duplicate_natural_key_rejected(subject: Subject) -> None:
    """Creating a second record with the same natural key is refused with a message."""
    wanted, _created = subject.create()
    with pytest.raises(RejectedError) as refused:
        subject.create({**subject.make(subject.token()), **_key_fields(subject, wanted)})
    assert refused.value.message


def _key_fields(subject: Subject, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of *fields* that make up its natural key (found by elimination)."""
    key = subject.adapter.natural_key(subject.entity, fields)
    fresh = subject.make(subject.token())
    return {name: value for name, value in fields.items()
            if subject.adapter.natural_key(subject.entity, {**fresh, name: value}) == key}


def check_round_trip(subject: Subject, fields: Mapping[str, Any]) -> None:
    """*fields* (Chinese text, say) come back exactly as sent, by fetch and by scan."""
    _wanted, created = subject.create(fields)
    assert_fields(fields, created)
    assert_fields(fields, subject.adapter.fetch(subject.entity, created.remote_id))
