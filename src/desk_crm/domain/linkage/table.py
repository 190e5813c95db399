"""Person records held column by column for matching: every compared field as an integer
code into a vocabulary of its distinct comparison forms (code 0 = missing). A million
records then cost a few integer arrays plus each distinct value once, and "equal" is an
integer comparison over all candidate pairs at once."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import overload

import numpy as np
import numpy.typing as npt

from desk_crm.domain.duplicates import company_key
from desk_crm.domain.linkage import normalize as norm
from desk_crm.domain.linkage.ids import Batch, IdColumn
from desk_crm.domain.linkage.record import PersonRecord

Codes = npt.NDArray[np.int32]


_NORMALISE: dict[str, Callable[[str], str]] = {
    "postcode": norm.postcode, "city": norm.city, "region": norm.region,
    "birth": norm.birth_date}

# Columns of the table, in the order the comparisons use them.
TEXT_FIELDS = ("family", "given", "family_cjk", "given_cjk", "address", "house",
               "postcode", "city", "region", "birth", "company", "email", "phone")


class PackedStrings(Sequence[str]):
    """Read-only strings held as one UTF-8 buffer plus offsets. A Python str costs ~50
    bytes of header plus two 8-byte references (list and object array); the nearly
    all-distinct addresses, e-mails and phones of a million records are ~70 MB that way
    and ~25 MB packed. Values are decoded only when a comparison asks for them."""

    __slots__ = ("_blob", "_offsets")

    def __init__(self, values: Sequence[str]) -> None:
        encoded = [v.encode() for v in values]
        self._blob = b"".join(encoded)
        self._offsets = array("q", [0])
        total = 0
        for piece in encoded:
            total += len(piece)
            self._offsets.append(total)

    @classmethod
    def of_buffer(cls, blob: bytes, offsets: array[int]) -> PackedStrings:
        """Values already packed: value i is ``blob[offsets[i]:offsets[i + 1]]``."""
        packed = cls(())
        packed._blob, packed._offsets = blob, offsets
        return packed

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        offsets = self._offsets
        return self._blob[offsets[index]:offsets[index + 1]].decode()

    def many(self, indices: npt.NDArray[np.int32]) -> list[str]:
        """The values at *indices*, decoded in one go: their bytes are gathered by numpy
        into one buffer, each followed by a NUL, which is decoded and split in C (a
        Python slice-and-decode per value made the 1M scan's comparisons ~40% slower)."""
        if not len(indices):
            return []
        offsets = np.frombuffer(self._offsets, dtype=np.int64)
        starts = offsets[indices]
        lengths = offsets[indices + 1] - starts
        spans = lengths + 1
        out_start = np.cumsum(spans) - spans
        source = np.arange(int(spans.sum()), dtype=np.int64) - np.repeat(out_start - starts,
                                                                           spans)
        blob = np.frombuffer(self._blob, dtype=np.uint8)
        if not len(blob):
            return [""] * len(indices)
        buffer = blob[np.minimum(source, len(blob) - 1)]
        buffer[out_start + lengths] = 0
        values: list[str] = buffer.tobytes().decode().split("\0")[:-1]
        if len(values) != len(indices):  # a value holding a NUL itself
            return [self[i] for i in indices.tolist()]
        return values

    def __iter__(self) -> Iterator[str]:
        blob, offsets = self._blob, self._offsets
        for i in range(len(offsets) - 1):
            yield blob[offsets[i]:offsets[i + 1]].decode()


class Vocabulary:
    """Distinct values of one column; code 0 is the empty value."""

    __slots__ = ("_list", "_objects", "_packed", "codes")

    def __init__(self) -> None:
        self._list: list[str] = [""]
        self._packed: PackedStrings | None = None
        self.codes: dict[str, int] = {"": 0}
        self._objects: npt.NDArray[np.object_] | None = None

    @property
    def values(self) -> Sequence[str]:
        return self._packed if self._packed is not None else self._list

    def pack(self) -> None:
        """Hold the values packed (after the last value is added): for the columns whose
        values are nearly all distinct, where the per-string overhead is the memory."""
        self._packed = PackedStrings(self._list)
        self._list = []
        self._objects = None

    def set_packed(self, packed: PackedStrings) -> None:
        """Values coded elsewhere (:class:`_Staged`): *packed* [0] is the empty value."""
        self._packed, self._list, self.codes, self._objects = packed, [], {}, None

    def pick(self, codes: npt.NDArray[np.int32]) -> npt.NDArray[np.object_]:
        """The values of *codes* as an object array (what rapidfuzz's cpdist reads).
        Unpacked: one C-level gather. Packed: each distinct code of the chunk decoded once."""
        if self._packed is None:
            if self._objects is None or len(self._objects) != len(self._list):
                self._objects = np.empty(len(self._list), dtype=object)
                self._objects[:] = self._list
            return self._objects[codes]
        unique, inverse = np.unique(codes, return_inverse=True)
        decoded = np.empty(len(unique), dtype=object)
        decoded[:] = self._packed.many(unique)
        return decoded[inverse.reshape(-1)]

    def code(self, value: str) -> int:
        found = self.codes.get(value)
        if found is None:
            found = self.codes[value] = len(self._list)
            self._list.append(value)
        return found

    def codes_of(self, values: Iterable[str]) -> Iterator[int]:
        """The codes of many values, new ones numbered in order of first appearance."""
        values = values if isinstance(values, list) else list(values)
        codes, known = self.codes, self._list
        for value in [v for v in dict.fromkeys(values) if v not in codes]:
            codes[value] = len(known)
            known.append(value)
        return map(codes.__getitem__, values)


# Raw input -> the table columns it fills, for the inputs whose values repeat (names,
# cities, postcodes, companies): each distinct raw value is normalised once.
_REPEATING = (("family", "family"), ("family", "family_cjk"), ("given", "given"),
              ("given", "given_cjk"), ("postcode", "postcode"), ("city", "city"),
              ("region", "region"), ("birth", "birth"), ("company", "company"))


def _normaliser(column: str) -> Callable[[str], str]:
    """The normalisation of a column, without the functions' own caches: the table
    normalises each distinct raw value once anyway, and at a million records those caches
    (262,144 entries each) would keep ~100k raw names alive after the load."""
    if column == "family":
        name_part = norm.name_part.__wrapped__
        return lambda value: name_part(value, True)
    if column == "given":
        return norm.name_part.__wrapped__
    if column in ("family_cjk", "given_cjk"):
        return norm.cjk_chars.__wrapped__
    if column == "company":
        return lambda value: company_key(value).replace(" ", "") if value else ""
    if column in ("city", "region"):
        return norm.city.__wrapped__
    return _NORMALISE[column]


# Columns whose values are nearly all distinct (one per record): staged while loading,
# coded and packed at freeze.
_PACKED = ("address", "email", "phone")
_GATHER = 1 << 16  # distinct values gathered into the packed vocabulary at a time


class _Staged:
    """One nearly-all-distinct column while records are appended: every record's value
    as UTF-8 in one growing buffer, with its end offset and its str hash (8 + 8 bytes a
    record). Coding them by a dictionary of value -> code, as the repeating columns are,
    holds a Python string and a dictionary slot per distinct value until the load ends:
    at a million contacts ~100 MB per column, now ~50. :meth:`code` sorts the hashes to
    find equal values, checks the bytes of every value its hash groups with another
    (so a hash collision cannot merge two values), and numbers the distinct values in
    order of first appearance as a dictionary would."""

    __slots__ = ("_blob", "_ends", "_hashes")

    def __init__(self) -> None:
        self._blob = bytearray()
        self._ends = array("q")
        self._hashes = array("q")

    def extend(self, values: list[str]) -> None:
        text = "".join(values)
        data = text.encode()
        if len(data) == len(text):  # all ASCII: a character is a byte
            lengths: Iterable[int] = map(len, values)
        else:
            lengths = [len(v.encode()) for v in values]
        start = len(self._blob)
        self._blob += data
        ends = np.cumsum(np.fromiter(lengths, dtype=np.int64, count=len(values))) + start
        self._ends.frombytes(ends.tobytes())
        self._hashes.extend(map(hash, values))

    def code(self) -> tuple[Codes, PackedStrings]:
        """Each record's code (0 = empty) and the distinct values, code 0 first."""
        count = len(self._ends)
        ends = np.frombuffer(self._ends, dtype=np.int64)
        starts = np.zeros(count, dtype=np.int64)
        starts[1:] = ends[:-1]
        filled = np.flatnonzero(ends != starts)
        hashes = np.frombuffer(self._hashes, dtype=np.int64)[filled]
        order = np.argsort(hashes, kind="stable")  # equal hashes keep record order
        hashes = hashes[order]
        first = np.empty(len(order), dtype=np.bool_)
        first[:1] = True
        np.not_equal(hashes[1:], hashes[:-1], out=first[1:])
        del hashes
        group = np.cumsum(first) - 1
        leader = filled[order[first]]  # each group's first record
        # Number groups by their first record: the order a dictionary would give.
        number = np.empty(len(leader), dtype=np.int32)
        number[np.argsort(leader, kind="stable")] = np.arange(1, len(leader) + 1,
                                                              dtype=np.int32)
        codes = np.zeros(count, dtype=np.int32)
        codes[filled[order]] = number[group]
        same = filled[order[~first]]  # records whose hash equals an earlier one's
        if len(same) and not self._equal(same, leader[group[~first]], starts, ends):
            return self._code_by_dictionary()
        del order, group, first, same, number, filled
        leader.sort()
        return codes, self._packed(leader, starts, ends)

    def _equal(self, records: npt.NDArray[np.int64], leaders: npt.NDArray[np.int64],
               starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]) -> bool:
        blob = self._blob
        for a, b in zip(records.tolist(), leaders.tolist(), strict=True):
            if blob[starts[a]:ends[a]] != blob[starts[b]:ends[b]]:
                return False
        return True

    def _packed(self, leaders: npt.NDArray[np.int64], starts: npt.NDArray[np.int64],
                ends: npt.NDArray[np.int64]) -> PackedStrings:
        """The values of *leaders* (in that order) packed after the empty value."""
        source = np.frombuffer(self._blob, dtype=np.uint8)
        pieces = []
        for low in range(0, len(leaders), _GATHER):
            chosen = leaders[low:low + _GATHER]
            first, lengths = starts[chosen], ends[chosen] - starts[chosen]
            at = np.cumsum(lengths) - lengths
            index = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(first - at,
                                                                             lengths)
            pieces.append(source[index].tobytes() if len(source) else b"")
        blob = b"".join(pieces)
        del pieces
        lengths = ends[leaders] - starts[leaders]
        offsets = array("q", [0, 0])  # the empty value, code 0
        offsets.frombytes(np.cumsum(lengths).astype(np.int64).tobytes())
        return PackedStrings.of_buffer(blob, offsets)

    def _code_by_dictionary(self) -> tuple[Codes, PackedStrings]:
        """A 64-bit hash collision between two different values: code them exactly."""
        words = Vocabulary()
        ends = self._ends.tolist()
        values = [bytes(self._blob[a:b]).decode() for a, b in
                  zip([0, *ends[:-1]], ends, strict=True)]
        codes = np.fromiter(words.codes_of(values), dtype=np.int32, count=len(values))
        return codes, PackedStrings(words.values)


