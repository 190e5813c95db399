"""The one writer path: threads of the app never see "database is locked", and another
program holding the file gets a clear DatabaseBusy with nothing written."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import event

from desk_crm.domain.drafts import ContactDraft
from desk_crm.services.bundle import Services
from desk_crm.store import writer
from desk_crm.store.database import Database


def test_writes_from_many_threads_never_collide(services: Services) -> None:
    errors: list[BaseException] = []
    saved: list[str] = []

    def work(number: int) -> None:
        try:
            for step in range(25):
                record = services.contacts.save(
                    ContactDraft(family_name=f"T{number}", given_name=f"S{step}"))
                saved.append(record.id)
                # Read-then-write in one transaction: the pattern a deferred BEGIN fails.
                services.contacts.save(record.draft, contact_id=record.id,
                                       expected_version=record.version)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(saved) == 100


def test_another_program_holding_the_lock_raises_database_busy(
        database: Database, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = database.engine

    @event.listens_for(engine, "connect")
    def short_timeout(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout=20")  # type: ignore[attr-defined]

    engine.dispose()  # new connections get the short timeout
    monkeypatch.setattr(writer, "RETRY_PAUSE_S", 0.0)
    other = sqlite3.connect(database.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(writer.DatabaseBusy):
            services.contacts.save(ContactDraft(family_name="Blocked"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    record = services.contacts.save(ContactDraft(family_name="Later"))
    assert services.contacts.get(record.id).draft.family_name == "Later"


def test_only_a_sample_data_transaction_skips_the_fsync(database: Database) -> None:
    """durable=False (the demo's batch) runs at synchronous=NORMAL; the next ordinary write
    on the same pooled connection is back at FULL (2)."""
    levels = []
    for durable in (False, True):
        with writer.lock(), database.session_factory() as session:
            writer.begin_write(session, durable=durable)
            levels.append(session.connection().exec_driver_sql(
                "PRAGMA synchronous").scalar())
            session.commit()
    assert levels == [1, 2]
