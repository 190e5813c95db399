"""Start-up steps with dialogs, before the main window: unlock an encrypted database, offer
a restore when the file is damaged, run a re-open job (encryption change) with progress,
and tell the user once about a crash of the last session."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desk_crm import crash_reports, security
from desk_crm.services.backups import apply_pending_restore
from desk_crm.store import backup, encryption
from desk_crm.store.integrity import damage, describe_counts, row_counts
from desk_crm.ui.encryption_dialog import ReopenJob
from desk_crm.ui.operations import BackgroundOperation
from desk_crm.ui.passphrase_dialog import PassphraseDialog

translate = QCoreApplication.translate
log = logging.getLogger("desk_crm.ui")


class StartCancelled(Exception):
    """The user declined a start-up question; the app exits without touching the data."""


def unlock(database: Path, backups_dir: Path | None = None) -> str | None:
    """The key of an encrypted database (keychain first, then asking until it opens), or
    None for a plain one. A wrong passphrase is only ever read with, never written with."""
    if not encryption.is_encrypted(database):
        return None
    if backups_dir is not None and _looks_damaged_not_encrypted(backups_dir):
        log.warning("%s has no SQLite header but its backups are plain: treated as damaged",
                    database)
        return None
    key = security.stored_key(database)
    if key is not None and encryption.key_opens(database, key):
        security.remember_secret(key)
        return key
    error = ""
    while True:
        dialog = PassphraseDialog(None, title=translate("Startup", "Unlock Desk CRM"),
                                  prompt=translate("Startup", "The database is encrypted. "
                                                   "Enter its passphrase."),
                                  offer_remember=True, error=error)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            raise StartCancelled
        key = dialog.passphrase
        if encryption.key_opens(database, key):
            security.remember_secret(key)
            if dialog.remember and not security.store_key(database, key):
                QMessageBox.information(None, translate("Startup", "Unlock Desk CRM"),
                                        translate("Startup", "This system has no keychain; "
                                                  "the passphrase will be asked at each start."))
            return key
        log.warning("wrong passphrase for %s", database)
        error = translate("Startup", "Wrong passphrase. Nothing was changed; try again.")


def _looks_damaged_not_encrypted(backups_dir: Path) -> bool:
    """An encrypted file and a file with a destroyed header look the same. Encryption also
    encrypts every backup, so when the newest backup is plain SQLite the database was plain
    too and is damaged: asking for a passphrase would only block the restore offer."""
    backups = backup.list_backups(backups_dir)
    return bool(backups) and not encryption.is_encrypted(backups[0].path)


def check_or_restore(database: Path, backups_dir: Path, key: str | None, *,
                     thorough: bool = True) -> None:
    """PRAGMA quick_check when *thorough* (after an unclean exit), else the shallow check
    whose time does not grow with the file; plus "empty or no schema although backups
    exist". When the file fails, offer the newest backup that passes a full check, saying
    what it holds. The damaged file is kept under a new name, never deleted. Raises
    StartCancelled when refused or when nothing can be restored."""
    backups = backup.list_backups(backups_dir)
    problems = damage(database, key, bool(backups), thorough=thorough)
    if not problems:
        return
    log.error("%s is damaged: %s", database, "; ".join(problems[:5]))
    title = translate("Startup", "Damaged database")
    good = backup.newest_good(backups_dir, key)
    if good is None:
        QMessageBox.critical(None, title, translate(
            "Startup", "The database %1 is damaged and there is no usable backup. The file "
            "was not changed.\n\n%2").replace("%1", str(database)).replace("%2", problems[0]))
        raise StartCancelled
    when = good.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    holds = describe_counts(row_counts(good.path, key))
    answer = QMessageBox.question(None, title, translate(
        "Startup", "The database is damaged (%1).\n\nRestore the latest good backup, taken "
        "%2? It holds %3. The damaged file is kept next to it under a new name.")
        .replace("%1", problems[0]).replace("%2", when).replace("%3", holds))
    if answer != QMessageBox.StandardButton.Yes:
        raise StartCancelled
    try:
        aside = backup.restore_file(good.path, database, key, label="damaged")
    except (backup.BackupDamaged, OSError) as error:
        log.error("restoring %s failed: %s", good.path, error)
        QMessageBox.critical(None, title, translate(
            "Startup", "The backup could not be restored; nothing was changed.\n\n%1")
            .replace("%1", str(error)))
        raise StartCancelled from error
    QMessageBox.information(None, title, translate(
        "Startup", "The backup of %1 was restored. The damaged file is kept as %2.")
        .replace("%1", when).replace("%2", str(aside)))


def apply_restore(database: Path, key: str | None) -> bool:
    """A restore scheduled from the Backups dialog, applied before the store opens; a
    failure is shown and the current file stays (the marker is removed either way)."""
    try:
        return apply_pending_restore(database, key) is not None
    except (backup.BackupDamaged, OSError) as error:
        log.error("scheduled restore failed: %s", error)
        QMessageBox.warning(None, translate("Startup", "Restore backup"), translate(
            "Startup", "The backup could not be restored; the current data is unchanged."
            "\n\n%1").replace("%1", str(error)))
        return False


def run_job(job: ReopenJob, database: Path, previous_key: str | None) -> str | None:
    """Run a re-open job in a worker with a progress dialog; returns the key to open the
    database with next. A failure is shown; the file is swapped only at the very end of a
    conversion, so it is either still as before or fully converted: the key that opens it
    is used (asked for if neither is known)."""
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    operation = BackgroundOperation(None, job.work, title=job.title)
    operation.succeeded.connect(lambda result: (outcome.update(key=result), loop.quit()))
    operation.failed.connect(lambda error: (outcome.update(error=error), loop.quit()))
    operation.cancelled.connect(loop.quit)
    operation.start()
    loop.exec()
    if "error" in outcome:
        QMessageBox.critical(None, job.title, translate(
            "Startup", "The change failed; the data was left as it was.\n\n%1")
            .replace("%1", security.redact(str(outcome["error"]))))
        if not encryption.is_encrypted(database):
            return None
        if previous_key is not None and encryption.key_opens(database, previous_key):
            return previous_key
        return unlock(database)
    return outcome.get("key", previous_key)


def mention_last_crash(window: QWidget, log_dir: Path, unclean: bool) -> str:
    """One status-bar message about the last session's crash; '' when there was none."""
    reports = crash_reports.unseen_reports(log_dir)
    crash_reports.mark_seen(log_dir)
    if reports:
        text = translate("Startup", "Desk CRM hit an unexpected error last time; a report "
                         "was saved as %1.").replace("%1", str(reports[-1]))
    elif unclean:
        text = translate("Startup", "Desk CRM did not close properly last time. Your "
                         "committed data is safe.")
    else:
        return ""
    status_bar = getattr(window, "statusBar", None)
    if status_bar is not None:
        status_bar().showMessage(text, 30000)
    log.info("told the user: %s", text)
    return text
