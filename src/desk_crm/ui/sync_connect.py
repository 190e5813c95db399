"""Sync > Connect to server: the server kind; for Tryton URL, database, user and password,
for django-crm URL and personal access token (secrets kept in the OS keychain only); and how
often to sync in the background."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_crm.sync.credentials import Connection, CredentialStore, NoKeychain

translate = QCoreApplication.translate


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
        note = QLabel(self.tr("The password or token is kept in the system keychain, never "
                              "in the database or the settings file."), self)
        note.setWordWrap(True)
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
        self._on_field_text_changed()

    def connection(self) -> Connection:
        if self.token_based:
            return Connection("django-crm", self.url.text().strip(), "", "",
                              self.password.text().strip())
        return Connection(str(self.kind.currentData()), self.url.text().strip(),
                          self.database.text().strip(), self.user.text().strip(),
                          self.password.text())

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
