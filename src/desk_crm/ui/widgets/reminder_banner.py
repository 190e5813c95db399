"""The in-app reminder bar at the top of the main window: one row per reminder,
"Reminder: Call 张三 — due 14:00  [Open] [Snooze 10 min] [Done] [Dismiss]"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class ReminderRow(QFrame):
    def __init__(self, activity_id: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activity_id = activity_id
        self.setObjectName("reminderRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        self.label = QLabel(text, self)
        self.label.setAccessibleName(text)
        layout.addWidget(self.label, 1)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.snooze_button = QPushButton(self.tr("Snooze 10 min"), self)
        self.done_button = QPushButton(self.tr("Done"), self)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        for button in (self.open_button, self.snooze_button, self.done_button,
                       self.dismiss_button):
            button.setAccessibleName(f"{button.text()}: {text}")
            layout.addWidget(button)


class ReminderBanner(QFrame):
    """Signals:
        open_requested(str), snooze_requested(str), done_requested(str),
        dismissed(str): the user's choice for the reminder of this activity.
    """

    open_requested = Signal(str)
    snooze_requested = Signal(str)
    done_requested = Signal(str)
    dismissed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setAccessibleName(self.tr("Reminders"))
        self.setStyleSheet("#reminderBanner { background: #fff3e0; "
                           "border-bottom: 1px solid #ffb74d; }")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 2, 0, 2)
        self._layout.setSpacing(0)
        self.rows: dict[str, ReminderRow] = {}
        self.hide()

    def add(self, activity_id: str, text: str) -> ReminderRow:
        self.remove(activity_id)
        row = ReminderRow(activity_id, text, self)
        row.open_button.clicked.connect(lambda: self.open_requested.emit(activity_id))
        row.snooze_button.clicked.connect(lambda: self._act(self.snooze_requested, activity_id))
        row.done_button.clicked.connect(lambda: self._act(self.done_requested, activity_id))
        row.dismiss_button.clicked.connect(lambda: self._act(self.dismissed, activity_id))
        self._layout.addWidget(row)
        self.rows[activity_id] = row
        self.show()
        return row

    def remove(self, activity_id: str) -> None:
        row = self.rows.pop(activity_id, None)
        if row is not None:
            row.hide()
            row.deleteLater()
        self.setVisible(bool(self.rows))

    def texts(self) -> list[str]:
        return [row.label.text() for row in self.rows.values()]

    def _act(self, signal: Signal, activity_id: str) -> None:
        self.remove(activity_id)
        signal.emit(activity_id)  # type: ignore[attr-defined]
