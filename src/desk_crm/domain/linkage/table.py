"""Person records held column by column for matching: every compared field as an integer
code into a vocabulary of its distinct comparison forms (code 0 = missing). A million
records then cost a few integer arrays plus each distinct value once, and "equal" is an
integer comparison over all candidate pairs at once."""

from __future__ import annotations

from array import array
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from desk_crm.domain.duplicates import company_key
from desk_crm.domain.linkage import normalize as norm
from desk_crm.domain.linkage.record import PersonRecord

Codes = npt.NDArray[np.int32]


_NORMALISE: dict[str, Callable[[str], str]] = {
    "postcode": norm.postcode, "city": norm.city, "region": norm.region,
    "birth": norm.birth_date}

# Columns of the table, in the order the comparisons use them.
TEXT_FIELDS = ("family", "given", "family_cjk", "given_cjk", "address", "house",
               "postcode", "city", "region", "birth", "company", "email", "phone")


class Vocabulary:
    """Distinct values of one column; code 0 is the empty value."""

    __slots__ = ("codes", "values")

    def __init__(self) -> None:
        self.values: list[str] = [""]
        self.codes: dict[str, int] = {"": 0}

    def code(self, value: str) -> int:
        found = self.codes.get(value)
        if found is None:
            found = self.codes[value] = len(self.values)
            self.values.append(value)
        return found


class RecordTable:
    """Append records (streamed from the database), then :meth:`freeze` into arrays."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.vocab: dict[str, Vocabulary] = {f: Vocabulary() for f in TEXT_FIELDS}
        self._columns: dict[str, array[int]] = {f: array("i") for f in TEXT_FIELDS}
        # Records with more than one email / phone: the extra values, for "any shared".
        self.extra_emails: dict[int, frozenset[str]] = {}
        self.extra_phones: dict[int, frozenset[str]] = {}
        self.codes: dict[str, Codes] = {}
        # Raw value -> its (column, code) entries, for the columns whose values repeat.
        self._raw: dict[str, dict[str, tuple[tuple[str, int], ...]]] = {
            f: {} for f in ("family", "given", "postcode", "city", "region", "birth",
                            "company")}

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, record: PersonRecord) -> None:
        self.add_values(record.id, record.family_name, record.given_name, record.street,
                        record.street2, record.postal_code, record.city, record.region,
                        record.birth_date, record.company, record.emails, record.phones)

    def add_values(self, record_id: str, family: str, given: str, street: str, street2: str,
                   postal_code: str, city: str, region: str, birth_date: str, company: str,
                   emails: tuple[str, ...] | list[str], phones: tuple[str, ...] | list[str],
                   ) -> None:
        """One record from its raw values (the loader streams rows straight in here).
        Values already seen in a column are looked up by their raw text, not normalised
        again: names, cities, postcodes and companies repeat a lot."""
        index = len(self.ids)
        self.ids.append(record_id)
        columns, raw = self._columns, self._raw
        for field, value in (("family", family), ("given", given), ("postcode", postal_code),
                             ("city", city), ("region", region), ("birth", birth_date),
                             ("company", company)):
            codes = raw[field].get(value)
            if codes is None:
                codes = raw[field][value] = self._codes_of(field, value)
            for column, code in codes:
                columns[column].append(code)
        point_emails = [e for e in (norm.email(x) for x in emails) if e]
        point_phones = [p for p in (norm.phone(x) for x in phones) if p]
        if len(point_emails) > 1:
            self.extra_emails[index] = frozenset(point_emails)
        if len(point_phones) > 1:
            self.extra_phones[index] = frozenset(point_phones)
        folded = norm.address(street, street2) if street or street2 else ""
        vocab = self.vocab
        columns["address"].append(vocab["address"].code(folded))
        columns["house"].append(vocab["house"].code(norm.house_number(folded)))
        columns["email"].append(vocab["email"].code(point_emails[0] if point_emails else ""))
        columns["phone"].append(vocab["phone"].code(point_phones[0] if point_phones else ""))

    def _codes_of(self, field: str, value: str) -> tuple[tuple[str, int], ...]:
        vocab = self.vocab
        if field == "family":
            return (("family", vocab["family"].code(norm.name_part(value, True))),
                    ("family_cjk", vocab["family_cjk"].code(norm.cjk_chars(value))))
        if field == "given":
            return (("given", vocab["given"].code(norm.name_part(value))),
                    ("given_cjk", vocab["given_cjk"].code(norm.cjk_chars(value))))
        if field == "company":
            normalised = company_key(value).replace(" ", "") if value else ""
        else:
            normalised = _NORMALISE[field](value)
        return ((field, vocab[field].code(normalised)),)

    def freeze(self) -> RecordTable:
        """Turn the appended columns into numpy arrays (call once, after the last add)."""
        for field, column in self._columns.items():
            self.codes[field] = np.frombuffer(column, dtype=np.int32).copy()
        self._columns = {f: array("i") for f in TEXT_FIELDS}
        self._raw = {f: {} for f in self._raw}
        return self

    def value(self, field: str, index: int) -> str:
        return self.vocab[field].values[int(self.codes[field][index])]


def table_of(records: list[PersonRecord]) -> RecordTable:
    table = RecordTable()
    for record in records:
        table.add(record)
    return table.freeze()
