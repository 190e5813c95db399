from datetime import date
from typing import Any

from desk_crm.services.bundle import Services
from desk_crm.ui.sales_columns import money_cell, next_activity_cell, weighted_cell
from desk_crm.ui.sales_lists import LeadListPage, OpportunityListPage, month_keys
from helpers.sales import add_opportunity, stages_by_name


def test_filter_bar_drives_the_opportunity_query(qtbot: Any, services: Services) -> None:
    rep = services.users.ensure("Tom Becker")
    add_opportunity(services, "A", close_date=date(2026, 11, 30), owner_id=rep.id)
    add_opportunity(services, "B", stage="Proposal", close_date=date(2026, 12, 1))
    page = OpportunityListPage(services, "Opportunities", today=date(2026, 11, 23))
    qtbot.addWidget(page)
    assert page.count() == 2
    page.month_filter.setCurrentIndex(page.month_filter.findData("2026-12"))
    assert page.count() == 1 and page.model.query.filters == (("close_month", "2026-12"),)
    page.month_filter.setCurrentIndex(0)
    page.owner_filter.setCurrentIndex(page.owner_filter.findData(rep.id))
    assert page.count() == 1
    page.owner_filter.setCurrentIndex(0)
    page.stage_filter.setCurrentIndex(page.stage_filter.findData(
        stages_by_name(services)["Proposal"].id))
    assert page.count() == 1
    page.stage_filter.setCurrentIndex(0)
    page.no_next_step.setChecked(True)
    assert page.count() == 2  # neither has an open activity
    assert page.model.data(page.model.index(0, 9)) == "⚠ No next step"


def test_lead_list_page_filters_by_status(qtbot: Any, services: Services) -> None:
    from desk_crm.domain.leads import LeadDraft

    services.leads.save(LeadDraft(given_name="Ann", status="qualified"))
    services.leads.save(LeadDraft(given_name="Bob"))
    page = LeadListPage(services, "Leads")
    qtbot.addWidget(page)
    assert page.count() == 2
    page.status_filter.setCurrentIndex(page.status_filter.findData("qualified"))
    assert page.count() == 1


def test_opportunity_model_passes_the_model_tester(qtmodeltester: Any,
                                                   services: Services, qtbot: Any) -> None:
    add_opportunity(services, "A")
    page = OpportunityListPage(services, "Opportunities")
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)


def test_cells_format_money_exactly() -> None:
    assert money_cell("123450 CNY") == "¥1,234.50"
    assert money_cell("1235 JPY") == "1,235 JPY"
    assert weighted_cell("5 CNY 50") == "¥0.03"  # 0.025 half-up
    assert weighted_cell("12345 USD 72.5") == "$89.50"  # 89.50125
    assert next_activity_cell("closed") == ""
    assert next_activity_cell(None).endswith("No next step")
    assert month_keys(date(2026, 1, 15), 1, 1) == ["2025-12", "2026-01", "2026-02"]
