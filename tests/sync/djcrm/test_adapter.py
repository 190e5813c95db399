"""The django-crm adapter against a real django-crm 1.35 server on 127.0.0.1."""

from __future__ import annotations

import random
import socket
import threading
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from desk_crm.sync.adapters.django_crm import DjangoCrmAdapter, content_hash
from desk_crm.sync.protocol import AuthError, NotFoundError, RejectedError, TransientError
from sync import adapter_contract as contract
from sync.adapter_contract import Subject
from sync.django_crm_server import DjangoCrmServer

pytestmark = pytest.mark.djcrm


def _email(token: str) -> list[str]:
    return [f"c{token}@example.com"]


def _phone() -> list[str]:
    return [f"+86139{random.randrange(10**8):08d}"]


@pytest.fixture(scope="module")
def refs(djcrm_server: DjangoCrmServer) -> dict[str, str]:
    """An account and a contact for records that must reference one."""
    adapter = DjangoCrmAdapter(djcrm_server.base_url, djcrm_server.token)
    token = contract.Subject(adapter, "account", dict, dict).token()
    account = adapter.create("account", {"name": f"引用公司 {token}"}, idempotency_key="a")
    contact = adapter.create("contact", {"given_name": "引", "family_name": "用",
                                         "emails": _email(token),
                                         "account_id": account.remote_id},
                             idempotency_key="c")
    return {"account": account.remote_id, "contact": contact.remote_id}


def _subjects(adapter: DjangoCrmAdapter, refs: dict[str, str]) -> dict[str, Subject]:
    account, contact = refs["account"], refs["contact"]
    return {
        "account": Subject(
            adapter, "account",
            lambda t: {"name": f"测试公司 {t}", "email": f"a{t}@example.com",
                       "phone": "+8613800000001", "city": "杭州", "street": "西湖路1号",
                       "notes": "备注"},
            lambda f: {"city": "苏州", "notes": f"{f['notes']} 改"}),
        "contact": Subject(
            adapter, "contact",
            lambda t: {"given_name": "三", "family_name": f"张{t}", "emails": _email(t),
                       "phones": _phone(), "account_id": account, "title": "经理",
                       "city": "上海"},
            lambda f: {"title": f"{f['title']}助理", "city": "北京"}),
        "lead": Subject(
            adapter, "lead",
            lambda t: {"given_name": "四", "family_name": "李", "company": f"贸易{t}",
                       "email": f"l{t}@example.com", "status": "new", "city": "广州"},
            lambda f: {"status": "contacted" if f["status"] == "new" else "new",
                       "city": "深圳"}),
        "opportunity": Subject(
            adapter, "opportunity",
            lambda t: {"name": f"商机 {t}", "account_id": account, "contact_id": contact,
                       "amount": Decimal("1234.50"), "currency": "CNY",
                       "close_date": date(2026, 12, 31), "probability": Decimal(40),
                       "notes": "机会"},
            lambda f: {"amount": f["amount"] + 1,
                       "probability": f["probability"] + 10}),
        "ticket": Subject(
            adapter, "ticket",
            lambda t: {"subject": f"打印机坏了 {t}", "description": "无法打印",
                       "priority": "high", "status": "new", "account_id": account,
                       "contact_id": contact},
            lambda f: {"priority": "urgent" if f["priority"] != "urgent" else "low",
                       "status": "waiting"}),
        "quote": Subject(
            adapter, "quote",
            lambda t: {"number": f"Q-{t}", "account_id": account, "contact_id": contact,
                       "currency": "CNY", "issue_date": date(2026, 11, 23),
                       "expiry_date": date(2026, 12, 23)},
            lambda f: {"expiry_date": date(2027, 1, (f["expiry_date"].day % 28) + 1)}),
    }


ENTITIES = ("account", "contact", "lead", "opportunity", "ticket", "quote")
UNIQUE_KEYS = ("account", "contact", "opportunity", "ticket")   # the server refuses copies


@pytest.fixture(params=ENTITIES)
def subject(request: pytest.FixtureRequest, adapter: DjangoCrmAdapter,
            refs: dict[str, str]) -> Iterator[Subject]:
    chosen = _subjects(adapter, refs)[request.param]
    yield chosen
    chosen.cleanup()


def test_describes_itself(subject: Subject) -> None:
    contract.check_describes_itself(subject)


def test_create_and_fetch(subject: Subject) -> None:
    contract.check_create_fetch(subject)


def test_update_writes_only_the_change_and_moves_the_version(subject: Subject) -> None:
    contract.check_update(subject)


def test_stale_expected_version_is_refused(subject: Subject) -> None:
    contract.check_stale_update_refused(subject)


def test_delete_is_hard(subject: Subject) -> None:
    contract.check_delete(subject)


def test_missing_record_is_not_found(subject: Subject) -> None:
    contract.check_missing_record(subject)


def test_full_scan_in_pages_sees_every_record(subject: Subject) -> None:
    contract.check_list_pages(subject, count=3, limit=2)


def test_natural_key_finds_a_record_after_a_lost_response(subject: Subject) -> None:
    contract.check_natural_key(subject)