class RecordTable:
    """Append records (streamed from the database), then :meth:`freeze` into arrays."""

    def __init__(self) -> None:
        self.ids = IdColumn(())
        self._id_parts: list[Batch] = []
        self._count = 0
        self.vocab: dict[str, Vocabulary] = {f: Vocabulary() for f in TEXT_FIELDS}
        self._columns: dict[str, array[int]] = {f: array("i") for f in TEXT_FIELDS}
        # Records with more than one email / phone: the extra values, for "any shared".
        self.extra_emails: dict[int, frozenset[str]] = {}
        self.extra_phones: dict[int, frozenset[str]] = {}
        self.codes: dict[str, Codes] = {}
        # Raw value -> code, per column filled from a repeating input.
        self._raw: dict[str, dict[str, int]] = {column: {} for _, column in _REPEATING}
        self._staged = {f: _Staged() for f in _PACKED}

    def __len__(self) -> int:
        return self._count

    def add(self, record: PersonRecord) -> None:
        self.add_values(record.id, record.family_name, record.given_name, record.street,
                        record.street2, record.postal_code, record.city, record.region,
                        record.birth_date, record.company, record.emails, record.phones)

    def add_many(self, records: Sequence[PersonRecord]) -> None:
        """Many records in one batch (column by column, as the loader does)."""
        if not records:
            return
        self.add_columns([r.id for r in records], {
            "family": [r.family_name for r in records],
            "given": [r.given_name for r in records],
            "street": [r.street for r in records], "street2": [r.street2 for r in records],
            "postcode": [r.postal_code for r in records], "city": [r.city for r in records],
            "region": [r.region for r in records],
            "birth": [r.birth_date for r in records],
            "company": [r.company for r in records]},
            [r.emails for r in records], [r.phones for r in records])

    def add_values(self, record_id: str, family: str, given: str, street: str, street2: str,
                   postal_code: str, city: str, region: str, birth_date: str, company: str,
                   emails: Sequence[str], phones: Sequence[str]) -> None:
        """One record from its raw values."""
        self.add_columns([record_id], {
            "family": [family], "given": [given], "street": [street], "street2": [street2],
            "postcode": [postal_code], "city": [city], "region": [region],
            "birth": [birth_date], "company": [company]}, [emails], [phones])

    def add_columns(self, ids: list[str], raw: dict[str, Sequence[str]],
                    emails: Sequence[Sequence[str]], phones: Sequence[Sequence[str]]) -> None:
        """A batch of records, column by column (the loader streams pages straight in
        here). *raw* holds the lists family, given, street, street2, postcode, city, region,
        birth, company, one value per record. Work per record is a dictionary look-up in
        C (``map``); each distinct name, city, postcode or company is normalised once."""
        first = self._count
        self._id_parts.append(Batch(ids))
        self._count += len(ids)
        columns, vocab = self._columns, self.vocab
        for source, column in _REPEATING:
            values = raw[source]
            known = self._raw[column]
            missing = [v for v in dict.fromkeys(values) if v not in known]
            if missing:
                normalise, words = _normaliser(column), vocab[column]
                for value in missing:
                    known[value] = words.code(normalise(value))
            columns[column].extend(map(known.__getitem__, values))
        # Addresses are nearly all distinct: normalised per record, no raw look-up.
        folded = list(map(norm.address, raw["street"], raw["street2"]))
        self._staged["address"].extend(folded)
        columns["house"].extend(vocab["house"].codes_of(map(norm.house_number, folded)))
        self._points("email", emails, first, norm.email, self.extra_emails)
        self._points("phone", phones, first, norm.phone, self.extra_phones)

    def _points(self, column: str, lists: Sequence[Sequence[str]], first: int,
                normalise: Callable[[str], str], extra: dict[int, frozenset[str]]) -> None:
        """The first usable value of each record; all of them kept for the few records
        with more than one."""
        chosen = list(map(normalise, [v[0] if len(v) == 1 else "" for v in lists]))
        for offset in [i for i, v in enumerate(lists) if len(v) > 1]:
            usable = [v for v in map(normalise, lists[offset]) if v]
            if len(usable) > 1:
                extra[first + offset] = frozenset(usable)
            chosen[offset] = usable[0] if usable else ""
        self._staged[column].extend(chosen)

    def freeze(self) -> RecordTable:
        """Turn the appended columns into numpy arrays (call once, after the last add).
        The look-up dictionaries go: at a million records they are most of the memory."""
        for field in TEXT_FIELDS:
            if field not in self._staged:  # one column at a time: each copy, then its source
                self.codes[field] = np.frombuffer(self._columns[field], dtype=np.int32).copy()
            self._columns[field] = array("i")
        self.ids = IdColumn(self._id_parts)
        self._id_parts = []
        self._raw = {f: {} for f in self._raw}
        for words in self.vocab.values():
            words.codes = {}
        for field in _PACKED:
            codes, packed = self._staged[field].code()
            self._staged[field] = _Staged()
            self.codes[field] = codes
            self.vocab[field].set_packed(packed)
            del codes, packed
        return self

    def value(self, field: str, index: int) -> str:
        return self.vocab[field].values[int(self.codes[field][index])]


def table_of(records: list[PersonRecord]) -> RecordTable:
    table = RecordTable()
    table.add_many(records)
    return table.freeze()
