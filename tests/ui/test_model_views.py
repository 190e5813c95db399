"""The fitted models in the reports (lifetime value, churn and purchase model tabs) and in
an account's Insight tab, on a store with a planted signal."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desk_crm.services.bundle import Services
from desk_crm.ui.editors.account_editor import AccountEditor
from desk_crm.ui.reports_page import ReportsPage
from helpers.analytics_rows import planted_history

TODAY = date.today()


@pytest.fixture
def history(services: Services) -> dict[str, str]:
    return planted_history(services, TODAY)


def test_model_tabs_show_evaluation_calibration_and_features(
        qtbot: Any, services: Services, history: dict[str, str]) -> None:
    page = ReportsPage(services, "Performance reports")
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.reports is not None, timeout=30_000)
    page.tabs.setCurrentWidget(page.churn_model)
    assert page.period.isHidden()
    subtitle = page.churn_model.subtitle
    assert "AUC 0." in subtitle and "evaluated on the next 180 days" in subtitle
    auc = float(subtitle.rsplit("AUC ", 1)[1].rstrip("."))
    assert auc > 0.65
    assert page.churn_model.rows()[0][0] == "Price complaints"  # the planted field, top
    assert page.churn_model.rows()[0][2] == "raises the churn risk"
    series = page.churn_model.chart.chart().series()
    assert [s.count() for s in series][1] == 10  # a point per decile
    assert page.purchase_model.rows()[0][2] == "lowers the chance to buy"
    clv_rows = page.clv.rows()
    assert len(clv_rows) == 30 and clv_rows[0][0].startswith("Customer ")
    assert "BG/NBD (r " in page.clv.subtitle


def test_the_account_view_shows_fitted_clv_and_churn_with_reasons(
        qtbot: Any, services: Services, history: dict[str, str], show_dialog: Any) -> None:
    editor = show_dialog(AccountEditor(services, history["Customer 000"]))
    tab = editor.insight_tab
    qtbot.waitUntil(lambda: tab.insight is not None, timeout=30_000)
    clv = tab.labels["clv"].text()
    assert "expected in the next 12 months" in clv and "P(alive)" in clv
    assert "Formula" not in clv
    churn = tab.labels["churn"].text()
    assert "fitted model, held-out AUC" in churn and "Rule-based" not in churn
    assert "Chance of an order in the next 180 days" in churn


def test_the_at_risk_list_adds_the_fitted_churn_probability(
        qtbot: Any, services: Services, history: dict[str, str]) -> None:
    from desk_crm.ui.at_risk_page import AtRiskPage

    page = AtRiskPage(services, "Customers at risk")
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.count() > 0 and page.models is not None, timeout=30_000)
    cell = page.risk_table.item(0, 6)
    assert cell.text().endswith(" %")
    assert "held-out AUC" in cell.toolTip()
    assert "BG/NBD" in page.risk_table.item(0, 5).toolTip()  # fitted CLV replaced the formula
