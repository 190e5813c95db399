"""An SLA policy's listed days: holidays (no working time) and extra working days (调休, a
weekend day worked to make up for a bridge day), one "YYYY-MM-DD name" per line."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.sla_hours import days_text, parse_days


class DaysEditor(QWidget):
    """Signals:
        days_edited(): the holidays or the extra working days were changed.
    """

    days_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        form = QFormLayout()
        self.holidays = QPlainTextEdit(self)
        self.holidays.setObjectName("slaHolidays")
        self.holidays.setAccessibleName(self.tr("Holidays"))
        self.holidays.setPlaceholderText(self.tr("One date per line with an optional name, "
                                                 "e.g. 2026-10-01 National Day"))
        self.holidays.setTabChangesFocus(True)
        holidays_label = QLabel(self.tr("&Holidays:"), self)
        holidays_label.setBuddy(self.holidays)
        form.addRow(holidays_label, self.holidays)
        self.extra_days = QPlainTextEdit(self)
        self.extra_days.setObjectName("slaExtraDays")
        self.extra_days.setAccessibleName(self.tr("Extra working days"))
        self.extra_days.setPlaceholderText(self.tr("Weekend days that are working days, "
                                                   "e.g. 2026-10-10 make-up day"))
        self.extra_days.setTabChangesFocus(True)
        self.extra_days.setMaximumHeight(110)
        extra_label = QLabel(self.tr("E&xtra working days:"), self)
        extra_label.setBuddy(self.extra_days)
        form.addRow(extra_label, self.extra_days)
        self.layout_.addLayout(form, 1)
        self.holidays.textChanged.connect(self._on_text_changed)
        self.extra_days.textChanged.connect(self._on_text_changed)

    def set_days(self, holidays: tuple[date, ...], extra_days: tuple[date, ...],
                 names: dict[date, str]) -> None:
        self.holidays.setPlainText(days_text({day: names.get(day, "") for day in holidays}))
        self.extra_days.setPlainText(days_text({day: names.get(day, "")
                                                for day in extra_days}))

    def days(self) -> tuple[dict[date, str], dict[date, str]]:
        """({holiday: name}, {extra day: name}); ValidationError("holidays"/"extra_days")."""
        return (parse_days(self.holidays.toPlainText(), "holidays"),
                parse_days(self.extra_days.toPlainText(), "extra_days"))

    def add_days(self, holidays: dict[date, str], extra_days: dict[date, str]) -> int:
        """Merge seeded or imported days into the lists (a day keeps the name it has; a
        day that changes list moves). Returns how many days were new. Raises
        ValidationError when the lists as typed cannot be read."""
        current_holidays, current_extra = self.days()
        before = set(current_holidays) | set(current_extra)
        for day, name in holidays.items():
            current_extra.pop(day, None)
            current_holidays[day] = current_holidays.get(day) or name
        for day, name in extra_days.items():
            current_holidays.pop(day, None)
            current_extra[day] = current_extra.get(day) or name
        self.holidays.setPlainText(days_text(current_holidays))
        self.extra_days.setPlainText(days_text(current_extra))
        return len((set(current_holidays) | set(current_extra)) - before)

    def field_widget(self, field: str) -> QWidget | None:
        return {"holidays": self.holidays, "extra_days": self.extra_days}.get(field)

    @Slot()
    def _on_text_changed(self) -> None:
        self.days_edited.emit()
