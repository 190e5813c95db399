"""What every record editor does: live validation at the field, Save enabled only when the
input is valid and changed, a question before unsaved changes are thrown away, a warning
instead of a silent overwrite when the record changed elsewhere, and the change history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.services.bundle import Services
from desk_crm.services.errors import RecordNotFound, StaleRecord
from desk_crm.services.records import HistoryEntry
from desk_crm.ui.columns import local_time
from desk_crm.ui.validation_text import messages_by_field


def describe_value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, dict) and "value" in item:
                text = item["value"] + (f" ({item['label']})" if item.get("label") else "")
                parts.append(text + (" ★" if item.get("primary") else ""))
            else:
                parts.append(str(item))
        return ", ".join(parts)
    return str(value)


class RecordEditor(QDialog):
    """Signals:
        record_saved(str): id of the record just saved.
    """

    record_saved = Signal(str)
    entity = ""

    def __init__(self, services: Services, record_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.record_id = record_id
        self.version: int | None = None
        self._saved_draft: Any = None
        self._valid = False
        self._loading = False
        self._close_confirmed = False
        self._touched = False
        self.custom_section: Any = None  # the generated "Custom fields" tab, if any
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    # -- subclasses provide ---------------------------------------------------------------

    def read_draft(self) -> Any:
        raise NotImplementedError

    def show_draft(self, draft: Any) -> None:
        raise NotImplementedError

    def validate_draft(self, draft: Any) -> Any:
        raise NotImplementedError

    def error_labels(self) -> dict[str, QLabel]:
        """Field name (as the domain reports it, before any "[n]") -> the label under it."""
        raise NotImplementedError

    def mark_point_rows(self, errors: dict[str, str]) -> None:
        """Highlight the rows of multi-value fields named in *errors* ("emails[1]")."""

    # -- shared behaviour -----------------------------------------------------------------

    def install_custom_fields(self, tabs: QTabWidget, before: QWidget | None = None) -> None:
        """Add the generated section of the entity's declared fields (demographic
        built-ins, the user's custom fields) as a tab before *before* (History); none when
        the entity has no such field. Its values save with the record, in one mutation."""
        from desk_crm.domain.entities import ENTITIES
        from desk_crm.ui.custom_fields_section import CustomFieldsSection

        if self.entity not in ENTITIES:
            return
        definition = self.services.fields.entity(self.entity)
        if not definition.generated_fields:
            return
        section = CustomFieldsSection(self.services, definition, tabs)
        index = tabs.indexOf(before) if before is not None else -1
        tabs.insertTab(index if index >= 0 else tabs.count(), section,
                       self.tr("Custom &fields"))
        self.custom_section = section
        section.load(self.record_id)
        section.changed.connect(self.refresh_state)
        self.refresh_state()

    def has_changes(self) -> bool:
        """The form's own draft or the generated section differs from what is saved."""
        section = self.custom_section
        return self.is_dirty() or (section is not None and section.is_dirty())

    def custom_field_title(self, field: str) -> str:
        """The title of a declared field named in the history ("custom.<key>" or a
        built-in column such as birth_date), "" for any other."""
        definition = self._history_definition()
        key = field.removeprefix("custom.")
        if definition is None:
            return ""
        for candidate in definition.fields:
            if candidate.key == key and (candidate.custom == field.startswith("custom.")):
                from desk_crm.ui.field_text import field_title

                return field_title(candidate)
        return ""

    def _history_definition(self) -> Any:
        from desk_crm.domain.entities import ENTITIES

        if self.entity not in ENTITIES:
            return None
        if getattr(self, "_definition_cache", None) is None:
            self._definition_cache = self.services.fields.entity(self.entity,
                                                                  include_archived=True)
        return self._definition_cache

    def describe_custom(self, field: str, value: Any) -> str | None:
        definition = self._history_definition()
        key = field.removeprefix("custom.")
        if definition is None or not any(f.key == key for f in definition.fields):
            return None
        from desk_crm.domain.fields import FieldType
        from desk_crm.ui.field_text import value_text

        declared = definition.field(key)
        if value in (None, "", []):
            return "—"
        if declared.type is FieldType.LINK and declared.link_entity:
            return self.services.fields.record_title(declared.link_entity, str(value)) \
                or self.tr("(removed)")
        return value_text(declared, value)

    def init_common(self, buttons: QDialogButtonBox, history: QTreeWidget,
                    timestamps: QLabel, banner: QLabel) -> None:
        self._buttons = buttons
        self._history = history
        self._timestamps = timestamps
        self._banner = banner
        self.save_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._on_buttons_accepted)
        history.setColumnWidth(0, 200)
        history.setColumnWidth(1, 200)

    def load_record(self, record: Any | None, draft: Any) -> None:
        self._loading = True
        try:
            self.show_draft(draft)
        finally:
            self._loading = False
        if record is not None:
            self.version = record.version
            self._timestamps.setText(
                self.tr("Created %1 · Updated %2 · Version %3")
                .replace("%1", local_time(record.created_at))
                .replace("%2", local_time(record.updated_at))
                .replace("%3", str(record.version)))
            self.show_history(self.services.history.for_record(self.entity, record.id))
        self._saved_draft = self.read_draft()
        self.refresh_state()

    def show_history(self, entries: list[HistoryEntry]) -> None:
        names = {"insert": self.tr("created"), "update": self.tr("changed"),
                 "delete": self.tr("deleted"), "restore": self.tr("restored")}
        self._history.clear()
        for entry in entries:
            operation = names.get(entry.operation, entry.operation)
            if entry.merged_from:
                operation = self.tr("%1 (merged record)").replace("%1", operation)
            top = QTreeWidgetItem([local_time(entry.at), entry.actor, operation])
            for change in entry.changes:
                declared = self.describe_custom(change.field, change.old) is not None
                title = (self.custom_field_title(change.field) if declared else "") \
                    or self.field_title(change.field)
                if declared:
                    old = self.describe_custom(change.field, change.old) or "—"
                    new = self.describe_custom(change.field, change.new) or "—"
                else:
                    old = self.describe(change.field, change.old)
                    new = self.describe(change.field, change.new)
                QTreeWidgetItem(top, [title, old, new])
            self._history.addTopLevelItem(top)
        self._history.expandAll()

    def field_title(self, field: str) -> str:
        return field.replace("_", " ")

    def describe(self, field: str, value: Any) -> str:
        """A history value as the user knows it: links by name, not by id."""
        if isinstance(value, str) and value:
            try:
                if field == "owner_id":
                    names = {u.id: u.name for u in self.services.users.list_active()}
                    return names.get(value, value)
                if field == "account_id":
                    return self.services.accounts.name_of(value)
            except RecordNotFound:
                return self.tr("(removed)")
        return describe_value(value)

    def is_dirty(self) -> bool:
        return self.read_draft() != self._saved_draft

    @Slot()
    def refresh_state(self) -> None:
        """Validate what is typed now and show every problem next to its field."""
        if self._loading:
            return
        errors: dict[str, str] = {}
        try:
            self.validate_draft(self.read_draft())
        except (ValidationErrors, ValidationError) as problems:
            errors = messages_by_field(problems)
        errors.update(self.extra_errors())
        by_base: dict[str, str] = {}
        for field, message in errors.items():
            by_base.setdefault(field.split("[")[0], message)
        # Several fields may share one label (family and given name): the first message wins,
        # a field without a problem must not blank out its neighbour's message.
        per_label: dict[QLabel, str] = {}
        for field, label in self.error_labels().items():
            per_label[label] = per_label.get(label) or by_base.get(field, "")
        # A new, untouched form is not wrong yet: Save stays disabled, but no red text.
        section = self.custom_section
        if section is not None:
            errors.update({f"custom.{key}": message
                           for key, message in section.problems().items()})
        self._touched = self._touched or self.has_changes()
        quiet = self.record_id is None and not self._touched
        for label, message in per_label.items():
            message = "" if quiet else message
            label.setText(message)
            label.setVisible(bool(message))
            label.setAccessibleName(message)
        if section is not None:
            section.show_errors({field.removeprefix("custom."): message
                                 for field, message in errors.items()
                                 if field.startswith("custom.")}, quiet)
        self.mark_point_rows(errors)
        self._valid = not errors
        self.save_button.setEnabled(self._valid and (self.record_id is None
                                                     or self.has_changes()))
        title = self.window_title()
        self.setWindowTitle(title + (" *" if self.has_changes() else ""))

    def extra_errors(self) -> dict[str, str]:
        """Problems only the widgets know about (text that names no account)."""
        return {}

    def window_title(self) -> str:
        return self.tr("Record")

    def show_banner(self, text: str) -> None:
        self._banner.setText(text)
        self._banner.setVisible(bool(text))

    @Slot()
    def _on_buttons_accepted(self) -> None:
        if not self.save_button.isEnabled():
            return
        if self.save():
            self.accept()

    def save(self, overwrite: bool = False) -> bool:
        # Problems only the form knows (an account typed but not picked) stop every way
        # of saving, not just the Save button, and say why.
        form_problems = self.extra_errors()
        if form_problems:
            self.show_banner("\n".join(form_problems.values()))
            return False
        draft = self.read_draft()
        section = self.custom_section
        values = section.changed_values() if section is not None else {}
        try:
            if values:
                record = self.services.fields.save_with(
                    self.entity, lambda: self.save_draft_checked(draft, overwrite), values)
            else:
                record = self.save_draft_checked(draft, overwrite)
        except ValidationErrors as problems:
            if section is not None:
                section.show_save_problems(problems)
            self.show_banner("\n".join(messages_by_field(problems).values()))
            return False
        except StaleRecord:
            return self._ask_about_stale_record()
        except RecordNotFound:
            QMessageBox.warning(self, self.window_title(),
                                self.tr("This record was deleted while you edited it. "
                                        "Undo the delete first, then save again."))
            return False
        self.record_id = record.id
        self.version = record.version
        if section is not None:
            if values:  # the values' write bumped the version once more
                self.version = self.services.fields.version_of(self.entity, record.id)
            section.load(record.id)
        self._saved_draft = self.read_draft()
        self.record_saved.emit(record.id)
        return True

    def save_draft_checked(self, draft: Any, overwrite: bool) -> Any:
        expected = None if overwrite else self.version
        return self.save_draft_with_version(draft, expected)

    def save_draft_with_version(self, draft: Any, expected_version: int | None) -> Any:
        raise NotImplementedError

    def _ask_about_stale_record(self) -> bool:
        answer = QMessageBox.question(
            self, self.window_title(),
            self.tr("Someone saved this record after you opened it.\n\n"
                    "Save anyway and overwrite their changes with yours?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save(overwrite=True)
        return False

    def reject(self) -> None:
        if not self._close_confirmed and not self._confirm_close():
            return
        self._close_confirmed = True
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_confirmed and not self._confirm_close():
            event.ignore()
            return
        self._close_confirmed = True
        super().closeEvent(event)

    def discard_and_close(self) -> None:
        self._close_confirmed = True
        self.close()

    def _confirm_close(self) -> bool:
        """True when the editor may close: nothing unsaved, saved now, or discarded."""
        if not self.has_changes():
            return True
        answer = QMessageBox.question(
            self, self.window_title(), self.tr("Save your changes before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Discard:
            return True
        if answer == QMessageBox.StandardButton.Save:
            if not self._valid:
                QMessageBox.warning(self, self.window_title(),
                                    self.tr("Correct the marked fields first."))
                return False
            return self.save()
        return False


def fill_owner_combo(combo: QComboBox, services: Services, owner_id: str | None,
                     nobody: str, *, new: bool = False) -> None:
    """Users to choose from; a *new* record without a preset owner starts as the current
    user's (Preferences > Your name), so what one creates is one's own."""
    if new and owner_id is None:
        owner_id = services.users.current().id
    combo.clear()
    combo.addItem(nobody, None)
    for user in services.users.list_active():
        combo.addItem(user.name, user.id)
    position = combo.findData(owner_id)
    combo.setCurrentIndex(max(position, 0))
