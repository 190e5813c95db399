"""Contracts from accepted quotes, the signed file, renewal reminders and the renewals list."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from desk_crm.domain.errors import ValidationErrors
from desk_crm.services.bundle import Services
from desk_crm.services.quote_records import ContractDraft, QuoteRecord
from desk_crm.services.quote_settings import QuoteSettings
from helpers.quotes import add_quote, line


def _accepted(services: Services) -> QuoteRecord:
    quote = add_quote(services, line("年度维护", 1, "12000.00", tax=6),
                      line("Training", 2, "500.00", tax=6))
    services.quotes.mark_sent(quote.id)
    return services.quotes.accept(quote.id)


def test_a_contract_copies_the_accepted_quote(services: Services) -> None:
    quote = _accepted(services)
    contract = services.contracts.from_quote(quote.id, ContractDraft(date(2026, 12, 1)))
    assert contract.number == "C-2026-00001"
    assert contract.value == quote.totals.grand_total == Decimal("13780.00")
    assert contract.account_name == quote.account_name
    assert contract.opportunity_id == quote.draft.opportunity_id
    assert [(x["description"], x["total"]) for x in contract.lines] == [
        ("年度维护", "12,000.00"), ("Training", "1,000.00")]
    assert contract.end_date == date(2027, 11, 30)


def test_only_an_accepted_quote_becomes_a_contract(services: Services) -> None:
    quote = add_quote(services)
    with pytest.raises(ValidationErrors):
        services.contracts.from_quote(quote.id, ContractDraft(date(2026, 12, 1)))
    # the failed attempt returned its number
    accepted = _accepted(services)
    assert services.contracts.from_quote(
        accepted.id, ContractDraft(date(2026, 12, 1))).number == "C-2026-00001"


def test_the_signed_file_is_copied_under_the_data_dir(services: Services,
                                                     tmp_path: Path) -> None:
    contract = services.contracts.from_quote(_accepted(services).id,
                                             ContractDraft(date(2026, 12, 1)))
    source = tmp_path / "outside" / "..合同 签字.pdf"
    source.parent.mkdir()
    source.write_bytes(b"%PDF-1.4 signed")
    attached = services.contracts.attach_signed(contract.id, source)
    stored = services.contracts.signed_path(attached)
    assert stored is not None and stored.read_bytes() == b"%PDF-1.4 signed"
    assert stored.parent == tmp_path / "attachments" / "contracts" / contract.id
    assert stored.name == "合同 签字.pdf"


def test_a_renewal_reminder_becomes_an_activity(services: Services) -> None:
    services.quote_settings.save(QuoteSettings(renewal_reminder_days=14))
    quote = _accepted(services)
    contract = services.contracts.from_quote(quote.id, ContractDraft(
        date(2026, 1, 1), term_months=12, notice_days=30, auto_renew=True))
    scheduled = services.contracts.schedule_reminder(contract.id)
    activity = services.activities.get(scheduled.reminder_activity_id or "")
    assert "C-2026-00001" in activity.subject
    due, remind = activity.draft.due_at, activity.draft.remind_at
    assert due is not None and remind is not None
    assert due.astimezone().date() == date(2026, 12, 1)  # 31 Dec − 30 days
    assert due - remind == timedelta(days=14)
    # scheduling again updates the same activity instead of adding one
    again = services.contracts.schedule_reminder(contract.id)
    assert again.reminder_activity_id == scheduled.reminder_activity_id


def test_renewals_lists_contracts_ending_in_the_next_90_days(services: Services) -> None:
    quote = _accepted(services)
    soon = services.contracts.from_quote(quote.id, ContractDraft(
        date(2025, 12, 15), term_months=12, status="active"))
    later = services.contracts.from_quote(quote.id, ContractDraft(
        date(2026, 6, 1), term_months=12, status="active"))
    ended = services.contracts.from_quote(quote.id, ContractDraft(
        date(2026, 12, 1), term_months=12, status="terminated"))
    rows = services.contracts.renewals(today=date(2026, 11, 23))
    assert [row.contract_id for row in rows] == [soon.id]
    assert rows[0].value == Decimal("13780.00")
    assert rows[0].end_date == date(2026, 12, 14)
    assert later.id and ended.id
