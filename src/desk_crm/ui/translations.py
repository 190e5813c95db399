"""Loads the app's translation (resources/translations/desk_crm_<locale>.qm) and Qt's own."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desk_crm.paths import resources_dir

log = logging.getLogger("desk_crm.ui")


def install_translations(app: QApplication, language: str = "") -> list[QTranslator]:
    """Install translators for *language* ("zh_CN"; "" follows the system); returns them
    so the caller can keep them alive."""
    locale = QLocale(language) if language else QLocale.system()
    # Dates, numbers and month names follow the chosen language too.
    QLocale.setDefault(locale)
    installed = []
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_",
                          QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    own = QTranslator(app)
    if own.load(locale, "desk_crm", "_", str(resources_dir() / "translations")):
        app.installTranslator(own)
        installed.append(own)
    else:
        log.info("no Desk CRM translation for %s", locale.name())
    return installed