@pytest.mark.parametrize("entity", UNIQUE_KEYS)
def test_duplicate_natural_key_is_rejected_with_the_servers_message(
        entity: str, adapter: DjangoCrmAdapter, refs: dict[str, str]) -> None:
    chosen = _subjects(adapter, refs)[entity]
    try:
        contract.check_duplicate_natural_key_rejected(chosen)
    finally:
        chosen.cleanup()


def test_chinese_text_round_trips(adapter: DjangoCrmAdapter, refs: dict[str, str]) -> None:
    subjects = _subjects(adapter, refs)
    token = subjects["contact"].token()
    try:
        contract.check_round_trip(subjects["account"], {
            "name": f"北京字节跳动科技有限公司{token}", "street": "海淀区知春路甲48号",
            "city": "北京", "region": "北京市", "notes": "重要客户：年度框架协议。\n第二行"})
        contract.check_round_trip(subjects["contact"], {
            "given_name": "欧阳", "family_name": f"娜娜{token}", "emails": _email(token),
            "title": "采购总监", "department": "供应链管理部", "city": "广州"})
        contract.check_round_trip(subjects["ticket"], {
            "subject": f"发票抬头错误 {token}", "description": "请重新开具增值税专用发票",
            "priority": "normal", "status": "new"})
        found = adapter.find_by_natural_key("account", f"北京字节跳动科技有限公司{token}")
        assert found is not None and found.fields["city"] == "北京"
    finally:
        for chosen in subjects.values():
            chosen.cleanup()


def test_scan_reports_server_edits_and_hard_deletes(
        adapter: DjangoCrmAdapter, refs: dict[str, str], djcrm_server: DjangoCrmServer) -> None:
    """What the engine relies on: a changed hash for an edit made by someone else, a
    missing id (confirmed by 404) for a delete, and ``deleted`` for a deactivated record."""
    chosen = _subjects(adapter, refs)["account"]
    try:
        records = [chosen.create()[1] for _ in range(3)]
        edited, removed, closed = records
        djcrm_server.request("PATCH", f"/api/accounts/{edited.remote_id}/", {"city": "成都"})
        djcrm_server.request("DELETE", f"/api/accounts/{removed.remote_id}/")
        djcrm_server.request("PATCH", f"/api/accounts/{closed.remote_id}/",
                             {"is_active": False})
        seen = {r.remote_id: r for r in contract.scan(adapter, "account", 2)[0]}
        assert seen[edited.remote_id].version != edited.version
        assert seen[edited.remote_id].fields["city"] == "成都"
        assert removed.remote_id not in seen
        with pytest.raises(NotFoundError):
            adapter.fetch("account", removed.remote_id)
        assert seen[closed.remote_id].deleted
    finally:
        chosen.cleanup()


def test_rejection_names_the_local_field(adapter: DjangoCrmAdapter,
                                         refs: dict[str, str]) -> None:
    subject = _subjects(adapter, refs)["contact"]
    try:
        wanted, _created = subject.create()
        with pytest.raises(RejectedError) as refused:
            subject.create({**subject.make(subject.token()), "emails": wanted["emails"]})
        assert refused.value.field_name == "emails"
        assert "email" in refused.value.message
        with pytest.raises(RejectedError):
            adapter.create("account", {"name": f"坏邮箱 {subject.token()}",
                                       "email": "not-an-address"}, idempotency_key="x")
    finally:
        subject.cleanup()


def test_a_refused_token_is_an_auth_error(djcrm_server: DjangoCrmServer) -> None:
    wrong = DjangoCrmAdapter(djcrm_server.base_url, "bcrm_pat_not-a-real-token")
    with pytest.raises(AuthError):
        wrong.list_changes("contact", None, 5)
    with pytest.raises(AuthError):
        wrong.create("contact", {"given_name": "x"}, idempotency_key="x")


def test_network_failures_are_transient(djcrm_server: DjangoCrmServer) -> None:
    with socket.socket() as closed:                 # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    refused = DjangoCrmAdapter(f"http://127.0.0.1:{port}", djcrm_server.token, timeout=2)
    with pytest.raises(TransientError):
        refused.list_changes("contact", None, 5)

    silent = socket.socket()                        # accepts, never answers: a timeout
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)
    try:
        hung = DjangoCrmAdapter(f"http://127.0.0.1:{silent.getsockname()[1]}",
                                djcrm_server.token, timeout=0.5)
        with pytest.raises(TransientError):
            hung.fetch("contact", "0a0a0a0a-0000-0000-0000-000000000000")
    finally:
        silent.close()


def test_server_errors_are_transient(djcrm_server: DjangoCrmServer) -> None:
    """5xx and gateway pages (HTML, not JSON) are retried, through an injected transport."""
    answers = iter([(502, b"<html>Bad Gateway</html>"), (503, b""), (200, b"<html>proxy")])

    def flaky(method: str, url: str, headers: Any, body: Any, timeout: float):
        return next(answers)

    adapter = DjangoCrmAdapter(djcrm_server.base_url, djcrm_server.token, transport=flaky)
    for _ in range(3):
        with pytest.raises(TransientError):
            adapter.list_changes("contact", None, 5)


