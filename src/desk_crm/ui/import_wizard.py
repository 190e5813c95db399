"""The import wizard: file and entity, column mapping, preview through the validation,
then the import in the background with rows/s, ETA and Cancel, and a report at the end."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desk_crm.domain.entities import CUSTOMIZABLE
from desk_crm.domain.import_files import ImportFileError
from desk_crm.domain.import_mapping import (
    IMPORT_ENTITIES,
    ColumnRule,
    ImportEntity,
    guess_mapping,
)
from desk_crm.services.bundle import Services
from desk_crm.services.importer import (
    ImportReport,
    ImportSettings,
    _backup_before_bulk,
    open_source,
)
from desk_crm.settings import Settings
from desk_crm.store.field_columns import column_key
from desk_crm.ui.entity_titles import entity_plural
from desk_crm.ui.import_fields import NEW_FIELD, create_field_for_column, target_title
from desk_crm.ui.operations import BackgroundOperation, Progress

translate = QCoreApplication.translate

ENCODINGS = (("", "Auto"), ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 BOM"), ("gbk", "GBK"),
             ("gb18030", "GB18030"), ("utf-16", "UTF-16"))
DELIMITERS = (("", "Auto"), (",", ","), (";", ";"), ("\t", "Tab"), ("|", "|"))


def _file_error_text(error: ImportFileError) -> str:
    template = translate("Import", error.template)
    try:
        return template.format(**error.params)
    except (KeyError, ValueError):
        return str(error)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("CSV (any delimiter), Excel .xlsx or vCard .vcf"))
        form = QFormLayout(self)
        self.entity = QComboBox(self)
        self.entity.setAccessibleName(self.tr("What to import"))
        for key in IMPORT_ENTITIES:
            self.entity.addItem(entity_plural(key), key)
        form.addRow(self.tr("&Import"), self.entity)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("File"))
        self.browse = QPushButton(self.tr("&Browse…"), self)
        self.browse.clicked.connect(self._on_browse_clicked)
        row.addWidget(self.path)
        row.addWidget(self.browse)
        file_label = QLabel(self.tr("&File"), self)
        file_label.setBuddy(self.path)  # a label without buddy shows its "&" as text
        form.addRow(file_label, row)
        self.encoding = QComboBox(self)
        self.encoding.setAccessibleName(self.tr("Encoding"))
        for value, title in ENCODINGS:
            self.encoding.addItem(self.tr("Detect") if not value else title, value)
        form.addRow(self.tr("&Encoding"), self.encoding)
        self.delimiter = QComboBox(self)
        self.delimiter.setAccessibleName(self.tr("Delimiter"))
        for value, title in DELIMITERS:
            self.delimiter.addItem(self.tr("Detect") if not value else title, value)
        form.addRow(self.tr("&Delimiter"), self.delimiter)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.path.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    @Slot()
    def _on_browse_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import file"), "",
            self.tr("Importable files (*.csv *.txt *.tsv *.xlsx *.vcf);;All files (*)"))
        if name:
            self.path.setText(name)

    def validatePage(self) -> bool:
        try:
            source = open_source(Path(self.path.text().strip()),
                                 self.encoding.currentData() or None,
                                 self.delimiter.currentData() or None)
        except ImportFileError as exc:
            self.error.setText(_file_error_text(exc))
            return False
        except OSError as exc:
            self.error.setText(exc.strerror or str(exc))
            return False
        self.error.clear()
        self._wizard.source = source
        self._wizard.entity_key = self.entity.currentData()
        return True


class MappingPage(QWizardPage):
    COLUMN_HEADER, COLUMN_SAMPLE, COLUMN_TARGET, COLUMN_TRANSFORM, COLUMN_DATE = range(5)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Map the columns"))
        self.setSubTitle(self.tr("Each column of the file becomes a field, or is ignored."))
        layout = QVBoxLayout(self)
        presets = QHBoxLayout()
        self.preset = QComboBox(self)
        self.preset.setAccessibleName(self.tr("Mapping preset"))
        self.preset.activated.connect(self._on_preset_activated)
        self.save_preset = QPushButton(self.tr("&Save mapping…"), self)
        self.save_preset.clicked.connect(self._on_save_preset_clicked)
        presets.addWidget(QLabel(self.tr("Preset:"), self))
        presets.addWidget(self.preset, 1)
        presets.addWidget(self.save_preset)
        layout.addLayout(presets)
        self.table = QTableWidget(0, 5, self)
        self.table.setAccessibleName(self.tr("Column mapping"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Column"), self.tr("First value"), self.tr("Field"), self.tr("Transform"),
            self.tr("Date format")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        form = QFormLayout()
        self.mode = QComboBox(self)
        self.mode.setAccessibleName(self.tr("Match mode"))
        self.mode.addItem(self.tr("Create new records only"), "create")
        self.mode.addItem(self.tr("Update existing records only"), "update")
        self.mode.addItem(self.tr("Update existing, create the rest"), "upsert")
        form.addRow(self.tr("&Mode"), self.mode)
        self.key = QComboBox(self)
        self.key.setAccessibleName(self.tr("Match on"))
        form.addRow(self.tr("Match &on"), self.key)
        errors = QHBoxLayout()
        self.skip = QRadioButton(self.tr("S&kip rows with errors"), self)
        self.stop = QRadioButton(self.tr("S&top at the first error"), self)
        self.skip.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.skip)
        group.addButton(self.stop)
        errors.addWidget(self.skip)
        errors.addWidget(self.stop)
        form.addRow(self.tr("Bad rows"), errors)
        layout.addLayout(form)

    def initializePage(self) -> None:
        source = self._wizard.source
        entity = self._wizard.services.imports.entity(self._wizard.entity_key)
        self._entity = entity
        first = next(iter(source.rows()), (0, []))[1]
        self._first = first
        guesses = guess_mapping(entity, source.headers)
        self.table.setRowCount(len(source.headers))
        for row, header in enumerate(source.headers):
            self.table.setItem(row, 0, _read_only(header))
            self.table.setItem(row, 1, _read_only(first[row] if row < len(first) else ""))
            target = QComboBox(self.table)
            target.setAccessibleName(self.tr("Field for %1").replace("%1", header))
            self._fill_targets(target, entity)
            target.setCurrentIndex(max(0, target.findData(guesses[row])))
            target.activated.connect(lambda _i, r=row: self._on_target_activated(r))
            self.table.setCellWidget(row, 2, target)
            transform = QComboBox(self.table)
            transform.setAccessibleName(self.tr("Transform for %1").replace("%1", header))
            for value, title in (("", self.tr("Trim")), ("upper", self.tr("UPPER CASE")),
                                 ("lower", self.tr("lower case")),
                                 ("title", self.tr("Title Case")),
                                 ("date", self.tr("Date in format…"))):
                transform.addItem(title, value)
            self.table.setCellWidget(row, 3, transform)
            self.table.setItem(row, 4, QTableWidgetItem(""))
        self.key.clear()
        names = {"email": self.tr("Email"), "phone": self.tr("Phone"),
                 "external_id": self.tr("External id"), "name": self.tr("Company name"),
                 "code": self.tr("Product code")}
        for key in entity.match_keys:
            self.key.addItem(names[key], key)
        self.key.setCurrentIndex(1 if self.key.count() > 1 else 0)
        self._load_presets()

    def _fill_targets(self, combo: QComboBox, entity: ImportEntity) -> None:
        combo.clear()
        combo.addItem(self.tr("(ignore)"), "")
        for field in entity.fields:
            combo.addItem(target_title(self._wizard.services, self._wizard.entity_key,
                                       field), field.key)
        if self._wizard.entity_key in CUSTOMIZABLE:
            # An unmapped column need not be dropped: it can become a field of its own.
            combo.addItem(self.tr("Create custom field…"), NEW_FIELD)

    def _on_target_activated(self, row: int) -> None:
        combo = self.table.cellWidget(row, 2)
        if combo.currentData() != NEW_FIELD:
            return
        header = self.table.item(row, 0).text()
        sample = self.table.item(row, 1).text()
        created = create_field_for_column(self, self._wizard.services,
                                          self._wizard.entity_key, header, sample)
        chosen = [self.table.cellWidget(r, 2).currentData()
                  for r in range(self.table.rowCount())]
        entity = self._wizard.services.imports.entity(self._wizard.entity_key)
        self._entity = entity
        for other in range(self.table.rowCount()):
            box = self.table.cellWidget(other, 2)
            box.blockSignals(True)
            self._fill_targets(box, entity)
            wanted = (column_key(created) if created is not None and other == row
                      else "" if other == row else chosen[other])
            box.setCurrentIndex(max(0, box.findData(wanted)))
            box.blockSignals(False)

    def rules(self) -> tuple[ColumnRule, ...]:
        rules = []
        for row in range(self.table.rowCount()):
            target = self.table.cellWidget(row, 2).currentData()
            transform = self.table.cellWidget(row, 3).currentData()
            date_format = (self.table.item(row, 4).text() or "").strip()
            rules.append(ColumnRule(target, transform, date_format))
        return tuple(rules)

    def settings(self) -> ImportSettings:
        return ImportSettings(self._wizard.entity_key, self.rules(), self.mode.currentData(),
                              self.key.currentData(), self.stop.isChecked())

    def _load_presets(self) -> None:
        self.preset.clear()
        self.preset.addItem(self.tr("(guessed from the headers)"), None)
        if self._wizard.settings is not None:
            for name in self._wizard.settings.import_presets(self._wizard.entity_key):
                self.preset.addItem(name, name)

    @Slot(int)
    def _on_preset_activated(self, _index: int) -> None:
        name = self.preset.currentData()
        if name is None or self._wizard.settings is None:
            return
        saved = self._wizard.settings.import_presets(self._wizard.entity_key).get(name, [])
        by_header = {item[0]: item[1:] for item in saved}
        for row, header in enumerate(self._wizard.source.headers):
            target, transform, date_format = (by_header.get(header) or ["", "", ""])[:3]
            combo = self.table.cellWidget(row, 2)
            combo.setCurrentIndex(max(0, combo.findData(target)))
            self.table.cellWidget(row, 3).setCurrentIndex(
                max(0, self.table.cellWidget(row, 3).findData(transform)))
            self.table.item(row, 4).setText(date_format)

    @Slot()
    def _on_save_preset_clicked(self) -> None:
        if self._wizard.settings is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Save mapping"), self.tr("Name:"))
        if not ok or not name.strip():
            return
        rules = [[header, r.target, r.transform, r.date_format]
                 for header, r in zip(self._wizard.source.headers, self.rules(), strict=False)]
        self._wizard.settings.save_import_preset(self._wizard.entity_key, name.strip(), rules)
        self._load_presets()
        self.preset.setCurrentIndex(self.preset.findData(name.strip()))


def _read_only(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


ERROR_BRUSH = QBrush(QColor("#fde2e1"))
DUPLICATE_BRUSH = QBrush(QColor("#fff8e1"))


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("The first rows as they will be saved. Cells with a problem "
                                 "are marked; point at one to read why."))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Preview summary"))
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 0, self)
        self.table.setAccessibleName(self.tr("Preview"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()  # the file's line numbers are the first column
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)

    def initializePage(self) -> None:
        settings = self._wizard.mapping.settings()
        entity = self._wizard.services.imports.entity(settings.entity)
        rows = self._wizard.services.imports.preview(self._wizard.source, settings)
        targets = [f.key for f in entity.fields if f.key != "full_name"
                   and any(r.target == f.key or (r.target == "full_name" and f.key in (
                       "family_name", "given_name")) for r in settings.rules)]
        actions = {"created": self.tr("New"), "updated": self.tr("Update"),
                   "skipped": self.tr("Skip")}
        self.table.clear()
        duplicates = any(r.possible_duplicate for r in rows)
        self.table.setColumnCount(len(targets) + 2 + duplicates)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Action")]
            + [target_title(self._wizard.services, settings.entity, entity.field(t))
               for t in targets]
            + ([self.tr("Possible duplicate")] if duplicates else []))
        self.table.setRowCount(len(rows))
        bad = 0
        for row, preview in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(str(preview.line)))
            action = QTableWidgetItem(actions[preview.action])
            if "_row" in preview.errors:
                action.setToolTip(preview.errors["_row"])
                action.setBackground(ERROR_BRUSH)
            self.table.setItem(row, 1, action)
            bad += bool(preview.errors)
            for column, target in enumerate(targets, start=2):
                item = QTableWidgetItem(preview.values.get(target, ""))
                if target in preview.errors:
                    item.setBackground(ERROR_BRUSH)
                    item.setToolTip(preview.errors[target])
                    item.setText(f"⚠ {item.text()}".strip())
                self.table.setItem(row, column, item)
            if duplicates:
                item = QTableWidgetItem(preview.possible_duplicate)
                if preview.possible_duplicate:
                    item.setBackground(DUPLICATE_BRUSH)
                    item.setToolTip(self.tr("Probably already in the database: %1")
                                    .replace("%1", preview.possible_duplicate))
                self.table.setItem(row, len(targets) + 2, item)
        self.table.resizeColumnsToContents()
        summary = (self.tr("%1 rows shown, %2 with problems.")
                   .replace("%1", str(len(rows))).replace("%2", str(bad)))
        likely = sum(bool(r.possible_duplicate) for r in rows)
        if likely:
            summary += " " + self.tr("%1 probably already in the database.").replace(
                "%1", str(likely))
        self.summary.setText(summary)


class ReportPage(QWizardPage):
    """Runs the import when shown; complete when it has finished."""

    import_finished = Signal(object)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.report: ImportReport | None = None
        self.setTitle(self.tr("Import"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Import result"))
        layout.addWidget(self.summary)
        self.skipped = QTableWidget(0, 2, self)
        self.skipped.setAccessibleName(self.tr("Skipped rows"))
        self.skipped.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Reason")])
        self.skipped.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.skipped)
        self.save = QPushButton(self.tr("Save &report as CSV…"), self)
        self.save.setEnabled(False)
        self.save.clicked.connect(self._on_save_clicked)
        layout.addWidget(self.save)

    def initializePage(self) -> None:
        self.summary.setText(self.tr("Importing…"))
        source, settings = self._wizard.source, self._wizard.mapping.settings()
        services = self._wizard.services
        started = time.monotonic()

        def work(progress: Progress) -> ImportReport:
            _backup_before_bulk(services, "import")

            def report(done: int, total: int, _text: str) -> None:
                elapsed = max(time.monotonic() - started, 0.001)
                rate = done / elapsed
                eta = int((total - done) / rate) if rate else 0
                progress.report(done, total, translate(
                    "ImportWizard", "%1 rows, %2 rows/s, about %3 s left")
                    .replace("%1", str(done)).replace("%2", f"{rate:.0f}")
                    .replace("%3", str(eta)))

            return services.imports.run(source, settings, report=report,
                                        cancelled=lambda: progress.cancelled)

        operation = BackgroundOperation(self, work, title=self.tr("Importing"))
        operation.succeeded.connect(self._on_operation_succeeded)
        operation.failed.connect(self._on_operation_failed)
        operation.cancelled.connect(self._on_operation_cancelled)
        operation.start()

    def isComplete(self) -> bool:
        return self.report is not None or self.summary.property("failed") is True

    @Slot(object)
    def _on_operation_succeeded(self, report: ImportReport) -> None:
        self.report = report
        statuses = {"completed": self.tr("Import finished."),
                    "cancelled": self.tr("Import cancelled; the rows before the last "
                                         "whole chunk were kept and can be undone."),
                    "stopped": self.tr("Import stopped at the first bad row.")}
        self.summary.setText(
            statuses.get(report.status, report.status) + " "
            + self.tr("Created %1, updated %2, skipped %3 (%4 rows/s).")
            .replace("%1", str(report.created)).replace("%2", str(report.updated))
            .replace("%3", str(report.skipped))
            .replace("%4", f"{report.rows_per_second:.0f}"))
        skipped = [o for o in report.outcomes if o.action == "skipped"]
        self.skipped.setRowCount(len(skipped))
        for row, outcome in enumerate(skipped):
            self.skipped.setItem(row, 0, QTableWidgetItem(str(outcome.line)))
            self.skipped.setItem(row, 1, QTableWidgetItem(_reason_text(outcome)))
        self.save.setEnabled(True)
        self.completeChanged.emit()
        self.import_finished.emit(report)

    @Slot(object)
    def _on_operation_failed(self, error: Any) -> None:
        self.summary.setProperty("failed", True)
        self.summary.setText(self.tr("The import failed: %1").replace("%1", str(error)))
        self.completeChanged.emit()

    @Slot()
    def _on_operation_cancelled(self) -> None:
        self.summary.setProperty("failed", True)
        self.summary.setText(self.tr("Import cancelled."))
        self.completeChanged.emit()

    @Slot()
    def _on_save_clicked(self) -> None:
        if self.report is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), "import-report.csv",
                                              self.tr("CSV files (*.csv)"))
        if name:
            self.report.save_csv(Path(name))


def _reason_text(outcome: Any) -> str:
    """A skipped row's reason in the user's language (the saved CSV keeps English)."""
    if not outcome.reason_template:
        return outcome.reason
    params = dict(outcome.reason_params)
    for context in ("Import", "Validation"):
        template = translate(context, outcome.reason_template)
        if template != outcome.reason_template:
            try:
                return template.format(**params)
            except (KeyError, ValueError):
                break
    return outcome.reason


class ImportWizard(QWizard):
    """Signals:
        import_finished(object): the ImportReport of a run that wrote something.
    """

    import_finished = Signal(object)

    def __init__(self, services: Services, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.source: Any = None
        self.entity_key = "contact"
        self.setWindowTitle(self.tr("Import"))
        self.setObjectName("importWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(900, 600)
        self.file_page = FilePage(self)
        self.mapping = MappingPage(self)
        self.preview = PreviewPage(self)
        self.report_page = ReportPage(self)
        for page in (self.file_page, self.mapping, self.preview, self.report_page):
            self.addPage(page)
        # Past the preview the rows are written: no way back, the report page stays.
        self.preview.setCommitPage(True)
        self.preview.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.report_page.import_finished.connect(self.import_finished)
        self.report_page.setFinalPage(True)
