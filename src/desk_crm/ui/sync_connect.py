"""Sync > Connect to server: the server kind; for Tryton URL, database, user and password,
for django-crm URL and personal access token (secrets kept in the OS keychain only); and how
often to sync in the background."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.entities import SYNCED
from desk_crm.domain.errors import QT_TRANSLATE_NOOP
from desk_crm.sync.credentials import (
    REQUIRED_ENTITIES,
    Connection,
    CredentialStore,
    NoKeychain,
    available_entities,
)
from desk_crm.ui.entity_titles import entity_plural

translate = QCoreApplication.translate

# Labels with an accelerator; an entity without one is titled by its declared plural.
ENTITY_LABELS = {
    "account": QT_TRANSLATE_NOOP("ConnectDialog", "Accounts"),
    "contact": QT_TRANSLATE_NOOP("ConnectDialog", "C&ontacts"),
    "opportunity": QT_TRANSLATE_NOOP("ConnectDialog", "Opportu&nities"),
    "quote": QT_TRANSLATE_NOOP("ConnectDialog", "&Quotes"),
    "product": QT_TRANSLATE_NOOP("ConnectDialog", "P&roducts"),
}


class ConnectDialog(QDialog):
    def __init__(self, store: CredentialStore, interval_minutes: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setObjectName("syncConnectDialog")
        self.setWindowTitle(self.tr("Connect to server"))
        current = store.load()
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Tryton (JSON-RPC)"), "tryton")
        self.kind.addItem(self.tr("django-crm (REST)"), "django-crm")
        if current is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(current.kind)))
        self.kind.setAccessibleName(self.tr("Server type"))
        self.url = QLineEdit(current.url if current else "http://127.0.0.1:8000/", self)
        self.url.setAccessibleName(self.tr("Server address"))
        self.url.setMinimumWidth(320)  # a whole https address stays readable
        self.database = QLineEdit(current.database if current else "", self)
        self.database.setAccessibleName(self.tr("Database"))
        self.user = QLineEdit(current.user if current else "", self)
        self.user.setAccessibleName(self.tr("User"))
        self.password = QLineEdit(current.password if current else "", self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.interval = QSpinBox(self)
        self.interval.setRange(0, 24 * 60)
        self.interval.setValue(interval_minutes)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setSpecialValueText(self.tr("Only when I ask"))
        self.interval.setAccessibleName(self.tr("Sync in the background every"))
        # What to sync: every entity the server kind offers; accounts cannot be left out
        # (the others refer to them).
        chosen = set(current.chosen_entities()) if current else set(SYNCED)
        self.entity_boxes: dict[str, QCheckBox] = {}
        entity_row = QHBoxLayout()
        for entity in SYNCED:  # every synced entity; those a kind lacks are hidden below
            label = ENTITY_LABELS.get(entity)
            box = QCheckBox(translate("ConnectDialog", label) if label
                            else entity_plural(entity), self)
            box.setObjectName(f"syncEntity_{entity}")
            box.setChecked(entity in chosen or entity in REQUIRED_ENTITIES)
            box.setEnabled(entity not in REQUIRED_ENTITIES)
            if entity in REQUIRED_ENTITIES:
                box.setToolTip(self.tr("Always synced: the other records refer to accounts"))
            self.entity_boxes[entity] = box
            entity_row.addWidget(box)
        entity_row.addStretch(1)
        self.entities_widget = QWidget(self)
        self.entities_widget.setLayout(entity_row)
        self.entities_widget.setAccessibleName(self.tr("What to sync"))
        entity_row.setContentsMargins(0, 0, 0, 0)
        note = QLabel(self.tr("The password or token is kept in the system keychain, never "
                              "in the database or the settings file."), self)
        note.setWordWrap(True)
        # Where custom fields go (sync.custom_sync): said per server kind.
        self.custom_note = QLabel(self)
        self.custom_note.setObjectName("syncCustomFieldsNote")
        self.custom_note.setWordWrap(True)
        self.form = QFormLayout()
        form = self.form
        form.addRow(self.tr("Server &type:"), self.kind)
        form.addRow(self.tr("&Address:"), self.url)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        self.secret_label = QLabel(self.tr("&Password:"), self)
        self.secret_label.setBuddy(self.password)
        form.addRow(self.secret_label, self.password)
        form.addRow(self.tr("Sync &every:"), self.interval)
        form.addRow(self.tr("What to sync:"), self.entities_widget)
        form.addRow("", self.custom_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Connect"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        for edit in (self.url, self.database, self.user, self.password):
            edit.textChanged.connect(self._on_field_text_changed)
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self._on_kind_current_index_changed()

    @property
    def token_based(self) -> bool:
        """django-crm: an address and a personal access token, no database or user."""
        return self.kind.currentData() == "django-crm"

    @Slot()
    def _on_kind_current_index_changed(self, _index: int = 0) -> None:
        token = self.token_based
        for edit in (self.database, self.user):
            self.form.setRowVisible(edit, not token)
        if token:
            self.secret_label.setText(self.tr("Access &token:"))
            self.password.setAccessibleName(self.tr("Personal access token"))
            self.password.setPlaceholderText("bcrm_pat_…")
        else:
            self.secret_label.setText(self.tr("&Password:"))
            self.password.setAccessibleName(self.tr("Password"))
            self.password.setPlaceholderText("")
        offered = available_entities(str(self.kind.currentData()))
        for entity, box in self.entity_boxes.items():
            box.setVisible(entity in offered)
        if token:
            self.custom_note.setText(self.tr(
                "Custom fields are synced too, except money, date and time, multi-select "
                "and link fields: django-crm has no place for those, so they stay in "
                "Desk CRM only."))
        else:
            self.custom_note.setText(self.tr(
                "Custom fields stay in Desk CRM only: Tryton has no place for them."))
        self.custom_note.setAccessibleName(self.custom_note.text())
        self._on_field_text_changed()

    def chosen_entities(self) -> tuple[str, ...]:
        offered = available_entities(str(self.kind.currentData()))
        return tuple(e for e in offered if self.entity_boxes[e].isChecked())

    def connection(self) -> Connection:
        if self.token_based:
            return Connection("django-crm", self.url.text().strip(), "", "",
                              self.password.text().strip(), self.chosen_entities())
        return Connection(str(self.kind.currentData()), self.url.text().strip(),
                          self.database.text().strip(), self.user.text().strip(),
                          self.password.text(), self.chosen_entities())

    @Slot()
    def _on_field_text_changed(self, _text: str = "") -> None:
        needed = (self.url, self.password) if self.token_based else (
            self.url, self.database, self.user)
        ready = all(e.text().strip() for e in needed)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def accept(self) -> None:
        connection = self.connection()
        try:
            self._store.save(connection)
        except NoKeychain:
            answer = QMessageBox.question(
                self, self.tr("No keychain"),
                self.tr("This computer has no system keychain to keep the password in "
                        "safely. Keep it for this session only? You will be asked again "
                        "after a restart."))
            if answer != QMessageBox.StandardButton.Yes:
                return
            self._store.keep_for_session(connection)
        super().accept()
