"""Candidate pairs: records sharing any one of several blocking keys, so that one typo,
a swapped name or a missing value in a key still leaves the pair another way to meet.

Keys: the sound code of each name part with the first letter of the other part (both
orders, so swapped given/family names share them; pinyin for Chinese names), the Chinese
characters of the name, postcode + house number, the e-mail local part, the last seven
phone digits, the birth date. Inside a key, records are ordered by their name (order of the
parts ignored) and each is paired with the next ``window - 1``: a small block is compared
completely, a huge one (a dummy phone shared by thousands) costs ``window`` pairs per record
instead of its square. The pairs are deduplicated across keys.

Every key is a 64-bit integer built with numpy from per-distinct-value parts (the sound
code of each distinct family name is computed once, then gathered for all records by its
vocabulary code), so a million records cost no Python work per record here.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence

import numpy as np
import numpy.typing as npt

from desk_crm.domain.linkage.normalize import phonetic
from desk_crm.domain.linkage.table import RecordTable

Pairs = tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]
Keys = npt.NDArray[np.int64]
WINDOW = 12
_SLICE = 1 << 20

# The kind of a key, in its top bits, so equal values of different kinds never meet.
_NAME, _CHARS, _ADDRESS, _EMAIL, _PHONE, _BIRTH = range(1, 7)
_KIND_SHIFT = 58


def _kind(kind: int, value: Keys) -> Keys:
    return value | np.int64(kind << _KIND_SHIFT)


def _lookup(values: Sequence[str], part: Callable[[str], str], ids: dict[str, int]) -> Keys:
    """For each vocabulary entry, the id of *part*(entry) in the shared dictionary *ids*
    (0 for the empty entry)."""
    out = np.zeros(len(values), dtype=np.int64)
    for code, value in enumerate(values):
        if code:
            out[code] = ids.setdefault(part(value), len(ids) + 1)
    return out


def _initials(values: Sequence[str]) -> Keys:
    return np.asarray([ord(v[0]) + 1 if v else 0 for v in values], dtype=np.int64)


def _local_part(email: str) -> str:
    return email.partition("@")[0]


def _phone_suffix(phone: str) -> str:
    return phone[-7:]


Members = npt.NDArray[np.int32]


def key_parts(table: RecordTable) -> Iterator[tuple[Keys, Members]]:
    """(key, record) entries of the table, one kind of key at a time (keys of two kinds
    never meet, so each kind can be sorted on its own, with its own temporaries)."""
    vocab, codes = table.vocab, table.codes
    record = np.arange(len(table), dtype=np.int32)

    def entries(kind: int, *parts: tuple[Keys, npt.NDArray[np.bool_]]) -> tuple[Keys, Members]:
        return (np.concatenate([_kind(kind, value[present]) for value, present in parts]),
                np.concatenate([record[present] for _, present in parts]))

    sounds: dict[str, int] = {}  # one dictionary for both parts: a swap shares its keys
    family, given = codes["family"], codes["given"]
    sound = phonetic.__wrapped__  # each distinct part once: the cache would only grow
    sound_f = _lookup(vocab["family"].values, sound, sounds)[family]
    sound_g = _lookup(vocab["given"].values, sound, sounds)[given]
    first = (sound_f << 22) | _initials(vocab["given"].values)[given]
    second = (sound_g << 22) | _initials(vocab["family"].values)[family]
    both = (family != 0) & (given != 0)
    yield entries(_NAME, (first, both),
                  (second, both & (second != first)),  # "Ann Ann": one key, not two alike
                  ((sound_f | sound_g) << 22, (family != 0) ^ (given != 0)))
    del sound_f, sound_g, first, second, both
    chars_f, chars_g = codes["family_cjk"].astype(np.int64), codes["given_cjk"]
    yield entries(_CHARS, ((chars_f << 29) | chars_g, (chars_f != 0) | (chars_g != 0)))
    postcode, house = codes["postcode"].astype(np.int64), codes["house"]
    yield entries(_ADDRESS, ((postcode << 29) | house, (postcode != 0) & (house != 0)))
    yield entries(_BIRTH, (codes["birth"].astype(np.int64), codes["birth"] != 0))
    for kind, field, part, extra in ((_EMAIL, "email", _local_part, table.extra_emails),
                                     (_PHONE, "phone", _phone_suffix, table.extra_phones)):
        ids: dict[str, int] = {}
        point = _lookup(vocab[field].values, part, ids)[codes[field]]
        single = point != 0
        if extra:
            single[np.fromiter(extra, dtype=np.int64, count=len(extra))] = False
        keys, members = entries(kind, (point, single))
        if extra:  # the few records with several: a key per distinct part of any value
            more = [(ids.setdefault(part(value), len(ids) + 1), index)
                    for index, values in extra.items() for value in {part(v) for v in values}]
            keys = np.concatenate([keys, _kind(kind, np.asarray([k for k, _ in more],
                                                                dtype=np.int64))])
            members = np.concatenate([members, np.asarray([i for _, i in more],
                                                          dtype=np.int32)])
        yield keys, members


def key_arrays(table: RecordTable) -> tuple[Keys, Members]:
    """Every (key, record) of the table: two flat arrays, one entry per key of a record."""
    parts = list(key_parts(table))
    return np.concatenate([k for k, _ in parts]), np.concatenate([m for _, m in parts])


def record_keys(table: RecordTable, index: int) -> set[int]:
    """The blocking keys of one record (for tests and explanations)."""
    keys, members = key_arrays(table)
    return set(keys[members == index].tolist())


class Blocks:
    """The records of every key in name order, kept for the length of a scan so that the
    candidate pairs can be produced a range of records at a time (twice: to fit the model,
    then to score) instead of all being held at once. Held per kind of key (keys of two
    kinds never meet, so the arrays are never joined into one): for each key entry its
    record (int32) and its *reach*, how many of the entries after it have the same key
    (one byte, capped at ``window - 1``: an entry is paired with the next ``window - 1``
    only). 5 bytes an entry instead of 8 with a run number, and no concatenated copy."""

    def __init__(self, table: RecordTable, window: int = WINDOW) -> None:
        if not 1 <= window <= 256:
            raise ValueError("window must be 1..256")
        self.size = len(table)
        self.window = window
        # Each record's place in (name, record) order, as int32: the sorts below then
        # need one int64 column (the key), not three.
        place = np.empty(self.size, dtype=np.int32)
        place[np.argsort(name_rank(table), kind="stable")] = np.arange(self.size,
                                                                       dtype=np.int32)
        self.parts: list[tuple[Members, npt.NDArray[np.uint8]]] = []
        for keys, members in key_parts(table):
            if not len(keys):
                continue
            order = np.lexsort((place[members], keys))
            members = members[order]
            keys = keys[order]
            del order
            reach = _reach(keys, window - 1)
            # A key no other entry shares makes no pair: its entries go (runs stay whole,
            # so the distances inside the others do not change).
            shared = reach > 0
            shared[1:] |= keys[1:] == keys[:-1]
            self.parts.append((members[shared], reach[shared]))
            del keys, members, reach, shared
        del place
        # Pairs per record range are about even: ranges of equal record counts.
        self.raw_pairs = sum(int(np.count_nonzero(reach >= d)) for _, reach in self.parts
                             for d in range(1, window))

    @property
    def entries(self) -> int:
        return sum(len(m) for m, _ in self.parts)

    def ranges(self, pairs_per_range: int = 2_000_000) -> list[tuple[int, int]]:
        """Ranges of record indices [low, high) that each give about *pairs_per_range*
        pairs before deduplication. A range's pairs and their temporaries are ~20 bytes a
        pair at their peak (40 MB here); each range costs one more pass over the key
        entries (~0.2 s at a million records)."""
        count = max(1, -(-self.raw_pairs // pairs_per_range))
        bounds = np.linspace(0, self.size, count + 1).astype(np.int64).tolist()
        return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]

    def pairs(self, low: int = 0, high: int | None = None) -> Pairs:
        """Deduplicated pairs (left < right) whose left record is in [low, high), sorted."""
        high = self.size if high is None else high
        n = self.size
        encoded_parts = []
        for members, reach in self.parts:
            for distance in range(1, self.window):
                # Slices of a million entries: the temporaries stay a few MB whatever the
                # size.
                for start in range(0, len(members) - distance, _SLICE):
                    stop = min(start + _SLICE, len(members) - distance)
                    same = reach[start:stop] >= distance
                    a = members[start:stop][same]
                    b = members[start + distance:stop + distance][same]
                    small = np.minimum(a, b)
                    wanted = (small >= low) & (small < high) & (a != b)
                    encoded_parts.append(small[wanted].astype(np.int64) * n
                                         + np.maximum(a, b)[wanted])
        encoded = np.concatenate(encoded_parts) if encoded_parts else np.zeros(0, np.int64)
        del encoded_parts
        if len(encoded) == 0:
            empty = np.zeros(0, dtype=np.int32)
            return empty, empty
        encoded.sort()  # in place: deduplicating by sort, no second copy of the pairs
        keep = np.empty(len(encoded), dtype=np.bool_)
        keep[0] = True
        np.not_equal(encoded[1:], encoded[:-1], out=keep[1:])
        encoded = encoded[keep]
        del keep
        left = (encoded // n).astype(np.int32)
        encoded %= n
        return left, encoded.astype(np.int32)


def _reach(keys: Keys, most: int) -> npt.NDArray[np.uint8]:
    """For each entry of sorted *keys*, how many entries after it have the same key,
    capped at *most*."""
    count = len(keys)
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    ends = np.append(starts[1:], count)  # each run's end (exclusive)
    lengths = ends - starts
    end_of = np.repeat(ends, lengths)
    del starts, ends, lengths
    end_of -= np.arange(1, count + 1, dtype=np.int64)
    np.minimum(end_of, most, out=end_of)
    return end_of.astype(np.uint8)


def candidate_pairs(table: RecordTable, window: int = WINDOW) -> Pairs:
    """Deduplicated pairs (left < right, record indices) sharing a blocking key."""
    return Blocks(table, window).pairs()


def name_rank(table: RecordTable) -> Keys:
    """Each record's place in name order, the two parts sorted so a swap sorts alike:
    the rank of the smaller part, then of the larger (each distinct part ranked once)."""
    family, given = table.vocab["family"].values, table.vocab["given"].values
    parts = sorted(set(family) | set(given))
    place = {part: rank for rank, part in enumerate(parts)}
    rank_f = np.asarray([place[v] for v in family], dtype=np.int64)[table.codes["family"]]
    rank_g = np.asarray([place[v] for v in given], dtype=np.int64)[table.codes["given"]]
    return np.minimum(rank_f, rank_g) * (len(parts) + 1) + np.maximum(rank_f, rank_g)
