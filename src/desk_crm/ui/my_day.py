"""The "My day" page: open activities overdue, due today and coming up, each a list.

Keys: Enter opens, Space or Ctrl+D marks done, N creates a task, Tab moves between lists.
Implements the area page interface of ui/registry.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QIcon, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_crm.services.activity_records import ActivityRecord, MyDay
from desk_crm.services.bundle import Services
from desk_crm.store.types import utc_now
from desk_crm.ui.activity_text import kind_icon, summary_line
from desk_crm.ui.operations import BackgroundQuery

RecordIdRole = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOUR = QColor("#c62828")


class ActivityList(QListWidget):
    """Signals:
        done_requested(str): Space or Ctrl+D on an activity.
        new_requested(): N pressed.
    """

    done_requested = Signal(str)
    new_requested = Signal()

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(RecordIdRole) if item is not None else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        record_id = self.current_id()
        if (event.key() == Qt.Key.Key_Space and plain) or (
                event.key() == Qt.Key.Key_D
                and modifiers == Qt.KeyboardModifier.ControlModifier):
            if record_id:
                self.done_requested.emit(record_id)
            return
        if event.key() == Qt.Key.Key_N and plain:
            self.new_requested.emit()
            return
        super().keyPressEvent(event)


class MyDayPage(QWidget):
    """Signals:
        open_requested(str), delete_requested(str), count_changed(int): the page interface.
        new_requested(): create an activity (the main window's New).
        records_changed(str, str): an activity was changed here (marked done).
    """

    open_requested = Signal(str)
    delete_requested = Signal(str)
    count_changed = Signal(int)
    new_requested = Signal()
    records_changed = Signal(str, str)

    entity = "activity"

    def __init__(self, services: Services, title: str, parent: QWidget | None = None, *,
                 now: Callable[[], datetime] = utc_now) -> None:
        super().__init__(parent)
        self.services = services
        self.title = title
        self._now = now
        self._count = 0
        self.setObjectName("myDayPage")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("myDayHeading")
        top.addWidget(self.heading)
        top.addStretch(1)
        self.owner = QComboBox(self)
        self.owner.setAccessibleName(self.tr("Whose activities"))
        top.addWidget(self.owner)
        self.new_button = QPushButton(self.tr("New task (N)"), self)
        self.new_button.setAccessibleName(self.tr("New task"))
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.lists: dict[str, ActivityList] = {}
        self.headers: dict[str, QLabel] = {}
        for key in ("overdue", "today", "upcoming"):
            header = QLabel(self)
            header.setObjectName(f"{key}Header")
            view = ActivityList(self)
            view.setObjectName(f"{key}List")
            # One line each: without this the list measures every item on the first
            # setCurrentRow (150 ms for 200 rows).
            view.setUniformItemSizes(True)
            view.setAlternatingRowColors(True)
            header.setBuddy(view)
            layout.addWidget(header)
            layout.addWidget(view, 1 if key != "overdue" else 0)
            view.itemActivated.connect(self._on_list_item_activated)
            view.done_requested.connect(self.mark_done)
            view.new_requested.connect(self.new_requested)
            view.installEventFilter(self)
            self.lists[key] = view
            self.headers[key] = header
        self.lists["overdue"].setMaximumHeight(170)
        self._last_list = self.lists["today"]
        self.empty_hint = QLabel(self.tr("Nothing due. Press N to add a task."), self)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_hint)
        self.setFocusProxy(self.lists["today"])

        self._fill_owner_combo()
        self.owner.currentIndexChanged.connect(self.reload)
        self.new_button.clicked.connect(self.new_requested)
        QShortcut(QKeySequence("Ctrl+D"), self, activated=self._on_done_shortcut_activated,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Read on a worker: the overdue count alone is ~0.4 s over 500k activities.
        self._day = BackgroundQuery(self, self._on_day_loaded)
        self.reload()

    def _fill_owner_combo(self) -> None:
        self.owner.addItem(self.tr("Everyone"), None)
        for user in self.services.users.list_active():
            self.owner.addItem(user.name, user.id)

    # -- page interface -------------------------------------------------------------------

    def count(self) -> int:
        return self._count

    def current_record_id(self) -> str | None:
        return self._last_list.current_id()

    def focus_search(self) -> None:
        # No search box: go to the first list with something in it.
        for view in self.lists.values():
            if view.count():
                view.setFocus(Qt.FocusReason.ShortcutFocusReason)
                if view.currentRow() < 0:
                    view.setCurrentRow(0)
                return

    def loading(self) -> bool:
        """True while the lists of the latest reload are being read."""
        return self._day.busy

    @Slot()
    def reload(self) -> None:
        activities, owner_id, now = self.services.activities, self.owner.currentData(), \
            self._now()
        self._day.start(lambda: (activities.my_day(owner_id, now=now), now))

    def _on_day_loaded(self, loaded: tuple[MyDay, datetime]) -> None:
        day, now = loaded
        sections = (("overdue", day.overdue, day.overdue_count, self.tr("Overdue (%1)")),
                    ("today", day.today, day.today_count, self.tr("Today (%1)")),
                    ("upcoming", day.upcoming, day.upcoming_count,
                     self.tr("Upcoming, next 7 days (%1)")))
        for key, records, total, header in sections:
            self._fill(self.lists[key], records, now, late=key == "overdue")
            self.headers[key].setText(f"<b>{header.replace('%1', str(total))}</b>")
            self.lists[key].setAccessibleName(header.replace("%1", str(total)))
        self._count = day.overdue_count + day.today_count + day.upcoming_count
        self.heading.setText("<h2>" + self.tr("%1 — %2 overdue · %3 today · %4 upcoming")
                             .replace("%1", self.title)
                             .replace("%2", str(day.overdue_count))
                             .replace("%3", str(day.today_count))
                             .replace("%4", str(day.upcoming_count)) + "</h2>")
        self.empty_hint.setVisible(self._count == 0)
        self.count_changed.emit(self._count)

    def _fill(self, view: ActivityList, records: tuple[ActivityRecord, ...], now: datetime,
              late: bool) -> None:
        row = max(view.currentRow(), 0)
        view.clear()
        # One icon per kind: style().standardIcon costs ~1 ms a call, 200 ms for a full
        # list at 1M contacts (bench/stalls.py).
        icons: dict[str, QIcon] = {}
        for record in records:
            icon = icons.get(record.kind)
            if icon is None:
                icon = icons[record.kind] = kind_icon(self, record.kind)
            item = QListWidgetItem(icon, summary_line(record, now))
            item.setData(RecordIdRole, record.id)
            if late or (record.due_at is not None and record.due_at < now):
                item.setForeground(QBrush(OVERDUE_COLOUR))
            view.addItem(item)
        if view.count():
            # Each list keeps its place, but only the list in use shows it as selected:
            # three highlighted rows would say three things are about to be acted on.
            flag = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                    if view is self._last_list else QItemSelectionModel.SelectionFlag.NoUpdate)
            view.setCurrentRow(min(row, view.count() - 1), flag)
            if view is not self._last_list:
                view.clearSelection()

    def section_ids(self, key: str) -> list[str]:
        view = self.lists[key]
        return [view.item(row).data(RecordIdRole) for row in range(view.count())]

    # -- actions --------------------------------------------------------------------------

    @Slot(str)
    def mark_done(self, activity_id: str) -> None:
        focused = self._last_list.hasFocus()
        self.services.activities.complete(activity_id, now=self._now())
        self.reload()
        self.records_changed.emit("activity", activity_id)
        if focused:
            self._last_list.setFocus()

    @Slot()
    def _on_done_shortcut_activated(self) -> None:
        record_id = self.current_record_id()
        if record_id:
            self.mark_done(record_id)

    @Slot(QListWidgetItem)
    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(item.data(RecordIdRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Remember the list used last: Open, Delete and Ctrl+D act on its current row.
        if isinstance(watched, ActivityList) and event.type() == QEvent.Type.FocusIn:
            self._last_list = watched
            for view in self.lists.values():
                if view is not watched:
                    view.clearSelection()
            if watched.currentRow() >= 0:
                watched.setCurrentRow(watched.currentRow(),
                                      QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return super().eventFilter(watched, event)
