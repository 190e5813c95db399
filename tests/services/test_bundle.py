"""build_services: one bundle over one database, writing as one actor in one phone region."""

from __future__ import annotations

from desk_crm.services.bundle import Services, build_services
from desk_crm.store.database import Database
from helpers.db import change_log
from helpers.drafts import contact_draft


def test_the_bundle_carries_actor_and_default_region(database: Database) -> None:
    services = build_services(database, actor="Tom Becker", default_region="US")
    assert services.default_region == "US"
    record = services.contacts.save(contact_draft("Becker", "Tom", phones=["415 555 2671"]))
    assert [p.value for p in record.draft.phones] == ["+14155552671"]
    assert change_log(database, record.id)[0]["actor"] == "Tom Becker"


def test_the_default_region_is_china(services: Services) -> None:
    assert services.default_region == "CN"
    record = services.contacts.save(contact_draft(phones=["138 0013 8000"]))
    assert [p.value for p in record.draft.phones] == ["+8613800138000"]
