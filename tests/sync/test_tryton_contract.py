"""The Tryton adapter through the adapter contract (tests/sync/adapter_contract.py), against a
real trytond on loopback: the same checks the django-crm adapter passes, where Tryton's
model allows them (archive instead of hard delete, real versions, idempotency keys instead
of unique names)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

import pytest

from desk_crm.sync.adapters.tryton import TrytonAdapter
from sync import adapter_contract as contract
from sync.adapter_contract import Subject

MISSING = "987654321"  # Tryton ids are integers


def _subjects(adapter: TrytonAdapter) -> dict[str, Subject]:
    def account_ref() -> str:
        made = adapter.create("account", {"name": "引用公司"}, idempotency_key=contract
                              .Subject(adapter, "account", dict, dict).token())
        return made.remote_id

    return {
        "account": Subject(
            adapter, "account",
            lambda t: {"name": f"测试公司 {t}", "email": f"a{t}@example.com",
                       "phone": "+8613800000001", "city": "杭州", "street": "西湖路1号"},
            lambda f: {"city": "苏州", "street": f"{f['street']} 2楼"}, missing_id=MISSING),
        "contact": Subject(
            adapter, "contact",
            lambda t: {"family_name": "张", "given_name": f"三{t}",
                       "emails": [f"c{t}@example.com"], "phones": ["+8613900000002"],
                       "city": "上海"},
            lambda f: {"city": "北京", "phones": ["+8613900000003"]}, missing_id=MISSING),
        "opportunity": Subject(
            adapter, "opportunity",
            lambda t: {"name": f"商机 {t}", "account_id": account_ref(),
                       "amount": Decimal("1234.50"), "currency": "CNY",
                       "close_date": date(2026, 12, 31), "probability": Decimal(40)},
            lambda f: {"amount": f["amount"] + 1, "probability": f["probability"] + 10},
            missing_id=MISSING),
        # Prices as the adapter spells them both ways ("12.5", not Tryton's "12.5000").
        "product": Subject(
            adapter, "product",
            lambda t: {"code": f"P-{t}".upper(), "name": f"产品 {t}", "default_price": "12.5"},
            lambda f: {"name": f"{f['name']} 二", "default_price": "13.5"},
            missing_id=MISSING),
    }


@pytest.fixture
def adapter(make_adapter: Callable[..., TrytonAdapter]) -> TrytonAdapter:
    return make_adapter(with_opportunities=True, with_products=True)


@pytest.fixture(params=["account", "contact", "opportunity", "product"])
def subject(request: pytest.FixtureRequest, adapter: TrytonAdapter) -> Iterator[Subject]:
    chosen = _subjects(adapter)[request.param]
    yield chosen
    chosen.cleanup()


def test_describes_itself(subject: Subject) -> None:
    contract.check_describes_itself(subject)


def test_create_and_fetch(subject: Subject) -> None:
    contract.check_create_fetch(subject)


def test_update_writes_the_change_and_moves_the_version(subject: Subject) -> None:
    contract.check_update(subject)


def test_stale_expected_version_is_refused(subject: Subject) -> None:
    contract.check_stale_update_refused(subject)


def test_delete_archives(subject: Subject) -> None:
    contract.check_delete(subject)


def test_missing_record_is_not_found(subject: Subject) -> None:
    contract.check_missing_record(subject)


def test_list_in_pages_sees_every_record(subject: Subject) -> None:
    contract.check_list_pages(subject, count=3, limit=2)


def test_contact_natural_key_finds_a_record_after_a_lost_response(
        adapter: TrytonAdapter) -> None:
    subject = _subjects(adapter)["contact"]  # Tryton's only natural key: the first e-mail
    contract.check_natural_key(subject)


def test_chinese_text_round_trips(adapter: TrytonAdapter) -> None:
    subjects = _subjects(adapter)
    token = subjects["contact"].token()
    contract.check_round_trip(subjects["account"], {
        "name": f"北京字节跳动科技有限公司{token}", "street": "海淀区知春路甲48号",
        "city": "北京"})
    contract.check_round_trip(subjects["contact"], {
        "family_name": "欧阳", "given_name": f"娜娜{token}",
        "emails": [f"n{token}@example.com"], "city": "广州"})
