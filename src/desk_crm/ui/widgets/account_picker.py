"""Picks an account by typing part of its name: suggestions come from the full-text index,
twenty at a time, so it works the same with ten accounts or a million."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from desk_crm.store.repositories import ListQuery, ListRepository

SUGGESTIONS = 20
SEARCH_DELAY_MS = 150


class AccountPicker(QWidget):
    """Signals:
        account_changed(): the chosen account (or the typed text) changed.
    """

    account_changed = Signal()

    def __init__(self, repository: ListRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repository = repository
        self._account_id: str | None = None
        self._chosen_label = ""
        self._labels_to_ids: dict[str, str] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Type to search accounts"))
        self.edit.setAccessibleName(self.tr("Account"))
        self.edit.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # The index already filtered; the completer must not filter again by prefix.
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.edit.setCompleter(self._completer)
        layout.addWidget(self.edit)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("No account"))
        self.clear_button.setAccessibleName(self.tr("Clear account"))
        layout.addWidget(self.clear_button)
        # Query after a short pause in typing, not on every keystroke.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.edit.textEdited.connect(self._on_edit_text_edited)
        self._completer.activated[str].connect(self._on_completer_activated)
        # Moving onto a suggestion (Down) already links it: whichever way Enter then
        # travels (popup, line edit, dialog), the editor never saves the text alone.
        self._completer.highlighted[str].connect(self._on_completer_activated)
        # Any other change of the text (Escape restoring what was typed, editing) unlinks.
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.clear_button.clicked.connect(self.clear)

    def account_id(self) -> str | None:
        return self._account_id

    def is_unresolved(self) -> bool:
        """Text typed that names no chosen account."""
        return bool(self.edit.text().strip()) and self._account_id is None

    def set_account(self, account_id: str | None, name: str) -> None:
        self._account_id = account_id
        self._chosen_label = name if account_id else ""
        self.edit.setText(self._chosen_label)

    @Slot()
    def clear(self) -> None:
        self.set_account(None, "")
        self.account_changed.emit()

    def suggestions(self) -> list[str]:
        return self._model.stringList()

    @Slot(str)
    def _on_edit_text_edited(self, text: str) -> None:
        if text != self._chosen_label:
            self._account_id = None
        self.account_changed.emit()
        self._timer.start()

    @Slot(str)
    def _on_edit_text_changed(self, text: str) -> None:
        if self._account_id is not None and text != self._chosen_label:
            self._account_id = None
            self.account_changed.emit()

    def refresh_suggestions(self) -> None:
        self._timer.stop()
        self._on_timer_timeout()

    @Slot()
    def _on_timer_timeout(self) -> None:
        text = self.edit.text()
        rows = self._repository.page(ListQuery("account", search=text), limit=SUGGESTIONS)
        self._labels_to_ids = {}
        for row in rows:
            label = row.values["name"]
            if row.values.get("city"):
                label = f"{label} — {row.values['city']}"
            while label in self._labels_to_ids:
                label += " "
            self._labels_to_ids[label] = row.id
        self._model.setStringList(list(self._labels_to_ids))
        if self.edit.hasFocus() and self._labels_to_ids:
            self._completer.complete()

    @Slot(str)
    def _on_completer_activated(self, label: str) -> None:
        account_id = self._labels_to_ids.get(label)
        if account_id is None:
            return
        self.choose(account_id, label)

    def choose(self, account_id: str, label: str) -> None:
        self._account_id = account_id
        self._chosen_label = label
        self.edit.setText(label)
        self.account_changed.emit()
