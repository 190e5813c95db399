"""A value sent through a ``Signal(object)`` with a word on what it stands for.

List filters travel this way from the dashboard and the segments page to the main window:
the pairs themselves, and a label for the bar above the list ("segment “VIP”").
(Boxing once also stood in for a supposed PySide6 fault with Python sequences; that was
the 6.12.0 emit refcount bug, see ui/operations.py, and sequences travel fine.)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Boxed(Generic[T]):
    value: T
    label: str = ""  # what the value stands for, in words (list filters: "segment “VIP”")
