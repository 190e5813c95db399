"""One board column: the cards of one pipeline stage as a small list model.

The model holds at most a column's page of cards (the query's limit), so a plain list is
enough. Cards are dragged as the opportunity id in a private MIME type; a drop does not
move anything itself: it emits ``card_dropped`` and the board page asks the service (and
the user, for a won/lost reason) before reloading.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desk_crm.domain.money import format_money, from_minor
from desk_crm.store.board_queries import BoardCard

CARD_MIME = "application/x-desk-crm-opportunity"

_USER = Qt.ItemDataRole.UserRole
IdRole = _USER + 1
NameRole = _USER + 2
AccountRole = _USER + 3
AmountTextRole = _USER + 4
CloseDateRole = _USER + 5  # datetime.date or None
OwnerRole = _USER + 6
NoNextStepRole = _USER + 7  # True when no open activity is linked
OverdueRole = _USER + 8  # close date passed on an open stage
VersionRole = _USER + 9

Index = QModelIndex | QPersistentModelIndex


def card_amount(card: BoardCard) -> str:
    return format_money(from_minor(card.amount_minor, card.currency), card.currency)


def encode_cards(cards: Sequence[BoardCard]) -> QMimeData:
    data = QMimeData()
    payload = [{"id": card.id, "stage_id": card.stage_id, "version": card.version}
               for card in cards]
    data.setData(CARD_MIME, QByteArray(json.dumps(payload).encode()))
    return data


def decode_cards(data: QMimeData) -> list[dict[str, Any]]:
    if not data.hasFormat(CARD_MIME):
        return []
    try:
        payload = json.loads(bytes(data.data(CARD_MIME).data()).decode())
    except ValueError:
        return []
    return [item for item in payload if isinstance(item, dict) and "id" in item]


class BoardColumnModel(QAbstractListModel):
    """Signals:
        card_dropped(str, str, int): opportunity id, this column's stage id, version seen.
    """

    card_dropped = Signal(str, str, int)

    def __init__(self, stage_id: str, open_stage: bool = True, parent: Any = None) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self.open_stage = open_stage
        self._cards: list[BoardCard] = []
        self._today = date.today()
        self._amounts: list[str] = []

    # -- contents -------------------------------------------------------------------------

    def set_cards(self, cards: Sequence[BoardCard], today: date | None = None) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self._amounts = [card_amount(card) for card in self._cards]  # formatted once
        self._today = today or date.today()
        self.endResetModel()

    def card(self, row: int) -> BoardCard | None:
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def row_of(self, opportunity_id: str) -> int | None:
        for row, card in enumerate(self._cards):
            if card.id == opportunity_id:
                return row
        return None

    # -- QAbstractListModel ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, NameRole):
            return card.name
        if role == IdRole:
            return card.id
        if role == AccountRole:
            return card.account_name
        if role == AmountTextRole:
            return self._amounts[index.row()]
        if role == CloseDateRole:
            return card.close_date
        if role == OwnerRole:
            return card.owner_name
        if role == NoNextStepRole:
            return not card.has_next_step
        if role == OverdueRole:
            return (self.open_stage and card.close_date is not None
                    and card.close_date < self._today)
        if role == VersionRole:
            return card.version
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(index.row())
        return None

    def _describe(self, row: int) -> str:
        card = self._cards[row]
        parts = [card.name, card.account_name, self._amounts[row],
                 card.close_date.isoformat() if card.close_date else "", card.owner_name]
        text = " · ".join(part for part in parts if part)
        if not card.has_next_step:
            text += " · " + self.tr("no next step")
        return text

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land on the column, not on a card
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren)

    # -- drag and drop --------------------------------------------------------------------

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CARD_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return encode_cards([self._cards[row] for row in rows if row < len(self._cards)])

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        cards = decode_cards(data)
        return bool(cards) and any(card.get("stage_id") != self.stage_id for card in cards)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        moved = False
        for card in decode_cards(data):
            if card.get("stage_id") != self.stage_id:
                self.card_dropped.emit(str(card["id"]), self.stage_id,
                                       int(card.get("version") or 0))
                moved = True
        # Rows are not inserted here: the board reloads both columns after the service
        # call, and the source model has no removeRows, so the view removes nothing.
        return moved
