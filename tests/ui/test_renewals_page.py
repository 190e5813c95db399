"""Renewals has the bar every list has: saved views, columns, search, and how far ahead."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desk_crm.services.bundle import Services
from desk_crm.services.quote_records import ContractDraft
from desk_crm.settings import Settings
from desk_crm.ui.renewals_page import RenewalsPage
from desk_crm.ui.saved_views import SavedView
from helpers.quotes import add_quote, line

TODAY = date(2026, 11, 23)


def contract(services: Services, account: str, price: str, ends_in_days: int) -> str:
    quote = add_quote(services, line("服务", 1, price), account=account)
    services.quotes.mark_sent(quote.id)
    services.quotes.accept(quote.id)
    # a 12-month term from this start ends (start + 12 months - 1 day)
    end = TODAY + timedelta(days=ends_in_days)
    start = end.replace(year=end.year - 1) + timedelta(days=1)
    return services.contracts.from_quote(quote.id, ContractDraft(
        start, term_months=12, status="active")).id


def page_over(qtbot: Any, services: Services, tmp_path: Path) -> RenewalsPage:
    page = RenewalsPage(services, "Renewals", today=TODAY)
    qtbot.addWidget(page)
    page.attach_views(Settings(tmp_path / "settings.ini"), "tester")
    return page


def test_search_horizon_and_sorting_by_value(qtbot: Any, services: Services,
                                             tmp_path: Path) -> None:
    contract(services, "北京星辰科技有限公司", "900.00", 50)  # numbered first, ends later
    contract(services, "青岛海岸贸易有限公司", "5000.00", 20)
    contract(services, "Acme Ltd", "20000.00", 150)
    page = page_over(qtbot, services, tmp_path)
    assert page.view_bar.isVisibleTo(page) and page.view_bar.columns_button.isVisibleTo(page)
    assert page.count() == 2  # 90 days ahead: not the one ending in 150
    assert [page.contracts_table.item(r, 1).text() for r in range(2)] == [
        "青岛海岸贸易有限公司", "北京星辰科技有限公司"]  # soonest end first
    page.horizon.setCurrentIndex(page.horizon.findData(180))
    page.horizon.activated.emit(page.horizon.currentIndex())
    assert page.count() == 3
    page.contracts_table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # by value
    accounts = [page.contracts_table.item(r, 1).text() for r in range(3)]
    assert accounts == ["Acme Ltd", "青岛海岸贸易有限公司", "北京星辰科技有限公司"]
    page.contracts_table.setCurrentCell(0, 0)
    assert page.current_record_id() is not None
    page.search.setText("海岸")  # Chinese set as text, the way an input method leaves it
    qtbot.waitUntil(lambda: page.count() == 1)
    assert page.contracts_table.item(0, 1).text() == "青岛海岸贸易有限公司"


def test_a_saved_view_keeps_search_horizon_sort_and_columns(qtbot: Any, services: Services,
                                                            tmp_path: Path) -> None:
    contract(services, "青岛海岸贸易有限公司", "5000.00", 20)
    contract(services, "Acme Ltd", "20000.00", 150)
    page = page_over(qtbot, services, tmp_path)
    page.horizon.setCurrentIndex(page.horizon.findData(365))
    page.contracts_table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    page.column_chooser.set_hidden(("auto_renew",))
    page._on_view_bar_save_requested("Big ones")
    page._on_view_bar_view_chosen(None)  # back to all records: 90 days, no search
    assert page.count() == 1
    again = page_over(qtbot, services, tmp_path)  # read back from the settings file
    view = next(v for v in again._views if v.name == "Big ones")
    assert isinstance(view, SavedView) and view.filters == (("days", "365"),)
    again.apply_view(view)
    assert again.count() == 2 and again.days() == 365
    assert again.contracts_table.item(0, 1).text() == "Acme Ltd"
    assert again.column_chooser.hidden() == ("auto_renew",)


def test_ctrl_f_goes_to_the_renewals_search(qtbot: Any, services: Services,
                                            tmp_path: Path) -> None:
    page = page_over(qtbot, services, tmp_path)
    page.show()
    qtbot.waitExposed(page)
    page.focus_search()
    assert page.search.hasFocus() or page.focusWidget() is page.search
