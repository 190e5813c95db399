"""Settings → Custom fields: per entity, create, rename (English and Chinese title), reorder,
archive, restore and purge (a backup first) the user's own fields; picklist choices are
edited in place and keep their key, so renaming a choice keeps the records that use it.

Keyboard-first: Ctrl+N new field, Ctrl+S save it, Alt+Up/Alt+Down move it, Delete archives,
Ctrl+R restores; every widget is reachable with Tab in reading order.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.entities import CUSTOMIZABLE, ENTITIES
from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.fields import CHOICE_TYPES, Choice, FieldDef, FieldType, key_from_title
from desk_crm.services.bundle import Services
from desk_crm.services.custom_fields import NewField
from desk_crm.ui.field_text import entity_title, field_title, type_title
from desk_crm.ui.operations import BackgroundOperation
from desk_crm.ui.validation_text import messages_by_field

KeyRole = Qt.ItemDataRole.UserRole + 1


class CustomFieldsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None,
                 entity: str = "contact") -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("customFieldsDialog")
        self.setWindowTitle(self.tr("Custom fields"))
        self.resize(820, 520)
        self._fields: tuple[FieldDef, ...] = ()
        self._new = False  # the form holds a field not created yet
        self._operation: BackgroundOperation | None = None

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.entity_combo = QComboBox(self)
        self.entity_combo.setAccessibleName(self.tr("Records"))
        for key in CUSTOMIZABLE:
            self.entity_combo.addItem(entity_title(key), key)
        entity_label = QLabel(self.tr("&Records:"), self)
        entity_label.setBuddy(self.entity_combo)
        top.addWidget(entity_label)
        top.addWidget(self.entity_combo)
        self.show_archived = QCheckBox(self.tr("Show &archived fields"), self)
        top.addWidget(self.show_archived)
        top.addStretch(1)
        layout.addLayout(top)

        middle = QHBoxLayout()
        left = QVBoxLayout()
        self.field_list = QListWidget(self)
        self.field_list.setObjectName("customFieldList")
        self.field_list.setAccessibleName(self.tr("Custom fields"))
        self.field_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        left.addWidget(self.field_list, 1)
        list_buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New field"), self)
        self.new_button.setToolTip(self.tr("New field (Ctrl+N)"))
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.up_button.setToolTip(self.tr("Move up (Alt+Up)"))
        self.down_button = QPushButton(self.tr("Move &down"), self)
        self.down_button.setToolTip(self.tr("Move down (Alt+Down)"))
        for button in (self.new_button, self.up_button, self.down_button):
            list_buttons.addWidget(button)
        left.addLayout(list_buttons)
        middle.addLayout(left, 2)

        form_box = QWidget(self)
        form = QFormLayout(form_box)
        self.title_edit = QLineEdit(form_box)
        self.title_edit.setObjectName("customFieldTitle")
        self.title_edit.setAccessibleName(self.tr("Title in English"))
        form.addRow(self.tr("&Title (English):"), self.title_edit)
        self.title_zh_edit = QLineEdit(form_box)
        self.title_zh_edit.setObjectName("customFieldTitleZh")
        self.title_zh_edit.setAccessibleName(self.tr("Title in Chinese"))
        form.addRow(self.tr("Title (&Chinese):"), self.title_zh_edit)
        self.type_combo = QComboBox(form_box)
        self.type_combo.setAccessibleName(self.tr("Field type"))
        for kind in FieldType:
            self.type_combo.addItem(type_title(kind), kind.value)
        form.addRow(self.tr("T&ype:"), self.type_combo)
        self.link_combo = QComboBox(form_box)
        self.link_combo.setAccessibleName(self.tr("Links to"))
        for key in ENTITIES:
            self.link_combo.addItem(entity_title(key), key)
        self.link_label = QLabel(self.tr("&Links to:"), form_box)
        self.link_label.setBuddy(self.link_combo)
        form.addRow(self.link_label, self.link_combo)
        self.required_check = QCheckBox(self.tr("Re&quired"), form_box)
        form.addRow("", self.required_check)
        self.indexed_check = QCheckBox(self.tr("&Fast sorting and filtering (index)"),
                                       form_box)
        form.addRow("", self.indexed_check)
        self.choices = QTableWidget(0, 2, form_box)
        self.choices.setObjectName("customFieldChoices")
        self.choices.setAccessibleName(self.tr("Choices"))
        self.choices.setHorizontalHeaderLabels([self.tr("Choice (English)"),
                                                self.tr("Choice (Chinese)")])
        self.choices.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.choices.setTabKeyNavigation(False)
        self.choices_label = QLabel(self.tr("C&hoices:"), form_box)
        self.choices_label.setBuddy(self.choices)
        choice_row = QVBoxLayout()
        choice_row.addWidget(self.choices)
        choice_buttons = QHBoxLayout()
        self.add_choice_button = QPushButton(self.tr("Add c&hoice"), form_box)
        self.remove_choice_button = QPushButton(self.tr("Remo&ve choice"), form_box)
        choice_buttons.addWidget(self.add_choice_button)
        choice_buttons.addWidget(self.remove_choice_button)
        choice_buttons.addStretch(1)
        choice_row.addLayout(choice_buttons)
        self.choices_box = QWidget(form_box)
        self.choices_box.setLayout(choice_row)
        choice_row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.choices_label, self.choices_box)
        field_buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save field"), form_box)
        self.save_button.setObjectName("customFieldSave")
        self.save_button.setToolTip(self.tr("Save field (Ctrl+S)"))
        self.archive_button = QPushButton(self.tr("Arc&hive"), form_box)
        self.archive_button.setToolTip(self.tr("Archive: hidden everywhere, values kept "
                                               "(Delete)"))
        self.restore_button = QPushButton(self.tr("R&estore"), form_box)
        self.restore_button.setToolTip(self.tr("Restore (Ctrl+R)"))
        self.purge_button = QPushButton(self.tr("&Purge values…"), form_box)
        self.purge_button.setToolTip(self.tr("Remove the field and its values for good, "
                                             "after a backup"))
        for button in (self.save_button, self.archive_button, self.restore_button,
                       self.purge_button):
            field_buttons.addWidget(button)
        form.addRow(field_buttons)
        self.error = QLabel(form_box)
        self.error.setObjectName("customFieldError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        middle.addWidget(form_box, 3)
        layout.addLayout(middle, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.accept)  # Close: lists reload with new columns

        self.entity_combo.currentIndexChanged.connect(self.reload)
        self.show_archived.toggled.connect(self.reload)
        self.field_list.currentRowChanged.connect(self._on_field_list_current_row_changed)
        self.type_combo.currentIndexChanged.connect(self._sync_type_widgets)
        self.new_button.clicked.connect(self.new_field)
        self.up_button.clicked.connect(lambda: self.move_field(-1))
        self.down_button.clicked.connect(lambda: self.move_field(1))
        self.save_button.clicked.connect(self.save_field)
        self.archive_button.clicked.connect(self.archive_field)
        self.restore_button.clicked.connect(self.restore_field)
        self.purge_button.clicked.connect(self.purge_field)
        self.add_choice_button.clicked.connect(self.add_choice)
        self.remove_choice_button.clicked.connect(self._on_remove_choice_button_clicked)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_field)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_field)
        QShortcut(QKeySequence("Alt+Up"), self, activated=lambda: self.move_field(-1))
        QShortcut(QKeySequence("Alt+Down"), self, activated=lambda: self.move_field(1))
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.restore_field)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.field_list,
                           activated=self.archive_field)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        for first, second in ((self.entity_combo, self.show_archived),
                              (self.show_archived, self.field_list),
                              (self.field_list, self.new_button),
                              (self.new_button, self.up_button),
                              (self.up_button, self.down_button),
                              (self.down_button, self.title_edit),
                              (self.title_edit, self.title_zh_edit),
                              (self.title_zh_edit, self.type_combo),
                              (self.type_combo, self.link_combo),
                              (self.link_combo, self.required_check),
                              (self.required_check, self.indexed_check),
                              (self.indexed_check, self.choices),
                              (self.choices, self.add_choice_button),
                              (self.add_choice_button, self.remove_choice_button),
                              (self.remove_choice_button, self.save_button)):
            QWidget.setTabOrder(first, second)
        self.entity_combo.setCurrentIndex(max(self.entity_combo.findData(entity), 0))
        self.reload()

    # -- state --------------------------------------------------------------------------

    @property
    def entity(self) -> str:
        return str(self.entity_combo.currentData())

    def current_field(self) -> FieldDef | None:
        row = self.field_list.currentRow()
        if self._new or not 0 <= row < len(self._fields):
            return None
        return self._fields[row]

    @Slot()
    def reload(self, select_key: str | None = None) -> None:
        if not isinstance(select_key, str):
            current = self.current_field()
            select_key = current.key if current else None
        self._fields = self.services.fields.definitions(
            self.entity, include_archived=self.show_archived.isChecked())
        self.field_list.blockSignals(True)
        self.field_list.clear()
        for field in self._fields:
            text = f"{field_title(field)} — {type_title(field.type)}"
            if field.archived:
                text += " " + self.tr("(archived)")
            item = QListWidgetItem(text, self.field_list)
            item.setData(KeyRole, field.key)
            if field.archived:
                item.setForeground(Qt.GlobalColor.gray)
        self.field_list.blockSignals(False)
        keys = [f.key for f in self._fields]
        row = keys.index(select_key) if select_key in keys else (0 if keys else -1)
        self._new = False
        self.field_list.setCurrentRow(row)
        self._show(self.current_field())

    @Slot(int)
    def _on_field_list_current_row_changed(self, _row: int) -> None:
        self._new = False
        self._show(self.current_field())

    def _show(self, field: FieldDef | None) -> None:
        self.error.clear()
        existing = field is not None
        self.title_edit.setText(field.title if field else "")
        self.title_zh_edit.setText(field.title_zh if field else "")
        kind = field.type if field else FieldType.TEXT
        self.type_combo.setCurrentIndex(self.type_combo.findData(kind.value))
        if field and field.link_entity:
            self.link_combo.setCurrentIndex(self.link_combo.findData(field.link_entity))
        self.required_check.setChecked(bool(field and field.required))
        self.indexed_check.setChecked(bool(field and field.indexed))
        # The type and storage of a field with values cannot change under them.
        for widget in (self.type_combo, self.link_combo, self.required_check,
                       self.indexed_check):
            widget.setEnabled(not existing)
        self.choices.setRowCount(0)
        for choice in field.choices if field else ():
            self.add_choice(choice)
        archived = field is not None and field.archived
        editable = self._new or (existing and not archived)
        editors: tuple[QWidget, ...] = (self.title_edit, self.title_zh_edit, self.save_button,
                                        self.choices, self.add_choice_button,
                                        self.remove_choice_button)
        for editor in editors:
            editor.setEnabled(bool(editable))
        self.archive_button.setEnabled(existing and not archived)
        self.restore_button.setEnabled(archived)
        self.purge_button.setEnabled(archived)
        self.up_button.setEnabled(existing)
        self.down_button.setEnabled(existing)
        self._sync_type_widgets()

    @Slot()
    def _sync_type_widgets(self) -> None:
        kind = FieldType(self.type_combo.currentData())
        self.link_label.setVisible(kind is FieldType.LINK)
        self.link_combo.setVisible(kind is FieldType.LINK)
        self.choices_label.setVisible(kind in CHOICE_TYPES)
        self.choices_box.setVisible(kind in CHOICE_TYPES)

    # -- choices ------------------------------------------------------------------------

    def add_choice(self, choice: Choice | None = None) -> None:
        row = self.choices.rowCount()
        self.choices.insertRow(row)
        title = QTableWidgetItem(choice.title if isinstance(choice, Choice) else "")
        title.setData(KeyRole, choice.key if isinstance(choice, Choice) else "")
        self.choices.setItem(row, 0, title)
        self.choices.setItem(row, 1, QTableWidgetItem(
            choice.title_zh if isinstance(choice, Choice) else ""))
        if not isinstance(choice, Choice):
            self.choices.setCurrentCell(row, 0)
            self.choices.setFocus()
            self.choices.editItem(title)

    @Slot()
    def _on_remove_choice_button_clicked(self) -> None:
        row = self.choices.currentRow()
        if row >= 0:
            self.choices.removeRow(row)

    def read_choices(self) -> tuple[Choice, ...]:
        found: list[Choice] = []
        taken: list[str] = []
        for row in range(self.choices.rowCount()):
            title_item, zh_item = self.choices.item(row, 0), self.choices.item(row, 1)
            title = title_item.text().strip() if title_item else ""
            title_zh = zh_item.text().strip() if zh_item else ""
            if not title and not title_zh:
                continue
            key = str(title_item.data(KeyRole) or "") if title_item else ""
            if not key:  # a new choice: a stable key from its title, never changed again
                stored = [self.choices.item(r, 0) for r in range(self.choices.rowCount())]
                key = key_from_title(title or "choice", taken + [
                    str(item.data(KeyRole) or "") for item in stored if item is not None])
            taken.append(key)
            found.append(Choice(key, title or title_zh, title_zh))
        return tuple(found)

    # -- actions ------------------------------------------------------------------------

    @Slot()
    def new_field(self) -> None:
        self._new = True
        self.field_list.clearSelection()
        self._show(None)
        self._new = True
        self._show_new_state()
        self.title_edit.setFocus()

    def _show_new_state(self) -> None:
        for widget in (self.title_edit, self.title_zh_edit, self.save_button,
                       self.choices, self.add_choice_button, self.remove_choice_button,
                       self.type_combo, self.link_combo, self.required_check,
                       self.indexed_check):
            widget.setEnabled(True)

    @Slot()
    def save_field(self) -> bool:
        field = self.current_field()
        if field is None and not self._new:
            return False
        try:
            if field is None:
                kind = FieldType(self.type_combo.currentData())
                created = self.services.fields.create(NewField(
                    self.entity, self.title_edit.text(), kind,
                    title_zh=self.title_zh_edit.text(),
                    choices=self.read_choices() if kind in CHOICE_TYPES else (),
                    link_entity=self.link_combo.currentData() if kind is FieldType.LINK
                    else None,
                    required=self.required_check.isChecked(),
                    indexed=self.indexed_check.isChecked()))
                key = created.key
            else:
                key = field.key
                self.services.fields.rename(self.entity, key, self.title_edit.text(),
                                            self.title_zh_edit.text())
                if field.type in CHOICE_TYPES:
                    self.services.fields.set_choices(self.entity, key, self.read_choices())
        except (ValidationErrors, ValidationError) as problems:
            self.error.setText("\n".join(messages_by_field(problems).values()))
            return False
        self.reload(key)
        return True

    def move_field(self, step: int) -> None:
        field = self.current_field()
        if field is None:
            return
        keys = [f.key for f in self._fields]
        row = keys.index(field.key)
        target = row + step
        if not 0 <= target < len(keys):
            return
        keys[row], keys[target] = keys[target], keys[row]
        self.services.fields.reorder(self.entity, keys)
        self.reload(field.key)
        self.field_list.setFocus()

    @Slot()
    def archive_field(self) -> None:
        field = self.current_field()
        if field is None or field.archived:
            return
        self.services.fields.archive(self.entity, field.key)
        self.reload()

    @Slot()
    def restore_field(self) -> None:
        field = self.current_field()
        if field is None or not field.archived:
            return
        self.services.fields.restore(self.entity, field.key)
        self.reload(field.key)

    @Slot()
    def purge_field(self) -> None:
        field = self.current_field()
        if field is None or not field.archived:
            return
        answer = QMessageBox.question(
            self, self.tr("Purge field"),
            self.tr("Remove “%1” and its values from every record for good?\n\n"
                    "A backup of the database is taken first.")
            .replace("%1", field_title(field)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        entity, key, fields = self.entity, field.key, self.services.fields
        # The backup copies the whole file: a worker, so the window keeps answering.
        operation = BackgroundOperation(self, lambda _progress: fields.purge(entity, key),
                                        title=self.tr("Purging field"))
        operation.succeeded.connect(self._on_purge_succeeded)
        self._operation = operation
        operation.start()

    @Slot(object)
    def _on_purge_succeeded(self, cleared: object) -> None:
        self.reload()
        self.error.setText(self.tr("Purged: %1 records lost the value; a backup was "
                                   "taken first.").replace("%1", str(cleared)))
