"""Edits several emails or phones: a row each with value, label and a "primary" choice."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.contact_points import ContactPoint

INVALID_STYLE = "QLineEdit { border: 1px solid #c62828; background: #ffebee; }"


class _PointRow(QWidget):
    def __init__(self, kind: str, number: int, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.value = QLineEdit(self)
        self.label = QComboBox(self)
        self.label.setEditable(True)
        # Labels are stored as these English keys whatever the UI language, so data typed
        # in a Chinese UI reads the same in an English one; other text is kept as typed.
        names = {"work": self.tr("work"), "mobile": self.tr("mobile"),
                 "home": self.tr("home"), "fax": self.tr("fax"), "other": self.tr("other")}
        keys = ("work", "home", "other") if kind == "email" else (
            "mobile", "work", "home", "fax", "other")
        for key in keys:
            self.label.addItem(names[key], key)
        self.label.setCurrentText("")
        self.label.setMaximumWidth(110)
        self.primary = QRadioButton(self.tr("Primary"), self)
        self.remove = QToolButton(self)
        self.remove.setText("✕")
        self.remove.setToolTip(self.tr("Remove"))
        for widget in (self.value, self.label, self.primary, self.remove):
            layout.addWidget(widget)
        layout.setStretch(0, 1)
        self.renumber(kind, number)

    def label_key(self) -> str:
        text = self.label.currentText().strip()
        position = self.label.findText(text)
        return str(self.label.itemData(position)) if position >= 0 else text

    def set_label_key(self, key: str) -> None:
        position = self.label.findData(key)
        self.label.setCurrentText(self.label.itemText(position) if position >= 0 else key)

    def renumber(self, kind: str, number: int) -> None:
        noun = self.tr("Email") if kind == "email" else self.tr("Phone")
        self.value.setAccessibleName(f"{noun} {number}")
        self.label.setAccessibleName(self.tr("%1 %2 label").replace("%1", noun)
                                     .replace("%2", str(number)))
        self.primary.setAccessibleName(self.tr("%1 %2 is primary").replace("%1", noun)
                                       .replace("%2", str(number)))
        self.remove.setAccessibleName(self.tr("Remove %1 %2").replace("%1", noun)
                                      .replace("%2", str(number)))


class PointListEditor(QWidget):
    """Signals:
        edited(): any value, label or primary choice changed.
    """

    edited = Signal()

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind
        self._rows: list[_PointRow] = []
        self._primary_group = QButtonGroup(self)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._add = QPushButton(self.tr("Add email") if kind == "email"
                                else self.tr("Add phone"), self)
        self._add.setAccessibleName(self._add.text())
        self._add.clicked.connect(self._on_add_clicked)
        self._layout.addWidget(self._add)

    def points(self) -> tuple[ContactPoint, ...]:
        return tuple(ContactPoint(row.value.text(), row.label_key(),
                                  row.primary.isChecked()) for row in self._rows)

    def set_points(self, points: tuple[ContactPoint, ...]) -> None:
        for row in list(self._rows):
            self._remove_row(row, emit=False)
        for point in points or (ContactPoint(""),):
            row = self._append_row()
            row.value.setText(point.value)
            row.set_label_key(point.label)
            row.primary.setChecked(point.primary)
        if self._rows and not any(r.primary.isChecked() for r in self._rows):
            self._rows[0].primary.setChecked(True)

    def value_edit(self, position: int) -> QLineEdit:
        return self._rows[position].value

    def row_count(self) -> int:
        return len(self._rows)

    def mark_invalid(self, positions: set[int]) -> None:
        for position, row in enumerate(self._rows):
            row.value.setStyleSheet(INVALID_STYLE if position in positions else "")

    def _append_row(self) -> _PointRow:
        row = _PointRow(self._kind, len(self._rows) + 1, self)
        self._rows.append(row)
        self._primary_group.addButton(row.primary)
        self._layout.insertWidget(len(self._rows) - 1, row)
        row.value.textEdited.connect(self.edited)
        row.label.currentTextChanged.connect(self.edited)
        row.primary.toggled.connect(self.edited)
        row.remove.clicked.connect(lambda: self._remove_row(row))
        self._fix_tab_order()
        return row

    def _remove_row(self, row: _PointRow, emit: bool = True) -> None:
        was_primary = row.primary.isChecked()
        self._rows.remove(row)
        self._primary_group.removeButton(row.primary)
        row.setParent(None)
        row.deleteLater()
        for number, remaining in enumerate(self._rows, start=1):
            remaining.renumber(self._kind, number)
        if was_primary and self._rows:
            self._rows[0].primary.setChecked(True)
        self._fix_tab_order()
        if emit:
            self.edited.emit()

    def _fix_tab_order(self) -> None:
        # The form label's mnemonic (Alt+M for E&mails) focuses the first value.
        self.setFocusProxy(self._rows[0].value if self._rows else self._add)
        previous: QWidget | None = None
        for row in self._rows:
            for widget in (row.value, row.label, row.primary, row.remove):
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
        if previous is not None:
            QWidget.setTabOrder(previous, self._add)

    @Slot()
    def _on_add_clicked(self) -> None:
        row = self._append_row()
        if len(self._rows) == 1:
            row.primary.setChecked(True)
        row.value.setFocus()
        self.edited.emit()
