"""The Ctrl+K box: one search over every entity in SEARCH_INDEXES, results grouped by
entity in a list that drops down under the box while typing.

The query runs on a pool thread with its own session; each keystroke bumps a generation
number and results of an older generation are dropped, so a slow query can never
overwrite a newer answer. Keys stay in the box: Up/Down move in the list, Enter opens.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from desk_crm.domain.entities import ENTITIES
from desk_crm.store.global_search import GlobalSearch, SearchHit
from desk_crm.ui.entity_titles import entity_plural
from desk_crm.ui.operations import BackgroundQuery

TYPE_AHEAD_MS = 120
HitRole = Qt.ItemDataRole.UserRole + 10


class GlobalSearchBox(QLineEdit):
    """Signals:
        open_requested(str, str): open this record (entity, id).
        results_shown(int): a result list for the current text is displayed (hit count).
    """

    open_requested = Signal(str, str)
    results_shown = Signal(int)

    def __init__(self, search: GlobalSearch, group_titles: Callable[[], dict[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("globalSearch")
        self.setPlaceholderText(self.tr("Search everything (Ctrl+K)"))
        self.setAccessibleName(self.tr("Search all records"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self._search = search
        self._group_titles = group_titles
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # keystrokes queue; only the newest answer shows
        self._query = BackgroundQuery(self, self._on_query_found, pool=self._pool)
        self.popup = QListWidget()
        self.popup.setObjectName("globalSearchResults")
        self.popup.setAccessibleName(self.tr("Search results"))
        self.popup.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.itemDoubleClicked.connect(self._on_popup_item_double_clicked)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPE_AHEAD_MS)
        self._timer.timeout.connect(self.search_now)
        self.textChanged.connect(self._on_text_changed)
        self.destroyed.connect(self.popup.deleteLater)

    # -- searching -------------------------------------------------------------------------

    @Slot()
    def search_now(self) -> None:
        self._timer.stop()
        self._query.drop()
        if not self.text().strip():
            self.popup.hide()
            return
        search, text = self._search, self.text()
        self._query.start(lambda: search.search(text))

    def wait_for_search(self, msecs: int = 10000) -> bool:
        return self._pool.waitForDone(msecs)

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        self._query.drop()  # whatever is running now answers an old question
        self._timer.start()

    def _on_query_found(self, hits: list[SearchHit]) -> None:
        self._show(hits)

    def _show(self, hits: list[SearchHit]) -> None:
        self.popup.clear()
        if not hits:
            item = QListWidgetItem(self.tr("No matches"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.popup.addItem(item)
        entity = None
        for hit in hits:
            if hit.entity != entity:
                entity = hit.entity
                header = QListWidgetItem(self._group_title(entity))
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = QFont(header.font())
                font.setBold(True)
                header.setFont(font)
                self.popup.addItem(header)
            text = f"   {hit.title}" + (f"  —  {hit.detail}" if hit.detail else "")
            item = QListWidgetItem(text)
            item.setData(HitRole, (hit.entity, hit.id))
            self.popup.addItem(item)
        self._select(1 if hits else -1)
        rows = min(self.popup.count(), 24)
        height = sum(self.popup.sizeHintForRow(row) for row in range(rows)) + 6
        self.popup.resize(max(self.width(), 420), height)
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.results_shown.emit(len(hits))

    def _group_title(self, entity: str) -> str:
        # The declared plural; an index without a declaration is titled like its list page.
        if entity in ENTITIES:
            return entity_plural(entity)
        return self._group_titles().get(entity, entity.title())

    # -- keys and opening ------------------------------------------------------------------

    def _select(self, row: int) -> None:
        if 0 <= row < self.popup.count():
            self.popup.setCurrentRow(row)

    def _step(self, delta: int) -> None:
        row = self.popup.currentRow() + delta
        while 0 <= row < self.popup.count():
            if self.popup.item(row).data(HitRole) is not None:
                self._select(row)
                return
            row += delta

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.popup.isVisible() and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._step(1 if key == Qt.Key.Key_Down else -1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or not self.popup.isVisible():
                return  # the list is not there yet: Enter on a stale list would mislead
            self.open_current()
            return
        if key == Qt.Key.Key_Escape and self.popup.isVisible():
            self.popup.hide()
            return
        super().keyPressEvent(event)

    def open_current(self) -> None:
        item = self.popup.currentItem()
        target = item.data(HitRole) if item is not None else None
        if target is not None:
            self.popup.hide()
            self.open_requested.emit(*target)

    @Slot(QListWidgetItem)
    def _on_popup_item_double_clicked(self, item: QListWidgetItem) -> None:
        self.popup.setCurrentItem(item)
        self.open_current()

    def focusOutEvent(self, event: object) -> None:  # type: ignore[override]
        # Clicking a result must still work: hide a moment later, after the click.
        QTimer.singleShot(150, self._hide_unless_focused)
        super().focusOutEvent(event)  # type: ignore[arg-type]

    @Slot()
    def _hide_unless_focused(self) -> None:
        if not self.hasFocus():
            self.popup.hide()
