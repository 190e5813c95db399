"""The editable line items of a quote: description, quantity, unit price, discount
("10%" or an amount), tax rate, and the line total computed by domain.quote_totals."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desk_crm.domain.errors import ValidationError
from desk_crm.domain.money import format_amount, format_money, parse_amount
from desk_crm.domain.quote_totals import line_total
from desk_crm.domain.quotes import QuoteLineDraft
from desk_crm.domain.text import to_halfwidth

DESCRIPTION, QUANTITY, UNIT_PRICE, DISCOUNT, TAX, TOTAL = range(6)
NUMERIC = (QUANTITY, UNIT_PRICE, DISCOUNT, TAX, TOTAL)
Index = QModelIndex | QPersistentModelIndex


def parse_discount(text: str) -> tuple[Decimal | None, Decimal]:
    """"10%" / "10 %" -> (10, 0); "50" -> (None, 50); "" -> (None, 0)."""
    raw = to_halfwidth(text or "").strip()
    if not raw:
        return None, Decimal(0)
    if raw.endswith("%"):
        return Decimal(raw[:-1].strip()), Decimal(0)
    return None, parse_amount(raw)


def parse_decimal(text: str) -> Decimal:
    return Decimal(to_halfwidth(text).replace("%", "").replace(",", "").strip())


class QuoteLinesModel(QAbstractTableModel):
    """Signals:
        lines_changed(): any line was edited, added, removed or moved.
    """

    lines_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[QuoteLineDraft] = []
        self.currency = "CNY"
        self.read_only = False
        self.headers = [self.tr("Description"), self.tr("Quantity"), self.tr("Unit price"),
                        self.tr("Discount"), self.tr("Tax %"), self.tr("Amount")]

    def lines(self) -> list[QuoteLineDraft]:
        return [replace(line) for line in self._lines]

    def set_lines(self, lines: list[QuoteLineDraft], currency: str) -> None:
        self.beginResetModel()
        self._lines = [replace(line) for line in lines]
        self.currency = currency
        self.endResetModel()

    def set_currency(self, currency: str) -> None:
        self.currency = currency
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, TOTAL))

    # -- Qt model -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only:
            # dragging a row reorders the lines (LinesTable.dropEvent does the move)
            base |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
            if index.column() != TOTAL:
                base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignRight if column in NUMERIC
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == DESCRIPTION:
            return line.description
        if column == QUANTITY:
            return f"{line.quantity.normalize():f}"
        if column == UNIT_PRICE:
            return self._amount(line.unit_price)
        if column == DISCOUNT:
            if line.discount_percent is not None:
                return f"{line.discount_percent.normalize():f}%"
            return self._amount(line.discount_amount) if line.discount_amount else ""
        if column == TAX:
            return f"{line.tax_rate.normalize():f}"
        try:
            total = line_total(line.amounts(), self.currency)
        except (ValidationError, InvalidOperation):
            return ""
        return format_money(total, self.currency)

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        line, column, text = self._lines[index.row()], index.column(), str(value)
        try:
            if column == DESCRIPTION:
                line.description = text
            elif column == QUANTITY:
                line.quantity = parse_decimal(text)
            elif column == UNIT_PRICE:
                line.unit_price = parse_amount(text)
            elif column == DISCOUNT:
                line.discount_percent, line.discount_amount = parse_discount(text)
            elif column == TAX:
                line.tax_rate = parse_decimal(text)
            else:
                return False
        except (ValidationError, InvalidOperation, ValueError):
            return False  # the cell keeps its old value; nothing half-parsed is stored
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), TOTAL))
        self.lines_changed.emit()
        return True

    def _amount(self, amount: Decimal) -> str:
        return format_amount(amount, self.currency)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction  # see LinesTable: the view reorders on drop

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    # -- editing --------------------------------------------------------------------------

    def add_line(self, line: QuoteLineDraft) -> int:
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(replace(line))
        self.endInsertRows()
        self.lines_changed.emit()
        return row

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self._lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._lines[row]
            self.endRemoveRows()
            self.lines_changed.emit()

    def move_line(self, row: int, delta: int) -> int:
        """Move *row* up (-1) or down (+1); returns its new row (unchanged at an end)."""
        return self.move_to(row, row + delta)

    def move_to(self, row: int, target: int) -> int:
        """Move *row* so it ends up at *target*; returns its new row."""
        delta = target - row
        if delta == 0 or not (0 <= row < len(self._lines) and 0 <= target < len(self._lines)):
            return row
        # beginMoveRows takes the destination *before* which the row lands.
        destination = target if delta < 0 else target + 1
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._lines.insert(target, self._lines.pop(row))
        self.endMoveRows()
        self.lines_changed.emit()
        return target

