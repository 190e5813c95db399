"""Declared fields (demographic built-ins, the user's custom fields) in a list: optional
columns (hidden until chosen in Columns…), sorted and filtered in SQL by the list source
``store.field_columns`` builds, and a field filter in the list's top bar.

Signals (FieldFilter):
    filter_changed(): the chosen field or value changed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desk_crm.domain.entities import EntityDef
from desk_crm.domain.errors import ValidationError
from desk_crm.domain.fields import FieldDef, FieldType, normalize
from desk_crm.services.bundle import Services
from desk_crm.store.field_columns import column_key
from desk_crm.ui.columns import LEFT, RIGHT, ColumnDef
from desk_crm.ui.custom_fields_section import choice_text
from desk_crm.ui.field_text import field_title, value_text

_NUMBERS = (FieldType.INTEGER, FieldType.DECIMAL, FieldType.MONEY)


def field_columns(services: Services, definition: EntityDef,
                  existing: set[str]) -> tuple[tuple[FieldDef, ...], tuple[ColumnDef, ...]]:
    """The live declared fields of *definition* and one ColumnDef for each not already a
    column of the list (*existing* keys)."""
    fields = tuple(f for f in definition.live_fields if column_key(f) not in existing)
    return fields, tuple(_column(services, f) for f in fields)


def _column(services: Services, field: FieldDef) -> ColumnDef:
    formatter: Callable[[Any], str] = (
        _LinkTitles(services, field.link_entity)
        if field.type is FieldType.LINK and field.link_entity else _Values(field))
    return ColumnDef(column_key(field), field_title(field), formatter,
                     RIGHT if field.type in _NUMBERS else LEFT, width=130,
                     sortable=field.sortable)


class _Values:
    """A stored value as text (choice titles in the interface language)."""

    def __init__(self, field: FieldDef) -> None:
        self.field = field

    def __call__(self, value: Any) -> str:
        return value_text(self.field, value)


class _LinkTitles:
    """A link's record name; a page paints ~30 rows: one primary-key read per name."""

    def __init__(self, services: Services, entity: str) -> None:
        self.title = lru_cache(maxsize=512)(
            lambda record_id: services.fields.record_title(entity, record_id))

    def __call__(self, value: Any) -> str:
        return str(self.title(str(value))) if value else ""


class FieldFilter(QWidget):
    filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None,
                 default_region: str = "CN") -> None:
        super().__init__(parent)
        self.setObjectName("fieldFilter")
        self._region = default_region
        self._fields: tuple[FieldDef, ...] = ()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.field_combo = QComboBox(self)
        self.field_combo.setObjectName("fieldFilterField")
        self.field_combo.setAccessibleName(self.tr("Filter by field"))
        label = QLabel(self.tr("F&ield:"), self)
        label.setBuddy(self.field_combo)
        self.value = QComboBox(self)
        self.value.setObjectName("fieldFilterValue")
        self.value.setAccessibleName(self.tr("Field value"))
        self.value.setMinimumWidth(120)
        row.addWidget(label)
        row.addWidget(self.field_combo)
        row.addWidget(self.value)
        self.field_combo.currentIndexChanged.connect(self._on_field_combo_current_index_changed)
        self.value.activated.connect(lambda _i: self.filter_changed.emit())
        self._editor: QLineEdit | None = None

    def set_fields(self, fields: tuple[FieldDef, ...]) -> None:
        chosen = self.field_combo.currentData()
        # Long text is searched, not compared; a link would need its record's id typed.
        self._fields = tuple(f for f in fields
                             if f.type not in (FieldType.LONG_TEXT, FieldType.LINK))
        self.field_combo.blockSignals(True)
        self.field_combo.clear()
        self.field_combo.addItem(self.tr("Any field"), None)
        for field in self._fields:
            self.field_combo.addItem(field_title(field), column_key(field))
        self.field_combo.setCurrentIndex(max(self.field_combo.findData(chosen), 0))
        self.field_combo.blockSignals(False)
        self._fill_values()
        self.setVisible(bool(self._fields))

    def field(self) -> FieldDef | None:
        key = self.field_combo.currentData()
        return next((f for f in self._fields if column_key(f) == key), None)

    @Slot(int)
    def _on_field_combo_current_index_changed(self, _index: int) -> None:
        self._fill_values()
        self.filter_changed.emit()

    def _fill_values(self) -> None:
        field = self.field()
        self.value.blockSignals(True)
        self.value.clear()
        self.value.setEditable(False)
        if field is None:
            self.value.setEnabled(False)
        elif field.type in (FieldType.PICKLIST, FieldType.MULTI_PICKLIST):
            self.value.setEnabled(True)
            self.value.addItem(self.tr("Any value"), None)
            for choice in field.choices:
                self.value.addItem(choice_text(field, choice.key), choice.key)
        elif field.type is FieldType.CHECKBOX:
            self.value.setEnabled(True)
            self.value.addItem(self.tr("Any value"), None)
            self.value.addItem(self.tr("Yes"), "1")
            self.value.addItem(self.tr("No"), "0")
        else:
            self.value.setEnabled(True)
            self.value.setEditable(True)
            line = self.value.lineEdit()
            assert line is not None
            line.setPlaceholderText(self.tr("Equals…"))
            if self._editor is not line:
                self._editor = line
                line.returnPressed.connect(self.filter_changed)
        self.value.blockSignals(False)

    def filters(self) -> tuple[tuple[str, str], ...]:
        """The (column key, stored value) equality filter, or none (also while the typed
        value is not a valid value of the field)."""
        field = self.field()
        if field is None:
            return ()
        if not self.value.isEditable():
            data = self.value.currentData()
            return ((column_key(field), str(data)),) if data is not None else ()
        typed = self.value.currentText().strip()
        if not typed:
            return ()
        try:
            stored = normalize(field, typed, self._region)
        except ValidationError:
            return ()
        if isinstance(stored, dict):  # money: its amount
            stored = stored.get("amount")
        return ((column_key(field), str(stored)),)

    def set_filters(self, filters: tuple[tuple[str, str], ...]) -> None:
        """Show a saved view's field filter."""
        mine = [(k, v) for k, v in filters if any(column_key(f) == k for f in self._fields)]
        self.field_combo.blockSignals(True)
        self.value.blockSignals(True)
        if not mine:
            self.field_combo.setCurrentIndex(0)
            self.field_combo.blockSignals(False)
            self.value.blockSignals(False)
            self._fill_values()
            return
        key, value = mine[0]
        self.field_combo.setCurrentIndex(max(self.field_combo.findData(key), 0))
        self.field_combo.blockSignals(False)
        self.value.blockSignals(False)
        self._fill_values()
        if self.value.isEditable():
            self.value.setEditText(value)
        else:
            self.value.setCurrentIndex(max(self.value.findData(value), 0))


def without_field_filters(filters: tuple[tuple[str, str], ...],
                          fields: tuple[FieldDef, ...]) -> tuple[tuple[str, str], ...]:
    keys = {column_key(f) for f in fields}
    return tuple((k, v) for k, v in filters if k not in keys)