def test_content_hash_is_stable_and_ignores_key_order() -> None:
    a = {"name": "甲", "amount": Decimal("1.50"), "when": date(2026, 1, 2)}
    b = {"when": date(2026, 1, 2), "amount": Decimal("1.5"), "name": "甲"}
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash({**a, "name": "乙"})


def test_parallel_adapters_do_not_interfere(adapter: DjangoCrmAdapter,
                                            refs: dict[str, str]) -> None:
    """The engine's worker thread and a UI look-up may share a server: no shared state."""
    subject = _subjects(adapter, refs)["lead"]
    errors: list[BaseException] = []

    def work() -> None:
        try:
            contract.check_create_fetch(subject)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    subject.cleanup()
    assert not errors, errors


def test_entities_can_be_narrowed_in_dependency_order(djcrm_server: DjangoCrmServer) -> None:
    narrowed = DjangoCrmAdapter(djcrm_server.base_url, djcrm_server.token,
                                entities=("opportunity", "contact", "account"))
    assert narrowed.entities() == ("account", "contact", "opportunity")
    with pytest.raises(ValueError):
        DjangoCrmAdapter(djcrm_server.base_url, djcrm_server.token, entities=("invoice",))


def test_what_the_server_flattens(adapter: DjangoCrmAdapter, refs: dict[str, str]) -> None:
    """Documented losses (docs/sync-django-crm.md): one email/phone, whole-percent
    probability, amounts in minor units, statuses the server lacks."""
    subjects = _subjects(adapter, refs)
    token = subjects["contact"].token()
    try:
        _sent, contact = subjects["contact"].create({
            "given_name": "五", "family_name": f"王{token}",
            "emails": [f"p{token}@example.com", f"s{token}@example.com"],
            "phones": ["+8613912345678", "+8613987654321"]})
        assert contact.fields["emails"] == [f"p{token}@example.com"]
        assert contact.fields["phones"] == ["+8613912345678"]
        assert adapter.first_only["contact"] == ("emails", "phones")
        _sent, deal = subjects["opportunity"].create({
            "name": f"四舍五入 {token}", "amount": Decimal("1234.565"), "currency": "CNY",
            "probability": Decimal("33.5")})
        assert deal.fields["amount"] == Decimal("1234.57")
        assert deal.fields["probability"] == Decimal(34)
        _sent, lead = subjects["lead"].create({"family_name": f"赵{token}",
                                               "email": f"q{token}@example.com",
                                               "status": "qualified"})
        assert lead.fields["status"] == "contacted"
        _sent, ticket = subjects["ticket"].create({"subject": f"已解决 {token}",
                                                   "status": "resolved"})
        assert ticket.fields["status"] == "closed"
    finally:
        for chosen in subjects.values():
            chosen.cleanup()


def test_a_lost_create_response_is_recovered_by_natural_key(
        djcrm_server: DjangoCrmServer, refs: dict[str, str]) -> None:
    """The server stored the record but the answer never arrived: the engine sees a
    TransientError, then finds the record by its natural key instead of creating it twice."""
    from desk_crm.sync.adapters.django_crm import urllib_transport

    def loses_post_answers(method: str, url: str, headers: Any, body: Any, timeout: float):
        status, raw = urllib_transport(method, url, headers, body, timeout)
        if method == "POST":
            raise ConnectionResetError("answer lost")
        return status, raw

    lossy = DjangoCrmAdapter(djcrm_server.base_url, djcrm_server.token,
                             transport=loses_post_answers)
    adapter = DjangoCrmAdapter(djcrm_server.base_url, djcrm_server.token)
    subject = _subjects(adapter, refs)["contact"]
    fields = subject.make(subject.token())
    with pytest.raises(TransientError):
        lossy.create("contact", fields, idempotency_key="lost")
    found = adapter.find_by_natural_key("contact", adapter.natural_key("contact", fields))
    assert found is not None
    subject.created.append(found.remote_id)
    assert found.fields["emails"] == fields["emails"]
    subject.cleanup()


def test_a_delete_during_a_scan_can_hide_a_row_that_still_exists(
        adapter: DjangoCrmAdapter, refs: dict[str, str], djcrm_server: DjangoCrmServer) -> None:
    """Why the engine must confirm a presumed deletion with fetch(): offset paging skips a
    row when an earlier row is deleted mid-scan."""
    subject = _subjects(adapter, refs)["contact"]
    try:
        made = {subject.create()[1].remote_id for _ in range(4)}
        first = adapter.list_changes("contact", None, 2)
        gone = first.records[0].remote_id
        djcrm_server.request("DELETE", f"/api/contacts/{gone}/")
        rest, _pages = contract.scan(adapter, "contact", 2, first.cursor)
        seen = {r.remote_id for r in first.records} | {r.remote_id for r in rest}
        unseen = (made - seen) - {gone}
        assert len(unseen) == 1                     # contacts are listed newest first
        for remote_id in unseen:                    # looks deleted, is not
            assert adapter.fetch("contact", remote_id).remote_id == remote_id
    finally:
        subject.cleanup()
