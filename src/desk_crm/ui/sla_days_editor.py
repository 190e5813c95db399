"""An SLA policy's listed days: holidays (no working time) and extra working days (调休, a
weekend day worked to make up for a bridge day), one "YYYY-MM-DD name" per line; seeded for
a country, subdivision and year from the `holidays` package, or imported from an ICS file.

Seeding and ICS parsing run in a BackgroundQuery: the first use of the holidays package
imports and translates its data (~0.3 s), too long for the UI thread."""

from __future__ import annotations

from datetime import date
from functools import cmp_to_key
from pathlib import Path

from PySide6.QtCore import QCollator, QCoreApplication, QDate, QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain import holiday_sources
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_crm.domain.holiday_sources import ListedDays
from desk_crm.domain.sla_hours import days_text, parse_days
from desk_crm.ui.operations import BackgroundQuery
from desk_crm.ui.validation_text import message

DEFAULT_COUNTRY = "CN"


def read_ics_file(path: Path) -> ListedDays:
    """Runs in a worker: the file's bytes and their days (ValidationError if unusable)."""
    try:
        holiday_sources.check_size(path.stat().st_size)
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError("ics", QT_TRANSLATE_NOOP(
            "Validation", "The file cannot be read: {value}"),
            value=error.strerror or str(error)) from None
    return holiday_sources.read_ics(data)


