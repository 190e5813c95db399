"""The client killed with SIGKILL mid-push, and many random rounds of edits on both sides
with random network faults: every round ends with both sides equal."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from tests.helpers.db import rows
from tests.sync.fault_proxy import FaultProxy
from tests.sync.test_faults import local_parties, pending, server_parties

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.sync.engine import CREATE_BATCH, RetryPolicy, SyncEngine
from desk_crm.sync.issues import SyncIssues
from desk_crm.sync.protocol import TransientError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def proxy(tryton) -> Iterator[FaultProxy]:
    opened = FaultProxy(lambda: tryton.port)
    yield opened
    opened.close()


def test_client_killed_mid_push_loses_and_duplicates_nothing(database, services, make_adapter,
                                                             admin, tryton, scope):
    # First pushes go out CREATE_BATCH per call: enough records for several calls, and the
    # kill lands between two of them (after the first list reached the server).
    total = CREATE_BATCH * 2 + 50
    names = [f"Killed {n:03}" for n in range(total)]
    for name in names:
        services.accounts.save(AccountDraft(name=name))
    adapter = make_adapter()
    category = adapter._scope_category()
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.push_worker", str(database.path), tryton.url, scope],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        made = len(admin("model.party.party.search", [["categories", "in", [category]]],
                         0, None, None))
        if made >= CREATE_BATCH or worker.poll() is not None:
            break
        time.sleep(0.02)
    assert worker.poll() is None, "the worker finished before it could be killed"
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    assert CREATE_BATCH <= made < total
    report = SyncEngine(database.session_factory, make_adapter(), sleep=lambda _s: None).run()
    assert report.status == "ok"
    assert pending(database) == 0
    assert sorted(server_parties(admin, adapter)) == names  # server_parties fails on duplicates


def _server_ops(rng: random.Random, admin, adapter, round_no: int) -> None:
    category = adapter._scope_category()
    accounts = adapter._account_category()
    ids = admin("model.party.party.search", [["categories", "in", [category]]], 0, None, None)
    for op in range(rng.randint(2, 4)):
        kind = rng.choice(["create", "rename", "rename", "archive"]) if ids else "create"
        if kind == "create":
            is_account = rng.random() < 0.5
            cats = [category, accounts] if is_account else [category]
            admin("model.party.party.create", [{
                "name": f"Srv{round_no}x{op} {'Co' if is_account else 'P'}",
                "categories": [["add", cats]],
                "contact_mechanisms": [["create", [{"type": "email",
                                                    "value": f"s{round_no}x{op}@srv.example"}]]],
            }])
        elif kind == "rename":
            target = rng.choice(ids)
            admin("model.party.party.write", [target], {"name": f"Ren{round_no}x{op} S"})
        else:
            target = rng.choice(ids)
            admin("model.party.party.write", [target], {"active": False})
            ids.remove(target)


def _local_ops(rng: random.Random, database, services, round_no: int) -> None:
    for op in range(rng.randint(2, 5)):
        live = [("account", r["id"]) for r in rows(
            database, "SELECT id FROM account WHERE deleted_at IS NULL")] + [
            ("contact", r["id"]) for r in rows(
                database, "SELECT id FROM contact WHERE deleted_at IS NULL")]
        kind = rng.choice(["create_account", "create_contact", "edit", "edit", "delete"])
        if kind in ("edit", "delete") and not live:
            kind = "create_account"
        if kind == "create_account":
            services.accounts.save(AccountDraft(name=f"Loc{round_no}x{op} Co",
                                                email=f"l{round_no}x{op}@loc.example"))
        elif kind == "create_contact":
            services.contacts.save(ContactDraft(
                family_name=f"Loc{round_no}x{op}", given_name="P",
                emails=(ContactPoint(f"p{round_no}x{op}@loc.example"),)))
        else:
            entity, record_id = rng.choice(live)
            if kind == "delete":
                getattr(services, entity + "s").delete(record_id)
            elif entity == "account":
                draft = services.accounts.get(record_id).draft
                services.accounts.save(replace(draft, name=f"Edit{round_no}x{op} Co"), record_id)
            else:
                draft = services.contacts.get(record_id).draft
                services.contacts.save(replace(draft, family_name=f"Edit{round_no}x{op}"),
                                       record_id)


def test_random_rounds_converge(database, services, make_adapter, admin, proxy):
    seed = int(os.environ.get("DESK_CRM_SYNC_SEED", "20261123"))  # vary it to explore
    rng = random.Random(seed)
    adapter = make_adapter(proxy.url, timeout=0.6, with_opportunities=False)
    issues = SyncIssues(services.context)
    proxy.random, proxy.rate = random.Random(seed + 99), 0.15
    for round_no in range(5):
        _local_ops(rng, database, services, round_no)
        _server_ops(rng, admin, make_adapter(with_opportunities=False), round_no)
        proxy.rate = 0.15
        for _attempt in range(4):  # with faults: may or may not get through
            try:
                SyncEngine(database.session_factory, adapter, sleep=lambda _s: None,
                           retry=RetryPolicy(attempts=3, base_delay=0.01), seed=round_no).run()
            except TransientError:
                continue
        proxy.rate = 0.0  # faults stop: settle conflicts the user's way, final sync
        SyncEngine(database.session_factory, adapter, sleep=lambda _s: None).run()
        for issue in issues.open_issues():
            issues.resolve(issue.pk, {name: rng.choice(["mine", "theirs"])
                                      for name in issue.fields})
        final = SyncEngine(database.session_factory, adapter, sleep=lambda _s: None).run()
        assert final.conflicts == 0
        assert final.status == "ok", final.message
        assert issues.status().open_issues == 0, issues.open_issues()
        assert pending(database) == 0
        assert server_parties(admin, adapter) == local_parties(database), f"round {round_no}"
    assert proxy.faults_seen()  # faults did happen
