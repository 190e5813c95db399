"""Application-wide events, so windows that show the same records stay in step."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Signals:
        records_changed(str, str): entity and record id after a save, delete or restore.
    """

    records_changed = Signal(str, str)
