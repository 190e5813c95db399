"""Duplicate contacts and accounts: the scored list of groups (scanned in the background),
and the side-by-side merge of one group of contacts."""

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
    QProgressBar,
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
from desk_crm.ui.operations import BackgroundOperation, OperationCancelled, Progress

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
            "kept; activities, leads, opportunities, tickets, quotes and contracts move to the "
            "kept record."), self))
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
    """Scans the whole database for duplicates in the background (progress and Stop in the
    dialog), then lists the groups best score first.

    Signals:
        merge_requested(list): ids of one group of contacts to open in the merge dialog.
        account_merge_requested(list): ids of one group of accounts to merge.
        scan_finished(int): the number of groups found (not emitted when stopped).
    """

    merge_requested = Signal(list)
    account_merge_requested = Signal(list)
    scan_finished = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._operation: BackgroundOperation | None = None
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Find duplicates"))
        self.resize(680, 440)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Look for:"), self)
        top.addWidget(label)
        self.entity = QComboBox(self)
        self.entity.setAccessibleName(self.tr("Kind of records"))
        self.entity.addItem(self.tr("Contacts"), "contact")
        self.entity.addItem(self.tr("Accounts"), "account")
        label.setBuddy(self.entity)
        self.entity.currentIndexChanged.connect(self._on_entity_current_index_changed)
        top.addWidget(self.entity, 1)
        self.scan_button = QPushButton(self.tr("&Scan again"), self)
        self.scan_button.clicked.connect(self.reload)
        top.addWidget(self.scan_button)
        layout.addLayout(top)
        self.groups = QListWidget(self)
        self.groups.setAccessibleName(self.tr("Groups of duplicates"))
        self.groups.itemActivated.connect(self._on_groups_item_activated)
        layout.addWidget(self.groups)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Scan progress"))
        progress_row.addWidget(self.progress, 1)
        self.stop_button = QPushButton(self.tr("&Stop scan"), self)
        self.stop_button.clicked.connect(self._on_stop_clicked)
        progress_row.addWidget(self.stop_button)
        layout.addLayout(progress_row)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.clicked.connect(self._on_merge_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def scanning(self) -> bool:
        return self._operation is not None

    @Slot()
    def reload(self) -> None:
        """Start a new scan of the whole database (the previous one is stopped)."""
        if self._operation is not None:
            self._operation.cancel()
        self.groups.clear()
        self.merge_button.setEnabled(False)
        entity = self.entity.currentData()
        merges = self._services.merges

        def work(progress: Progress) -> list[tuple[DuplicateGroup, list[str]]]:
            found = merges.find_groups(entity=entity, progress=progress.report)
            result = []
            for done, group in enumerate(found, 1):
                if progress.cancelled:
                    raise OperationCancelled
                result.append((group, merges.names(entity, list(group.members))))
                if done % 50 == 0:
                    progress.report(done, len(found))
            return result

        operation = BackgroundOperation(self, work, title=self.tr("Finding duplicates"),
                                        show_dialog=False)
        operation.progressed.connect(self._on_operation_progressed)
        operation.succeeded.connect(self._on_operation_succeeded)
        operation.cancelled.connect(self._on_operation_cancelled)
        operation.failed.connect(self._on_operation_cancelled)
        self._operation = operation
        self.progress.setRange(0, 0)
        self.progress.show()
        self.stop_button.show()
        self.stop_button.setEnabled(True)
        self.scan_button.setEnabled(False)
        self.status.setText(self.tr("Scanning…"))
        operation.start()

    def _finish_scan(self) -> None:
        self._operation = None
        self.progress.hide()
        self.stop_button.hide()
        self.scan_button.setEnabled(True)

    @Slot(int, int, str)
    def _on_operation_progressed(self, done: int, total: int, _text: str) -> None:
        if self.sender() is self._operation:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    @Slot(object)
    def _on_operation_succeeded(self, found: list[tuple[DuplicateGroup, list[str]]]) -> None:
        if self.sender() is not self._operation:
            return  # an older scan, replaced by a new one
        if not self.stop_button.isEnabled():  # Stop pressed as the work was finishing
            self._on_operation_cancelled()
            return
        self._finish_scan()
        reasons = {"email": self.tr("same email %1"), "phone": self.tr("same phone %1"),
                   "website": self.tr("same website %1"), "name": self.tr("similar name: %1")}
        for group, names in found:
            reason = reasons[group.reason].replace("%1", group.value)
            text = (self.tr("%1% match").replace("%1", str(group.score))
                    + f" · {', '.join(names)} — {reason}")
            item = QListWidgetItem(text, self.groups)
            item.setData(Qt.ItemDataRole.UserRole, group)
        if self.groups.count():
            self.groups.setCurrentRow(0)
        self.merge_button.setEnabled(self.groups.count() > 0)
        self.status.setText(self.tr("%1 groups found.").replace("%1", str(len(found))))
        self.scan_finished.emit(len(found))

    @Slot()
    def _on_operation_cancelled(self, *_args: object) -> None:
        if self._operation is None or self.sender() is not self._operation:
            return
        self._finish_scan()
        self.status.setText(self.tr("Scan stopped."))

    @Slot()
    def _on_stop_clicked(self) -> None:
        if self._operation is not None:
            self.stop_button.setEnabled(False)
            self._operation.cancel()

    @Slot(int)
    def _on_entity_current_index_changed(self, _index: int) -> None:
        self.reload()

    @Slot(QListWidgetItem)
    def _on_groups_item_activated(self, item: QListWidgetItem) -> None:
        group: DuplicateGroup = item.data(Qt.ItemDataRole.UserRole)
        if group.entity == "account":
            self.account_merge_requested.emit(list(group.members))
        else:
            self.merge_requested.emit(list(group.members))

    @Slot()
    def _on_merge_clicked(self) -> None:
        item = self.groups.currentItem()
        if item is not None:
            self._on_groups_item_activated(item)
