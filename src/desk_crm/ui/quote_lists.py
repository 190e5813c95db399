"""List pages of the quote area: Products and Quotes (newest revision of each); the
Renewals area is ui/renewals_page.py."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QWidget,
)

from desk_crm.services.bundle import Services
from desk_crm.ui.columns import RIGHT, ColumnDef, local_time, plain
from desk_crm.ui.list_page import ListPage
from desk_crm.ui.quote_document import status_titles
from desk_crm.ui.sales_columns import money_cell
from desk_crm.ui.sales_lists import FilterBar, FilteredListPage

translate = QCoreApplication.translate


def _status(value: Any) -> str:
    return status_titles().get(str(value or ""), str(value or ""))


def _approval(value: Any) -> str:
    return {"needed": translate("QuoteLists", "⚠ Needs approval"),
            "approved": translate("QuoteLists", "Approved")}.get(str(value or ""), "")


def contract_status_titles() -> dict[str, str]:
    return {"draft": translate("QuoteLists", "Draft"),
            "active": translate("QuoteLists", "Active"),
            "expired": translate("QuoteLists", "Expired"),
            "terminated": translate("QuoteLists", "Terminated")}


def yes_no(value: Any) -> str:
    return translate("QuoteLists", "Yes") if value else translate("QuoteLists", "No")


def _percent(value: Any) -> str:
    return "" if value is None else f"{value} %"


def product_columns() -> tuple[ColumnDef, ...]:
    return (
        ColumnDef("code", translate("QuoteLists", "Code"), plain, width=110),
        ColumnDef("name", translate("QuoteLists", "Name"), plain, width=260),
        ColumnDef("unit", translate("QuoteLists", "Unit"), plain, width=70),
        ColumnDef("price", translate("QuoteLists", "Default price"), money_cell, RIGHT,
                  width=120),
        ColumnDef("tax_rate", translate("QuoteLists", "Tax"), _percent, RIGHT, width=60),
        ColumnDef("active", translate("QuoteLists", "Active"), yes_no, width=60),
        ColumnDef("updated_at", translate("QuoteLists", "Updated"), local_time, width=130),
    )


def quote_columns() -> tuple[ColumnDef, ...]:
    return (
        ColumnDef("number", translate("QuoteLists", "Number"), plain, width=130),
        ColumnDef("revision", translate("QuoteLists", "Rev."), plain, RIGHT, width=45),
        ColumnDef("account", translate("QuoteLists", "Account"), plain, width=220),
        ColumnDef("opportunity", translate("QuoteLists", "Opportunity"), plain, width=200),
        ColumnDef("status", translate("QuoteLists", "Status"), _status, width=80),
        ColumnDef("total", translate("QuoteLists", "Total"), money_cell, RIGHT, width=120),
        ColumnDef("issue_date", translate("QuoteLists", "Issued"), plain, width=90),
        ColumnDef("expiry_date", translate("QuoteLists", "Valid until"), plain, width=90),
        ColumnDef("approval", translate("QuoteLists", "Approval"), _approval, width=120,
                  sortable=False),
        ColumnDef("owner", translate("QuoteLists", "Owner"), plain, width=80),
    )


class ProductListPage(ListPage):
    def __init__(self, services: Services, title: str, parent: QWidget | None = None) -> None:
        super().__init__("product", title, services.lists, product_columns(), parent)


class QuoteListPage(FilteredListPage):
    CURRENT = (("current", "1"),)

    def __init__(self, services: Services, title: str, parent: QWidget | None = None) -> None:
        super().__init__("quote", title, services, quote_columns(), parent)
        self.status_filter = self.filter_bar.add_combo("status", self.tr("S&tatus:"),
                                                       self.tr("Status"))
        self.filter_bar.finish()
        FilterBar.fill(self.status_filter, self.tr("Any status"),
                       [(title, key) for key, title in status_titles().items()])
        self.model.set_query(replace(self.model.query, filters=self.CURRENT))

    @Slot()
    def _on_filter_bar_filters_changed(self) -> None:
        self.model.set_query(replace(self.model.query,
                                     filters=self.CURRENT + self.filter_bar.filters()))
