"""Merge a group of accounts field by field: the accounts side by side, a choice of value
in each row, and the result column showing the kept account as it will be saved."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.phones import format_phone
from desk_crm.services.bundle import Services
from desk_crm.services.merge import ACCOUNT_MERGE_FIELDS, default_choices
from desk_crm.ui.validation_text import all_messages

translate = QCoreApplication.translate


def _field_titles() -> dict[str, str]:
    return {
        "name": translate("AccountMergeDialog", "Name"),
        "industry": translate("AccountMergeDialog", "Industry"),
        "website": translate("AccountMergeDialog", "Website"),
        "phone": translate("AccountMergeDialog", "Phone"),
        "email": translate("AccountMergeDialog", "Email"),
        "street": translate("AccountMergeDialog", "Street"),
        "city": translate("AccountMergeDialog", "City"),
        "region": translate("AccountMergeDialog", "Province / state"),
        "postal_code": translate("AccountMergeDialog", "Postal code"),
        "country": translate("AccountMergeDialog", "Country"),
        "owner_id": translate("AccountMergeDialog", "Owner"),
        "notes": translate("AccountMergeDialog", "Notes"),
    }


def _link_names() -> dict[str, str]:
    return {
        "contact": translate("AccountMergeDialog", "contacts"),
        "activity": translate("AccountMergeDialog", "activities"),
        "lead": translate("AccountMergeDialog", "leads"),
        "opportunity": translate("AccountMergeDialog", "opportunities"),
        "ticket": translate("AccountMergeDialog", "tickets"),
        "quote": translate("AccountMergeDialog", "quotes"),
        "contract": translate("AccountMergeDialog", "contracts"),
    }


class AccountMergeDialog(QDialog):
    """Signals:
        merged(str): the batch id of the merge (undo it to undo the merge).
    """

    merged = Signal(str)

    def __init__(self, services: Services, account_ids: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setObjectName("accountMergeDialog")
        self.setWindowTitle(self.tr("Merge accounts"))
        self.resize(980, 560)
        self.candidates = services.merges.account_candidates(account_ids)
        self._owners = {user.id: user.name for user in services.users.list_active()}
        self.survivor_id = ""
        self.loser_ids: list[str] = []
        self.batch_id = ""
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Pick the value to keep in each row; the last column shows the kept account as it "
            "will be saved. Tags of all accounts are kept. Contacts and everything else linked "
            "to the other accounts move to the kept one; the merge can be undone."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        keep = QHBoxLayout()
        keep_label = QLabel(self.tr("&Keep record:"), self)
        keep.addWidget(keep_label)
        self.survivor = QComboBox(self)
        self.survivor.setAccessibleName(self.tr("Account to keep"))
        for candidate in self.candidates:
            self.survivor.addItem(f"{candidate.display_name} · "
                                  f"{candidate.updated_at.astimezone():%Y-%m-%d %H:%M}",
                                  candidate.id)
        keep_label.setBuddy(self.survivor)
        keep.addWidget(self.survivor, 1)
        layout.addLayout(keep)

        self._build_table()
        layout.addWidget(self.table)
        self.moves = QLabel(self)
        self.moves.setWordWrap(True)
        layout.addWidget(self.moves)
        self.problem = QLabel(self)
        self.problem.setObjectName("errorLabel")
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.merge_button = buttons.addButton(self.tr("&Merge"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.survivor.currentIndexChanged.connect(self._on_survivor_current_index_changed)
        for group in self.groups.values():
            group.buttonToggled.connect(self._on_choice_toggled)
        self._on_survivor_current_index_changed(self.survivor.currentIndex())

    def _build_table(self) -> None:
        titles = _field_titles()
        rows = [*ACCOUNT_MERGE_FIELDS, "tags"]
        self.result_column = len(self.candidates)
        self.table = QTableWidget(len(rows), len(self.candidates) + 1, self)
        self.table.setAccessibleName(self.tr("Fields side by side"))
        self.table.setHorizontalHeaderLabels(
            [c.display_name for c in self.candidates] + [self.tr("Result")])
        self.table.setVerticalHeaderLabels(
            [titles[f] for f in ACCOUNT_MERGE_FIELDS] + [self.tr("Tags (all kept)")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.groups: dict[str, QButtonGroup] = {}
        defaults = default_choices(self.candidates, ACCOUNT_MERGE_FIELDS)
        for column, candidate in enumerate(self.candidates):
            for row, field in enumerate(ACCOUNT_MERGE_FIELDS):
                text = self._shown(field, getattr(candidate.draft, field))
                button = QRadioButton(text or "—", self.table)
                button.setProperty("record_id", candidate.id)
                button.setAccessibleName(f"{titles[field]}: {candidate.display_name}")
                group = self.groups.setdefault(field, QButtonGroup(self))
                group.addButton(button)
                button.setChecked(defaults[field] == candidate.id)
                self.table.setCellWidget(row, column, button)
            self._set_text(len(ACCOUNT_MERGE_FIELDS), column, ", ".join(candidate.draft.tags))
        # Rows where no account has a value offer no choice: hidden to keep the view short.
        for row, field in enumerate(ACCOUNT_MERGE_FIELDS):
            if not any(getattr(c.draft, field) for c in self.candidates):
                self.table.hideRow(row)

    def _shown(self, field: str, value: object) -> str:
        if field == "owner_id":
            return self._owners.get(str(value), "") if value else ""
        if field == "phone" and value:
            return format_phone(str(value), self._services.default_region)
        return str(value or "").replace("\n", " ")[:80]

    def _set_text(self, row: int, column: int, text: str, bold: bool = False) -> None:
        item = QTableWidgetItem(text)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if bold:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        self.table.setItem(row, column, item)

    def choices(self) -> dict[str, str]:
        chosen = {}
        for field, group in self.groups.items():
            button = group.checkedButton()
            if button is not None:
                chosen[field] = button.property("record_id")
        return chosen

    def _losers(self) -> list[str]:
        survivor = self.survivor.currentData()
        return [c.id for c in self.candidates if c.id != survivor]

    def refresh_preview(self) -> None:
        """Fill the Result column with the kept account as the merge would save it."""
        merges = self._services.merges
        try:
            merged = merges.merged_account(self.survivor.currentData(), self._losers(),
                                           self.choices())
        except (ValidationError, ValidationErrors) as exc:
            self.problem.setText(all_messages(exc))
            self.merge_button.setEnabled(False)
            return
        self.problem.clear()
        self.merge_button.setEnabled(True)
        for row, field in enumerate(ACCOUNT_MERGE_FIELDS):
            self._set_text(row, self.result_column, self._shown(field, getattr(merged, field)),
                           bold=True)
        self._set_text(len(ACCOUNT_MERGE_FIELDS), self.result_column, ", ".join(merged.tags),
                       bold=True)

    @Slot(int)
    def _on_survivor_current_index_changed(self, _index: int) -> None:
        survivor = self.survivor.currentData()
        self.table.setHorizontalHeaderLabels(
            [c.display_name + (self.tr(" (kept)") if c.id == survivor else "")
             for c in self.candidates] + [self.tr("Result")])
        counts = self._services.merges.account_links(self._losers())
        names = _link_names()
        moved = [f"{names[entity]} ({count})" for entity, count in counts.items() if count]
        self.moves.setText(
            self.tr("Moves to the kept account: %1.").replace("%1", ", ".join(moved))
            if moved else self.tr("Nothing else is linked to the other accounts."))
        self.refresh_preview()

    @Slot(object, bool)
    def _on_choice_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self.refresh_preview()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        survivor = self.survivor.currentData()
        losers = self._losers()
        self._services.backups.backup_before("merge")  # undo exists, a copy too
        self.batch_id = self._services.merges.merge_accounts(survivor, losers, self.choices())
        self.survivor_id, self.loser_ids = survivor, losers
        self.merged.emit(self.batch_id)
        self.accept()
