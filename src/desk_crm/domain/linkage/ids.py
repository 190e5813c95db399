"""Record ids of a scanned table, held compactly: a million UUID strings cost ~90 MB as
Python objects, ~36 MB as one numpy byte-string array and 16 MB as the UUIDs' 16 bytes
each (what the ids of the database are: canonical lower-case UUID text). Ids of any
other form are held as byte strings. Finding the place of an id (a "not a duplicate"
mark, a merged record) is a binary search, not a dictionary of every id."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import overload

import numpy as np
import numpy.typing as npt

Encoded = npt.NDArray[np.bytes_]

_DASHES = (8, 13, 18, 23)
_HEX_PLACES = np.asarray([i for i in range(36) if i not in _DASHES], dtype=np.intp)
_HEX_VALUE = np.full(256, 255, dtype=np.uint8)
_HEX_VALUE[np.frombuffer(b"0123456789abcdef", dtype=np.uint8)] = np.arange(16,
                                                                           dtype=np.uint8)


def _as_text(ids: Sequence[str]) -> Encoded:
    try:
        return np.asarray(ids, dtype=np.bytes_)
    except UnicodeEncodeError:
        return np.asarray([i.encode() for i in ids], dtype=np.bytes_)


def _packed_uuids(ids: Sequence[str]) -> Encoded | None:
    """*ids* as 16-byte UUIDs (dtype S16), or None unless every one is a canonical
    lower-case UUID (so that :func:`_uuid_text` gives back exactly the same text)."""
    try:
        text = np.asarray(ids, dtype=np.bytes_)
    except UnicodeEncodeError:
        return None
    if text.dtype.itemsize != 36 or not len(text):
        return None
    chars = text.view(np.uint8).reshape(len(text), 36)
    if not (chars[:, list(_DASHES)] == ord("-")).all():
        return None
    digits = _HEX_VALUE[chars[:, _HEX_PLACES]]
    if (digits == 255).any():  # not hex, upper case, or a shorter id padded with NULs
        return None
    packed = (digits[:, 0::2] << 4) | digits[:, 1::2]
    return np.ascontiguousarray(packed).view("S16").reshape(-1)


def _uuid_text(raw: bytes) -> str:
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class Batch:
    """One batch of ids, encoded: 16-byte UUIDs (dtype S16) when every id of the batch is
    one, else their UTF-8 text."""

    __slots__ = ("data", "uuids")

    def __init__(self, ids: Sequence[str]) -> None:
        packed = _packed_uuids(ids)
        self.uuids = packed is not None
        self.data: Encoded = packed if packed is not None else _as_text(ids)

    def texts(self) -> list[str]:
        if self.uuids:
            raw = self.data.view(np.uint8).reshape(-1).tobytes()
            return [_uuid_text(raw[i:i + 16]) for i in range(0, len(raw), 16)]
        return [bytes(v).decode() for v in self.data]


def encode(ids: Sequence[str]) -> Batch:
    return Batch(ids)


class IdColumn(Sequence[str]):
    """The ids in table order; ``column[i]`` is a str, :meth:`positions` finds places."""

    def __init__(self, parts: Iterable[Batch]) -> None:
        batches = list(parts)
        # All UUIDs: 16 bytes an id. Any batch of other ids: every id as its text.
        self._uuids = bool(batches) and all(b.uuids for b in batches)
        chunks = [b.data if self._uuids else _as_text(b.texts()) for b in batches]
        self._data = np.concatenate(chunks) if chunks else np.zeros(0, dtype="S1")
        del chunks
        self._order = np.argsort(self._data, kind="stable").astype(np.int32)
        self._bytes = self._data.view(np.uint8).reshape(-1).data if self._uuids else None

    def __len__(self) -> int:
        return len(self._data)

    def _text(self, index: int) -> str:
        if self._bytes is not None:
            if index < 0:
                index += len(self._data)
            if not 0 <= index < len(self._data):
                raise IndexError(index)
            return _uuid_text(bytes(self._bytes[16 * index:16 * index + 16]))
        return bytes(self._data[index]).decode()

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self._text(i) for i in range(*index.indices(len(self)))]
        return self._text(int(index))

    def __iter__(self) -> Iterator[str]:
        return (self._text(i) for i in range(len(self._data)))

    def _keys(self, ids: list[str]) -> Encoded | None:
        """*ids* in the column's encoding; None if none of them can be in it."""
        if not self._uuids:
            return _as_text(ids)
        return _packed_uuids(ids)

    def positions(self, ids: Iterable[str]) -> dict[str, int]:
        """The place of each of *ids* that is in the column."""
        wanted = list(dict.fromkeys(ids))
        if not wanted or not len(self._data):
            return {}
        keys = self._keys(wanted)
        if keys is None:  # some are not UUIDs, so not here: look for the others
            wanted = [w for w in wanted if _packed_uuids([w]) is not None]
            keys = self._keys(wanted)
            if keys is None:
                return {}
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
