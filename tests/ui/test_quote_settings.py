"""Settings → Price books and Settings → Quotes; the Renewals page."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_crm.services.bundle import Services
from desk_crm.services.quote_records import ContractDraft
from desk_crm.ui.price_book_dialog import PRICE, PriceBookDialog
from desk_crm.ui.quote_settings_dialog import QuoteSettingsDialog
from desk_crm.ui.renewals_page import RenewalsPage
from helpers.quotes import add_product, add_quote


def test_prices_are_edited_per_book(qtbot: QtBot, services: Services) -> None:
    product_id = add_product(services)
    book = services.price_books.save("Distributor", "CNY")
    dialog = PriceBookDialog(services)
    qtbot.addWidget(dialog)
    dialog.book.setCurrentIndex(dialog.book.findData(book.id))
    dialog.table.item(0, PRICE).setText("1,234.50")
    dialog.default.setChecked(True)
    dialog._on_buttons_accepted()
    assert services.price_books.prices(book.id) == {product_id: Decimal("1234.50")}
    assert services.price_books.books()[0].is_default
    dialog.table.item(0, PRICE).setText("abc")
    dialog._on_buttons_accepted()
    assert dialog.error.text()  # refused, shown
    assert services.price_books.prices(book.id) == {product_id: Decimal("1234.50")}


def test_quote_settings_and_approvers(qtbot: QtBot, services: Services) -> None:
    boss = services.users.ensure("Boss")
    dialog = QuoteSettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.threshold.setText("25")
    dialog.pattern.setText("Q{seq}")
    item = dialog.approvers.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    dialog._on_buttons_accepted()
    assert services.quote_settings.get().approval_threshold == Decimal(25)
    assert services.quote_settings.roles(boss.id) == ["approver"]
    dialog.pattern.setText("Q-{year}")  # no {seq}: refused
    dialog._on_buttons_accepted()
    assert "{seq}" in dialog.error.text()
    assert services.quote_settings.get().number_pattern == "Q{seq}"


def test_renewals_page_lists_contracts_ending_soon(qtbot: QtBot, services: Services) -> None:
    quote = add_quote(services)
    services.quotes.mark_sent(quote.id)
    services.quotes.accept(quote.id)
    today = date(2026, 11, 23)
    services.contracts.from_quote(quote.id, ContractDraft(
        today - timedelta(days=300), term_months=12, status="active"))
    page = RenewalsPage(services, "Renewals", today=today)
    qtbot.addWidget(page)
    assert page.count() == 1
    assert page.contracts_table.item(0, 4).text() == "¥2,544.00"
    assert page.current_record_id() is None
    page.contracts_table.setCurrentCell(0, 0)
    assert page.current_record_id() == services.contracts.for_quote(quote.id)[0].id
