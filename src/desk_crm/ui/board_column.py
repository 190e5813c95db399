"""One column of the pipeline board: a header (stage, count, sums per currency), the card
list and a "+N more" line when the column's limit left cards out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.money import format_money, from_minor
from desk_crm.store.board_queries import ColumnTotals
from desk_crm.ui.board_delegate import CardDelegate
from desk_crm.ui.board_model import BoardColumnModel

COLUMN_WIDTH = 250


translate = QCoreApplication.translate


MOVE_HINT = "Ctrl+Shift+→ / Ctrl+Shift+←"


def totals_text(totals: ColumnTotals) -> str:
    """ "12 · ¥1,234,000.00 + $50,000.00": never one sum over two currencies."""
    sums = " + ".join(
        format_money(from_minor(minor, code), code) for code, minor in totals.sums_minor
    )
    return f"{totals.count:,}" + (f" · {sums}" if sums else "")


class CardListView(QListView):
    """Signals:
    move_requested(int): Ctrl+Shift+Right (+1) / Ctrl+Shift+Left (-1) on a card.
    neighbour_requested(int): Right (+1) / Left (-1): focus the next column's cards.
    open_requested(): Enter on a card (double-click goes through ``activated``).
    delete_requested(): Delete on a card.
    """

    move_requested = Signal(int)
    neighbour_requested = Signal(int)
    open_requested = Signal()
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        move = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        direction = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1}.get(Qt.Key(key), 0)
        has_card = self.currentIndex().isValid()
        if direction and modifiers == move:
            if has_card:
                self.move_requested.emit(direction)
            event.accept()
            return
        if direction and modifiers == Qt.KeyboardModifier.NoModifier:
            self.neighbour_requested.emit(direction)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and has_card:
            self.open_requested.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Delete and has_card:
            self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class BoardColumn(QFrame):
    def __init__(self, stage_id: str, name: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self.name = name
        self.kind = kind
        self.totals = ColumnTotals(0, ())
        self.setObjectName(f"boardColumn_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(COLUMN_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(2)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.summary = QLabel(self)
        self.summary.setObjectName("columnSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.model = BoardColumnModel(stage_id, open_stage=kind == "open", parent=self)
        self.view = CardListView(self)
        self.view.setObjectName(f"boardCards_{name}")
        self.view.setAccessibleName(translate("BoardColumn", "Stage %1").replace("%1", name))
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(False)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setToolTip(
            translate(
                "BoardColumn",
                "Arrow keys move between cards and stages; %1 moves the card "
                "to the next or previous stage; Enter opens it; or drag it.",
            ).replace("%1", MOVE_HINT)
        )
        layout.addWidget(self.view, 1)
        self.more = QLabel(self)
        self.more.setObjectName("columnMore")
        self.more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.more)

    def sizeHint(self) -> QSize:
        return QSize(COLUMN_WIDTH, 400)

    def set_contents(self, cards: list, totals: ColumnTotals) -> None:
        self.totals = totals
        self.model.set_cards(cards)
        self.title.setText(f"<b>{self.name}</b>")
        self.summary.setText(totals_text(totals))
        hidden = totals.count - len(cards)
        self.more.setText(
            translate("BoardColumn", "+%1 more").replace("%1", f"{hidden:,}") if hidden > 0 else ""
        )
        self.more.setVisible(hidden > 0)

    def focus_row(self, row: int) -> None:
        count = self.model.rowCount()
        if count == 0:
            return
        index = self.model.index(max(0, min(row, count - 1)), 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_row(self) -> int:
        index: QModelIndex = self.view.currentIndex()
        return index.row() if index.isValid() else -1
