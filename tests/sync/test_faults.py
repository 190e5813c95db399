"""Network faults between the app and a real trytond: after the faults stop and a final
sync, both sides hold the same data, nothing lost, nothing duplicated."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from tests.helpers.db import rows, scalar
from tests.sync.fault_proxy import FaultProxy

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.sync.adapters.tryton import party_name
from desk_crm.sync.engine import RetryPolicy, SyncEngine


@pytest.fixture
def proxy(tryton) -> Iterator[FaultProxy]:
    opened = FaultProxy(lambda: tryton.port)
    yield opened
    opened.close()


def engine(database, adapter, attempts=6, sleep=lambda _s: None):
    return SyncEngine(database.session_factory, adapter, sleep=sleep,
                      retry=RetryPolicy(attempts=attempts, base_delay=0.05), seed=7)


def server_parties(admin, adapter):
    """Active parties of this test's scope on the server: {name: sorted mechanism values}."""
    ids = admin("model.party.party.search", [["categories", "in", [adapter._scope_category()]]],
                0, None, None)
    parties = admin("model.party.party.read", ids, ["name", "contact_mechanisms"])
    out = {}
    for p in parties:
        values = admin("model.party.contact_mechanism.read", p["contact_mechanisms"], ["value"])
        assert p["name"] not in out, f"duplicate party {p['name']}"
        out[p["name"]] = sorted(v["value"] for v in values)
    return out


def local_parties(database):
    out = {}
    for row in rows(database, "SELECT name, email, phone FROM account WHERE deleted_at IS NULL"):
        assert row["name"] not in out, f"duplicate account {row['name']}"
        out[row["name"]] = sorted(v for v in (row["email"], row["phone"]) if v)
    for row in rows(database, "SELECT family_name, given_name, emails, phones FROM contact "
                              "WHERE deleted_at IS NULL"):
        name = party_name(row["family_name"], row["given_name"])
        points = json.loads(row["emails"]) + json.loads(row["phones"])
        assert name not in out, f"duplicate local record {name}"
        out[name] = sorted(p["value"] for p in points)
    return out


def pending(database):
    return scalar(database, "SELECT COUNT(*) FROM change_log WHERE sync_state='pending' AND "
                            "entity IN ('account','contact')")


@pytest.mark.parametrize("fault", ["drop_request", "drop_response", "duplicate", "delay",
                                   "unavailable"])
def test_fault_on_create_and_update_converges(database, services, make_adapter, admin, proxy,
                                              fault):
    acme = services.accounts.save(AccountDraft(name=f"Acme {fault}", email="a@acme.example"))
    services.contacts.save(ContactDraft(family_name="Zhao", given_name=fault,
                                        emails=(ContactPoint(f"{fault}@zhao.example"),)))
    adapter = make_adapter(proxy.url, timeout=0.6)
    proxy.plan = [("party.party.create", fault), ("party.party.create", fault)]
    engine(database, adapter).run()
    services.accounts.save(replace(services.accounts.get(acme.id).draft, phone="+86 10 6000 0001"),
                           acme.id)
    proxy.plan = [("party.party.write", fault)]
    engine(database, adapter).run()
    assert fault in proxy.faults_seen()
    final = engine(database, make_adapter()).run()  # faults over
    assert final.status == "ok" and final.conflicts == 0
    assert pending(database) == 0
    assert server_parties(admin, adapter) == local_parties(database)
    assert len(server_parties(admin, adapter)) == 2


def test_server_restart_mid_sync(database, services, make_adapter, admin, tryton):
    for n in range(12):
        services.accounts.save(AccountDraft(name=f"Restart {n:02}"))
    adapter = make_adapter()
    restarted = threading.Event()

    def on_progress(step: str, done: int, _total: int) -> None:
        if step == "push" and done == 5 and not restarted.is_set():
            restarted.set()
            tryton.stop()
            threading.Timer(0.5, tryton.start, kwargs={"port": tryton.port}).start()

    sync = SyncEngine(database.session_factory, adapter, sleep=time.sleep, progress=on_progress,
                      retry=RetryPolicy(attempts=20, base_delay=0.2, max_delay=1.0), seed=1)
    report = sync.run()
    assert restarted.is_set() and report.status == "ok"
    assert pending(database) == 0
    assert sorted(server_parties(admin, adapter)) == [f"Restart {n:02}" for n in range(12)]
