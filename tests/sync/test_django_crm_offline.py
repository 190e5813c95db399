"""The django-crm adapter's own logic without a server (runs everywhere): paging arithmetic,
error classification, mapping round trips. The real-server tests are in djcrm/."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from desk_crm.sync.adapters.django_crm import DjangoCrmAdapter
from desk_crm.sync.adapters.django_crm_mapping import ENTITY_MAPS
from desk_crm.sync.protocol import AuthError, NotFoundError, RejectedError, TransientError


class Scripted:
    """A transport answering from a function of (method, path, query, body); records calls."""

    def __init__(self, answer: Any) -> None:
        self.answer = answer
        self.calls: list[tuple[str, str, dict[str, list[str]], Any]] = []

    def __call__(self, method: str, url: str, headers: Mapping[str, str],
                 body: bytes | None, timeout: float) -> tuple[int, bytes]:
        parsed = urlparse(url)
        sent = json.loads(body) if body else None
        self.calls.append((method, parsed.path, parse_qs(parsed.query), sent))
        assert headers["Authorization"] == "Bearer tok"
        status, payload = self.answer(method, parsed.path, parse_qs(parsed.query), sent)
        raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        return status, raw


def adapter_with(answer: Any) -> tuple[DjangoCrmAdapter, Scripted]:
    transport = Scripted(answer)
    return DjangoCrmAdapter("http://server.invalid/", "tok", transport=transport), transport


def contact_row(number: int) -> dict[str, Any]:
    return {"id": f"id-{number}", "first_name": "三", "last_name": f"张{number}",
            "email": f"c{number}@example.com", "phone": None, "account": None,
            "is_active": True}


def test_scan_computes_offsets_itself_and_ends_with_no_cursor() -> None:
    rows = [contact_row(n) for n in range(5)]

    def answer(method: str, path: str, query: dict[str, list[str]], body: Any):
        offset, limit = int(query["offset"][0]), int(query["limit"][0])
        # The server's own offset/per_page are wrong: the adapter must not read them.
        return 200, {"count": 5, "per_page": 10, "offset": 99,
                     "results": rows[offset:offset + limit]}

    adapter, transport = adapter_with(answer)
    first = adapter.list_changes("contact", None, 2)
    assert [r.remote_id for r in first.records] == ["id-0", "id-1"]
    assert (first.cursor, first.has_more) == ("2", True)
    second = adapter.list_changes("contact", first.cursor, 2)
    third = adapter.list_changes("contact", second.cursor, 2)
    assert [r.remote_id for r in third.records] == ["id-4"]
    assert (third.cursor, third.has_more) == (None, False)
    assert [call[2]["offset"] for call in transport.calls] == [["0"], ["2"], ["4"]]
    assert third.records[0].fields["emails"] == ["c4@example.com"]
    assert third.records[0].version and not third.records[0].deleted


def test_accounts_page_through_active_and_closed_lists_together() -> None:
    def answer(method: str, path: str, query: dict[str, list[str]], body: Any):
        offset = int(query["offset"][0])
        active = [{"id": f"a{n}", "name": f"公司{n}", "is_active": True} for n in range(3)]
        closed = [{"id": "c0", "name": "关闭", "is_active": False}]
        return 200, {"active_accounts": {"open_accounts": active[offset:offset + 2],
                                         "open_accounts_count": 3},
                     "closed_accounts": {"close_accounts": closed[offset:offset + 2],
                                         "close_accounts_count": 1}}

    adapter, _transport = adapter_with(answer)
    first = adapter.list_changes("account", None, 2)
    assert {r.remote_id: r.deleted for r in first.records} == {"a0": False, "a1": False,
                                                               "c0": True}
    assert first.has_more
    last = adapter.list_changes("account", first.cursor, 2)
    assert [r.remote_id for r in last.records] == ["a2"] and not last.has_more


@pytest.mark.parametrize(("status", "payload", "error"), [
    (401, {"detail": "Invalid token"}, AuthError),
    (403, {"detail": "No org"}, AuthError),
    (404, {"detail": "Not found"}, NotFoundError),
    (500, b"<html>Server Error</html>", TransientError),
    (502, b"", TransientError),
    (429, {"detail": "slow down"}, TransientError),
    (200, b"<html>captive portal</html>", TransientError),
    (400, {"error": True, "errors": {"email": ["Contact with this email already exists."]}},
     RejectedError),
    (200, {"error": True, "message": "Organization context required"}, RejectedError),
])
def test_errors_are_classified(status: int, payload: Any, error: type[Exception]) -> None:
    adapter, _transport = adapter_with(lambda *_: (status, payload))
    with pytest.raises(error):
        adapter.fetch("contact", "x")


def test_a_rejection_carries_the_servers_message_and_the_local_field() -> None:
    payload = {"error": True, "errors": {"email": ["Contact with this email already exists."]}}
    adapter, _transport = adapter_with(lambda *_: (400, payload))
    with pytest.raises(RejectedError) as refused:
        adapter.create("contact", {"emails": ["a@example.com"]}, idempotency_key="k")
    assert refused.value.field_name == "emails"
    assert "already exists" in refused.value.message


def test_network_errors_are_transient() -> None:
    def broken(*_args: Any) -> tuple[int, bytes]:
        raise TimeoutError("timed out")

    adapter = DjangoCrmAdapter("http://server.invalid", "tok", transport=broken)
    with pytest.raises(TransientError):
        adapter.list_changes("ticket", None, 10)


def test_update_sends_only_the_changed_fields_in_remote_names() -> None:
    stored = {"id": "o1", "name": "大单", "amount": "10.00", "currency": "CNY",
              "probability": 40, "contacts": [], "account": None}

    def answer(method: str, path: str, query: Any, body: Any):
        if method == "PATCH":
            stored.update(body)
        return 200, {"opportunity_obj": stored} if method == "GET" else {"error": False}

    adapter, transport = adapter_with(answer)
    record = adapter.update("opportunity", "o1",
                            {"amount": Decimal("12.345"), "currency": "CNY"},
                            expected_version=None)
    patch = [call for call in transport.calls if call[0] == "PATCH"]
    assert patch[0][1] == "/api/opportunities/o1/"
    assert patch[0][3] == {"amount": "12.35", "currency": "CNY"}
    assert record.fields["amount"] == Decimal("12.35")


def test_mapping_round_trips_every_carried_field() -> None:
    samples: dict[str, dict[str, Any]] = {
        "account": {"name": "北京科技", "email": "a@example.com", "phone": "+8613800000000",
                    "website": "https://e.cn", "street": "长安街1号", "city": "北京",
                    "region": "北京", "postal_code": "100000", "notes": "备注"},
        "contact": {"given_name": "三", "family_name": "张", "title": "经理",
                    "department": "销售", "street": "路", "city": "上海", "region": "上海",
                    "postal_code": "200000", "notes": "说明", "emails": ["z@example.com"],
                    "phones": ["+8613800000001"], "account_id": "acc"},
        "lead": {"given_name": "四", "family_name": "李", "company": "贸易", "title": "采购",
                 "email": "l@example.com", "phone": "+8613800000002", "street": "",
                 "city": "广州", "region": "", "postal_code": "", "notes": "",
                 "status": "contacted"},
        "opportunity": {"name": "商机", "account_id": "acc", "contact_id": "con",
                        "amount": Decimal("1234.50"), "currency": "CNY",
                        "close_date": date(2026, 12, 31), "probability": Decimal(40),
                        "notes": "机会"},
        "ticket": {"subject": "坏了", "description": "无法打印", "priority": "urgent",
                   "status": "waiting", "account_id": "acc", "contact_id": "con"},
        "quote": {"number": "Q-1", "account_id": "acc", "contact_id": "con",
                  "opportunity_id": "opp", "currency": "CNY", "issue_date": date(2026, 1, 2),
                  "expiry_date": date(2026, 2, 3)},
    }
    for entity, fields in samples.items():
        entity_map = ENTITY_MAPS[entity]
        assert set(fields) == set(entity_map.fields), entity
        remote = entity_map.to_remote(fields)
        # What the server echoes: references come back as objects or ids.
        echoed = {key: ({"id": value} if key in ("account", "opportunity") else value)
                  for key, value in remote.items()}
        for key in ("account_id", "contact_id", "opportunity_id"):
            if key in echoed:
                echoed[key.removesuffix("_id")] = echoed.pop(key)
        if "contacts" in echoed:
            echoed["contacts"] = [{"id": c} for c in echoed["contacts"]]
        assert entity_map.to_local(echoed) == fields, entity


def test_natural_keys() -> None:
    adapter = DjangoCrmAdapter("http://server.invalid", "tok")
    assert adapter.natural_key("contact", {"emails": ["Zhang@Example.com", "b@x.cn"]}) == \
        "zhang@example.com"
    assert adapter.natural_key("contact", {"emails": []}) is None
    assert adapter.natural_key("account", {"name": " 北京科技 "}) == "北京科技"
    assert adapter.natural_key("ticket", {"subject": "坏了"}) == "坏了"
    with pytest.raises(ValueError):
        adapter.fields("invoice")
