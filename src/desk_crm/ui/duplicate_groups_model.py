"""Every group of duplicates of a scan as a table: probability, the records' names, how
many records. Rows are handed to the view a page at a time (``fetchMore``) and the names
of a page are read in one query when the page is first shown, so ten thousand groups cost
nothing until scrolled to. Sorting re-orders the in-memory list of groups."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desk_crm.services.duplicates import ContactGroup

PAGE = 200
SortKeyRole = Qt.ItemDataRole.UserRole + 1
GroupRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class GroupRow:
    entity: str  # "contact" / "account"
    members: tuple[str, ...]
    probability: float  # 0..1
    group: ContactGroup | None = None  # contacts: the scan's group, for explanations
    reason: str = ""  # accounts: what matched ("email", "name", …) and the value
    value: str = ""


class DuplicateGroupsModel(QAbstractTableModel):
    COLUMNS = ("probability", "records", "size")

    def __init__(self, names: Callable[[str, list[str]], list[str]],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._names = names
        self._rows: list[GroupRow] = []
        self._loaded = 0
        self._shown: dict[tuple[str, ...], str] = {}

    # -- content ---------------------------------------------------------------------------

    def set_groups(self, rows: list[GroupRow]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: -r.probability)
        self._loaded = min(PAGE, len(self._rows))
        self.endResetModel()

    def total(self) -> int:
        """How many groups there are (rows not yet fetched included)."""
        return len(self._rows)

    def row(self, row: int) -> GroupRow:
        return self._rows[row]

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._loaded < len(self._rows)

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        end = min(self._loaded + PAGE, len(self._rows))
        self.beginInsertRows(QModelIndex(), self._loaded, end - 1)
        self._loaded = end
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        titles = (self.tr("Match"), self.tr("Records"), self.tr("Count"))
        return titles[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._loaded:
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == GroupRole:
            return row
        if role == SortKeyRole:
            return {"probability": row.probability, "records": index.row(),
                    "size": len(row.members)}[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "records":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == "probability":
            return self.tr("%1 %").replace("%1", _percent(row.probability))
        if column == "size":
            return str(len(row.members))
        return self._names_of(index.row())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS) or self.COLUMNS[column] == "records":
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self.COLUMNS[column] == "probability":
            def key(r: GroupRow) -> tuple[float, int]:
                return (r.probability, len(r.members))
        else:
            def key(r: GroupRow) -> tuple[float, int]:
                return (len(r.members), round(r.probability * 1e6))
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=key, reverse=descending)
        self.layoutChanged.emit()

    # -- names, a page at a time --------------------------------------------------------------

    def _names_of(self, row: int) -> str:
        members = self._rows[row].members
        if members not in self._shown:
            start = row - row % PAGE
            page = [r for r in self._rows[start:start + PAGE] if r.members not in self._shown]
            ids = list(dict.fromkeys(i for r in page for i in r.members))
            entity = self._rows[row].entity
            names = dict(zip(ids, self._names(entity, ids), strict=True))
            for r in page:
                self._shown[r.members] = ", ".join(names.get(i, "") or "—" for i in r.members)
        return self._shown[members]


def _percent(probability: float) -> str:
    # 99.96 % shown as 99.9, never as a 100 that would read as certainty it is not.
    if probability >= 1:
        return "100"  # accounts sharing an e-mail, phone or web domain
    value = min(probability * 100, 99.9)
    return f"{value:.1f}" if value >= 99 else f"{value:.0f}"
