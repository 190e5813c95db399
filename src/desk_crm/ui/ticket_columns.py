"""Columns of the ticket queue and knowledge-base lists, the titles of ticket codes
(status, priority, channel), and the SLA cell: time left or overdue, with its colour."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desk_crm.domain.sla import BREACH, SlaAlert, SlaState
from desk_crm.store.types import parse_utc
from desk_crm.ui.columns import ColumnDef, local_time, plain, tags

translate = QCoreApplication.translate

OVERDUE = QColor("#c62828")
SOON = QColor("#e65100")
ON_TRACK = QColor("#2e7d32")
IDLE = QColor("#757575")


def status_titles() -> dict[str, str]:
    return {"new": translate("Tickets", "New"), "open": translate("Tickets", "Open"),
            "waiting": translate("Tickets", "Waiting on customer"),
            "resolved": translate("Tickets", "Resolved"),
            "closed": translate("Tickets", "Closed")}


def priority_titles() -> dict[str, str]:
    return {"low": translate("Tickets", "Low"), "normal": translate("Tickets", "Normal"),
            "high": translate("Tickets", "High"), "urgent": translate("Tickets", "Urgent")}


def channel_titles() -> dict[str, str]:
    return {"phone": translate("Tickets", "Phone"), "email": translate("Tickets", "Email"),
            "visit": translate("Tickets", "Visit"), "web": translate("Tickets", "Web")}


def article_status_titles() -> dict[str, str]:
    return {"draft": translate("Tickets", "Draft"),
            "published": translate("Tickets", "Published")}


def _titled(titles: Callable[[], dict[str, str]]) -> Callable[[Any], str]:
    def format_value(value: Any) -> str:
        return titles().get(value or "", str(value or ""))
    return format_value


def duration_text(seconds: float) -> str:
    """A rough span for people: "2d 3h", "3h 05m", "12m"."""
    minutes = int(abs(seconds)) // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m"


def target_title(target: str) -> str:
    return {"first_response": translate("Tickets", "first response"),
            "resolution": translate("Tickets", "resolution")}.get(target, "")


def _parse(value: Any) -> tuple[datetime | None, datetime | None, str, str]:
    due, warn, target, status = [*str(value or "|||").split("|"), "", "", "", ""][:4]
    return (parse_utc(due) if due else None, parse_utc(warn) if warn else None, target,
            status)


def sla_cell(value: Any, now: datetime | None = None) -> str:
    due, _warn, target, status = _parse(value)
    now = now or datetime.now(UTC)
    if status in ("resolved", "closed") or not target:
        return ""
    if due is None:
        return translate("Tickets", "Paused")
    left = (due - now).total_seconds()
    if left < 0:
        return translate("Tickets", "Overdue %1").replace("%1", duration_text(left))
    return translate("Tickets", "%1 left (%2)").replace("%1", duration_text(left)) \
        .replace("%2", target_title(target))


def sla_colour(value: Any, now: datetime | None = None) -> QColor | None:
    due, warn, target, status = _parse(value)
    now = now or datetime.now(UTC)
    if status in ("resolved", "closed") or not target:
        return None
    if due is None:
        return IDLE
    if due <= now:
        return OVERDUE
    if warn is not None and warn <= now:
        return SOON
    return ON_TRACK


def figures_text(state: SlaState) -> str:
    """The editor's second SLA line: business time used of allowed per target (frozen
    once the ticket is resolved or closed) and whether it was breached."""
    def mark(breached: bool) -> str:
        return (translate("Tickets", "breached") if breached
                else translate("Tickets", "met") if state.stopped else "")

    parts = []
    response = translate("Tickets", "First response: %1").replace(
        "%1", used_text(state.response_used, state.response_allowed))
    breached = (state.first_response_breached_at is not None
                or state.response_used > state.response_allowed)
    parts.append(f"{response} {mark(breached)}".strip())
    if state.stopped or state.target == "resolution":
        resolution = translate("Tickets", "Resolution: %1").replace(
            "%1", used_text(state.used, state.allowed))
        breached = state.resolution_breached_at is not None or state.used > state.allowed
        parts.append(f"{resolution} {mark(breached)}".strip())
    return " · ".join(parts)


def state_text(state: SlaState) -> str:
    """The editor's SLA line, in business time."""
    if state.stopped:
        return (translate("Tickets", "Clock stopped: SLA met") if state.met
                else translate("Tickets", "Clock stopped: SLA not met"))
    if not state.target:
        return translate("Tickets", "No SLA target running")
    name = target_title(state.target)
    if state.paused:
        return translate("Tickets", "Paused (waiting on customer) · %1: %2 left") \
            .replace("%1", name).replace("%2", duration_text(state.left))
    if state.breached:
        since = local_time(state.due_at) if state.due_at else ""
        return translate("Tickets", "Overdue since %1 (%2; %3 business time over)").replace(
            "%1", since).replace("%2", name).replace("%3", duration_text(state.left))
    due = local_time(state.due_at) if state.due_at else ""
    return translate("Tickets", "%1 left for %2, due %3").replace(
        "%1", duration_text(state.left)).replace("%2", name).replace("%3", due)


