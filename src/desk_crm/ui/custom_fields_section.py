"""The editor section generated from an entity's field declarations (the demographic
built-ins and the user's custom fields): one input per field in declaration order (which is
the Tab order), its problem shown right under it, values checked by the same
``normalize()`` the service saves with.

Signals:
    changed(): an input was edited.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QStringListModel, Qt, QTimeZone, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.entities import EntityDef
from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.fields import FieldDef, FieldType, normalize
from desk_crm.services.bundle import Services
from desk_crm.ui.field_text import chinese_ui, field_title
from desk_crm.ui.validation_text import messages_by_field

CURRENCIES = ("CNY", "USD", "EUR", "HKD", "JPY", "GBP")


def choice_text(field: FieldDef, key: str) -> str:
    from PySide6.QtCore import QCoreApplication

    if field.custom:
        return field.choice_title(key, chinese_ui())
    return QCoreApplication.translate("Fields", field.choice_title(key))


class LinkEdit(QLineEdit):
    """A record of another entity, picked by typing part of its name."""

    def __init__(self, services: Services, entity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.entity = entity
        self.record_id: str | None = None
        self._found: dict[str, str] = {}  # title -> id
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        completer.activated.connect(self._on_completer_activated)
        self.textEdited.connect(self._on_text_edited)

    def set_record(self, record_id: str | None) -> None:
        self.record_id = record_id
        self.setText(self.services.fields.record_title(self.entity, record_id)
                     if record_id else "")

    @Slot(str)
    def _on_text_edited(self, text: str) -> None:
        self.record_id = None
        # The full-text index with a limit: a few milliseconds, even at 1M records.
        found = self.services.fields.find_records(self.entity, text) if text.strip() else []
        self._found = {title: record_id for record_id, title in found}
        self._model.setStringList(list(self._found))
        exact = self._found.get(text.strip())
        if exact:
            self.record_id = exact

    @Slot(str)
    def _on_completer_activated(self, title: str) -> None:
        self.record_id = self._found.get(title)

    def value(self) -> str | None:
        """The linked id; text that names no record is kept as typed, so the check says
        "not a record" at the field instead of silently clearing it."""
        if self.record_id:
            return self.record_id
        return self.text().strip() or None


class CustomFieldsSection(QScrollArea):
    changed = Signal()

    def __init__(self, services: Services, definition: EntityDef,
                 parent: QWidget | None = None, *, checkable: bool = False) -> None:
        """*checkable*: each field's label is a check box that enables its input (bulk
        edit: only ticked fields change)."""
        super().__init__(parent)
        self.services = services
        self.definition = definition
        self.fields = definition.generated_fields
        self.setObjectName(f"{definition.key}CustomFields")
        self.setWidgetResizable(True)
        body = QWidget(self)
        outer = QVBoxLayout(body)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)  # rows keep their height; the space is left below them
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._saved: dict[str, Any] = {}
        self._loading = False
        self.checks: dict[str, QCheckBox] = {}
        for field in self.fields:
            widget = self._input(field, body)
            widget.setObjectName(f"field_{field.key}")
            title = field_title(field)
            widget.setAccessibleName(title)
            label: QWidget
            if checkable:
                check = QCheckBox(title, body)
                check.setObjectName(f"field_{field.key}_check")
                widget.setEnabled(False)
                check.toggled.connect(widget.setEnabled)
                self.checks[field.key] = check
                label = check
            else:
                label = QLabel(title + (" *" if field.required else "") + ":", body)
                label.setBuddy(widget)
            error = QLabel(body)
            error.setObjectName(f"field_{field.key}_error")
            error.setStyleSheet("color: #c62828;")
            error.setWordWrap(True)
            error.hide()
            column = QVBoxLayout()
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            self.form.addRow(label, column)
            self.inputs[field.key] = widget
            self.errors[field.key] = error
        previous: QWidget | None = None
        for key in self.inputs:  # Tab follows the declared order
            focus = self._focus_widget(key)
            if previous is not None:
                QWidget.setTabOrder(previous, focus)
            previous = self._last_focus_widget(key)
        self.setWidget(body)

    def _touch(self, *_args: Any) -> None:
        if not self._loading:
            self.changed.emit()

    # -- widgets ------------------------------------------------------------------------

    def _input(self, field: FieldDef, parent: QWidget) -> QWidget:
        kind = field.type
        if kind is FieldType.LONG_TEXT:
            edit = QPlainTextEdit(parent)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(70)
            edit.textChanged.connect(self._touch)
            return edit
        if kind is FieldType.CHECKBOX:
            box = QCheckBox(parent)
            box.toggled.connect(self._touch)
            return box
        if kind is FieldType.PICKLIST:
            combo = QComboBox(parent)
            combo.addItem("", None)
            for choice in field.choices:
                combo.addItem(choice_text(field, choice.key), choice.key)
            combo.currentIndexChanged.connect(self._touch)
            return combo
        if kind is FieldType.MULTI_PICKLIST:
            items = QListWidget(parent)
            for choice in field.choices:
                item = QListWidgetItem(choice_text(field, choice.key), items)
                item.setData(Qt.ItemDataRole.UserRole, choice.key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            items.setFixedHeight(min(24 * max(len(field.choices), 1) + 6, 130))
            items.itemChanged.connect(lambda _item: self._touch())
            return items
        if kind is FieldType.MONEY:
            money = QWidget(parent)
            row = QHBoxLayout(money)
            row.setContentsMargins(0, 0, 0, 0)
            amount = QLineEdit(money)
            amount.setObjectName(f"field_{field.key}_amount")
            amount.setAccessibleName(field_title(field))
            amount.setPlaceholderText("0.00")
            amount.setAlignment(Qt.AlignmentFlag.AlignRight)
            currency = QComboBox(money)
            currency.setObjectName(f"field_{field.key}_currency")
            currency.setAccessibleName(self.tr("Currency"))
            currency.setEditable(True)
            currency.addItems(CURRENCIES)
            row.addWidget(amount, 1)
            row.addWidget(currency)
            amount.textEdited.connect(lambda _t: self._touch())
            currency.currentTextChanged.connect(lambda _t: self._touch())
            money.setFocusProxy(amount)
            # A bare QWidget grows with the form; the row keeps a line edit's height.
            money.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            return money
        if kind is FieldType.LINK and field.link_entity:
            link = LinkEdit(self.services, field.link_entity, parent)
            link.setPlaceholderText(self.tr("Type a name to find the record"))
            link.textEdited.connect(lambda _t: self._touch())
            link.completer().activated.connect(lambda _t: self._touch())
            return link
        line = QLineEdit(parent)
        line.setPlaceholderText(self._placeholder(kind))
        if kind in (FieldType.INTEGER, FieldType.DECIMAL):
            line.setAlignment(Qt.AlignmentFlag.AlignRight)
        line.textEdited.connect(lambda _t: self._touch())
        return line

    def _placeholder(self, kind: FieldType) -> str:
        return {FieldType.DATE: self.tr("YYYY-MM-DD"),
                FieldType.DATETIME: self.tr("YYYY-MM-DD HH:MM (local time)"),
                FieldType.URL: "https://", FieldType.EMAIL: "name@example.com"}.get(kind, "")

    def _focus_widget(self, key: str) -> QWidget:
        widget = self.inputs[key]
        proxy = widget.focusProxy()
        return proxy if proxy is not None else widget

    def _last_focus_widget(self, key: str) -> QWidget:
        widget = self.inputs[key]
        if widget.focusProxy() is not None:  # money: amount, then currency
            return widget.findChild(QComboBox) or widget
        return widget

    # -- values -------------------------------------------------------------------------

    def load(self, record_id: str | None) -> None:
        values = self.services.fields.values(self.definition.key, record_id) \
            if record_id else {}
        self._loading = True
        try:
            for field in self.fields:
                self._set(field, values.get(field.key))
        finally:
            self._loading = False
        self._saved = {f.key: values.get(f.key) for f in self.fields}
        for field in self.fields:  # what "unchanged" means: the stored value, normalised
            self._saved[field.key] = self._clean(field, self._raw(field), quiet=True)

    def _set(self, field: FieldDef, value: Any) -> None:
        widget = self.inputs[field.key]
        kind = field.type
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(str(value or ""))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(value), 0))
        elif isinstance(widget, QListWidget):
            chosen = set(value or ())
            for row in range(widget.count()):
                item = widget.item(row)
                item.setCheckState(Qt.CheckState.Checked if item.data(
                    Qt.ItemDataRole.UserRole) in chosen else Qt.CheckState.Unchecked)
        elif isinstance(widget, LinkEdit):
            widget.set_record(value)
        elif kind is FieldType.MONEY:
            amount, currency = _money_parts(widget)
            money = value if isinstance(value, dict) else {}
            amount.setText(str(money.get("amount", "")))
            currency.setCurrentText(str(money.get("currency") or CURRENCIES[0]))
        elif isinstance(widget, QLineEdit):
            widget.setText(_local_datetime(value) if kind is FieldType.DATETIME and value
                           else "" if value is None else str(value))

    def _raw(self, field: FieldDef) -> Any:
        widget = self.inputs[field.key]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QListWidget):
            return [widget.item(row).data(Qt.ItemDataRole.UserRole)
                    for row in range(widget.count())
                    if widget.item(row).checkState() == Qt.CheckState.Checked]
        if isinstance(widget, LinkEdit):
            return widget.value()
        if field.type is FieldType.MONEY:
            amount_edit, currency = _money_parts(widget)
            amount = amount_edit.text().strip()
            if not amount:
                return None
            return {"amount": amount, "currency": currency.currentText()}
        assert isinstance(widget, QLineEdit)
        if field.type is FieldType.DATETIME and widget.text().strip():
            return _utc_from_local(widget.text())
        return widget.text()

    def _clean(self, field: FieldDef, raw: Any, quiet: bool = False) -> Any:
        if field.type is FieldType.CHECKBOX and raw is False and \
                self._saved.get(field.key) in (None, False):
            return self._saved.get(field.key)  # an untouched box is not a change to "No"
        try:
            return normalize(field, raw, self.services.default_region)
        except ValidationError:
            if quiet:
                return raw
            raise

    def raw_values(self) -> dict[str, Any]:
        return {f.key: self._raw(f) for f in self.fields}

    def problems(self) -> dict[str, str]:
        """Field key -> message for every input that would not save."""
        found: dict[str, str] = {}
        for field in self.fields:
            try:
                self._clean(field, self._raw(field))
            except ValidationError as error:
                found.update(messages_by_field(error))
        return found

    def checked_values(self) -> dict[str, Any]:
        """Raw values of the ticked fields (a checkable section)."""
        return {f.key: self._raw(f) for f in self.fields
                if f.key in self.checks and self.checks[f.key].isChecked()}

    def changed_values(self) -> dict[str, Any]:
        """What differs from the stored record (raw, the service normalises it again)."""
        changed: dict[str, Any] = {}
        for field in self.fields:
            raw = self._raw(field)
            if self._clean(field, raw, quiet=True) != self._saved.get(field.key):
                changed[field.key] = raw
        return changed

    def is_dirty(self) -> bool:
        return bool(self.changed_values())

    def show_errors(self, errors: dict[str, str], quiet: bool = False) -> None:
        for key, label in self.errors.items():
            message = "" if quiet else errors.get(key, "")
            label.setText(message)
            label.setVisible(bool(message))
            label.setAccessibleName(message)

    def show_save_problems(self, problems: ValidationErrors) -> bool:
        """Put the service's messages at the fields; True when any was ours."""
        mine = {k: v for k, v in messages_by_field(problems).items() if k in self.errors}
        self.show_errors(mine)
        return bool(mine)


def _money_parts(widget: QWidget) -> tuple[QLineEdit, QComboBox]:
    amount, currency = widget.findChild(QLineEdit), widget.findChild(QComboBox)
    assert amount is not None and currency is not None
    return amount, currency


def _local_datetime(value: str) -> str:
    moment = QDateTime.fromString(str(value).replace("Z", ""), Qt.DateFormat.ISODate)
    moment.setTimeZone(QTimeZone.utc())
    return moment.toLocalTime().toString("yyyy-MM-dd HH:mm")


def _utc_from_local(text: str) -> Any:
    """Typed local time -> an aware datetime (stored UTC); text that is no time stays text,
    so the check reports it at the field."""
    try:
        typed = datetime.fromisoformat(text.strip())
    except ValueError:
        return text
    return typed if typed.tzinfo else typed.astimezone()
