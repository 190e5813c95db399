"""Record ids of a scanned table, held compactly: a million UUID strings cost ~90 MB as
Python objects and ~36 MB as one numpy byte-string array, and finding the place of an id
(a "not a duplicate" mark, a merged record) is a binary search, not a dictionary of every
id."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import overload

import numpy as np
import numpy.typing as npt


def encode(ids: Sequence[str]) -> npt.NDArray[np.bytes_]:
    """A batch of ids as a byte-string array (UTF-8; ids are ASCII UUIDs in practice)."""
    try:
        return np.asarray(ids, dtype=np.bytes_)
    except UnicodeEncodeError:
        return np.asarray([i.encode() for i in ids], dtype=np.bytes_)


class IdColumn(Sequence[str]):
    """The ids in table order; ``column[i]`` is a str, :meth:`positions` finds places."""

    def __init__(self, parts: Iterable[npt.NDArray[np.bytes_]]) -> None:
        chunks = list(parts)
        self._data = np.concatenate(chunks) if chunks else np.zeros(0, dtype="S1")
        self._order = np.argsort(self._data, kind="stable").astype(np.int32)

    def __len__(self) -> int:
        return len(self._data)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [bytes(v).decode() for v in self._data[index]]
        return bytes(self._data[index]).decode()

    def __iter__(self) -> Iterator[str]:
        return (bytes(v).decode() for v in self._data)

    def positions(self, ids: Iterable[str]) -> dict[str, int]:
        """The place of each of *ids* that is in the column."""
        wanted = list(dict.fromkeys(ids))
        if not wanted or not len(self._data):
            return {}
        keys = encode(wanted)
        sorted_data = self._data[self._order]
        at = np.minimum(np.searchsorted(sorted_data, keys), len(self._data) - 1)
        found = sorted_data[at] == keys
        return {w: int(self._order[a]) for w, a, ok in
                zip(wanted, at.tolist(), found.tolist(), strict=True) if ok}

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        place = self.positions([str(value)]).get(str(value))
        if place is None or place < start or (stop is not None and place >= stop):
            raise ValueError(f"{value!r} is not in the table")
        return place