def state_colour(state: SlaState) -> QColor:
    if state.stopped:
        return ON_TRACK if state.met else OVERDUE
    if not state.target or state.paused:
        return IDLE
    if state.breached:
        return OVERDUE
    return SOON if state.breaching_soon else ON_TRACK


def ticket_columns() -> tuple[ColumnDef, ...]:
    return (
        ColumnDef("number", translate("Tickets", "Number"), plain, width=110),
        ColumnDef("subject", translate("Tickets", "Subject"), plain, width=280),
        ColumnDef("account", translate("Tickets", "Customer"), plain, width=180),
        ColumnDef("priority", translate("Tickets", "Priority"), _titled(priority_titles),
                  width=70),
        ColumnDef("status", translate("Tickets", "Status"), _titled(status_titles), width=130),
        ColumnDef("sla", translate("Tickets", "SLA"), sla_cell, width=190,
                  foreground=sla_colour),
        ColumnDef("assignee", translate("Tickets", "Assignee"), plain, width=90),
        ColumnDef("category", translate("Tickets", "Category"), plain, width=100),
        ColumnDef("channel", translate("Tickets", "Channel"), _titled(channel_titles),
                  width=70),
        ColumnDef("updated_at", translate("Tickets", "Updated"), local_time, width=130),
        ColumnDef("sla_due", translate("Tickets", "Due"), local_time, width=130),
        ColumnDef("sla_response", translate("Tickets", "First response used"), figures_cell,
                  sortable=False, width=150, foreground=figures_colour),
        ColumnDef("sla_resolution", translate("Tickets", "Resolution used"), figures_cell,
                  sortable=False, width=150, foreground=figures_colour),
        ColumnDef("sla_breached", translate("Tickets", "Breached"), breached_cell,
                  sortable=False, width=80, foreground=lambda v: OVERDUE if v else None),
    )


def _figures(value: Any) -> tuple[int | None, int | None, bool]:
    used, allowed, breached = [*str(value or "||").split("|"), "", "", ""][:3]
    return (int(used) if used else None, int(allowed) if allowed else None,
            breached == "1")


def used_text(used: int, allowed: int) -> str:
    """ "1h 20m of 4h 00m" in business time."""
    return translate("Tickets", "%1 of %2").replace("%1", duration_text(used)).replace(
        "%2", duration_text(allowed))


def figures_cell(value: Any) -> str:
    """A stopped ticket's frozen figure for one target; "breached" while it runs."""
    used, allowed, breached = _figures(value)
    if used is None or allowed is None:
        return translate("Tickets", "breached") if breached else ""
    return used_text(used, allowed)


def figures_colour(value: Any) -> QColor | None:
    used, allowed, breached = _figures(value)
    if breached or (used is not None and allowed is not None and used > allowed):
        return OVERDUE
    return ON_TRACK if used is not None else None


def breached_cell(value: Any) -> str:
    return translate("Tickets", "Yes") if value in (1, "1", True) else ""


def article_columns() -> tuple[ColumnDef, ...]:
    return (
        ColumnDef("title", translate("Tickets", "Title"), plain, width=380),
        ColumnDef("category", translate("Tickets", "Category"), plain, width=140),
        ColumnDef("status", translate("Tickets", "Status"), _titled(article_status_titles),
                  width=90),
        ColumnDef("tags", translate("Tickets", "Tags"), tags, sortable=False, width=200),
        ColumnDef("updated_at", translate("Tickets", "Updated"), local_time, width=130),
    )


def alert_text(alert: SlaAlert) -> str:
    """The reminder bar's line for an SLA warning or breach."""
    template = (translate("Tickets", "SLA breached: %1 %2 — %3 was due %4")
                if alert.kind == BREACH else
                translate("Tickets", "SLA warning: %1 %2 — %3 due %4"))
    return template.replace("%1", alert.number).replace("%2", alert.subject).replace(
        "%3", target_title(alert.target)).replace("%4", local_time(alert.due_at))
