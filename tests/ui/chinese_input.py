"""Typing text Qt's key simulation cannot type.

``qtbot.keyClicks(widget, "张三")`` aborts the test process (QTest types ASCII/Latin-1 only),
so Chinese reaches a widget the way an input method or a keyboard delivers it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def commit_text(widget: QWidget, text: str) -> None:
    """What an input method sends when the user picks a candidate: a commit string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press_characters(widget: QWidget, text: str) -> None:
    """One key press (and release) per character, with the character as the event text."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))
