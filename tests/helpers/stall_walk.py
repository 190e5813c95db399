"""The walk of tests/ui/test_no_stalls.py and bench/stalls.py: every area, then every
action of the main menus, with the stall probe recording; the longest own stall per step.

Dialogs an action opens are closed again (modal ones by a timer, as a user pressing
Escape); actions that end the session or forget credentials are left out."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from desk_crm.ui.main_window import MainWindow
from desk_crm.ui.stall_probe import StallProbe

# Not walked: they end the session (Quit, Encryption reopens the file) or act on a
# keychain the test machine does not have.
SKIPPED = {"&Quit", "&Encryption…", "&Disconnect and forget password"}
SETTLE_MS = 400  # background queries of a step land within this on an idle machine


def menu_actions(window: MainWindow) -> Iterator[tuple[str, QAction]]:
    def walk(menu: QMenu, path: str) -> Iterator[tuple[str, QAction]]:
        for action in menu.actions():
            if action.isSeparator() or action.text() in SKIPPED:
                continue
            name = f"{path} › {action.text().replace('&', '')}"
            if action.menu() is not None:
                yield from walk(action.menu(), name)  # type: ignore[arg-type]
            else:
                yield name, action

    for top in window.menuBar().actions():
        yield from walk(top.menu(), top.text().replace("&", ""))  # type: ignore[arg-type]


class _Closer:
    """Closes whatever modal dialog is up, the way Escape would."""

    def __init__(self) -> None:
        self.closed: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(150)
        self.timer.timeout.connect(self._close)

    def _close(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            self.closed.append(modal.windowTitle())
            modal.reject()
        elif modal is not None:
            modal.close()


def walk_the_app(wait: Callable[[int], None], window: MainWindow,
                 probe: StallProbe) -> dict[str, float]:
    """Switch to every area, then trigger every menu action; the longest own stall (ms)
    of each step."""
    longest: dict[str, float] = {}

    def step(name: str, run: Any) -> None:
        probe.reset()
        probe.doing(name)
        before = set(QApplication.topLevelWidgets())
        run()
        wait(SETTLE_MS)
        probe.doing(f"closing what {name} opened")
        for widget in set(QApplication.topLevelWidgets()) - before:
            if isinstance(widget, QWidget) and widget.isVisible() and widget is not window:
                widget.close()
        wait(50)
        worst = probe.longest()
        longest[name] = worst.own_ms if worst is not None else 0.0
        stalls.extend(probe.stalls)

    stalls: list[Any] = []
    closer = _Closer()
    closer.timer.start()
    try:
        for key in list(window.pages):
            step(f"area {key}", lambda k=key: window.show_area(k))
        window.show_area("accounts")
        step("account › new account, save", lambda: _save_new_account(window))
        window.show_area("contacts")
        page = window.current_page()
        if hasattr(page, "table"):
            page.table.selectRow(0)  # Open, Merge, Bulk edit have something to act on
        for name, action in menu_actions(window):
            step(name, action.trigger)
    finally:
        closer.timer.stop()
    probe.stalls[:] = stalls
    return longest


def _save_new_account(window: MainWindow) -> None:
    """Save a new account from its editor, as a user would (editor, name, Save)."""
    editor = window.open_account(None)
    assert editor is not None
    editor.ui.name.setText("Stall probe account")
    editor.save()
    editor.close()


def report(longest: dict[str, float]) -> str:
    lines = [f"{ms:8.0f} ms  {name}" for name, ms in
             sorted(longest.items(), key=lambda item: -item[1])]
    text = "longest own UI-thread stall per step:\n" + "\n".join(lines)
    target = os.environ.get("DESK_CRM_STALL_REPORT")
    if target:
        Path(target).write_text(text + "\n", encoding="utf-8")
    return text
