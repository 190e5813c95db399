"""Bulk edit of the selected rows: owner, tags, city/region/country, lead status, and the
entity's declared fields (custom fields, demographics)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.entities import ENTITIES
from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.leads import EDITABLE_STATUSES
from desk_crm.domain.tags import normalize_tags
from desk_crm.services.bulk import BulkChanges
from desk_crm.services.bundle import Services
from desk_crm.ui.custom_fields_section import CustomFieldsSection
from desk_crm.ui.sales_columns import status_titles
from desk_crm.ui.validation_text import message


class BulkEditDialog(QDialog):
    def __init__(self, services: Services, entity: str, record_ids: list[str],
                 parent: QWidget | None = None, matching: int | None = None) -> None:
        """*matching*: how many rows the whole (filtered) list has, when the user may
        choose them all; the caller then runs the edit in the background (all_rows)."""
        super().__init__(parent)
        self._services = services
        self._entity = entity
        self._ids = record_ids
        self.batch_id: str | None = None
        self.all_rows = False  # accepted with "All N matching rows": the caller applies
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(self.tr("Edit %1 records").replace("%1", str(len(record_ids))))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick what to change in all %1 selected records.")
                                .replace("%1", str(len(record_ids))), self))
        self.scope_selected = QRadioButton(
            self.tr("&Selected rows (%1)").replace("%1", str(len(record_ids))), self)
        self.scope_all = QRadioButton(
            self.tr("A&ll %1 matching rows").replace("%1", str(matching or 0)), self)
        self.scope_selected.setChecked(True)
        if matching is not None:
            layout.addWidget(self.scope_selected)
            layout.addWidget(self.scope_all)
            self.scope_all.setChecked(not record_ids)
        else:
            self.scope_selected.hide()
            self.scope_all.hide()
        form = QFormLayout()
        self.checks: dict[str, QCheckBox] = {}
        self.owner = QComboBox(self)
        self.owner.addItem(self.tr("(nobody)"), "")
        for user in services.users.list_active():
            self.owner.addItem(user.name, user.id)
        self._row(form, "owner", self.tr("&Owner"), self.owner)
        # Widgets an entity does not offer are never created: a child widget outside the
        # layout used to sit over the dialog's top-left corner (leads' tag edits, the
        # status combo of contacts and accounts).
        self.add_tags: QLineEdit | None = None
        self.remove_tags: QLineEdit | None = None
        if entity != "lead":
            self.add_tags, self.remove_tags = QLineEdit(self), QLineEdit(self)
            self._row(form, "add_tags", self.tr("&Add tags"), self.add_tags)
            self._row(form, "remove_tags", self.tr("&Remove tags"), self.remove_tags)
        self.city, self.region, self.country = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self._row(form, "city", self.tr("&City"), self.city)
        self._row(form, "region", self.tr("Province / &state"), self.region)
        self._row(form, "country", self.tr("Cou&ntry"), self.country)
        self.status: QComboBox | None = None
        if entity == "lead":
            self.status = QComboBox(self)
            titles = status_titles()
            for status in EDITABLE_STATUSES:
                self.status.addItem(titles.get(status, status), status)
            self._row(form, "status", self.tr("S&tatus"), self.status)
        layout.addLayout(form)
        self.fields: CustomFieldsSection | None = None
        if entity in ENTITIES:
            definition = services.fields.entity(entity)
            if definition.generated_fields:
                self.fields = CustomFieldsSection(services, definition, self, checkable=True)
                self.fields.setObjectName("bulkEditFields")
                self.fields.setMinimumHeight(min(40 * len(definition.generated_fields), 260))
                layout.addWidget(self.fields, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _row(self, form: QFormLayout, key: str, title: str, editor: QWidget) -> None:
        check = QCheckBox(title, self)
        editor.setEnabled(False)
        editor.setAccessibleName(check.text().replace("&", ""))
        check.toggled.connect(editor.setEnabled)
        editor.setParent(self)
        self.checks[key] = check
        form.addRow(check, editor)

    def changes(self) -> BulkChanges:
        """What to change; ValidationErrors (shown at the field) for a bad field value."""
        on = {key for key, check in self.checks.items() if check.isChecked()}
        fields: dict[str, object] = {}
        if self.fields is not None:
            try:
                fields = self._services.fields.clean_values(self.fields.definition,
                                                            self.fields.checked_values())
            except ValidationErrors as problems:
                self.fields.show_save_problems(problems)
                raise
            self.fields.show_errors({})
        return BulkChanges(
            owner_id=self.owner.currentData() if "owner" in on else None,
            add_tags=normalize_tags(self.add_tags.text())
            if "add_tags" in on and self.add_tags else (),
            remove_tags=normalize_tags(self.remove_tags.text())
            if "remove_tags" in on and self.remove_tags else (),
            fields=tuple(fields.items()),
            city=self.city.text() if "city" in on else None,
            region=self.region.text() if "region" in on else None,
            country=self.country.text() if "country" in on else None,
            status=self.status.currentData() if "status" in on and self.status else None)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        try:
            changes = self.changes()
            self._services.bulk.check(changes)
            self._services.backups.backup_before("bulk-edit")  # undo exists, a copy too
            if self.scope_all.isChecked():
                self.all_rows = True
                self.accept()
                return
            self.batch_id = self._services.bulk.apply(self._entity, self._ids, changes)
        except ValidationErrors as problems:
            QMessageBox.warning(self, self.windowTitle(),
                                "\n".join(message(e) for e in problems.errors))
            return
        self.accept()
