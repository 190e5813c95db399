"""A forecast table: one row per month (or owner) plus a total row, one column per figure."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from desk_crm.domain.forecast import Figures
from desk_crm.domain.money import format_money

Index = QModelIndex | QPersistentModelIndex
ValueRole = Qt.ItemDataRole.UserRole + 1  # the exact Decimal (or count) behind a cell
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


translate = QCoreApplication.translate


# (title, value of a Figures row, is money)
FIGURE_COLUMNS: list[tuple[Callable[[], str], Callable[[Figures], Any], bool]] = [
    (lambda: translate("Forecast", "Commit"), lambda f: f.commit, True),
    (lambda: translate("Forecast", "Best case"), lambda f: f.best_case, True),
    (lambda: translate("Forecast", "Weighted"), lambda f: f.weighted, True),
    (lambda: translate("Forecast", "Pipeline"), lambda f: f.pipeline, True),
    (lambda: translate("Forecast", "Won"), lambda f: f.won, True),
    (lambda: translate("Forecast", "Open"), lambda f: f.open_count, False),
]


class ForecastTableModel(QAbstractTableModel):
    def __init__(self, first_title: Callable[[], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._first_title = first_title
        self._rows: list[tuple[str, Figures]] = []
        self._cells: list[list[str]] = []
        self._currency = ""

    def set_rows(self, rows: Sequence[tuple[str, Figures]], total: Figures, currency: str) -> None:
        self.beginResetModel()
        self._currency = currency
        self._rows = [*rows, (translate("Forecast", "Total"), total)] if rows else []
        # Formatted once here: data() is called far more often than the report changes.
        self._cells = [
            [label]
            + [self._format(value(figures), money) for _title, value, money in FIGURE_COLUMNS]
            for label, figures in self._rows
        ]
        self.endResetModel()

    def _format(self, value: Any, money: bool) -> str:
        if money:
            return format_money(value, self._currency) if self._currency else ""
        return f"{value:,}"

    def figures(self, row: int) -> Figures:
        return self._rows[row][1]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIGURE_COLUMNS) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cells[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(LEFT if column == 0 else RIGHT)
        if role == Qt.ItemDataRole.FontRole and row == len(self._rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == ValueRole:
            label, figures = self._rows[row]
            if column == 0:
                return label
            value: Decimal | int = FIGURE_COLUMNS[column - 1][1](figures)
            return value
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._first_title() if section == 0 else FIGURE_COLUMNS[section - 1][0]()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(LEFT if section == 0 else RIGHT)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