class DaysEditor(QWidget):
    """Signals:
        days_edited(): the holidays or the extra working days were changed.
        countries_loaded(): the country chooser is filled.
        days_added(int): seeded or imported days were merged in (how many were new).
        import_failed(str): seeding or an ICS import failed (the message shown).
    """

    days_edited = Signal()
    countries_loaded = Signal()
    days_added = Signal(int)
    import_failed = Signal(str)

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
        seed = QHBoxLayout()
        self.country = QComboBox(self)
        self.country.setObjectName("slaCountry")
        self.country.setAccessibleName(self.tr("Country of the public holidays"))
        self.country.setEditable(True)
        self.country.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.country.setMinimumContentsLength(16)
        completer = QCompleter(self.country.model(), self.country)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.country.setCompleter(completer)
        country_label = QLabel(self.tr("C&ountry:"), self)
        country_label.setBuddy(self.country)
        self.subdivision = QComboBox(self)
        self.subdivision.setObjectName("slaSubdivision")
        self.subdivision.setAccessibleName(self.tr("Region (state or province)"))
        self.subdivision.setMinimumContentsLength(12)
        self.subdivision.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        subdivision_label = QLabel(self.tr("Re&gion:"), self)
        subdivision_label.setBuddy(self.subdivision)
        self.year = QSpinBox(self)
        self.year.setObjectName("slaSeedYear")
        self.year.setAccessibleName(self.tr("Year of the public holidays"))
        self.year.setRange(1990, 2100)
        self.year.setValue(QDate.currentDate().year())
        year_label = QLabel(self.tr("&Year:"), self)
        year_label.setBuddy(self.year)
        self.seed_button = QPushButton(self.tr("Add &public holidays"), self)
        self.seed_button.setToolTip(self.tr("Adds the country's public holidays and, where "
                                            "known (China), its make-up working days. "
                                            "Refresh each year once the schedule is out."))
        self.import_button = QPushButton(self.tr("Import &ICS…"), self)
        for widget in (country_label, self.country, subdivision_label, self.subdivision,
                       year_label, self.year, self.seed_button, self.import_button):
            seed.addWidget(widget)
        for button in (self.seed_button, self.import_button):
            button.setAutoDefault(False)
        seed.addStretch(1)
        self.layout_.addLayout(seed)
        self.status = QLabel(self)
        self.status.setObjectName("slaDaysStatus")
        self.status.setWordWrap(True)
        self.layout_.addWidget(self.status)
        self._countries_query = BackgroundQuery(self, self._on_countries_ready,
                                                self._on_import_error)
        self._seed_query = BackgroundQuery(self, self._on_days_ready, self._on_import_error)
        self.seed_button.setEnabled(False)  # until the countries are loaded
        self._countries_query.start(holiday_sources.countries)
        self.holidays.textChanged.connect(self._on_text_changed)
        self.extra_days.textChanged.connect(self._on_text_changed)
        self.country.currentIndexChanged.connect(self._on_country_current_index_changed)
        self.seed_button.clicked.connect(self._on_seed_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)

    def seed(self) -> None:
        """Add the chosen country's public holidays (and make-up days) of the chosen year."""
        code = self.country.currentData()
        if not code:
            self._fail(self.tr("Choose a country from the list."))
            return
        region = self.subdivision.currentData() or None
        year, language = self.year.value(), QLocale().name()
        self.status.setText(self.tr("Looking up holidays…"))
        self._seed_query.start(lambda: holiday_sources.public_holidays(code, year, region,
                                                                       language))

    def import_ics(self, path: Path) -> None:
        self.status.setText(self.tr("Reading %1…").replace("%1", path.name))
        self._seed_query.start(lambda: read_ics_file(path))

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

    def _fail(self, text: str) -> None:
        self.status.setStyleSheet("color: #c62828")
        self.status.setText(text)
        self.import_failed.emit(text)

    def _on_countries_ready(self, countries: list[tuple[str, str]]) -> None:
        from desk_crm.ui.region_names import REGION_NAMES

        names = {**REGION_NAMES, **_TERRITORIES_WITHOUT_PHONES}
        # Country names in the window's language where the phone-region catalogue has
        # them (the `holidays` package names them in English only), sorted as shown.
        shown = [(QCoreApplication.translate("Regions", names[code])
                  if code in names else name, code) for code, name in countries]
        collator = QCollator(QLocale())
        shown.sort(key=cmp_to_key(lambda a, b: collator.compare(a[0], b[0])))
        self.country.blockSignals(True)
        for name, code in shown:
            self.country.addItem(f"{name} ({code})", code)
        self.country.blockSignals(False)
        territory = QLocale.territoryToCode(QLocale().territory())
        index = self.country.findData(territory)
        if index < 0:
            index = self.country.findData(DEFAULT_COUNTRY)
        self.country.setCurrentIndex(index)
        self._on_country_current_index_changed(index)
        self.seed_button.setEnabled(True)
        self.countries_loaded.emit()

    def _on_days_ready(self, listed: ListedDays) -> None:
        make_up = self.tr("make-up working day")
        extra = {day: f"{name} {make_up}".strip() for day, name in listed.extra_days.items()}
        try:
            added = self.add_days(listed.holidays, extra)
        except ValidationError as problem:
            self._fail(message(problem))
            return
        self.status.setStyleSheet("")
        self.status.setText(self.tr("%1 holidays and %2 extra working days read, %3 new.")
                            .replace("%1", str(len(listed.holidays)))
                            .replace("%2", str(len(listed.extra_days)))
                            .replace("%3", str(added)))
        self.days_added.emit(added)

    def _on_import_error(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self._fail(message(error))
        else:  # the package failed on its own data: say so, keep the lists as they are
            self._fail(self.tr("The holidays could not be read: %1").replace("%1", str(error)))

    @Slot(int)
    def _on_country_current_index_changed(self, _index: int) -> None:
        self.subdivision.clear()
        self.subdivision.addItem(self.tr("(whole country)"), "")
        code = self.country.currentData()
        if code:
            for sub_code, name in holiday_sources.subdivisions(code):
                self.subdivision.addItem(f"{name} ({sub_code})" if name != sub_code
                                         else sub_code, sub_code)

    @Slot()
    def _on_seed_button_clicked(self) -> None:
        self.seed()

    @Slot()
    def _on_import_button_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import holidays"), "",
            self.tr("Calendar files (*.ics *.ical *.ifb);;All files (*)"))
        if name:
            self.import_ics(Path(name))

    @Slot()
    def _on_text_changed(self) -> None:
        self.days_edited.emit()


# Territories the `holidays` package knows that have no phone region (so no name in
# ui/region_names.py), named for translation here.
_TERRITORIES_WITHOUT_PHONES = {
    "AQ": QT_TRANSLATE_NOOP("Regions", "Antarctica"),
    "BV": QT_TRANSLATE_NOOP("Regions", "Bouvet Island"),
    "TF": QT_TRANSLATE_NOOP("Regions", "French Southern Territories"),
    "HM": QT_TRANSLATE_NOOP("Regions", "Heard Island and McDonald Islands"),
    "PN": QT_TRANSLATE_NOOP("Regions", "Pitcairn Islands"),
    "GS": QT_TRANSLATE_NOOP("Regions", "South Georgia and the South Sandwich Islands"),
    "UM": QT_TRANSLATE_NOOP("Regions", "U.S. Outlying Islands"),
}
