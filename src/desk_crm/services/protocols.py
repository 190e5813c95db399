"""What callers outside the services rely on in a service, as Protocols.

The main window deletes and restores any registered entity through its service (with undo),
and sync writes through the same code: a service conforms by having these methods, whatever
its record type (parameters are positional-only, so ``account_id`` / ``contact_id`` names do
not matter). ``tests/ui/test_page_protocol.py`` checks every registered editor's service.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class RecordService(Protocol):
    """The service behind an editor: read one record, soft-delete it, bring it back."""

    def get(self, record_id: str, /) -> object:
        """The record (its own dataclass per entity); RecordNotFound when there is none."""
        ...

    def delete(self, record_id: str, /) -> None:
        """Soft delete in one transaction with a change-log entry (undo calls restore)."""
        ...

    def restore(self, record_id: str, /) -> None:
        """Undo a soft delete."""
        ...
