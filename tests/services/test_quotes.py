"""Quotes: numbering, revisions, approval, acceptance winning the opportunity."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import desk_crm.services.quotes as quotes_module
from desk_crm.domain.errors import ValidationErrors
from desk_crm.services.bundle import Services, build_services
from desk_crm.services.quote_settings import QuoteSettings
from desk_crm.store.database import Database, open_database
from helpers.db import change_log, rows
from helpers.quotes import add_product, add_quote, line
from helpers.sales import add_opportunity


def test_a_new_quote_is_numbered_and_totalled(services: Services) -> None:
    quote = add_quote(services, line("Licence", 3, "0.10", tax=0),
                      line("Support", 1, "100.00", tax=13, discount="33.333"))
    assert quote.number == "Q-2026-00001"
    assert quote.status == "draft" and quote.revision == 1
    # 0.30 + 66.67 = 66.97; tax 13 % of 66.67 = 8.6671 -> 8.67
    assert quote.totals.subtotal == Decimal("66.97")
    assert quote.totals.grand_total == Decimal("75.64")
    assert quote.account_name == "北京星辰科技有限公司"
    assert [x.description for x in quote.draft.lines] == ["Licence", "Support"]


def test_numbers_restart_each_year_and_follow_the_configured_pattern(
        services: Services) -> None:
    services.quote_settings.save(QuoteSettings(number_pattern="ANG{year}/{seq:03d}"))
    first = add_quote(services, issue=date(2026, 3, 1))
    second = add_quote(services, issue=date(2026, 4, 1))
    next_year = add_quote(services, issue=date(2027, 1, 2))
    assert [first.number, second.number, next_year.number] == [
        "ANG2026/001", "ANG2026/002", "ANG2027/001"]


def test_a_failed_create_leaves_no_gap(services: Services) -> None:
    add_quote(services)
    with pytest.raises(LookupError):
        add_quote(services, opportunity_id="no-such-opportunity")
    assert add_quote(services).number == "Q-2026-00002"


def _create_many(path: Path, opportunity_id: str, count: int, numbers: list[str],
                 errors: list[BaseException]) -> None:
    database = open_database(path, path.parent / "backups")
    try:
        services = build_services(database, actor="thread")
        for _ in range(count):
            numbers.append(add_quote(services, opportunity_id=opportunity_id).number)
    except BaseException as error:
        errors.append(error)
    finally:
        database.close()


def test_concurrent_creation_gives_unique_gap_free_numbers(
        database: Database, services: Services) -> None:
    opportunity_id = add_opportunity(services).id
    numbers: list[str] = []
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_create_many,
                                args=(database.path, opportunity_id, 5, numbers, errors))
               for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == [f"Q-2026-{seq:05d}" for seq in range(1, 21)]


def test_a_draft_is_edited_in_place(services: Services) -> None:
    quote = add_quote(services)
    draft = quote.draft
    draft.lines[0].quantity = Decimal(5)
    draft.lines.append(line("Travel", 1, "300.00", tax=0))
    saved = services.quotes.save(quote.id, draft, expected_version=quote.version)
    assert saved.id == quote.id and saved.revision == 1
    assert [(x.description, x.quantity) for x in saved.draft.lines] == [
        ("Consulting day", Decimal(5)), ("Travel", Decimal(1))]
    assert saved.draft.lines[0].id == quote.draft.lines[0].id  # the same row, updated


def test_editing_a_sent_quote_makes_a_revision_and_keeps_the_old_one(
        services: Services) -> None:
    quote = services.quotes.mark_sent(add_quote(services).id)
    draft = quote.draft
    draft.lines[0].unit_price = Decimal("999.00")
    revision = services.quotes.save(quote.id, draft)
    assert (revision.number, revision.revision, revision.status) == (quote.number, 2, "draft")
    old = services.quotes.get(quote.id)
    assert old.superseded and not old.editable
    assert old.draft.lines[0].unit_price == Decimal("1200.00")  # unchanged
    assert old.totals.grand_total == quote.totals.grand_total
    with pytest.raises(ValidationErrors):
        services.quotes.save(quote.id, old.draft)
    with pytest.raises(ValidationErrors):
        services.quotes.accept(quote.id)
    assert [r.revision for r in services.quotes.revisions(quote.id)] == [1, 2]
    assert services.quotes.revise(services.quotes.mark_sent(revision.id).id).revision == 3


def test_a_large_discount_needs_an_approver(services: Services) -> None:
    services.quote_settings.save(QuoteSettings(approval_threshold=Decimal(20)))
    quote = add_quote(services, line("Hardware", 1, "1000.00", discount="25"))
    assert quote.needs_approval
    with pytest.raises(ValidationErrors, match="approval"):
        services.quotes.mark_sent(quote.id)
    rep = services.users.ensure("Rep")
    boss = services.users.ensure("Boss")
    with pytest.raises(ValidationErrors, match="approver"):
        services.quotes.approve(quote.id, rep.id)
    services.quote_settings.set_roles(boss.id, ["approver"])
    approved = services.quotes.approve(quote.id, boss.id)
    assert approved.approved_by_name == "Boss"
    assert services.quotes.mark_sent(quote.id).status == "sent"
    history = [entry["changes"] for entry in change_log(services_database(services), quote.id)]
    assert any(changes.get("approved_by") == [None, boss.id] for changes in history)


def services_database(services: Services) -> Database:
    engine = services.context.session_factory.kw["bind"]
    path = Path(engine.url.database)
    return Database(path, engine, services.context.session_factory,
                    None, path.parent / "backups")  # type: ignore[arg-type]


def test_changing_an_approved_quote_asks_for_approval_again(services: Services) -> None:
    boss = services.users.ensure("Boss")
    services.quote_settings.set_roles(boss.id, ["approver"])
    quote = add_quote(services, line("Hardware", 1, "1000.00", discount="50"))
    services.quotes.approve(quote.id, boss.id)
    draft = quote.draft
    draft.lines[0].discount_percent = Decimal(60)
    changed = services.quotes.save(quote.id, draft)
    assert changed.needs_approval and changed.approved_by_name == ""


def test_accepting_wins_the_opportunity_with_the_quote_total(services: Services) -> None:
    quote = services.quotes.mark_sent(add_quote(services).id)
    accepted = services.quotes.accept(quote.id)
    assert accepted.status == "accepted"
    opportunity = services.opportunities.get(quote.draft.opportunity_id or "")
    assert opportunity.stage_kind == "won"
    assert opportunity.draft.amount == quote.totals.grand_total == Decimal("2544.00")
    assert opportunity.closed_at is not None
    assert services.opportunities.stage_history(opportunity.id)[-1].stage_name \
        == opportunity.stage_name


def test_accepting_is_all_or_nothing(services: Services, database: Database,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    quote = services.quotes.mark_sent(add_quote(services).id)
    before = services.opportunities.get(quote.draft.opportunity_id or "")

    def apply_then_fail(*args: object, **kwargs: object) -> None:
        real_apply_stage(*args, **kwargs)
        raise RuntimeError("disk full")

    real_apply_stage = quotes_module.apply_stage
    monkeypatch.setattr(quotes_module, "apply_stage", apply_then_fail)
    with pytest.raises(RuntimeError):
        services.quotes.accept(quote.id)
    assert services.quotes.get(quote.id).status == "sent"
    after = services.opportunities.get(before.id)
    assert (after.stage_kind, after.draft.amount, after.version) == (
        "open", before.draft.amount, before.version)
    assert rows(database, "SELECT COUNT(*) AS n FROM stage_change WHERE opportunity_id = :o",
                o=before.id) == [{"n": 1}]


def test_status_moves_are_checked(services: Services) -> None:
    quote = add_quote(services)
    with pytest.raises(ValidationErrors):
        services.quotes.accept(quote.id)
    services.quotes.mark_sent(quote.id)
    assert services.quotes.reject(quote.id).status == "rejected"
    with pytest.raises(ValidationErrors):
        services.quotes.mark_sent(quote.id)


def test_a_product_line_is_priced_from_the_book(services: Services) -> None:
    product_id = add_product(services, price="800.00")
    book = services.price_books.save("Distributor", "CNY", is_default=True)
    services.price_books.set_prices(book.id, {product_id: Decimal("650.50")})
    priced = services.quotes.line_for_product(product_id, book.id, quantity=2)
    assert (priced.unit_price, priced.tax_rate, priced.description) == (
        Decimal("650.50"), Decimal(6), "实施服务")
    unpriced = services.quotes.line_for_product(product_id, None)
    assert unpriced.unit_price == Decimal("800.00")
    opportunity_id = add_opportunity(services).id
    assert services.quotes.new_draft(opportunity_id, date(2026, 1, 1)).price_book_id == book.id
    quote = add_quote(services, replace(priced, unit_price=Decimal("600")))  # overridden
    assert quote.totals.subtotal == Decimal("1200.00")


def test_sent_quotes_past_their_expiry_date_expire(services: Services) -> None:
    sent = services.quotes.mark_sent(add_quote(services, expiry_date=date(2026, 12, 1)).id)
    draft = add_quote(services, expiry_date=date(2026, 12, 1))
    assert services.quotes.expire_overdue(date(2026, 12, 1)) == 0  # valid through the day
    assert services.quotes.expire_overdue(date(2026, 12, 2)) == 1
    assert services.quotes.get(sent.id).status == "expired"
    assert services.quotes.get(draft.id).status == "draft"
    with pytest.raises(ValidationErrors):
        services.quotes.accept(sent.id)
