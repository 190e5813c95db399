"""Find duplicates → Merge → rescan, N times in one process, as a user would do it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/duplicate_cycles.py [--cycles 50]

Seeds a fresh database in a temporary folder with --pairs pairs of duplicate contacts among
--others distinct ones, opens the real main window, and per cycle: Data › Find duplicates,
waits for the background scan, picks the first group, accepts the merge dialog with its
defaults, and waits for the rescan the merge starts. Prints one line per cycle and a
summary; exits 0 only when every cycle finished. An abort of the interpreter (the
``bool_dealloc`` refcount abort of issue 28) ends the process with SIGABRT, which the
caller sees as the exit status (134 from a shell). Each line also prints how many
references to ``True`` exist: it must stay level; PySide6 6.12.0 lost one per signal emit.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer
from PySide6.QtWidgets import QApplication, QDialog

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import ContactDraft
from desk_crm.services.bundle import build_services
from desk_crm.settings import Settings
from desk_crm.store.database import open_database
from desk_crm.ui.duplicates_dialog import DuplicatesDialog
from desk_crm.ui.events import AppEvents
from desk_crm.ui.main_window import MainWindow
from desk_crm.ui.merge_dialog import MergeDialog


def _wait(condition: object, timeout_s: float) -> None:
    deadline = QDeadlineTimer(int(timeout_s * 1000))
    while not condition():  # type: ignore[operator]
        if deadline.hasExpired():
            raise TimeoutError("waited too long")
        QCoreApplication.processEvents()
        time.sleep(0.002)


def _word(number: int) -> str:
    """A made-up name per number, far from every other one (no chains of similar names)."""
    letters = "bcdfghjklmnpqrstvwxz"
    vowels = "aeiou"
    text = ""
    value = number * 7919 + 104729
    while value:
        value, consonant = divmod(value, len(letters))
        value, vowel = divmod(value, len(vowels))
        text += letters[consonant] + vowels[vowel]
    return text.capitalize()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycles", type=int, default=50)
    parser.add_argument("--pairs", type=int, default=60)
    parser.add_argument("--others", type=int, default=1500)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="desk-crm-cycles-") as folder:
        root = Path(folder)
        database = open_database(root / "crm.sqlite3", root / "backups")
        services = build_services(database, actor="cycles")
        started = time.monotonic()
        drafts = []
        for number in range(args.pairs):
            email = f"dup{number}@example.com"
            for given in ("Anna", "Anne"):
                drafts.append(ContactDraft(family_name=_word(number), given_name=given,
                                           emails=(ContactPoint(email),)))
        for number in range(args.others):
            drafts.append(ContactDraft(family_name=_word(100_000 + number),
                                       given_name=_word(number % 97)))
        for draft in drafts:
            services.contacts.save(draft)
        print(f"seeded {len(drafts)} contacts in {time.monotonic() - started:.1f} s", flush=True)
        window = MainWindow(services, Settings(root / "settings.ini"), AppEvents(),
                            database.path)
        window.show()

        def accept_defaults(dialog: MergeDialog) -> int:
            dialog._on_buttons_accepted()
            return QDialog.DialogCode.Accepted

        MergeDialog.exec = accept_defaults  # type: ignore[method-assign, assignment]
        finished = 0
        dialog: DuplicatesDialog = window.data_actions.open_duplicates()
        for cycle in range(1, args.cycles + 1):
            began = time.monotonic()
            _wait(lambda: not dialog.scanning(), 120)
            groups = dialog.groups.model().rowCount()
            if groups == 0:
                print(f"cycle {cycle}: no group left to merge; reseeding", flush=True)
                for given in ("Zoe", "Zoé"):
                    services.contacts.save(ContactDraft(
                        family_name=_word(200_000 + cycle), given_name=given,
                        emails=(ContactPoint(f"again{cycle}@example.cn"),)))
                dialog.reload()
                _wait(lambda: not dialog.scanning(), 120)
                groups = dialog.groups.model().rowCount()
            dialog.groups.selectRow(0)
            dialog.merge_button.click()  # merge dialog accepted, then the rescan starts
            _wait(lambda: not dialog.scanning(), 120)
            finished += 1
            after = dialog.groups.model().rowCount()
            print(f"cycle {cycle}: {groups} groups before, {after} after, "
                  f"{time.monotonic() - began:.2f} s, references to True: {sys.getrefcount(True)}",
                  flush=True)
        dialog.close()
        window.close()
        app.processEvents()
        database.close()
    print(f"RESULT: {finished} of {args.cycles} cycles finished, 0 aborts", flush=True)
    return 0 if finished == args.cycles else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
