"""The dashboard renders its figures and clicks through to the records behind them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QInputDialog

from desk_crm.services.bundle import Services
from desk_crm.ui.dashboard_page import DashboardPage
from desk_crm.ui.main_window import MainWindow
from helpers.sales_rows import add_account, add_opportunity, add_stages

TODAY = date(2026, 11, 23)  # Q4 2026


@pytest.fixture
def pipeline(services: Services) -> dict[str, str]:
    stages = add_stages(services)
    acme = add_account(services, "Acme")
    add_opportunity(services, stages["Prospecting"], "A", 100_000, close_date=date(2026, 11, 1))
    add_opportunity(services, stages["Proposal"], "B", 100_000, close_date=date(2026, 11, 2))
    add_opportunity(services, stages["Proposal"], "C", 100_000, close_date=date(2026, 12, 2))
    add_opportunity(services, stages["Won"], "D", 500_000, close_date=date(2026, 10, 9),
                    account_id=acme)
    add_opportunity(services, stages["Lost"], "E", 100_000, close_date=date(2026, 10, 9))
    add_opportunity(services, stages["Proposal"], "Old", 100_000, close_date=date(2025, 1, 1))
    return stages


def test_the_dashboard_renders_hand_computed_figures(qtbot: Any, services: Services,
                                                     pipeline: dict[str, str]) -> None:
    page = DashboardPage(services, "Dashboard", today=lambda: TODAY)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.dashboard is not None)
    assert page.cards["win_rate"].value == "50.0 %"
    assert page.cards["won"].value == "¥5,000.00"
    assert page.funnel.stage_ids[::-1] == [pipeline["Prospecting"], pipeline["Proposal"],
                                           pipeline["Negotiation"], pipeline["Won"]]
    assert page.funnel.bars is not None
    # bars bottom-up: Won 1, Negotiation 0, Proposal 2, Prospecting 1
    assert [page.funnel.bars.at(i) for i in range(4)] == [1.0, 0.0, 2.0, 1.0]
    # value labels readable on both bars: dark on the pale "reached" bar, white on the dark
    reached, bars = page.funnel.chart().series()[0].barSets()
    assert reached.labelColor().lightness() < 60 < 200 < bars.labelColor().lightness()
    # whole-number ticks on the count axis, ending at or above the largest bar
    axis = page.funnel.chart().axes(Qt.Orientation.Horizontal)[0]
    labels = list(axis.categoriesLabels())
    assert labels[0] == "0" and all(float(t).is_integer() for t in labels)
    assert page.top_accounts.item(0).text().startswith("Acme")
    assert page.count() == 4  # in the funnel: A, B, C and won D (lost E is not)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    assert not page.grab().isNull()


def test_a_click_on_a_funnel_stage_opens_the_filtered_opportunities(
        qtbot: Any, services: Services, pipeline: dict[str, str],
        shown_window: MainWindow) -> None:
    window = shown_window
    window.show_area("dashboard")
    page = window.pages["dashboard"]
    qtbot.waitUntil(lambda: page.dashboard is not None and page.funnel.bars is not None)
    position = page.funnel.stage_ids.index(pipeline["Proposal"])
    # A real mouse click on the Proposal bar: its middle, mapped from chart values to pixels.
    view = page.funnel
    series = view.chart().series()[0]
    scene = view.chart().mapToPosition(QPointF(0.5, position + 0.1), series)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.mapFromScene(scene))
    assert window.current_area() == "opportunities"
    opportunities = window.pages["opportunities"]
    # the stage, within the period the dashboard shows (Q4 2026)
    assert opportunities.model.query.filters == (
        ("stage_id", pipeline["Proposal"]), ("close_from", "2026-10-01"),
        ("close_before", "2027-01-01"))
    assert opportunities.stage_filter.currentData() == pipeline["Proposal"]
    names = {opportunities.model.index(row, 0).data()
             for row in range(opportunities.model.rowCount())}
    assert names == {"B", "C"}  # not "Old", closing in 2025
    assert opportunities.filter_note.isVisible()
    assert "dashboard" in opportunities.filter_label.text()


def test_dashboard_is_first_and_ctrl_digits_keep_their_areas(main_window: MainWindow) -> None:
    assert main_window.nav.item(0).text() == "Dashboard"
    keys = {action.text(): action.shortcut().toString() for action in main_window.area_actions}
    assert keys["Dashboard"] == "Ctrl+Shift+O"
    assert keys["Accounts"] == "Ctrl+1"
    assert keys["Contacts"] == "Ctrl+2"


def test_the_monthly_target_is_asked_and_drawn(qtbot: Any, services: Services,
                                               pipeline: dict[str, str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    page = DashboardPage(services, "Dashboard", today=lambda: TODAY)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.dashboard is not None)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda *_args, **_kw: ("12,000.50", True)))
    # Not qtbot.waitSignal: with a Python object as the argument it corrupts the heap
    # under PySide6 6.12 ("shared QObject was deleted directly").
    shown: list[object] = []
    page.dashboard_ready.connect(shown.append)
    page.target_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    assert page.dashboard is not None
    assert {m.target for m in page.dashboard.months} == {Decimal("12000.50")}
    assert services.insight.monthly_target("CNY") == Decimal("12000.50")


def test_the_funnel_works_from_the_keyboard_and_cards_click_through(
        qtbot: Any, services: Services, pipeline: dict[str, str],
        shown_window: MainWindow) -> None:
    window = shown_window
    window.show_area("dashboard")
    page = window.pages["dashboard"]
    qtbot.waitUntil(lambda: page.dashboard is not None and page.funnel.bars is not None)
    page.funnel.setFocus()
    qtbot.keyClick(page.funnel, Qt.Key.Key_Down)  # the first stage, drawn on top
    qtbot.keyClick(page.funnel, Qt.Key.Key_Down)  # the second
    assert page.funnel.bars.selectedBars() == [2]
    qtbot.keyClick(page.funnel, Qt.Key.Key_Return)
    assert window.current_area() == "opportunities"
    assert window.pages["opportunities"].model.query.filters[0] == (
        "stage_id", pipeline["Proposal"])
    window.show_area("dashboard")
    page.cards["tickets"].click()
    assert window.current_area() == "tickets"
    assert [key for key, _value in window.pages["tickets"].model.query.filters] == [
        "breached_at"]


def test_cards_show_the_figure_large_and_the_trend_against_the_period_before(
        qtbot: Any, services: Services, pipeline: dict[str, str]) -> None:
    # Q3 2026, the quarter before TODAY's: one won of ¥2,000 and two lost (33.3 %)
    add_opportunity(services, pipeline["Won"], "Q3 won", 200_000, close_date=date(2026, 8, 3))
    for name in ("Q3 lost 1", "Q3 lost 2"):
        add_opportunity(services, pipeline["Lost"], name, 100_000, close_date=date(2026, 9, 3))
    page = DashboardPage(services, "Dashboard", today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.dashboard is not None)
    won = page.cards["won"]
    assert won.value_label.text() == "¥5,000.00"
    assert won.value_label.font().pointSizeF() > 1.5 * won.title_label.font().pointSizeF()
    assert won.trend() == "▲ 150.0 % against the period before"
    assert page.cards["win_rate"].trend() == "▲ 16.7 points against the period before"
    assert won.trend_colour.name() == "#2e7d32"
    assert "#2e7d32" in won.trend_label.styleSheet()
    assert "150.0 %" in won.accessibleName()
    with qtbot.waitSignal(page.list_requested) as requested:
        qtbot.mouseClick(won.value_label, Qt.MouseButton.LeftButton)  # the figure clicks
    assert requested.args[0] == "opportunities"
    first = page.top_accounts.item(0)
    assert first.data(Qt.ItemDataRole.UserRole + 2) == 1.0  # the first fills its bar


def test_a_fall_is_red_and_nothing_before_says_so(qtbot: Any, services: Services,
                                                  pipeline: dict[str, str]) -> None:
    add_opportunity(services, pipeline["Won"], "Q3 big", 1_000_000, close_date=date(2026, 8, 3))
    page = DashboardPage(services, "Dashboard", today=lambda: TODAY)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.dashboard is not None)
    won = page.cards["won"]
    assert won.trend_label.text() == "▼ 50.0 % against the period before"
    assert won.trend_colour.name() == "#c62828"
    page.period.setCurrentIndex(page.period.findData("last_12_months"))
    page.period.activated.emit(page.period.currentIndex())
    qtbot.waitUntil(lambda: page.dashboard is not None
                    and page.dashboard.query.period.first == date(2025, 12, 1))
    assert page.cards["win_rate"].trend_label.text() == "nothing to compare with before"
