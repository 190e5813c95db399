"""The activities of one record, newest first, with buttons to log a call or add a task.
Shown on the "Activities" tab of contact and account (later lead, opportunity) editors."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_crm.services.bundle import Services
from desk_crm.ui.activity_text import kind_icon, summary_line

RecordIdRole = Qt.ItemDataRole.UserRole + 1


class ActivityTimeline(QWidget):
    """Signals:
        open_record_requested(str, object, object): open an activity ("activity", id, {})
            or create one ("activity", None, preset with the link and kind).
        count_changed(int): number of activities shown.
    """

    open_record_requested = Signal(str, object, object)
    count_changed = Signal(int)

    def __init__(self, services: Services, entity: str, record_id: str,
                 parent: QWidget | None = None, limit: int = 200) -> None:
        super().__init__(parent)
        self.services = services
        self.entity = entity
        self.record_id = record_id
        self.limit = limit
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setObjectName("activityTimeline")
        self.list.setAccessibleName(self.tr("Activities, newest first"))
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.log_call_button = QPushButton(self.tr("&Log call"), self)
        self.new_task_button = QPushButton(self.tr("New &task"), self)
        buttons.addWidget(self.log_call_button)
        buttons.addWidget(self.new_task_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.log_call_button.clicked.connect(lambda: self.request_new("call"))
        self.new_task_button.clicked.connect(lambda: self.request_new("task"))
        self.reload()

    def count(self) -> int:
        return self.list.count()

    def record_ids(self) -> list[str]:
        return [self.list.item(row).data(RecordIdRole) for row in range(self.list.count())]

    @Slot()
    def reload(self) -> None:
        self.list.clear()
        for record in self.services.activities.timeline(self.entity, self.record_id,
                                                        self.limit):
            item = QListWidgetItem(kind_icon(self, record.kind), summary_line(record))
            item.setData(RecordIdRole, record.id)
            if record.done:
                font = QFont(item.font())
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(self.palette().placeholderText())
                item.setToolTip(self.tr("Done"))
            self.list.addItem(item)
        self.count_changed.emit(self.list.count())

    def request_new(self, kind: str) -> None:
        name = self.services.activities.link_name(self.entity, self.record_id)
        preset: dict[str, object] = {"kind": kind, "link": (self.entity, self.record_id, name)}
        if self.entity == "contact":
            contact = self.services.contacts.get(self.record_id)
            if contact.draft.account_id:
                preset["account"] = (contact.draft.account_id, contact.account_name)
        if kind == "call":
            # "Log call" records a call that just happened: done, now, with its length
            # (scheduling one is New task / a due time in the editor).
            preset["logged"] = True
            if name:
                preset["subject"] = self.tr("Call %1").replace("%1", name)
        self.open_record_requested.emit("activity", None, preset)

    @Slot(QListWidgetItem)
    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.open_record_requested.emit("activity", item.data(RecordIdRole), {})


class ActivitiesTab(QWidget):
    """The "Activities" tab of a record editor: empty and disabled until the record is
    saved, then its timeline. Title shows the count.

    Signals:
        open_record_requested(str, object, object): forwarded from the timeline.
    """

    open_record_requested = Signal(str, object, object)

    def __init__(self, services: Services, entity: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.entity = entity
        self.title = title  # with a mnemonic and %1 for the count: "A&ctivities (%1)"
        self.timeline: ActivityTimeline | None = None
        self._tabs: QTabWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def install(self, tabs: QTabWidget, before: QWidget) -> None:
        self._tabs = tabs
        tabs.insertTab(tabs.indexOf(before), self, self.title.replace(" (%1)", ""))

    @Slot(str)
    def set_record(self, record_id: str | None) -> None:
        if self._tabs is not None:
            self._tabs.setTabEnabled(self._tabs.indexOf(self), record_id is not None)
        if record_id is None or (self.timeline and self.timeline.record_id == record_id):
            return
        self.timeline = ActivityTimeline(self.services, self.entity, record_id, self)
        self.layout().addWidget(self.timeline)
        self.timeline.open_record_requested.connect(self.open_record_requested)
        self.timeline.count_changed.connect(self._on_timeline_count_changed)
        self._on_timeline_count_changed(self.timeline.count())

    def reload(self) -> None:
        if self.timeline is not None:
            self.timeline.reload()

    @Slot(int)
    def _on_timeline_count_changed(self, count: int) -> None:
        if self._tabs is not None:
            self._tabs.setTabText(self._tabs.indexOf(self),
                                  self.title.replace("%1", str(count)))
