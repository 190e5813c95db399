"""A value to send through a ``Signal(object)`` when it is a Python sequence.

WORKAROUND (PySide6 6.12): a Python list or tuple sent as ``object`` is converted to a Qt
sequence on the way; on the insight pages that went with heap corruption under load, a
plain object never did. Box sequences (the dashboard's list filters, for one)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Boxed(Generic[T]):
    value: T
    label: str = ""  # what the value stands for, in words (list filters: "segment “VIP”")
