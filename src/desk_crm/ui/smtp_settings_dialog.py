"""The mail server settings: host, port, STARTTLS / SSL / plain, user, sender, throttle and
unsubscribe addresses. The password goes to the OS keychain only; without a keychain (a
headless Linux) the dialog says so and the password is kept for this session only."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationErrors
from desk_crm.services.bundle import Services
from desk_crm.services.smtp_settings import SmtpSettings, store_password, stored_password
from desk_crm.ui.validation_text import all_messages

translate = QCoreApplication.translate

# Passwords typed this session when there is no keychain: memory only, never written.
_SESSION_PASSWORDS: dict[str, str] = {}


def password_for(settings: SmtpSettings) -> str | None:
    """The SMTP password: from the keychain, else what was typed this session."""
    return stored_password(settings) or _SESSION_PASSWORDS.get(settings.keyring_account)


def keep_password(settings: SmtpSettings, password: str) -> bool:
    """Store in the keychain; False (and kept in memory for the session) without one."""
    if store_password(settings, password):
        _SESSION_PASSWORDS.pop(settings.keyring_account, None)
        return True
    _SESSION_PASSWORDS[settings.keyring_account] = password
    return False


def security_titles() -> dict[str, str]:
    return {"starttls": translate("Mail", "STARTTLS (port 587)"),
            "ssl": translate("Mail", "SSL/TLS (port 465)"),
            "plain": translate("Mail", "None (local relay only)")}


class SmtpSettingsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("smtpSettings")
        self.setWindowTitle(self.tr("Mail server"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        current = services.smtp.get()
        self.host = QLineEdit(current.host, self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(current.port)
        self.security = QComboBox(self)
        for code, title in security_titles().items():
            self.security.addItem(title, code)
        self.security.setCurrentIndex(max(self.security.findData(current.security), 0))
        self.username = QLineEdit(current.username, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("unchanged") if password_for(current) else "")
        self.sender_name = QLineEdit(current.sender_name, self)
        self.sender_email = QLineEdit(current.sender_email, self)
        self.per_minute = QSpinBox(self)
        self.per_minute.setRange(1, 10_000)
        self.per_minute.setValue(current.per_minute)
        self.per_minute.setSuffix(self.tr(" per minute"))
        self.unsubscribe_mailto = QLineEdit(current.unsubscribe_mailto, self)
        self.unsubscribe_url = QLineEdit(current.unsubscribe_url, self)
        self.unsubscribe_url.setPlaceholderText("https://example.com/unsubscribe?e={email}")
        for label, widget in (
                (self.tr("&Server:"), self.host), (self.tr("P&ort:"), self.port),
                (self.tr("S&ecurity:"), self.security), (self.tr("&User:"), self.username),
                (self.tr("Pass&word:"), self.password),
                (self.tr("Sender &name:"), self.sender_name),
                (self.tr("Sender &address:"), self.sender_email),
                (self.tr("&Throttle:"), self.per_minute),
                (self.tr("Unsubscribe &mail to:"), self.unsubscribe_mailto),
                (self.tr("Unsubscribe &link:"), self.unsubscribe_url)):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("smtpMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.security.currentIndexChanged.connect(self._on_security_current_index_changed)

    def settings(self) -> SmtpSettings:
        return replace(self.services.smtp.get(), host=self.host.text(), port=self.port.value(),
                       security=self.security.currentData(), username=self.username.text(),
                       sender_name=self.sender_name.text(),
                       sender_email=self.sender_email.text(),
                       per_minute=self.per_minute.value(),
                       unsubscribe_mailto=self.unsubscribe_mailto.text(),
                       unsubscribe_url=self.unsubscribe_url.text())

    @Slot(int)
    def _on_security_current_index_changed(self, _index: int) -> None:
        defaults = {"starttls": 587, "ssl": 465, "plain": 25}
        if self.port.value() in defaults.values():
            self.port.setValue(defaults[self.security.currentData()])

    @Slot()
    def _on_buttons_accepted(self) -> None:
        try:
            saved = self.services.smtp.save(self.settings())
        except ValidationErrors as errors:
            self.message.setStyleSheet("color: #c62828")
            self.message.setText(all_messages(errors))
            return
        if self.password.text() and not keep_password(saved, self.password.text()):
            self.message.setStyleSheet("")
            self.message.setText(self.tr(
                "There is no keychain on this computer: the password was not stored and "
                "is kept until Desk CRM is closed. You will be asked again next time."))
            self.password.clear()
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
                self.tr("Close"))
            self.buttons.accepted.disconnect(self._on_buttons_accepted)
            self.buttons.accepted.connect(self.accept)
            return
        self.accept()
