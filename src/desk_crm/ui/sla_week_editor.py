"""The working week of an SLA policy as people type it: one line of windows per weekday
("09:00-12:00, 13:00-18:00"; empty for a day off; "24h" all day), the hours of an extra
working day (调休), and presets for the usual shapes."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationError
from desk_crm.domain.sla import ALL_DAY, NINE_TO_SIX, WITH_LUNCH, Hours
from desk_crm.domain.sla_hours import hours_minutes, hours_text, parse_hours


class WeekEditor(QWidget):
    """Signals:
        week_edited(): any day's hours (or the extra day hours) were changed.
    """

    week_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Working windows per day, e.g. 09:00-12:00, 13:00-18:00. "
                              "Leave a day empty for a day off; 24h for all day."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        grid = QGridLayout()
        self.days: list[QLineEdit] = []
        self.totals: list[QLabel] = []
        names = [self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"),
                 self.tr("Thursday"), self.tr("Friday"), self.tr("Saturday"),
                 self.tr("Sunday")]
        labels = [self.tr("&Monday:"), self.tr("T&uesday:"), self.tr("&Wednesday:"),
                  self.tr("T&hursday:"), self.tr("&Friday:"), self.tr("S&aturday:"),
                  self.tr("Su&nday:")]
        for row, (name, title) in enumerate(zip(names, labels, strict=True)):
            edit = QLineEdit(self)
            edit.setObjectName(f"slaWeekDay{row}")
            edit.setAccessibleName(self.tr("Working hours on %1").replace("%1", name))
            edit.setPlaceholderText(self.tr("day off"))
            label = QLabel(title, self)
            label.setBuddy(edit)
            total = QLabel(self)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(total, row, 2)
            self.days.append(edit)
            self.totals.append(total)
            edit.textEdited.connect(self._on_day_text_edited)
        self.extra_hours = QLineEdit(self)
        self.extra_hours.setObjectName("slaExtraHours")
        self.extra_hours.setAccessibleName(self.tr("Working hours on extra working days"))
        extra_label = QLabel(self.tr("E&xtra working day:"), self)
        extra_label.setBuddy(self.extra_hours)
        self.extra_total = QLabel(self)
        grid.addWidget(extra_label, 7, 0)
        grid.addWidget(self.extra_hours, 7, 1)
        grid.addWidget(self.extra_total, 7, 2)
        self.extra_hours.textEdited.connect(self._on_day_text_edited)
        layout.addLayout(grid)
        presets = QHBoxLayout()
        presets.addWidget(QLabel(self.tr("Presets:"), self))
        self.office_button = QPushButton(self.tr("Mon–Fri 9–&18"), self)
        self.lunch_button = QPushButton(self.tr("Mon–Fri with &lunch break"), self)
        self.always_button = QPushButton(self.tr("24×&7"), self)
        for button in (self.office_button, self.lunch_button, self.always_button):
            button.setAutoDefault(False)
            presets.addWidget(button)
        presets.addStretch(1)
        layout.addLayout(presets)
        layout.addStretch(1)
        self.office_button.clicked.connect(self._on_office_button_clicked)
        self.lunch_button.clicked.connect(self._on_lunch_button_clicked)
        self.always_button.clicked.connect(self._on_always_button_clicked)

    def set_week(self, week: tuple[Hours, ...], extra_hours: Hours) -> None:
        for edit, hours in zip(self.days, week, strict=True):
            edit.setText(hours_text(hours))
        self.extra_hours.setText(hours_text(extra_hours))
        self._show_totals()

    def week(self) -> tuple[Hours, ...]:
        """Seven days of windows; ValidationError("week<N>") names the unreadable day."""
        days = []
        for number, edit in enumerate(self.days):
            try:
                days.append(parse_hours(edit.text()))
            except ValidationError as problem:
                raise ValidationError(f"week{number}", problem.template,
                                      **problem.params) from None
        return tuple(days)

    def extra(self) -> Hours:
        try:
            return parse_hours(self.extra_hours.text())
        except ValidationError as problem:
            raise ValidationError("extra_hours", problem.template, **problem.params) from None

    def field_widget(self, field: str) -> QWidget | None:
        if field.startswith("week") and field[4:].isdigit():
            return self.days[int(field[4:])]
        if field in ("week", "workdays"):
            return self.days[0]
        if field == "extra_hours":
            return self.extra_hours
        return None

    def _show_totals(self) -> None:
        for edit, total in [*zip(self.days, self.totals, strict=True),
                            (self.extra_hours, self.extra_total)]:
            try:
                minutes = hours_minutes(parse_hours(edit.text()))
            except ValidationError:
                total.setText(self.tr("?"))
                continue
            total.setText(self.tr("%1 h").replace("%1", f"{minutes / 60:g}") if minutes
                          else "")

    def _apply(self, hours: Hours, days: range) -> None:
        self.set_week(tuple(hours if day in days else () for day in range(7)),
                      hours if hours != ALL_DAY else NINE_TO_SIX)
        self.week_edited.emit()

    @Slot(str)
    def _on_day_text_edited(self, _text: str) -> None:
        self._show_totals()
        self.week_edited.emit()

    @Slot()
    def _on_office_button_clicked(self) -> None:
        self._apply(NINE_TO_SIX, range(5))

    @Slot()
    def _on_lunch_button_clicked(self) -> None:
        self._apply(WITH_LUNCH, range(5))

    @Slot()
    def _on_always_button_clicked(self) -> None:
        self._apply(ALL_DAY, range(7))
