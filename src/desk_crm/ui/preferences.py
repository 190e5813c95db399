"""Preferences: who you are (for the history), how phone numbers are read, the language."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import phonenumbers
from PySide6.QtCore import QCoreApplication, QLocale, Qt, Slot
from PySide6.QtWidgets import QCompleter, QDialog, QWidget

from desk_crm import settings as opts
from desk_crm.domain.text import clean_text
from desk_crm.settings import Settings
from desk_crm.ui.forms.ui_preferences import Ui_PreferencesDialog
from desk_crm.ui.region_names import REGION_NAMES

# Each language in its own name, as language menus do; the first entry is translated.
LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"))


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 user_names: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ui = Ui_PreferencesDialog()
        self.ui.setupUi(self)
        self.ui.userName.setText(settings.get(opts.CURRENT_USER))
        # "Me" is chosen once here: picking an existing rep's name makes their records
        # (and the new ones, which default to this owner) one's own.
        completer = QCompleter(list(user_names), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.ui.userName.setCompleter(completer)
        for label, region in _region_labels():
            self.ui.phoneRegion.addItem(label, region)
        self.ui.phoneRegion.setCurrentIndex(
            max(self.ui.phoneRegion.findData(settings.get(opts.PHONE_REGION)), 0))
        self.ui.language.addItem(self.tr("System default"), "")
        for code, name in LANGUAGES:
            self.ui.language.addItem(name, code)
        self.ui.language.setCurrentIndex(
            max(self.ui.language.findData(settings.get(opts.LANGUAGE)), 0))
        self.ui.buttons.accepted.connect(self._on_buttons_accepted)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.userName.textChanged.connect(self._on_user_name_text_changed)

    @Slot(str)
    def _on_user_name_text_changed(self, text: str) -> None:
        ok = self.ui.buttons.button(self.ui.buttons.StandardButton.Ok)
        ok.setEnabled(bool(clean_text(text)))

    @Slot()
    def _on_buttons_accepted(self) -> None:
        name = clean_text(self.ui.userName.text())
        if not name:
            return
        self.settings.set(opts.CURRENT_USER, name)
        self.settings.set(opts.PHONE_REGION, self.ui.phoneRegion.currentData())
        self.settings.set(opts.LANGUAGE, self.ui.language.currentData())
        self.settings.sync()
        self.accept()


def _region_labels() -> tuple[tuple[str, str], ...]:
    """The region choice in the window's language."""
    return _region_labels_in(QLocale().name())


@cache
def _region_labels_in(_language: str) -> tuple[tuple[str, str], ...]:
    """("China (CN, +86)", "CN") for every region phonenumbers knows, in code order.

    Country codes from COUNTRY_CODE_TO_REGION_CODE: country_code_for_region() imports each
    region's metadata module on first use, 63 ms for all of them, and Preferences took
    0.2–0.9 s to open."""
    codes = {region: code for code, regions in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()
             for region in regions}
    return tuple((f"{_region_name(region)} "
                  f"({region}, +{codes.get(region, 0)})", region)
                 for region in sorted(phonenumbers.SUPPORTED_REGIONS))


def _region_name(region: str) -> str:
    english = REGION_NAMES.get(region)
    if english is not None:
        return QCoreApplication.translate("Regions", english)
    return QLocale.territoryToString(_territory(region)) or region


def _territory(region: str) -> QLocale.Territory:
    """The Qt territory for an ISO 3166 code ("CN"), or AnyTerritory."""
    return QLocale.codeToTerritory(region)
