"""Find duplicates: a background scan (progress and Stop), then every group found, paged
and sortable, with the true count; for contacts a threshold slider showing the estimated
precision and recall on this database, and for the selected group why its records were
matched, field by field. "Not a duplicate" is remembered."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSlider,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.linkage.record import DEFAULT_THRESHOLD
from desk_crm.services.bundle import Services
from desk_crm.services.duplicates import ContactScan, PairExplanation
from desk_crm.services.merge import DuplicateGroup
from desk_crm.ui.duplicate_groups_model import DuplicateGroupsModel, GroupRole, GroupRow
from desk_crm.ui.operations import BackgroundOperation, OperationCancelled, Progress

translate = QCoreApplication.translate


def _field_titles() -> dict[str, str]:
    return {
        "family": translate("DuplicatesDialog", "Family name"),
        "given": translate("DuplicatesDialog", "Given name"),
        "address": translate("DuplicatesDialog", "Address, postcode, city"),
        "birth": translate("DuplicatesDialog", "Birth date"),
        "company": translate("DuplicatesDialog", "Company"),
        "email": translate("DuplicatesDialog", "E-mail"),
        "phone": translate("DuplicatesDialog", "Phone"),
    }


def _level_titles() -> dict[str, str]:
    return {
        "missing": translate("DuplicatesDialog", "missing on one side"),
        "exact": translate("DuplicatesDialog", "the same"),
        "swapped": translate("DuplicatesDialog", "the same, family and given name swapped"),
        "same pinyin": translate("DuplicatesDialog", "same pinyin, other characters"),
        "very similar": translate("DuplicatesDialog", "very similar"),
        "similar": translate("DuplicatesDialog", "similar"),
        "different": translate("DuplicatesDialog", "different"),
        "one edit": translate("DuplicatesDialog", "one character apart"),
        "same postcode": translate("DuplicatesDialog", "same postcode only"),
        "same city": translate("DuplicatesDialog", "same city only"),
        "same region": translate("DuplicatesDialog", "same province / state only"),
        "day and month swapped": translate("DuplicatesDialog", "day and month swapped"),
        "same year": translate("DuplicatesDialog", "same year only"),
    }


def _reason_titles() -> dict[str, str]:
    return {"email": translate("DuplicatesDialog", "same email %1"),
            "phone": translate("DuplicatesDialog", "same phone %1"),
            "website": translate("DuplicatesDialog", "same website %1"),
            "name": translate("DuplicatesDialog", "similar name: %1")}


def _pct(value: float) -> str:
    return f"{value * 100:.0f}"


class DuplicatesDialog(QDialog):
    """Signals:
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
        self._scan: ContactScan | None = None
        self._account_rows: list[GroupRow] = []
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Find duplicates"))
        self.resize(900, 600)
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

        threshold_row = QHBoxLayout()
        threshold_label = QLabel(self.tr("&Threshold:"), self)
        threshold_row.addWidget(threshold_label)
        self.threshold = QSlider(Qt.Orientation.Horizontal, self)
        self.threshold.setRange(50, 99)
        self.threshold.setValue(round(DEFAULT_THRESHOLD * 100))
        self.threshold.setTracking(False)  # regroup on release, not on every pixel
        self.threshold.setAccessibleName(self.tr("Match threshold"))
        threshold_label.setBuddy(self.threshold)
        self.threshold.valueChanged.connect(self._on_threshold_value_changed)
        self.threshold.sliderMoved.connect(self._show_threshold)
        threshold_row.addWidget(self.threshold, 1)
        self.threshold_value = QLabel(self)
        threshold_row.addWidget(self.threshold_value)
        layout.addLayout(threshold_row)
        self.quality = QLabel(self)
        self.quality.setWordWrap(True)
        self.quality.setAccessibleName(self.tr("Estimated precision and recall"))
        layout.addWidget(self.quality)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = DuplicateGroupsModel(services.merges.names, self)
        self.groups = QTableView(splitter)
        self.groups.setModel(self.model)
        self.groups.setAccessibleName(self.tr("Groups of duplicates"))
        self.groups.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.groups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.groups.setSortingEnabled(True)
        self.groups.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.groups.verticalHeader().hide()
        header = self.groups.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.groups.activated.connect(self._on_groups_activated)
        self.groups.selectionModel().currentRowChanged.connect(
            self._on_groups_current_row_changed)
        self.explanation = QTreeWidget(splitter)
        self.explanation.setAccessibleName(self.tr("Why these records match"))
        self.explanation.setColumnCount(3)
        self.explanation.setHeaderLabels([self.tr("Field"), self.tr("Agreement"),
                                          self.tr("Weight")])
        self.explanation.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Scan progress"))
        progress_row.addWidget(self.progress, 1)
        self.stop_button = QPushButton(self.tr("S&top scan"), self)
        self.stop_button.clicked.connect(self._on_stop_clicked)
        progress_row.addWidget(self.stop_button)
        layout.addLayout(progress_row)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Groups found"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.clicked.connect(self._on_merge_clicked)
        self.dismiss_button = QPushButton(self.tr("&Not a duplicate"), self)
        self.dismiss_button.setToolTip(self.tr("These are different records; never offer "
                                               "this group again"))
        self.dismiss_button.setShortcut(QKeySequence("Ctrl+D"))
        buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.dismiss_button.clicked.connect(self._on_dismiss_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_threshold(self.threshold.value())
        self.reload()

    def scanning(self) -> bool:
        return self._operation is not None

    def threshold_probability(self) -> float:
        return self.threshold.value() / 100

    # -- scanning ----------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Start a new scan of the whole database (the previous one is stopped)."""
        if self._operation is not None:
            self._operation.cancel()
        self._scan, self._account_rows = None, []
        self.model.set_groups([])
        self.explanation.clear()
        self._update_buttons()
        entity = self.entity.currentData()
        services = self._services

        def work(progress: Progress) -> Any:
            if entity == "contact":
                return services.duplicates.scan(progress=progress.report)
            found = services.merges.find_groups(entity="account", limit=None,
                                                progress=progress.report)
            dismissed = services.duplicates.dismissed("account")
            if progress.cancelled:
                raise OperationCancelled
            return [g for g in found
                    if not all(tuple(sorted(p)) in dismissed
                               for p in _pairs(g.members))]

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
        self.threshold.setEnabled(entity == "contact")
        self.quality.setText("")
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
    def _on_operation_succeeded(self, found: Any) -> None:
        if self.sender() is not self._operation:
            return  # an older scan, replaced by a new one
        if not self.stop_button.isEnabled():  # Stop pressed as the work was finishing
            self._on_operation_cancelled()
            return
        self._finish_scan()
        if isinstance(found, ContactScan):
            self._scan = found
        else:
            groups: list[DuplicateGroup] = found
            self._account_rows = [GroupRow("account", g.members, g.score / 100,
                                           reason=g.reason, value=g.value) for g in groups]
        count = self._show_groups()
        self.scan_finished.emit(count)

    def _show_groups(self) -> int:
        if self._scan is not None:
            threshold = self.threshold_probability()
            rows = [GroupRow("contact", g.members, g.probability, g)
                    for g in self._scan.groups(threshold)]
            precision, recall, pairs = self._scan.quality(threshold)
            self.quality.setText(
                self.tr("Estimated on your data at this threshold: precision %1 %, "
                        "recall %2 %, about %3 duplicate pairs. Higher: fewer wrong "
                        "groups, more duplicates missed.")
                .replace("%1", _pct(precision)).replace("%2", _pct(recall))
                .replace("%3", str(round(pairs))))
        else:
            rows = self._account_rows
        self.model.set_groups(rows)
        self.groups.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        if self.model.rowCount():
            self.groups.selectRow(0)
        else:
            self.explanation.clear()
        self._update_buttons()
        self.status.setText(self.tr("%1 groups found.").replace("%1", str(self.model.total())))
        return self.model.total()

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

    # -- threshold -----------------------------------------------------------------------------

    @Slot(int)
    def _show_threshold(self, value: int) -> None:
        self.threshold_value.setText(self.tr("%1 %").replace("%1", str(value)))

    @Slot(int)
    def _on_threshold_value_changed(self, value: int) -> None:
        self._show_threshold(value)
        if self._scan is not None:
            self._show_groups()

    # -- the selected group ------------------------------------------------------------------

    def current_row(self) -> GroupRow | None:
        index = self.groups.currentIndex()
        return index.data(GroupRole) if index.isValid() else None

    def _update_buttons(self) -> None:
        has = self.current_row() is not None
        self.merge_button.setEnabled(has)
        self.dismiss_button.setEnabled(has)

    @Slot(QModelIndex, QModelIndex)
    def _on_groups_current_row_changed(self, current: QModelIndex, _previous: QModelIndex
                                       ) -> None:
        self._update_buttons()
        self.explanation.clear()
        row: GroupRow | None = current.data(GroupRole) if current.isValid() else None
        if row is None:
            return
        if row.group is None or self._scan is None:
            reason = _reason_titles().get(row.reason, "%1").replace("%1", row.value)
            QTreeWidgetItem(self.explanation, [reason, "", _pct(row.probability) + " %"])
            return
        names = dict(zip(row.members, self._services.merges.names("contact",
                                                                  list(row.members)),
                         strict=True))
        for pair in self._scan.explain(row.group):
            self._add_pair(pair, names)
        self.explanation.expandToDepth(0)

    def _add_pair(self, pair: PairExplanation, names: dict[str, str]) -> None:
        fields, levels = _field_titles(), _level_titles()
        top = QTreeWidgetItem(self.explanation, [
            f"{names.get(pair.left_id, '')} ↔ {names.get(pair.right_id, '')}", "",
            self.tr("%1 %").replace("%1", f"{pair.probability * 100:.1f}")])
        for part in pair.fields:
            QTreeWidgetItem(top, [fields.get(part.key, part.key),
                                  levels.get(part.level, part.level), f"{part.bits:+.1f}"])
        if abs(pair.frequency_bits) >= 0.05:
            QTreeWidgetItem(top, [self.tr("How common the name is"), "",
                                  f"{pair.frequency_bits:+.1f}"])
        QTreeWidgetItem(top, [self.tr("Chance two records are one person"), "",
                              f"{pair.prior_bits:+.1f}"])
        if pair.veto:
            note = (self.tr("Given names differ: weight capped, probably two people")
                    if pair.veto == "given" else
                    self.tr("Birth dates differ: weight capped, probably two people"))
            QTreeWidgetItem(top, [note, "", ""])

    @Slot(QModelIndex)
    def _on_groups_activated(self, index: QModelIndex) -> None:
        row: GroupRow | None = index.data(GroupRole)
        if row is None:
            return
        if row.entity == "account":
            self.account_merge_requested.emit(list(row.members))
        else:
            self.merge_requested.emit(list(row.members))

    @Slot()
    def _on_merge_clicked(self) -> None:
        index = self.groups.currentIndex()
        if index.isValid():
            self._on_groups_activated(index)

    @Slot()
    def _on_dismiss_clicked(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self._services.duplicates.dismiss(list(row.members), row.entity)
        self._drop(row.members, dismissed=True)

    def records_merged(self, ids: list[str]) -> None:
        """A group was merged: its records leave the list without a new scan (Scan again
        looks at the merged record afresh)."""
        self._drop(tuple(ids), dismissed=False)

    def _drop(self, members: tuple[str, ...], dismissed: bool) -> None:
        current = self.groups.currentIndex().row()
        if self._scan is not None:
            self._scan.forget(members, dismissed=dismissed)
        else:
            self._account_rows = [r for r in self._account_rows
                                  if not set(r.members) & set(members)]
        self._show_groups()
        if 0 <= current < self.model.rowCount():
            self.groups.selectRow(current)


def _pairs(members: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(a, b) for i, a in enumerate(members) for b in members[i + 1:]]
