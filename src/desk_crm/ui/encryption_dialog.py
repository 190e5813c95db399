"""File > Encryption: turn encryption on, change the passphrase, turn it off.

Each choice becomes a *job* that runs while no window has the database open: the main
window asks the start-up loop (app.py) to close the store, run the job in a worker with
progress, and re-open the store with the resulting key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desk_crm import security
from desk_crm.store import encryption
from desk_crm.ui.operations import OperationCancelled, Progress
from desk_crm.ui.passphrase_dialog import PassphraseDialog

translate = QCoreApplication.translate


@dataclass(frozen=True)
class ReopenJob:
    """Work to do with the store closed; returns the key to re-open with (None = plain)."""

    title: str
    work: Callable[[Progress], str | None]


def _steady(progress: Progress) -> encryption.Report:
    """Progress reports that never abort: a conversion half done must finish, so Cancel
    is ignored once the job runs (the file is swapped only at its very end)."""

    def report(done: int, total: int, text: str) -> None:
        try:
            progress.report(done, total, text)
        except OperationCancelled:
            pass

    return report


def _new_passphrase(parent: QWidget | None, title: str) -> tuple[str, bool] | None:
    dialog = PassphraseDialog(parent, title=title, prompt=translate(
        "Encryption", "Choose a passphrase. Without it the data cannot be read: there is no "
        "way to recover a forgotten passphrase."), confirm=True, offer_remember=True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase, dialog.remember


def choose_job(parent: QWidget | None, database: Path, backups_dir: Path,
               key: str | None) -> ReopenJob | None:
    if key is None:
        title = translate("Encryption", "Encrypt database")
        # The one irreversible consequence is said before anything is asked.
        answer = QMessageBox.warning(parent, title, translate(
            "Encryption", "A lost passphrase cannot be recovered: without it nobody, not "
            "even an administrator, can open the database or its backups again. Write it "
            "down or keep it in a password manager.\n\nEncrypt the database and its backups "
            "now? Desk CRM closes and re-opens the data; a backup is taken first."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        chosen = _new_passphrase(parent, title)
        if chosen is None:
            return None
        new_key, remember = chosen

        def encrypt_work(progress: Progress) -> str | None:
            encryption.encrypt_with_backups(database, backups_dir, new_key, _steady(progress))
            security.remember_secret(new_key)
            if remember:
                security.store_key(database, new_key)
            return new_key

        return ReopenJob(title, encrypt_work)
    box = QMessageBox(QMessageBox.Icon.Question, translate("Encryption", "Encryption"),
                      translate("Encryption", "The database is encrypted."),
                      QMessageBox.StandardButton.Cancel, parent)
    change = box.addButton(translate("Encryption", "&Change passphrase…"),
                           QMessageBox.ButtonRole.ActionRole)
    off = box.addButton(translate("Encryption", "&Turn encryption off…"),
                        QMessageBox.ButtonRole.ActionRole)
    box.exec()
    if box.clickedButton() is change:
        title = translate("Encryption", "Change passphrase")
        chosen = _new_passphrase(parent, title)
        if chosen is None:
            return None
        new_key, remember = chosen

        def rekey_work(_progress: Progress) -> str | None:
            encryption.change_key_with_backups(database, backups_dir, key, new_key)
            security.remember_secret(new_key)
            security.forget_key(database)
            if remember:
                security.store_key(database, new_key)
            return new_key

        return ReopenJob(title, rekey_work)
    if box.clickedButton() is off:
        title = translate("Encryption", "Turn encryption off")
        answer = QMessageBox.warning(parent, title, translate(
            "Encryption", "Store the database and its backups unencrypted again? Anyone with "
            "access to the files can then read them."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None

        def decrypt_work(progress: Progress) -> str | None:
            encryption.decrypt_with_backups(database, backups_dir, key, _steady(progress))
            security.forget_key(database)
            return None

        return ReopenJob(title, decrypt_work)
    return None
