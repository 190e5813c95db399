"""List pages of the quote area: Products, Quotes (newest revision of each) and Renewals
(contracts ending in the next 90 days)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.money import format_money
from desk_crm.services.bundle import Services
from desk_crm.ui.columns import RIGHT, ColumnDef, local_time, plain
from desk_crm.ui.list_page import ListPage
from desk_crm.ui.quote_document import status_titles
from desk_crm.ui.sales_columns import money_cell
from desk_crm.ui.sales_lists import FilterBar, FilteredListPage

translate = QCoreApplication.translate
RENEWAL_DAYS = 90


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


def _yes_no(value: Any) -> str:
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
        ColumnDef("active", translate("QuoteLists", "Active"), _yes_no, width=60),
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


class RenewalsPage(QWidget):
    """Contracts ending in the next 90 days, soonest first, with their value.

    Signals:
        open_requested(str): open this contract.
        delete_requested(str): delete this contract.
        count_changed(int): number of contracts listed.
    """

    open_requested = Signal(str)
    delete_requested = Signal(str)
    count_changed = Signal(int)
    entity = "contract"

    def __init__(self, services: Services, title: str, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.title = title
        self._today = today
        self.setObjectName("renewalsPage")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<h2>{title}</h2>", self))
        top.addStretch(1)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("renewalsTotal")
        top.addWidget(self.total_label)
        layout.addLayout(top)
        self.contracts_table = QTableWidget(0, 7, self)
        self.contracts_table.setObjectName("renewalsTable")
        self.contracts_table.setAccessibleName(self.tr("Contracts ending in the next 90 days"))
        self.contracts_table.setHorizontalHeaderLabels([
            self.tr("Contract"), self.tr("Account"), self.tr("Ends"),
            self.tr("Notice by"), self.tr("Value"), self.tr("Auto-renew"), self.tr("Status")])
        self.contracts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contracts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contracts_table.setAlternatingRowColors(True)
        self.contracts_table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((130, 260, 100, 100, 130, 90)):
            self.contracts_table.setColumnWidth(column, width)
        self.contracts_table.itemActivated.connect(self._on_table_item_activated)
        layout.addWidget(self.contracts_table)
        self._ids: list[str] = []
        self.reload()

    def reload(self) -> None:
        rows = self.services.contracts.renewals(self._today, RENEWAL_DAYS)
        self.contracts_table.setRowCount(len(rows))
        self._ids = [row.contract_id for row in rows]
        totals: dict[str, Any] = {}
        for row_index, row in enumerate(rows):
            values = [row.number, row.account_name, str(row.end_date),
                      str(row.notice_deadline), format_money(row.value, row.currency),
                      _yes_no(row.auto_renew),
                      contract_status_titles().get(row.status, row.status)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 4:
                    item.setTextAlignment(RIGHT | Qt.AlignmentFlag.AlignVCenter)
                self.contracts_table.setItem(row_index, column, item)
            totals[row.currency] = totals.get(row.currency, 0) + row.value
        self.total_label.setText(self.tr("Value up for renewal: %1").replace(
            "%1", ", ".join(format_money(v, c) for c, v in sorted(totals.items())) or "—"))
        self.count_changed.emit(len(rows))

    def count(self) -> int:
        return self.contracts_table.rowCount()

    def current_record_id(self) -> str | None:
        row = self.contracts_table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def focus_search(self) -> None:
        self.contracts_table.setFocus()

    @Slot(QTableWidgetItem)
    def _on_table_item_activated(self, item: QTableWidgetItem) -> None:
        self.open_requested.emit(self._ids[item.row()])
