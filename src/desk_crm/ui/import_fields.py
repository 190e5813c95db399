"""The import wizard's side of declared fields: their titles in the mapping, and "Create
custom field…" for a column that maps onto nothing (the field is created at once, through
the same service as Settings → Custom fields, and the column maps onto it)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.fields import CHOICE_TYPES, FieldDef, FieldType
from desk_crm.domain.import_mapping import TargetField
from desk_crm.services.bundle import Services
from desk_crm.services.custom_fields import NewField
from desk_crm.ui.field_text import chinese_ui, type_title
from desk_crm.ui.validation_text import messages_by_field

NEW_FIELD = "__new_custom_field__"
_CJK = re.compile(r"[\u3400-\u9fff]")


def target_title(services: Services, entity: str, target: TargetField) -> str:
    """A mapping target's title: custom fields in the user's own words (Chinese title in a
    Chinese interface), the rest translated."""
    if target.key.startswith("cf_"):
        field = next((f for f in services.fields.definitions(entity)
                      if f"cf_{f.key}" == target.key), None)
        if field is not None:
            return (field.title_zh or field.title) if chinese_ui() else field.title
    return QCoreApplication.translate("Fields" if target.key in _BUILT_IN_DECLARED
                                      else "Import", target.title)


_BUILT_IN_DECLARED = {"street2", "birth_date", "gender", "income_band"}


def guess_type(sample: str) -> FieldType:
    """A first guess from the column's first value; the user can change it."""
    text = sample.strip()
    if re.fullmatch(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?", text):
        return FieldType.DATE
    if re.fullmatch(r"-?\d+", text):
        return FieldType.INTEGER
    if re.fullmatch(r"-?\d+[.,]\d+", text):
        return FieldType.DECIMAL
    if "@" in text and " " not in text:
        return FieldType.EMAIL
    if re.match(r"^(https?://|www\.)", text, re.IGNORECASE):
        return FieldType.URL
    return FieldType.TEXT


class NewFieldDialog(QDialog):
    def __init__(self, services: Services, entity: str, header: str, sample: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.entity = entity
        self.created: FieldDef | None = None
        self.setObjectName("newCustomFieldDialog")
        self.setWindowTitle(self.tr("Create custom field"))
        form = QFormLayout(self)
        chinese = bool(_CJK.search(header))
        self.title_edit = QLineEdit("" if chinese else header, self)
        self.title_edit.setAccessibleName(self.tr("Title in English"))
        self.title_zh_edit = QLineEdit(header if chinese else "", self)
        self.title_zh_edit.setAccessibleName(self.tr("Title in Chinese"))
        self.type_combo = QComboBox(self)
        self.type_combo.setAccessibleName(self.tr("Field type"))
        # Choices and links need more than a column header: Settings → Custom fields.
        for kind in FieldType:
            if kind not in CHOICE_TYPES and kind is not FieldType.LINK:
                self.type_combo.addItem(type_title(kind), kind.value)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(
            guess_type(sample).value)))
        form.addRow(self.tr("&Title (English):"), self.title_edit)
        form.addRow(self.tr("Title (&Chinese):"), self.title_zh_edit)
        form.addRow(self.tr("T&ype:"), self.type_combo)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.create_field)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def create_field(self) -> None:
        title = self.title_edit.text().strip() or self.title_zh_edit.text().strip()
        try:
            self.created = self.services.fields.create(NewField(
                self.entity, title, FieldType(self.type_combo.currentData()),
                title_zh=self.title_zh_edit.text()))
        except (ValidationErrors, ValidationError) as problems:
            self.error.setText("\n".join(messages_by_field(problems).values()))
            return
        self.accept()


def create_field_for_column(parent: QWidget, services: Services, entity: str, header: str,
                            sample: str) -> FieldDef | None:
    dialog = NewFieldDialog(services, entity, header, sample, parent)
    dialog.exec()
    return dialog.created
