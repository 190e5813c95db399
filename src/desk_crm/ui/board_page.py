"""The "Pipeline" area: a kanban board, one column per active stage in stage order.

Cards move by drag and drop or by Ctrl+Shift+Right/Left; moving into a won or lost stage
asks for the reason first (cancel: nothing moves). Each move is one small service call on
the UI thread, after which the board reloads (one limited query per column).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.services.bundle import Services
from desk_crm.services.errors import RecordNotFound, StaleRecord
from desk_crm.store.board_queries import COLUMN_LIMIT, BoardFilter
from desk_crm.ui import outcome_dialog
from desk_crm.ui.board_column import BoardColumn
from desk_crm.ui.operations import BackgroundQuery
from desk_crm.ui.validation_text import all_messages

SEARCH_DELAY_MS = 200


class BoardPage(QWidget):
    """Signals:
        open_requested(str): open this opportunity in its editor.
        delete_requested(str): delete this opportunity.
        count_changed(int): opportunities matching the filters (all columns).
        card_moved(str, str): an opportunity moved; its id and the new stage id.
    """

    open_requested = Signal(str)
    delete_requested = Signal(str)
    count_changed = Signal(int)
    card_moved = Signal(str, str)

    def __init__(self, services: Services, title: str, parent: QWidget | None = None,
                 limit: int = COLUMN_LIMIT) -> None:
        super().__init__(parent)
        self.services = services
        self.entity = "opportunity"
        self.title = title
        self.limit = limit
        self.columns: list[BoardColumn] = []
        self._count = 0
        self.setObjectName("pipelineBoardPage")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<h2>{title}</h2>", self))
        top.addStretch(1)
        owner_label = QLabel(self.tr("&Owner:"), self)
        self.owner = QComboBox(self)
        self.owner.setObjectName("boardOwner")
        self.owner.setAccessibleName(self.tr("Owner filter"))
        self.owner.setMinimumWidth(160)
        owner_label.setBuddy(self.owner)
        top.addWidget(owner_label)
        top.addWidget(self.owner)
        self.search = QLineEdit(self)
        self.search.setObjectName("boardSearch")
        self.search.setPlaceholderText(self.tr("Filter opportunities (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Filter opportunities"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        top.addWidget(self.search)
        layout.addLayout(top)

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.strip = QWidget(self.scroll)
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip_layout.addStretch(1)
        self.scroll.setWidget(self.strip)
        layout.addWidget(self.scroll, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.owner.currentIndexChanged.connect(self._on_owner_current_index_changed)
        # The cards and totals are read on a worker (0.8 s at 100k opportunities on the UI
        # thread, bench/stalls.py); the card to focus when they land.
        self._contents = BackgroundQuery(self, self._on_contents_loaded)
        self._focus_after: str | None = None
        self._focus_first = False  # Return in the search box: the first result
        self.reload()

    # -- area page interface --------------------------------------------------------------

    def count(self) -> int:
        return self._count

    def current_record_id(self) -> str | None:
        column = self._focused_column()
        if column is None:
            return None
        card = column.model.card(column.current_row())
        return card.id if card else None

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def board_filter(self) -> BoardFilter:
        owner_id = self.owner.currentData()
        return BoardFilter(owner_id=owner_id or None, search=self.search.text())

    def loading(self) -> bool:
        """True while the cards of the latest reload are being read."""
        return self._contents.busy

    @Slot()
    def reload(self) -> None:
        """Columns now (the stages are a handful of rows), their cards when read."""
        self._search_timer.stop()
        if self._focus_after is None:
            self._focus_after = self.current_record_id()
        self._reload_owners()
        stages = self.services.pipeline.stages()
        wanted = [(stage.id, stage.name, str(stage.kind)) for stage in stages]
        if wanted != [(c.stage_id, c.name, c.kind) for c in self.columns]:
            self._rebuild_columns(wanted)
        board, board_filter, limit = self.services.board, self.board_filter(), self.limit
        columns = [(c.stage_id, c.kind != "open") for c in self.columns]
        self._contents.start(lambda: board.columns(columns, board_filter, limit))

    def _on_contents_loaded(self, contents: dict[str, Any]) -> None:
        for column in self.columns:
            found = contents.get(column.stage_id)
            if found is not None:
                column.set_contents(*found)
        self._count = sum(column.totals.count for column in self.columns)
        focus, self._focus_after = self._focus_after, None
        if self._focus_first:
            self._focus_first = False
            column = next((c for c in self.columns if c.model.rowCount()), None)
            if column is not None:
                column.focus_row(0)
        elif focus:
            self.focus_card(focus)
        self.count_changed.emit(self._count)

    # -- moving cards ---------------------------------------------------------------------

    def move_card(self, opportunity_id: str, stage_id: str, version: int | None = None) -> bool:
        """Move one opportunity to *stage_id* through the service; True when it moved."""
        target = self.column_of_stage(stage_id)
        if target is None:
            return False
        reason = ""
        if target.kind in ("won", "lost"):
            name = self._card_name(opportunity_id)
            answer = outcome_dialog.ask_outcome_reason(self, name, target.name, target.kind)
            if answer is None:
                return False
            reason = answer
        try:
            self.services.opportunities.move_stage(opportunity_id, stage_id, reason=reason,
                                                   expected_version=version or None)
        except StaleRecord:
            QMessageBox.information(self, self.title, self.tr(
                "Someone changed this opportunity meanwhile; the board shows it as it is now."))
            self.reload()
            return False
        except RecordNotFound:
            QMessageBox.information(self, self.title,
                                    self.tr("That opportunity no longer exists."))
            self.reload()
            return False
        except (ValidationError, ValidationErrors) as error:
            QMessageBox.warning(self, self.title, all_messages(error))
            return False
        self._focus_after = opportunity_id  # keeps the focus in its new column
        self.reload()
        self.card_moved.emit(opportunity_id, stage_id)
        return True

    def focus_card(self, opportunity_id: str) -> bool:
        for column in self.columns:
            row = column.model.row_of(opportunity_id)
            if row is not None:
                column.focus_row(row)
                return True
        return False

    def column_of_stage(self, stage_id: str) -> BoardColumn | None:
        return next((c for c in self.columns if c.stage_id == stage_id), None)

    # -- internals ------------------------------------------------------------------------

    def _reload_owners(self) -> None:
        current = self.owner.currentData()
        users = self.services.users.list_active()
        wanted = [("", self.tr("All owners"))] + [(u.id, u.name) for u in users]
        existing = [(self.owner.itemData(i) or "", self.owner.itemText(i))
                    for i in range(self.owner.count())]
        if wanted == existing:
            return
        self.owner.blockSignals(True)
        self.owner.clear()
        for user_id, name in wanted:
            self.owner.addItem(name, user_id)
        found = self.owner.findData(current) if current else 0
        self.owner.setCurrentIndex(max(found, 0))
        self.owner.blockSignals(False)

    def _rebuild_columns(self, stages: list[tuple[str, str, str]]) -> None:
        for column in self.columns:
            self.strip_layout.removeWidget(column)
            column.deleteLater()
        self.columns = []
        for position, (stage_id, name, kind) in enumerate(stages):
            column = BoardColumn(stage_id, name, kind, self.strip)
            self.strip_layout.insertWidget(position, column)
            column.model.card_dropped.connect(self._on_column_card_dropped,
                                              Qt.ConnectionType.QueuedConnection)
            column.view.move_requested.connect(
                lambda step, c=column: self._move_focused_card(c, step))
            column.view.neighbour_requested.connect(
                lambda step, c=column: self._focus_neighbour(c, step))
            column.view.open_requested.connect(lambda c=column: self._open_current(c))
            column.view.activated.connect(lambda _index, c=column: self._open_current(c))
            column.view.delete_requested.connect(lambda c=column: self._delete_current(c))
            column.view.selectionModel().currentChanged.connect(
                lambda current, _previous, c=column: self._on_view_current_changed(c, current))
            self.columns.append(column)

    def _focused_column(self) -> BoardColumn | None:
        # One card at most is current on the whole board (see _on_view_current_changed).
        return next((c for c in self.columns if c.current_row() >= 0), None)

    def _on_view_current_changed(self, column: BoardColumn, current: QModelIndex) -> None:
        if not current.isValid():
            return
        for other in self.columns:
            if other is not column and other.current_row() >= 0:
                other.view.setCurrentIndex(QModelIndex())

    def _card_name(self, opportunity_id: str) -> str:
        for column in self.columns:
            row = column.model.row_of(opportunity_id)
            if row is not None:
                card = column.model.card(row)
                return card.name if card else ""
        return ""

    def _move_focused_card(self, column: BoardColumn, step: int) -> None:
        card = column.model.card(column.current_row())
        position = self.columns.index(column) + step
        if card is None or not 0 <= position < len(self.columns):
            return
        self.move_card(card.id, self.columns[position].stage_id, card.version)

    def _focus_neighbour(self, column: BoardColumn, step: int) -> None:
        row = max(column.current_row(), 0)
        position = self.columns.index(column) + step
        while 0 <= position < len(self.columns):
            if self.columns[position].model.rowCount():
                self.columns[position].focus_row(row)
                return
            position += step

    def _open_current(self, column: BoardColumn) -> None:
        card = column.model.card(column.current_row())
        if card is not None:
            self.open_requested.emit(card.id)

    def _delete_current(self, column: BoardColumn) -> None:
        card = column.model.card(column.current_row())
        if card is not None:
            self.delete_requested.emit(card.id)

    @Slot(str, str, int)
    def _on_column_card_dropped(self, opportunity_id: str, stage_id: str, version: int) -> None:
        self.move_card(opportunity_id, stage_id, version)

    @Slot(int)
    def _on_owner_current_index_changed(self, _index: int) -> None:
        self.reload()

    @Slot()
    def _on_search_return_pressed(self) -> None:
        self._focus_first = True  # into the results, once they are read
        self.reload()
