"""Sync > Conflicts: the open conflicts and rejections, and one dialog per record showing
base / mine / theirs for each field with "keep mine", "take theirs" or an edited value.
Resolving queues the result for the next push."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import QT_TRANSLATE_NOOP
from desk_crm.sync.issues import MINE, THEIRS, IssueRecord, SyncIssues
from desk_crm.sync.merge import DELETED
from desk_crm.ui.entity_titles import entity_title
from desk_crm.ui.field_text import field_title as custom_title
from desk_crm.ui.field_text import value_text
from desk_crm.ui.widgets.empty_state import EmptyState

translate = QCoreApplication.translate

# Source texts only: translating here, at import, would run before the translator is
# installed and freeze the English; field_title()/entity_title() translate on use.
FIELD_TITLES = {
    "name": QT_TRANSLATE_NOOP("SyncFields", "Name"),
    "family_name": QT_TRANSLATE_NOOP("SyncFields", "Family name"),
    "given_name": QT_TRANSLATE_NOOP("SyncFields", "Given name"),
    "email": QT_TRANSLATE_NOOP("SyncFields", "E-mail"),
    "emails": QT_TRANSLATE_NOOP("SyncFields", "E-mails"),
    "phone": QT_TRANSLATE_NOOP("SyncFields", "Phone"),
    "phones": QT_TRANSLATE_NOOP("SyncFields", "Phones"),
    "website": QT_TRANSLATE_NOOP("SyncFields", "Website"),
    "street": QT_TRANSLATE_NOOP("SyncFields", "Street"),
    "city": QT_TRANSLATE_NOOP("SyncFields", "City"),
    "postal_code": QT_TRANSLATE_NOOP("SyncFields", "Postal code"),
    "title": QT_TRANSLATE_NOOP("SyncFields", "Title"),
    "amount": QT_TRANSLATE_NOOP("SyncFields", "Amount"),
    "currency": QT_TRANSLATE_NOOP("SyncFields", "Currency"),
    "close_date": QT_TRANSLATE_NOOP("SyncFields", "Close date"),
    "probability": QT_TRANSLATE_NOOP("SyncFields", "Probability"),
    "account_id": QT_TRANSLATE_NOOP("SyncFields", "Account"),
    "number": QT_TRANSLATE_NOOP("SyncFields", "Number"),
    "issue_date": QT_TRANSLATE_NOOP("SyncFields", "Issue date"),
    "terms": QT_TRANSLATE_NOOP("SyncFields", "Terms"),
    "lines": QT_TRANSLATE_NOOP("SyncFields", "Lines"),
    DELETED: QT_TRANSLATE_NOOP("SyncFields", "Deleted"),
}


def field_title(name: str) -> str:
    return translate("SyncFields", FIELD_TITLES[name]) if name in FIELD_TITLES else name


builtin_title = field_title  # (the dialogs title custom fields by their own titles)


def show_value(value: Any) -> str:
    if value is True:
        return translate("SyncFields", "yes")
    if value is False:
        return translate("SyncFields", "no")
    if value is None:
        return ""
    if isinstance(value, list) and value and isinstance(value[0], dict):  # quote lines
        return "\n".join(f"{v.get('description', '')} × {v.get('quantity', '')} "
                         f"@ {v.get('unit_price', '')}" for v in value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


class ConflictDialog(QDialog):
    """One record: a row per conflicting field."""

    def __init__(self, issues: SyncIssues, issue: IssueRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._issues = issues
        self._issue = issue
        self.setObjectName("syncConflictDialog")
        self.setWindowTitle(self.tr("Resolve conflict: %1").replace("%1", issue.title))
        intro = QLabel(self.tr("%1 “%2” was changed here and on the server. Choose what to "
                               "keep for each field; the result is sent at the next sync.")
                       .replace("%1", entity_title(issue.entity))
                       .replace("%2", issue.title), self)
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(10)
        for column, title in enumerate((self.tr("Field"), self.tr("Before (last synced)"),
                                        self.tr("Mine"), self.tr("Theirs (server)"),
                                        self.tr("Keep"))):
            header = QLabel(f"<b>{title}</b>", self)
            grid.addWidget(header, 0, column)
        self.choices: dict[str, QComboBox] = {}
        self.edits: dict[str, QLineEdit] = {}
        self._sides: dict[str, dict[str, QLabel]] = {}
        order = list(FIELD_TITLES)
        fields = sorted(issue.fields.items(),
                        key=lambda item: order.index(item[0]) if item[0] in order else 99)
        custom = issues.custom_fields(issue.entity)

        def field_title(name: str) -> str:  # a custom field by its own title
            return custom_title(custom[name]) if name in custom else builtin_title(name)

        def show(name: str, value: Any) -> str:
            return value_text(custom[name], value) if name in custom else show_value(value)

        for row, (name, values) in enumerate(fields, start=1):
            grid.addWidget(QLabel(field_title(name), self), row, 0)
            self._sides[name] = {}
            for column, side in enumerate(("base", "mine", "theirs"), start=1):
                label = QLabel(show(name, values.get(side)), self)
                label.setWordWrap(True)
                label.setMinimumWidth(120)
                if side == "base":
                    label.setStyleSheet("color: palette(mid);")
                grid.addWidget(label, row, column)
                self._sides[name][side] = label
            choice = QComboBox(self)
            choice.setAccessibleName(self.tr("Keep for %1").replace(
                "%1", field_title(name)))
            choice.addItem(self.tr("Keep mine"), MINE)
            choice.addItem(self.tr("Take theirs"), THEIRS)
            cell = QHBoxLayout()
            cell.addWidget(choice)
            editable = name != DELETED and not (
                isinstance(values.get("mine"), list) and values.get("mine")
                and isinstance(values["mine"][0], dict))  # quote lines: mine or theirs
            if editable:
                choice.addItem(self.tr("Edit…"), "edit")
                edit = QLineEdit(show_value(values.get("mine")), self)
                edit.setAccessibleName(self.tr("Value for %1").replace(
                    "%1", field_title(name)))
                edit.setEnabled(False)
                choice.currentIndexChanged.connect(
                    lambda _i, c=choice, e=edit: e.setEnabled(c.currentData() == "edit"))
                cell.addWidget(edit)
                self.edits[name] = edit
            grid.addLayout(cell, row, 4)
            self.choices[name] = choice
            choice.currentIndexChanged.connect(lambda _i, n=name: self._mark_choice(n))
            self._mark_choice(name)
        self.all_mine = QPushButton(self.tr("All &mine"), self)
        self.all_theirs = QPushButton(self.tr("All &theirs"), self)
        self.all_mine.clicked.connect(lambda: self._choose_all(MINE))
        self.all_theirs.clicked.connect(lambda: self._choose_all(THEIRS))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Resolve"))
        self.buttons.addButton(self.all_mine, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.all_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addSpacing(12)
        layout.addWidget(self.buttons)
        grid.setColumnStretch(4, 1)
        self.resize(820, self.sizeHint().height())

    def _mark_choice(self, name: str) -> None:
        # The value that will be kept is shown in bold, the other side struck through.
        chosen = self.choices[name].currentData()
        for side in ("mine", "theirs"):
            label = self._sides[name][side]
            font = label.font()
            font.setBold(chosen == side)
            font.setStrikeOut(chosen in (MINE, THEIRS) and chosen != side)
            label.setFont(font)

    def _choose_all(self, side: str) -> None:
        for combo in self.choices.values():
            combo.setCurrentIndex(combo.findData(side))

    def resolution(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, combo in self.choices.items():
            if combo.currentData() == "edit":
                text = self.edits[name].text().strip()
                mine = self._issue.fields[name].get("mine")
                value: Any = [v.strip() for v in text.split(",") if v.strip()] \
                    if isinstance(mine, list) else text
                out[name] = ("value", value)
            else:
                out[name] = combo.currentData()
        return out

    def accept(self) -> None:
        try:
            self._issues.resolve(self._issue.pk, self.resolution())
        except (ValueError, LookupError) as exc:
            QMessageBox.warning(self, self.tr("Not resolved"), str(exc))
            return
        super().accept()


class ConflictsDialog(QDialog):
    """The queue: every open conflict and rejection."""

    def __init__(self, issues: SyncIssues, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._issues = issues
        self._rows: list[IssueRecord] = []
        self.setObjectName("syncConflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Open conflicts"))
        self.table.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Kind"),
                                              self.tr("Fields / server message"),
                                              self.tr("Since")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.empty_state = EmptyState(self.table, self.tr(
            "No conflicts. A record changed both here and on the server since the last "
            "sync waits here until you choose what to keep."))
        self.resolve_button = QPushButton(self.tr("&Resolve…"), self)
        self.resolve_button.clicked.connect(self.resolve_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.resolve_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 380)
        self.reload()

    def reload(self) -> None:
        self._rows = self._issues.open_issues()
        self.table.setRowCount(len(self._rows))
        locale = QLocale()
        for row, issue in enumerate(self._rows):
            kind = self.tr("Conflict") if issue.kind == "conflict" else self.tr("Refused")
            custom = self._issues.custom_fields(issue.entity) if issue.kind == "conflict" \
                else {}
            detail = issue.message if issue.kind != "conflict" else ", ".join(
                custom_title(custom[name]) if name in custom else builtin_title(name)
                for name in sorted(issue.fields))
            since = locale.toString(issue.created_at.astimezone(),
                                    QLocale.FormatType.ShortFormat)
            title = f"{entity_title(issue.entity)}: {issue.title}"
            for column, text in enumerate((title, kind, detail, since)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self._rows:
            self.table.selectRow(0)
        self.resolve_button.setEnabled(bool(self._rows))

    @Slot()
    def _on_table_double_clicked(self, _index: object = None) -> None:
        self.resolve_current()

    def resolve_current(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._rows):
            return
        issue = self._rows[row]
        if issue.kind == "conflict":
            ConflictDialog(self._issues, issue, self).exec()
        else:
            answer = QMessageBox.question(
                self, self.tr("Refused by the server"),
                self.tr("The server refused this record:\n%1\n\nSend it again at the next "
                        "sync? (Correct the record first if needed.)")
                .replace("%1", issue.message))
            if answer == QMessageBox.StandardButton.Yes:
                self._issues.resolve(issue.pk, {})
        self.reload()
