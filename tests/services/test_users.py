"""UserService: the people who own records."""

from __future__ import annotations

import pytest

from desk_crm.domain.errors import ValidationError
from desk_crm.services.bundle import Services
from desk_crm.store.database import Database
from helpers.db import change_log, count


def test_ensure_creates_a_user_once(services: Services, database: Database) -> None:
    first = services.users.ensure("李娜", "Li.Na@Example.com")
    again = services.users.ensure("李娜", "Li.Na@Example.com")
    assert again == first
    assert (first.name, first.email) == ("李娜", "li.na@example.com")
    assert count(database, "app_user") == 1
    [entry] = change_log(database)
    assert (entry["entity"], entry["operation"], entry["record_id"]) == \
        ("user", "insert", first.id)


def test_ensure_matches_the_cleaned_name(services: Services, database: Database) -> None:
    first = services.users.ensure("Tom  Becker")
    assert services.users.ensure("  Tom Becker ").id == first.id
    assert count(database, "app_user") == 1


@pytest.mark.parametrize("name", ["", "   ", "\u3000"])
def test_ensure_refuses_a_blank_name(services: Services, database: Database,
                                     name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        services.users.ensure(name)
    assert caught.value.field == "name"
    assert count(database, "app_user") == 0


def test_list_active_is_sorted_by_name(services: Services) -> None:
    for name in ("Sofia Rossi", "Anna Lee", "Tom Becker"):
        services.users.ensure(name)
    assert [u.name for u in services.users.list_active()] == \
        ["Anna Lee", "Sofia Rossi", "Tom Becker"]
