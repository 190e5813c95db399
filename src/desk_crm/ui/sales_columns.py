"""Columns of the lead and opportunity lists, and the titles of lead sources, statuses and
stage kinds (stored as codes, shown translated)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication

from desk_crm.domain.money import format_money, from_minor
from desk_crm.domain.pipeline import weighted_amount
from desk_crm.store.types import parse_utc
from desk_crm.ui.columns import RIGHT, ColumnDef, local_time, phone_formatter, plain

translate = QCoreApplication.translate


def source_titles() -> dict[str, str]:
    return {"website": translate("SalesColumns", "Website"),
            "referral": translate("SalesColumns", "Referral"),
            "event": translate("SalesColumns", "Event"),
            "partner": translate("SalesColumns", "Partner"),
            "cold_call": translate("SalesColumns", "Cold call"),
            "advertisement": translate("SalesColumns", "Advertisement"),
            "social": translate("SalesColumns", "Social media"),
            "other": translate("SalesColumns", "Other"), "": ""}


def status_titles() -> dict[str, str]:
    return {"new": translate("SalesColumns", "New"),
            "contacted": translate("SalesColumns", "Contacted"),
            "qualified": translate("SalesColumns", "Qualified"),
            "unqualified": translate("SalesColumns", "Unqualified"),
            "converted": translate("SalesColumns", "Converted")}


def kind_titles() -> dict[str, str]:
    return {"open": translate("SalesColumns", "Open"),
            "won": translate("SalesColumns", "Won"),
            "lost": translate("SalesColumns", "Lost")}


def _titled(titles: Callable[[], dict[str, str]]) -> Callable[[Any], str]:
    def format_value(value: Any) -> str:
        return titles().get(value or "", str(value or ""))
    return format_value


def money_cell(value: Any) -> str:
    """ "123450 CNY" (minor units, currency) -> "¥1,234.50"."""
    try:
        minor, currency = str(value).split()
        return format_money(from_minor(int(minor), currency), currency)
    except (ValueError, LookupError):
        return ""


def weighted_cell(value: Any) -> str:
    """ "123450 CNY 60" -> amount × 60 % in Decimal, formatted."""
    try:
        minor, currency, percent = str(value).split()
        amount = weighted_amount(from_minor(int(minor), currency), Decimal(percent), currency)
        return format_money(amount, currency)
    except (ValueError, LookupError, InvalidOperation):
        return ""


def percent_cell(value: Any) -> str:
    return "" if value is None else f"{value} %"


def next_activity_cell(value: Any) -> str:
    if value is None:
        return translate("SalesColumns", "⚠ No next step")
    if value == "closed":
        return ""
    if value == "undated":
        return translate("SalesColumns", "Open, no date")
    try:
        return local_time(parse_utc(str(value)))
    except ValueError:
        return str(value)


def lead_columns(region: str) -> tuple[ColumnDef, ...]:
    return (
        ColumnDef("name", translate("SalesColumns", "Name", "a person's name"), plain, width=150),
        ColumnDef("company", translate("SalesColumns", "Company"), plain, width=220),
        ColumnDef("status", translate("SalesColumns", "Status"), _titled(status_titles),
                  width=90),
        ColumnDef("source", translate("SalesColumns", "Source"), _titled(source_titles),
                  width=100),
        ColumnDef("score", translate("SalesColumns", "Score"), plain, RIGHT, width=60),
        ColumnDef("email", translate("SalesColumns", "Email"), plain, width=210),
        ColumnDef("phone", translate("SalesColumns", "Phone"), phone_formatter(region),
                  width=140),
        ColumnDef("owner", translate("SalesColumns", "Owner"), plain, width=90),
        ColumnDef("updated_at", translate("SalesColumns", "Updated"), local_time,
                  width=130),
    )


def opportunity_columns() -> tuple[ColumnDef, ...]:
    return (
        ColumnDef("name", translate("SalesColumns", "Name"), plain, width=200),
        ColumnDef("account", translate("SalesColumns", "Account"), plain, width=200),
        ColumnDef("stage", translate("SalesColumns", "Stage"), plain, width=110),
        ColumnDef("amount", translate("SalesColumns", "Amount"), money_cell, RIGHT,
                  width=120),
        ColumnDef("currency", translate("SalesColumns", "Currency"), plain, width=60),
        ColumnDef("probability", translate("SalesColumns", "Prob."), percent_cell, RIGHT,
                  width=60),
        ColumnDef("weighted", translate("SalesColumns", "Weighted"), weighted_cell, RIGHT,
                  width=110, sortable=False),
        ColumnDef("close_date", translate("SalesColumns", "Close date"), plain, width=90),
        ColumnDef("owner", translate("SalesColumns", "Owner"), plain, width=80),
        ColumnDef("next_activity", translate("SalesColumns", "Next activity"),
                  next_activity_cell, width=130),
        ColumnDef("updated_at", translate("SalesColumns", "Updated"), local_time,
                  width=130),
    )
