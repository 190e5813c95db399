"""The SLA settings' preview of the calendar being edited (not saved yet): which days of a
month are working days, holidays or extra working days (调休), the hours of the chosen day,
and when a ticket of a chosen priority opened at a chosen moment would be due.

All in the policy's own time zone: that is the zone its hours are written in, so the
preview reads the same for a manager in another zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.sla import BusinessCalendar
from desk_crm.domain.sla_hours import hours_minutes, hours_text
from desk_crm.domain.tickets import PRIORITIES, SlaPolicyDraft
from desk_crm.services.sla_policies import SlaPolicyService, calendar_of
from desk_crm.ui.ticket_columns import priority_titles
from desk_crm.ui.validation_text import all_messages

HOLIDAY = QColor("#c62828")
EXTRA_DAY = QColor("#1565c0")
OFF_DAY = QColor("#9e9e9e")
WORK_DAY = QColor("#1b5e20")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def day_kind(calendar: BusinessCalendar, day: date) -> str:
    """"holiday", "extra" (a make-up working day), "work" or "off"."""
    if day in calendar.holidays:
        return "holiday"
    if day in calendar.extra_days:
        return "extra"
    return "work" if calendar.hours_on(day) else "off"


class SlaPreview(QGroupBox):
    """Signals:
        preview_updated(): the calendar and the deadlines were redrawn (tests wait on it).
    """

    preview_updated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Preview"))
        self._draft: SlaPolicyDraft | None = None
        self._calendar: BusinessCalendar | None = None
        layout = QVBoxLayout(self)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("slaPreviewCalendar")
        self.calendar.setAccessibleName(self.tr("Working days preview"))
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        layout.addWidget(self.calendar)
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setText(
            f"<span style='color:{WORK_DAY.name()}'>■</span> {self.tr('working day')} "
            f"<span style='color:{OFF_DAY.name()}'>■</span> {self.tr('day off')} "
            f"<span style='color:{HOLIDAY.name()}'>■</span> {self.tr('holiday')} "
            f"<span style='color:{EXTRA_DAY.name()}'>■</span> {self.tr('extra working day')}")
        layout.addWidget(self.legend)
        self.day_hours = QLabel(self)
        self.day_hours.setObjectName("slaPreviewDay")
        self.day_hours.setWordWrap(True)
        layout.addWidget(self.day_hours)
        form = QFormLayout()
        self.opened = QDateTimeEdit(self)
        self.opened.setObjectName("slaPreviewOpened")
        self.opened.setAccessibleName(self.tr("Ticket opened at"))
        self.opened.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.opened.setCalendarPopup(True)
        now = QDateTime.currentDateTime()
        self.opened.setDateTime(QDateTime(now.date(), QTime(now.time().hour(), 0)))
        form.addRow(self.tr("A ticket &opened at:"), self.opened)
        self.priority = QComboBox(self)
        self.priority.setObjectName("slaPreviewPriority")
        self.priority.setAccessibleName(self.tr("Priority of the ticket"))
        for priority in PRIORITIES:
            self.priority.addItem(priority_titles()[priority], priority)
        self.priority.setCurrentIndex(PRIORITIES.index("normal"))
        form.addRow(self.tr("with p&riority:"), self.priority)
        layout.addLayout(form)
        self.deadlines = QLabel(self)
        self.deadlines.setObjectName("slaPreviewDeadlines")
        self.deadlines.setWordWrap(True)
        layout.addWidget(self.deadlines)
        layout.addStretch(1)
        self.calendar.currentPageChanged.connect(self._on_calendar_current_page_changed)
        self.calendar.selectionChanged.connect(self._on_calendar_selection_changed)
        self.opened.dateTimeChanged.connect(self._on_opened_date_time_changed)
        self.priority.currentIndexChanged.connect(self._on_priority_current_index_changed)

    def show_draft(self, draft: SlaPolicyDraft | None, problem: str = "") -> None:
        """Redraw for *draft*; None (with *problem*): the form cannot be read right now."""
        self._draft = draft
        self._calendar = None
        if draft is not None:
            try:
                self._calendar = calendar_of(draft)
            except (ValueError, KeyError) as error:  # unknown zone: validation says more
                problem = str(error)
                self._draft = None
        self._paint_month()
        self._show_day()
        self._show_deadlines(problem)
        self.preview_updated.emit()

    def _paint_month(self) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every date
        if self._calendar is None:
            return
        first = date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
        colours = {"holiday": HOLIDAY, "extra": EXTRA_DAY, "off": OFF_DAY, "work": WORK_DAY}
        # The grid shows up to six weeks around the month: paint them all.
        for offset in range(-7, 45):
            day = first + timedelta(days=offset)
            text = QTextCharFormat()
            kind = day_kind(self._calendar, day)
            text.setForeground(QBrush(colours[kind]))
            if kind in ("holiday", "extra"):
                text.setFontWeight(700)
                text.setFontUnderline(True)
            name = (self._draft.day_names.get(day, "") if self._draft else "")
            if name:
                text.setToolTip(name)
            self.calendar.setDateTextFormat(_qdate(day), text)

    def _show_day(self) -> None:
        if self._calendar is None or self._draft is None:
            self.day_hours.clear()
            return
        day = _pydate(self.calendar.selectedDate())
        hours = self._calendar.hours_on(day)
        kind = day_kind(self._calendar, day)
        titles = {"holiday": self.tr("holiday"), "extra": self.tr("extra working day"),
                  "work": self.tr("working day"), "off": self.tr("day off")}
        name = self._draft.day_names.get(day, "")
        text = f"{day.isoformat()}: {titles[kind]}"
        if name:
            text += f" ({name})"
        if hours:
            text += " · " + self.tr("%1 (%2 h)").replace("%1", hours_text(hours)).replace(
                "%2", f"{hours_minutes(hours) / 60:g}")
        self.day_hours.setText(text)
        self.day_hours.setAccessibleName(text)

    def _show_deadlines(self, problem: str = "") -> None:
        if self._draft is None:
            self.deadlines.setText(problem)
            return
        zone = ZoneInfo(self._draft.timezone)
        value = self.opened.dateTime()
        opened = datetime(value.date().year(), value.date().month(), value.date().day(),
                          value.time().hour(), value.time().minute(), tzinfo=zone)
        try:
            response, resolution = SlaPolicyService.preview(
                self._draft, self.priority.currentData(), opened)
        except (ValidationError, ValidationErrors) as error:
            self.deadlines.setText(all_messages(error))
            return
        except ValueError:  # no working time in the next years
            self.deadlines.setText(self.tr("This calendar has no working time ahead."))
            return

        def shown(moment: datetime) -> str:
            return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")

        text = self.tr("First response due %1\nResolution due %2\n(%3 time)").replace(
            "%1", shown(response)).replace("%2", shown(resolution)).replace(
            "%3", self._draft.timezone)
        self.deadlines.setText(text)
        self.deadlines.setAccessibleName(text)

    @Slot(int, int)
    def _on_calendar_current_page_changed(self, _year: int, _month: int) -> None:
        self._paint_month()

    @Slot()
    def _on_calendar_selection_changed(self) -> None:
        self._show_day()

    @Slot(QDateTime)
    def _on_opened_date_time_changed(self, _value: QDateTime) -> None:
        self._show_deadlines()

    @Slot(int)
    def _on_priority_current_index_changed(self, _index: int) -> None:
        self._show_deadlines()
