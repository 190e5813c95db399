"""The in-app reminder bar at the top of the main window: one row per reminder,
"Reminder: Call 张三 — due 14:00  [Open] [Snooze 10 min] [Done] [Dismiss]", and one per SLA
alert of a ticket, "SLA breached: T-2026-0007 VPN down — first response was due 14:00
[Open] [Dismiss]" (an SLA alert is announced once; snoozing it would hide a breach).

With more than one reminder it starts collapsed to the first row and a summary line
"More reminders: 3  [Show all] [Dismiss all]", so four reminders do not take ~100 px of
every screen; Show all / Show fewer toggles."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

SLA_KEY = "sla:"  # rows of SLA alerts are keyed by this and the ticket id


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
        ticket_open_requested(str): the user wants to see the ticket of an SLA alert.
    """

    open_requested = Signal(str)
    snooze_requested = Signal(str)
    done_requested = Signal(str)
    dismissed = Signal(str)
    ticket_open_requested = Signal(str)

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
        self.expanded = False
        self.summary = QFrame(self)
        summary_layout = QHBoxLayout(self.summary)
        summary_layout.setContentsMargins(8, 2, 8, 2)
        self.summary_label = QLabel(self.summary)
        summary_layout.addWidget(self.summary_label, 1)
        self.toggle_button = QPushButton(self.summary)
        self.toggle_button.setAccessibleName(self.tr("Show all reminders or fewer"))
        self.dismiss_all_button = QPushButton(self.tr("Dismiss all"), self.summary)
        self.dismiss_all_button.setAccessibleName(self.tr("Dismiss all reminders"))
        summary_layout.addWidget(self.toggle_button)
        summary_layout.addWidget(self.dismiss_all_button)
        self.toggle_button.clicked.connect(self._on_toggle_button_clicked)
        self.dismiss_all_button.clicked.connect(self.dismiss_all)
        self._layout.addWidget(self.summary)
        self.hide()

    def add(self, activity_id: str, text: str) -> ReminderRow:
        self.remove(activity_id)
        row = ReminderRow(activity_id, text, self)
        row.open_button.clicked.connect(lambda: self.open_requested.emit(activity_id))
        row.snooze_button.clicked.connect(lambda: self._act(self.snooze_requested, activity_id))
        row.done_button.clicked.connect(lambda: self._act(self.done_requested, activity_id))
        row.dismiss_button.clicked.connect(lambda: self._act(self.dismissed, activity_id))
        self._layout.insertWidget(self._layout.indexOf(self.summary), row)
        self.rows[activity_id] = row
        self._arrange()
        return row

    def add_sla_alert(self, ticket_id: str, text: str, breach: bool) -> ReminderRow:
        """A row for a ticket's SLA warning or breach (the newest replaces the older)."""
        key = SLA_KEY + ticket_id
        self.remove(key)
        row = ReminderRow(key, text, self)
        row.setObjectName("slaAlertRow")
        row.label.setStyleSheet("color: #c62828; font-weight: bold" if breach
                                else "color: #e65100")
        row.snooze_button.hide()
        row.done_button.hide()
        row.open_button.clicked.connect(lambda: self._open_ticket(ticket_id))
        row.dismiss_button.clicked.connect(lambda: self.remove(key))
        self._layout.insertWidget(self._layout.indexOf(self.summary), row)
        self.rows[key] = row
        self._arrange()
        return row

    def _open_ticket(self, ticket_id: str) -> None:
        self.remove(SLA_KEY + ticket_id)
        self.ticket_open_requested.emit(ticket_id)

    def remove(self, activity_id: str) -> None:
        row = self.rows.pop(activity_id, None)
        if row is not None:
            row.hide()
            row.deleteLater()
        self._arrange()

    def visible_rows(self) -> list[ReminderRow]:
        return [row for row in self.rows.values() if not row.isHidden()]

    def set_expanded(self, expanded: bool) -> None:
        self.expanded = expanded
        self._arrange()

    def dismiss_all(self) -> None:
        for activity_id in list(self.rows):
            if activity_id.startswith(SLA_KEY):
                self.remove(activity_id)
            else:
                self._act(self.dismissed, activity_id)

    def _on_toggle_button_clicked(self) -> None:
        self.set_expanded(not self.expanded)

    def _arrange(self) -> None:
        rows = list(self.rows.values())
        for position, row in enumerate(rows):
            row.setHidden(position > 0 and not self.expanded)
        more = len(rows) - 1
        self.summary.setVisible(more > 0)
        if more > 0:
            # No %n plural: the app ships no English catalogue to resolve it.
            self.summary_label.setText(
                self.tr("More reminders: %1").replace("%1", str(more)) if not self.expanded
                else self.tr("Reminders: %1").replace("%1", str(len(rows))))
            self.toggle_button.setText(self.tr("Show fewer") if self.expanded
                                       else self.tr("Show all"))
        self.setVisible(bool(rows))

    def texts(self) -> list[str]:
        return [row.label.text() for row in self.rows.values()]

    def _act(self, signal: Signal, activity_id: str) -> None:
        self.remove(activity_id)
        signal.emit(activity_id)  # type: ignore[attr-defined]
