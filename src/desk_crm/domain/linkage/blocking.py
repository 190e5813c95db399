"""Candidate pairs: records sharing any one of several blocking keys, so that one typo,
a swapped name or a missing value in a key still leaves the pair another way to meet.

Keys: the sound code of each name part with the first letter of the other part (both
orders, so swapped given/family names share them; pinyin for Chinese names), the Chinese
characters of the name, postcode + house number, the e-mail local part, the last seven
phone digits, the birth date. Inside a key, records are ordered by their name (order of the
parts ignored) and each is paired with the next ``window - 1``: a small block is compared
completely, a huge one (a dummy phone shared by thousands) costs ``window`` pairs per record
instead of its square. The pairs are deduplicated across keys.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from desk_crm.domain.linkage.normalize import phonetic
from desk_crm.domain.linkage.table import RecordTable

Pairs = tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]
WINDOW = 12


def record_keys(table: RecordTable, index: int) -> list[str]:
    """The blocking keys of one record (also used to find candidates in the database)."""
    family, given = table.value("family", index), table.value("given", index)
    keys = []
    if family and given:
        keys.append(f"p{phonetic(family)}|{given[0]}")
        keys.append(f"p{phonetic(given)}|{family[0]}")
    elif family or given:
        keys.append(f"p{phonetic(family or given)}|")
    chars = table.value("family_cjk", index) + table.value("given_cjk", index)
    if chars:
        keys.append(f"c{chars}")
    postcode, house = table.value("postcode", index), table.value("house", index)
    if postcode and house:
        keys.append(f"a{postcode}|{house}")
    for email in _all(table, "email", index):
        keys.append(f"e{email.partition('@')[0]}")
    for phone in _all(table, "phone", index):
        keys.append(f"t{phone[-7:]}")
    birth = table.value("birth", index)
    if birth:
        keys.append(f"b{birth}")
    return keys


def _all(table: RecordTable, field: str, index: int) -> list[str]:
    extra = (table.extra_emails if field == "email" else table.extra_phones).get(index)
    if extra:
        return sorted(extra)
    value = table.value(field, index)
    return [value] if value else []


def candidate_pairs(table: RecordTable, window: int = WINDOW,
                    progress: Callable[[int, int], None] | None = None) -> Pairs:
    """Deduplicated pairs (left < right, record indices) sharing a blocking key.

    Keys are built from per-value parts computed once per distinct value (a sound code per
    distinct family name, not per record) and kept as 64-bit hashes in flat arrays, so a
    million records cost tens of megabytes here, not a dict of millions of strings."""
    n = len(table)
    vocab = table.vocab
    sound = {f: [phonetic(v) for v in vocab[f].values] for f in ("family", "given")}
    codes = {f: table.codes[f].tolist() for f in
             ("family", "given", "family_cjk", "given_cjk", "postcode", "house", "email",
              "phone", "birth")}
    values = {f: vocab[f].values for f in codes}
    keys: array[int] = array("q")
    members: array[int] = array("i")
    for index in range(n):
        own: set[str] = set()
        family, given = codes["family"][index], codes["given"][index]
        if family and given:
            own.add(f"p{sound['family'][family]}|{values['given'][given][0]}")
            own.add(f"p{sound['given'][given]}|{values['family'][family][0]}")
        elif family or given:
            own.add(f"p{sound['family'][family] or sound['given'][given]}|")
        chars = (values["family_cjk"][codes["family_cjk"][index]]
                 + values["given_cjk"][codes["given_cjk"][index]])
        if chars:
            own.add(f"c{chars}")
        postcode, house = codes["postcode"][index], codes["house"][index]
        if postcode and house:
            own.add(f"a{values['postcode'][postcode]}|{values['house'][house]}")
        extra = table.extra_emails.get(index)
        for email in (extra if extra else
                      (values["email"][codes["email"][index]],) if codes["email"][index]
                      else ()):
            own.add(f"e{email.partition('@')[0]}")
        extra = table.extra_phones.get(index)
        for phone in (extra if extra else
                      (values["phone"][codes["phone"][index]],) if codes["phone"][index]
                      else ()):
            own.add(f"t{phone[-7:]}")
        if codes["birth"][index]:
            own.add(f"b{values['birth'][codes['birth'][index]]}")
        for key in own:
            keys.append(hash(key))
            members.append(index)
        if progress is not None and index % 20000 == 0:
            progress(index, n)
    del codes
    key_array = np.frombuffer(keys, dtype=np.int64).copy()
    member_array = np.frombuffer(members, dtype=np.int32).copy()
    del keys, members
    order = np.lexsort((_name_rank(table)[member_array], key_array))
    key_array, member_array = key_array[order], member_array[order]
    del order
    left_parts, right_parts = [], []
    for distance in range(1, window):
        same = key_array[:-distance] == key_array[distance:]
        if not same.any():
            break
        left_parts.append(member_array[:-distance][same])
        right_parts.append(member_array[distance:][same])
    if not left_parts:
        empty = np.zeros(0, dtype=np.int32)
        return empty, empty
    left, right = np.concatenate(left_parts), np.concatenate(right_parts)
    del left_parts, right_parts
    distinct = left != right  # two keys of one record that hash alike
    low = np.minimum(left, right)[distinct].astype(np.int64)
    high = np.maximum(left, right)[distinct]
    encoded = np.unique(low * n + high)
    return (encoded // n).astype(np.int32), (encoded % n).astype(np.int32)


def _name_rank(table: RecordTable) -> npt.NDArray[np.int64]:
    """Each record's position in name order, the two parts sorted so a swap sorts alike."""
    family, given = table.vocab["family"].values, table.vocab["given"].values
    names = [" ".join(sorted((family[f], given[g])))
             for f, g in zip(table.codes["family"].tolist(), table.codes["given"].tolist(),
                             strict=True)]
    order = sorted(range(len(names)), key=names.__getitem__)
    rank = np.empty(len(names), dtype=np.int64)
    rank[np.asarray(order, dtype=np.int64)] = np.arange(len(names), dtype=np.int64)
    return rank
