"""The one dialog for unexpected errors: what happened, details to copy, app keeps running."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desk_crm.security import redact

translate = QCoreApplication.translate


def show_database_busy() -> None:
    """Another program kept the file locked through every retry: nothing was written."""
    QMessageBox.warning(None, translate("ErrorDialog", "Database busy"),
                        translate("ErrorDialog", "Another program is using the database file, "
                                  "so this change was not saved. Close the other program (or "
                                  "wait a moment) and try again."))


def show_unexpected_error(error: BaseException, details: str,
                          report: Path | None = None) -> None:
    if QApplication.instance() is None:
        return
    from desk_crm.services.errors import DatabaseBusy

    if isinstance(error, DatabaseBusy):
        show_database_busy()  # expected, retried, and the user can act on it: no crash box
        return
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("ErrorDialog", "Unexpected error"))
    box.setText(translate("ErrorDialog", "Something went wrong: %1\n\nYour saved data is safe. "
                          "The details below help to fix the problem.")
                .replace("%1", redact(str(error))))
    if report is not None:
        box.setInformativeText(translate("ErrorDialog", "A report was saved as %1.")
                               .replace("%1", str(report)))
    box.setDetailedText(details)
    copy = box.addButton(translate("ErrorDialog", "Copy details"),
                         QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(details)
