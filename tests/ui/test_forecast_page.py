"""The forecast page shows hand-computed totals for a known data set."""

from datetime import date
from decimal import Decimal

import pytest

from desk_crm.domain.forecast import Figures
from desk_crm.ui.forecast_model import ForecastTableModel, ValueRole
from desk_crm.ui.forecast_page import ForecastPage
from helpers.sales_rows import add_opportunity, add_stages

TODAY = date(2026, 2, 15)  # Q1 2026


@pytest.fixture
def forecast_data(services):
    stages = add_stages(services)  # Prospecting 10 %, Proposal 50 %, Negotiation 80 %
    li = services.users.ensure("Li Lei").id
    wang = services.users.ensure("Wang Fang").id
    add_opportunity(services, stages["Prospecting"], "A", 100_000, "CNY", date(2026, 1, 10), li)
    add_opportunity(services, stages["Negotiation"], "B", 50_000, "CNY", date(2026, 2, 20), wang)
    add_opportunity(services, stages["Proposal"], "C", 10_000, "CNY", date(2026, 3, 31), li,
                    probability=Decimal("33.3"))
    add_opportunity(services, stages["Won"], "D", 30_000, "CNY", date(2026, 3, 1), wang)
    add_opportunity(services, stages["Proposal"], "E", 99_900, "USD", date(2026, 1, 15), li)
    add_opportunity(services, stages["Lost"], "F", 500_000, "CNY", date(2026, 2, 1), li)
    add_opportunity(services, stages["Proposal"], "G", 70_000, "CNY", date(2026, 4, 1), li)
    return stages


def make_page(qtbot, services) -> ForecastPage:
    page = ForecastPage(services, "Forecast", today=lambda: TODAY)
    qtbot.addWidget(page)
    return page


def total_row(model: ForecastTableModel) -> list[str]:
    row = model.rowCount() - 1
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_forecast_shows_hand_computed_totals(qtbot, services, forecast_data) -> None:
    page = make_page(qtbot, services)
    qtbot.waitUntil(lambda: page.report is not None)
    # CNY, Q1 2026: open A 1000 @10 %, B 500 @80 %, C 100 @33.3 %; won D 300; lost F out
    # commit = B 500 + D 300; best = 1600 + 300; weighted = 100 + 400 + 33.30
    assert page.currency.currentText() == "CNY"
    assert [page.currency.itemText(i) for i in range(page.currency.count())] == ["CNY", "USD"]
    assert total_row(page.by_month) == ["Total", "¥800.00", "¥1,900.00", "¥533.30",
                                        "¥1,600.00", "¥300.00", "3"]
    months = [[page.by_month.index(r, c).data() for c in (0, 1, 2)] for r in range(3)]
    assert [m[1:] for m in months] == [["¥0.00", "¥1,000.00"], ["¥500.00", "¥500.00"],
                                       ["¥300.00", "¥400.00"]]
    assert page.by_month.index(3, 3).data(ValueRole) == Decimal("533.3000")
    owners = {page.by_owner.index(r, 0).data(): page.by_owner.index(r, 2).data()
              for r in range(page.by_owner.rowCount() - 1)}
    assert owners == {"Li Lei": "¥1,100.00", "Wang Fang": "¥800.00"}
    assert page.count() == 4


def test_currency_and_period_selectors(qtbot, services, forecast_data) -> None:
    page = make_page(qtbot, services)
    qtbot.waitUntil(lambda: page.report is not None)
    with qtbot.waitSignal(page.report_ready):
        page.currency.activated.emit(page.currency.findText("USD"))
    assert page.report.currency == "USD"
    assert total_row(page.by_month)[2] == "$999.00"
    with qtbot.waitSignal(page.report_ready):
        page.period.setCurrentIndex(page.period.findData("next_quarter"))
    # no USD next quarter: back to the most common currency there
    qtbot.waitUntil(lambda: page.report.currency == "CNY")
    assert page.report.period.first == date(2026, 4, 1)
    assert total_row(page.by_month)[2] == "¥700.00"
    with qtbot.waitSignal(page.report_ready):
        page.period.setCurrentIndex(page.period.findData("custom"))
    assert page.first_month.isVisibleTo(page)
    with qtbot.waitSignal(page.report_ready):
        page.last_month.setDate(page.last_month.date().addMonths(2))
    assert [m for m, _f in page.report.by_month] == [date(2026, 2, 1), date(2026, 3, 1),
                                                     date(2026, 4, 1)]
    assert page.report.total.best_case == Decimal("500.00") + Decimal("100.00") + \
        Decimal("300.00") + Decimal("700.00")


def test_forecast_table_model_passes_the_model_tester(qtmodeltester) -> None:
    model = ForecastTableModel(lambda: "Month")
    model.set_rows([("Jan", Figures(pipeline=Decimal("1.5"), open_count=1))],
                   Figures(pipeline=Decimal("1.5"), open_count=1), "CNY")
    assert model.rowCount() == 2
    qtmodeltester.check(model)
