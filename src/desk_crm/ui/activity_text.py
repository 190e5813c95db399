"""How activities read in lists: kind icons and titles, local due times, reminder texts.
Shared by My day, timelines and reminder banners so they all say the same."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QWidget

from desk_crm.services.activity_records import ActivityRecord

translate = QCoreApplication.translate

KIND_ICONS = {
    "task": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "call": QStyle.StandardPixmap.SP_DriveNetIcon,
    "meeting": QStyle.StandardPixmap.SP_DirHomeIcon,
    "email": QStyle.StandardPixmap.SP_FileDialogInfoView,
}


def kind_title(kind: str) -> str:
    titles = {"task": translate("Activities", "Task"), "call": translate("Activities", "Call"),
              "meeting": translate("Activities", "Meeting"),
              "email": translate("Activities", "Email note")}
    return titles.get(kind, kind)


def kind_icon(widget: QWidget, kind: str) -> QIcon:
    return widget.style().standardIcon(KIND_ICONS.get(kind, KIND_ICONS["task"]))


def when_text(moment: datetime | None, now: datetime | None = None) -> str:
    """Local time: "14:00" today, "Mon 05-04 14:00" within a year, else the full date."""
    if moment is None:
        return translate("Activities", "no date")
    local = moment.astimezone()
    today = (now or datetime.now().astimezone()).astimezone().date()
    if local.date() == today:
        return local.strftime("%H:%M")
    if abs((local.date() - today).days) < 300:
        # The weekday in the UI language (周二 / Tue), from Qt's locale, not the C library's.
        weekday = QLocale().dayName(local.isoweekday(), QLocale.FormatType.ShortFormat)
        return f"{weekday} {local.strftime('%m-%d %H:%M')}"
    return local.strftime("%Y-%m-%d %H:%M")


def summary_line(record: ActivityRecord, now: datetime | None = None) -> str:
    """One line for a list: "14:00 · Call · Call 张三 — 张三 (Acme)"."""
    parts = [when_text(record.due_at, now), kind_title(record.kind), record.subject]
    text = " · ".join(parts)
    # The subject often names the person already ("Call 张三"): then only the company.
    link = "" if record.link_name and record.link_name in record.subject else record.link_name
    if record.account_name and record.account_name != link:
        link = f"{link} ({record.account_name})" if link else record.account_name
    if link:
        text += f" — {link}"
    if record.draft.recurrence:
        text += " ↻"
    return text


def reminder_text(record: ActivityRecord, now: datetime | None = None) -> str:
    """"Reminder: Call 张三 — due 14:00"."""
    text = translate("Activities", "Reminder: %1").replace("%1", record.subject)
    if record.due_at is not None:
        text += " — " + translate("Activities", "due %1").replace(
            "%1", when_text(record.due_at, now))
    return text
