"""Person records held column by column for matching: every compared field as an integer
code into a vocabulary of its distinct comparison forms (code 0 = missing). A million
records then cost a few integer arrays plus each distinct value once, and "equal" is an
integer comparison over all candidate pairs at once."""

from __future__ import annotations

from array import array

import numpy as np
import numpy.typing as npt

from desk_crm.domain.duplicates import company_key
from desk_crm.domain.linkage import normalize as norm
from desk_crm.domain.linkage.record import PersonRecord

Codes = npt.NDArray[np.int32]


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

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, record: PersonRecord) -> None:
        index = len(self.ids)
        self.ids.append(record.id)
        emails = [e for e in (norm.email(x) for x in record.emails) if e]
        phones = [p for p in (norm.phone(x) for x in record.phones) if p]
        if len(emails) > 1:
            self.extra_emails[index] = frozenset(emails)
        if len(phones) > 1:
            self.extra_phones[index] = frozenset(phones)
        street = norm.address(record.street, record.street2)
        values = {
            "family": norm.name_part(record.family_name, True),
            "given": norm.name_part(record.given_name),
            "family_cjk": norm.cjk_chars(record.family_name),
            "given_cjk": norm.cjk_chars(record.given_name),
            "address": street,
            "house": norm.house_number(street),
            "postcode": norm.postcode(record.postal_code),
            "city": norm.city(record.city),
            "region": norm.region(record.region),
            "birth": norm.birth_date(record.birth_date),
            "company": company_key(record.company).replace(" ", "") if record.company else "",
            "email": emails[0] if emails else "",
            "phone": phones[0] if phones else "",
        }
        for field, value in values.items():
            self._columns[field].append(self.vocab[field].code(value))

    def freeze(self) -> RecordTable:
        """Turn the appended columns into numpy arrays (call once, after the last add)."""
        for field, column in self._columns.items():
            self.codes[field] = np.frombuffer(column, dtype=np.int32).copy()
        self._columns = {f: array("i") for f in TEXT_FIELDS}
        return self

    def value(self, field: str, index: int) -> str:
        return self.vocab[field].values[int(self.codes[field][index])]


def table_of(records: list[PersonRecord]) -> RecordTable:
    table = RecordTable()
    for record in records:
        table.add(record)
    return table.freeze()
