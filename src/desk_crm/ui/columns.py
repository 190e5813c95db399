"""What each list shows: column titles, formatting and alignment, declared once per entity.

The keys match ``store.repositories`` list sources, which own the SQL side of each column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desk_crm.domain.phones import format_phone
from desk_crm.domain.tags import format_tags

translate = QCoreApplication.translate

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class ColumnDef:
    key: str
    title: str
    format: Callable[[Any], str]
    alignment: Qt.AlignmentFlag = LEFT
    width: int = 140
    sortable: bool = True
    # Optional colour of the text (ForegroundRole) from the raw value, e.g. SLA time left.
    foreground: Callable[[Any], Any] | None = None


def plain(value: Any) -> str:
    return "" if value is None else str(value)


def local_time(value: Any) -> str:
    if not isinstance(value, datetime):
        return ""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def tags(value: Any) -> str:
    return format_tags(value or ())


def phone_formatter(region: str) -> Callable[[Any], str]:
    def format_value(value: Any) -> str:
        return format_phone(value, region) if value else ""
    return format_value


def contact_columns(region: str) -> tuple[ColumnDef, ...]:
    return (
        ColumnDef("name", translate("Columns", "Name", "a person's name"), plain, width=170),
        ColumnDef("account", translate("Columns", "Account"), plain, width=220),
        ColumnDef("title", translate("Columns", "Title"), plain),
        ColumnDef("email", translate("Columns", "Email"), plain, width=220),
        ColumnDef("phone", translate("Columns", "Phone"), phone_formatter(region), width=150),
        ColumnDef("city", translate("Columns", "City"), plain, width=100),
        ColumnDef("owner", translate("Columns", "Owner"), plain, width=100),
        ColumnDef("tags", translate("Columns", "Tags"), tags, sortable=False),
        ColumnDef("updated_at", translate("Columns", "Updated"), local_time, width=130),
    )


def account_columns(region: str) -> tuple[ColumnDef, ...]:
    return (
        ColumnDef("name", translate("Columns", "Name"), plain, width=260),
        ColumnDef("industry", translate("Columns", "Industry"), plain),
        ColumnDef("city", translate("Columns", "City"), plain, width=100),
        ColumnDef("phone", translate("Columns", "Phone"), phone_formatter(region), width=150),
        ColumnDef("website", translate("Columns", "Website"), plain, width=200),
        ColumnDef("contacts", translate("Columns", "Contacts"), plain, RIGHT, width=80,
                  sortable=False),
        ColumnDef("owner", translate("Columns", "Owner"), plain, width=100),
        ColumnDef("tags", translate("Columns", "Tags"), tags, sortable=False),
        ColumnDef("updated_at", translate("Columns", "Updated"), local_time, width=130),
    )
