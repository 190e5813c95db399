"""Asking for the database passphrase: unlocking at start (with "remember in the system
keychain" when there is one) and choosing a new passphrase (typed twice)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)


class PassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, title: str, prompt: str,
                 confirm: bool = False, offer_remember: bool = False, error: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("passphraseDialog")
        self.setMinimumWidth(420)
        self.prompt_label = QLabel(prompt, self)
        self.prompt_label.setWordWrap(True)
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName(self.tr("Repeat passphrase"))
        self.remember_box = QCheckBox(self.tr("&Remember in the system keychain"), self)
        self.error_label = QLabel(error, self)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.prompt_label)
        form.addRow(self.tr("&Passphrase:"), self.passphrase_edit)
        if confirm:
            form.addRow(self.tr("R&epeat:"), self.confirm_edit)
        else:
            self.confirm_edit.hide()
        if offer_remember:
            form.addRow(self.remember_box)
        else:
            self.remember_box.hide()
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self._confirm = confirm
        self.passphrase_edit.textChanged.connect(self._on_passphrase_edit_text_changed)
        self.confirm_edit.textChanged.connect(self._on_passphrase_edit_text_changed)
        self._on_passphrase_edit_text_changed()

    @property
    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    @property
    def remember(self) -> bool:
        return not self.remember_box.isHidden() and self.remember_box.isChecked()

    @Slot()
    def _on_passphrase_edit_text_changed(self) -> None:
        ok = bool(self.passphrase)
        if self._confirm:
            matches = self.passphrase == self.confirm_edit.text()
            if self.confirm_edit.text() and not matches:
                self.error_label.setText(self.tr("The two passphrases differ."))
            elif matches:
                self.error_label.clear()
            ok = ok and matches
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(ok)
