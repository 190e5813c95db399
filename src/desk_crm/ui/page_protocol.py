"""What the main window relies on in an area page, as Protocols instead of a docstring.

Every page is a QWidget (the main window stacks it); on top of that it implements
``AreaPage``. The other Protocols are optional parts the main window wires up when a page
has them (it tests with ``hasattr``; ``tests/ui/test_page_protocol.py`` checks that a page
having one member of a part has all of it, for every registered area).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QByteArray, SignalInstance


@runtime_checkable
class AreaPage(Protocol):
    """One area of the main window.

    Signals: open_requested(str) and delete_requested(str) with a record id (the main window
    opens the editor / deletes with undo), count_changed(int) for the status bar.
    """

    title: str
    open_requested: SignalInstance
    delete_requested: SignalInstance
    count_changed: SignalInstance

    def current_record_id(self) -> str | None: ...

    def focus_search(self) -> None: ...

    def reload(self) -> None: ...

    def count(self) -> int: ...


@runtime_checkable
class EntityPage(AreaPage, Protocol):
    """A page listing one entity: New (Ctrl+N) creates one of *entity*."""

    entity: str


@runtime_checkable
class KeepsHeaderState(Protocol):
    """Column order and widths kept across runs."""

    def header_state(self) -> QByteArray: ...

    def restore_header_state(self, state: QByteArray) -> None: ...


@runtime_checkable
class TitledInNavigation(Protocol):
    """A sidebar entry with live text, e.g. "Tickets (12)": nav_title_changed(str)."""

    nav_title_changed: SignalInstance

    def nav_title(self) -> str: ...


@runtime_checkable
class EditsInPlace(Protocol):
    """Cells saved in the grid: record_edited(...) and cells_pasted(...) become undo steps."""

    record_edited: SignalInstance
    cells_pasted: SignalInstance
