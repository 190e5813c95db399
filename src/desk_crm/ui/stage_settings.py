"""Settings → Pipeline stages: name, order, default probability, kind, active."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.pipeline import StageDraft, StageKind
from desk_crm.services.bundle import Services
from desk_crm.ui.sales_columns import kind_titles
from desk_crm.ui.stage_names import default_name_here
from desk_crm.ui.validation_text import all_messages

NAME, PROBABILITY, KIND, ACTIVE = range(4)
IdRole = Qt.ItemDataRole.UserRole + 1


class StageSettingsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("stageSettingsDialog")
        self.setWindowTitle(self.tr("Pipeline stages"))
        self.resize(620, 420)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Stages in pipeline order. A stage used by opportunities "
                              "cannot be removed, only deactivated."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Pipeline stages"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Probability %"),
                                              self.tr("Kind"), self.tr("Active")])
        self.table.horizontalHeader().setSectionResizeMode(
            NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        row_buttons = QVBoxLayout()
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move &down"), self)
        self.default_names_button = QPushButton(self.tr("Default &names"), self)
        self.default_names_button.setToolTip(self.tr(
            "Stages still called by their default name (in any language) get the default "
            "name in this window's language; names you chose stay."))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button,
                       self.default_names_button):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(row_buttons)
        layout.addLayout(middle)
        self.error = QLabel(self)
        self.error.setObjectName("stageSettingsError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        self.default_names_button.clicked.connect(self._on_default_names_button_clicked)
        self.table.itemChanged.connect(self._update_default_names_button)
        for stage in services.pipeline.stages(include_inactive=True):
            self.append_row(StageDraft(stage.name, stage.probability, stage.kind,
                                       stage.active, stage.id))
        self._update_default_names_button()

    # -- rows -----------------------------------------------------------------------------

    def append_row(self, draft: StageDraft) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._set_row(row, draft)
        return row

    def _set_row(self, row: int, draft: StageDraft) -> None:
        name = QTableWidgetItem(draft.name)
        name.setData(IdRole, draft.id)
        self.table.setItem(row, NAME, name)
        probability = QTableWidgetItem(str(draft.probability))
        probability.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                     | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, PROBABILITY, probability)
        kind = QComboBox(self.table)
        kind.setAccessibleName(self.tr("Stage kind"))
        for code, title in kind_titles().items():
            kind.addItem(title, code)
        kind.setCurrentIndex(max(kind.findData(str(draft.kind)), 0))
        self.table.setCellWidget(row, KIND, kind)
        active = QTableWidgetItem()
        active.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable)
        active.setCheckState(Qt.CheckState.Checked if draft.active
                             else Qt.CheckState.Unchecked)
        self.table.setItem(row, ACTIVE, active)

    def row_draft(self, row: int) -> StageDraft:
        name = self.table.item(row, NAME)
        text = self.table.item(row, PROBABILITY).text().strip().rstrip("%").strip()
        try:
            probability = Decimal(text or "0")
        except InvalidOperation:
            probability = Decimal("NaN")
        kind = self.table.cellWidget(row, KIND)
        assert isinstance(kind, QComboBox)
        return StageDraft(name.text(), probability, kind.currentData() or StageKind.OPEN,
                          self.table.item(row, ACTIVE).checkState() == Qt.CheckState.Checked,
                          name.data(IdRole))

    def drafts(self) -> list[StageDraft]:
        return [self.row_draft(row) for row in range(self.table.rowCount())]

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        first, second = self.row_draft(row), self.row_draft(target)
        self._set_row(row, second)
        self._set_row(target, first)
        self.table.setCurrentCell(target, NAME)

    @Slot()
    def _on_add_button_clicked(self) -> None:
        # New stages go before the first closed one, where open stages belong.
        position = next((row for row, draft in enumerate(self.drafts())
                         if draft.kind != StageKind.OPEN), self.table.rowCount())
        self.table.insertRow(position)
        self._set_row(position, StageDraft(self.tr("New stage"), Decimal(50)))
        self.table.setCurrentCell(position, NAME)
        self.table.editItem(self.table.item(position, NAME))

    def _renamed_rows(self) -> dict[int, str]:
        """Rows whose default name differs from this language's: row -> new name."""
        renamed = {}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, NAME)
            wanted = default_name_here(item.text()) if item is not None else None
            if wanted is not None and wanted != item.text():
                renamed[row] = wanted
        return renamed

    @Slot()
    def _update_default_names_button(self) -> None:
        self.default_names_button.setEnabled(bool(self._renamed_rows()))

    @Slot()
    def _on_default_names_button_clicked(self) -> None:
        # Only the table changes; Save writes it like any rename (change log, sync, undo).
        for row, name in self._renamed_rows().items():
            item = self.table.item(row, NAME)
            if item is not None:
                item.setText(name)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        draft = self.row_draft(row)
        if draft.id is not None and self.services.pipeline.in_use(draft.id):
            QMessageBox.information(
                self, self.windowTitle(),
                self.tr("“%1” is used by opportunities, so it stays in their history. "
                        "It was deactivated instead.").replace("%1", draft.name))
            self.table.item(row, ACTIVE).setCheckState(Qt.CheckState.Unchecked)
            return
        self.table.removeRow(row)

    @Slot()
    def save(self) -> None:
        try:
            self.services.pipeline.save_stages(self.drafts())
        except ValidationErrors as problems:
            self.error.setText(all_messages(problems))
            return
        self.accept()
