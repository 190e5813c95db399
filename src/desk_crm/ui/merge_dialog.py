"""Duplicate contacts: the list of groups, and the side-by-side merge of one group."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.phones import format_phone
from desk_crm.services.bundle import Services
from desk_crm.services.merge import MERGE_FIELDS, DuplicateGroup, default_choices

translate = QCoreApplication.translate


def _field_titles() -> dict[str, str]:
    return {
        "family_name": translate("MergeDialog", "Family name"),
        "given_name": translate("MergeDialog", "Given name"),
        "title": translate("MergeDialog", "Job title"),
        "department": translate("MergeDialog", "Department"),
        "account_id": translate("MergeDialog", "Account"),
        "street": translate("MergeDialog", "Street"),
        "city": translate("MergeDialog", "City"),
        "region": translate("MergeDialog", "Province / state"),
        "postal_code": translate("MergeDialog", "Postal code"),
        "country": translate("MergeDialog", "Country"),
        "owner_id": translate("MergeDialog", "Owner"),
        "notes": translate("MergeDialog", "Notes"),
    }


class MergeDialog(QDialog):
    """Signals:
        merged(str): the batch id of the merge (undo it to undo the merge).
    """

    merged = Signal(str)

    def __init__(self, services: Services, contact_ids: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge contacts"))
        self.resize(860, 560)
        self.candidates = services.merges.candidates(contact_ids)
        owners = {user.id: user.name for user in services.users.list_active()}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Pick the value to keep in each row. Emails, phones and tags of all records are "
            "kept; activities, leads and opportunities move to the kept record."), self))
        keep = QHBoxLayout()
        keep.addWidget(QLabel(self.tr("&Keep record:"), self))
        self.survivor = QComboBox(self)
        self.survivor.setAccessibleName(self.tr("Record to keep"))
        for candidate in self.candidates:
            self.survivor.addItem(f"{candidate.display_name} · "
                                  f"{candidate.updated_at.astimezone():%Y-%m-%d %H:%M}",
                                  candidate.id)
        keep.itemAt(0).widget().setBuddy(self.survivor)  # type: ignore[union-attr]
        keep.addWidget(self.survivor, 1)
        layout.addLayout(keep)

        titles = _field_titles()
        rows = [*MERGE_FIELDS, "emails", "phones", "tags"]
        self.table = QTableWidget(len(rows), len(self.candidates), self)
        self.table.setAccessibleName(self.tr("Fields side by side"))
        self.table.setHorizontalHeaderLabels([c.display_name for c in self.candidates])
        self.table.setVerticalHeaderLabels(
            [titles.get(r, "") for r in MERGE_FIELDS]
            + [self.tr("Emails (all kept)"), self.tr("Phones (all kept)"),
               self.tr("Tags (all kept)")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.groups: dict[str, QButtonGroup] = {}
        defaults = default_choices(self.candidates)
        region = services.default_region
        for column, candidate in enumerate(self.candidates):
            draft = candidate.draft
            for row, field in enumerate(MERGE_FIELDS):
                value = getattr(draft, field) or ""
                if field == "account_id":
                    value = candidate.account_name
                elif field == "owner_id":
                    value = owners.get(value, "")
                button = QRadioButton(str(value).replace("\n", " ")[:80] or "—", self.table)
                button.setProperty("record_id", candidate.id)
                button.setAccessibleName(f"{titles[field]}: {candidate.display_name}")
                group = self.groups.setdefault(field, QButtonGroup(self))
                group.addButton(button)
                button.setChecked(defaults[field] == candidate.id)
                self.table.setCellWidget(row, column, button)
            extra = (", ".join(p.value for p in draft.emails),
                     ", ".join(format_phone(p.value, region) for p in draft.phones),
                     ", ".join(draft.tags))
            for offset, text in enumerate(extra):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(len(MERGE_FIELDS) + offset, column, item)
        # Rows where no record has a value offer no choice: hidden to keep the view short.
        for row, field in enumerate(MERGE_FIELDS):
            if not any(getattr(c.draft, field) for c in self.candidates):
                self.table.hideRow(row)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.merge_button = buttons.addButton(self.tr("&Merge"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choices(self) -> dict[str, str]:
        chosen = {}
        for field, group in self.groups.items():
            button = group.checkedButton()
            if button is not None:
                chosen[field] = button.property("record_id")
        return chosen

    @Slot()
    def _on_buttons_accepted(self) -> None:
        survivor = self.survivor.currentData()
        losers = [c.id for c in self.candidates if c.id != survivor]
        self._services.backups.backup_before("merge")  # undo exists, a copy too
        batch_id = self._services.merges.merge(survivor, losers, self.choices())
        self.survivor_id, self.loser_ids = survivor, losers
        self.batch_id_value = batch_id
        self.merged.emit(batch_id)
        self.accept()


class DuplicatesDialog(QDialog):
    """Signals:
        merge_requested(list): ids of one group to open in the merge dialog.
    """

    merge_requested = Signal(list)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Duplicate contacts"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.groups = QListWidget(self)
        self.groups.setAccessibleName(self.tr("Groups of duplicates"))
        self.groups.itemActivated.connect(self._on_groups_item_activated)
        layout.addWidget(self.groups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.clicked.connect(self._on_merge_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.groups.clear()
        reasons = {"email": self.tr("same email %1"), "phone": self.tr("same phone %1"),
                   "name": self.tr("similar name in one account: %1")}
        for group in self._services.merges.find_groups():
            names = [c.display_name for c in self._services.merges.candidates(
                list(group.members))]
            text = f"{', '.join(names)} — {reasons[group.reason].replace('%1', group.value)}"
            item = QListWidgetItem(text, self.groups)
            item.setData(Qt.ItemDataRole.UserRole, group)
        if self.groups.count():
            self.groups.setCurrentRow(0)
        self.merge_button.setEnabled(self.groups.count() > 0)

    @Slot(QListWidgetItem)
    def _on_groups_item_activated(self, item: QListWidgetItem) -> None:
        group: DuplicateGroup = item.data(Qt.ItemDataRole.UserRole)
        self.merge_requested.emit(list(group.members))

    @Slot()
    def _on_merge_clicked(self) -> None:
        item = self.groups.currentItem()
        if item is not None:
            self._on_groups_item_activated(item)
