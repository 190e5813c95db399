"""A person record as the matcher sees it, and the default match threshold. Kept free of
numpy so that editors and services can name them without loading the matcher."""

from __future__ import annotations

from dataclasses import dataclass

# Pairs at least this probable are grouped by default (the window's slider moves it).
DEFAULT_THRESHOLD = 0.9


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """One contact as the matcher sees it (raw values; normalised on the way in)."""

    id: str
    family_name: str = ""
    given_name: str = ""
    street: str = ""
    street2: str = ""
    postal_code: str = ""
    city: str = ""
    region: str = ""
    birth_date: str = ""  # ISO yyyy-mm-dd, "" when unknown
    company: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
