"""Errors a service raises that the UI turns into a message a user can act on."""

from __future__ import annotations

from desk_crm.store.writer import DatabaseBusy

__all__ = ["DatabaseBusy", "RecordNotFound", "StaleRecord"]


class RecordNotFound(LookupError):
    def __init__(self, entity: str, record_id: str) -> None:
        super().__init__(f"{entity} {record_id} does not exist or was deleted")
        self.entity = entity
        self.record_id = record_id


class StaleRecord(RuntimeError):
    """The record changed since the editor loaded it; saving would overwrite that change."""

    def __init__(self, entity: str, record_id: str, expected: int, actual: int) -> None:
        super().__init__(f"{entity} {record_id} is at version {actual}, not {expected}")
        self.entity = entity
        self.record_id = record_id
        self.expected = expected
        self.actual = actual
