"""The one side-by-side merge of a group of duplicates — contacts or accounts (the list
of groups is in duplicates_dialog.py). What it shows comes from the entity's declaration:
``EntityDef.merge`` (the fields chosen per row, the lists kept from every record) and the
declared fields (custom fields, demographics) some record has a value for. Each column is
one record, headed by what tells same-named records apart; the last column shows the kept
record as the merge would save it."""

from __future__ import annotations

from typing import Any

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

from desk_crm.domain.entities import ENTITIES
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.fields import FieldDef
from desk_crm.domain.phones import format_phone
from desk_crm.services.bundle import Services
from desk_crm.services.merge import AccountCandidate, MergeCandidate, default_choices
from desk_crm.store.field_columns import column_key
from desk_crm.ui.entity_titles import entity_plural
from desk_crm.ui.field_text import field_title, value_text
from desk_crm.ui.validation_text import all_messages

translate = QCoreApplication.translate
Candidate = MergeCandidate | AccountCandidate

# Row titles of the fields an entity's merge declares (both entities share most).
FIELD_TITLES = {
    "name": QT_TRANSLATE_NOOP("MergeDialog", "Name"),
    "family_name": QT_TRANSLATE_NOOP("MergeDialog", "Family name"),
    "given_name": QT_TRANSLATE_NOOP("MergeDialog", "Given name"),
    "title": QT_TRANSLATE_NOOP("MergeDialog", "Job title"),
    "department": QT_TRANSLATE_NOOP("MergeDialog", "Department"),
    "account_id": QT_TRANSLATE_NOOP("MergeDialog", "Account"),
    "industry": QT_TRANSLATE_NOOP("MergeDialog", "Industry"),
    "website": QT_TRANSLATE_NOOP("MergeDialog", "Website"),
    "phone": QT_TRANSLATE_NOOP("MergeDialog", "Phone"),
    "email": QT_TRANSLATE_NOOP("MergeDialog", "Email"),
    "street": QT_TRANSLATE_NOOP("MergeDialog", "Street"),
    "city": QT_TRANSLATE_NOOP("MergeDialog", "City"),
    "region": QT_TRANSLATE_NOOP("MergeDialog", "Province / state"),
    "postal_code": QT_TRANSLATE_NOOP("MergeDialog", "Postal code"),
    "country": QT_TRANSLATE_NOOP("MergeDialog", "Country"),
    "owner_id": QT_TRANSLATE_NOOP("MergeDialog", "Owner"),
    "notes": QT_TRANSLATE_NOOP("MergeDialog", "Notes"),
}
UNION_TITLES = {
    "emails": QT_TRANSLATE_NOOP("MergeDialog", "Emails (all kept)"),
    "phones": QT_TRANSLATE_NOOP("MergeDialog", "Phones (all kept)"),
    "tags": QT_TRANSLATE_NOOP("MergeDialog", "Tags (all kept)"),
}
TEXTS = {
    "contact": (
        QT_TRANSLATE_NOOP("MergeDialog", "Merge contacts"),
        QT_TRANSLATE_NOOP("MergeDialog", "Pick the value to keep in each row; the last column "
                          "shows the kept contact as it will be saved. Emails, phones and tags "
                          "of all records are kept; activities, leads, opportunities, tickets, "
                          "quotes and contracts move to the kept record; the merge can be "
                          "undone."),
        QT_TRANSLATE_NOOP("MergeDialog", "Record to keep")),
    "account": (
        QT_TRANSLATE_NOOP("MergeDialog", "Merge accounts"),
        QT_TRANSLATE_NOOP("MergeDialog", "Pick the value to keep in each row; the last column "
                          "shows the kept account as it will be saved. Tags of all accounts "
                          "are kept. Contacts and everything else linked to the other accounts "
                          "move to the kept one; the merge can be undone."),
        QT_TRANSLATE_NOOP("MergeDialog", "Account to keep")),
}


def _points(points: Any) -> str:
    return ", ".join(p.value for p in points)


class MergeDialog(QDialog):
    """Signals:
        merged(str): the batch id of the merge (undo it to undo the merge).
    """

    merged = Signal(str)

    def __init__(self, services: Services, record_ids: list[str],
                 parent: QWidget | None = None, entity: str = "contact") -> None:
        super().__init__(parent)
        self._services = services
        self.entity = entity
        spec = ENTITIES[entity].merge
        assert spec is not None, entity
        self.fields, self.union = spec.fields, spec.union
        window_title, intro_text, keep_name = TEXTS[entity]
        self.setObjectName("mergeDialog" if entity == "contact" else f"{entity}MergeDialog")
        self.setWindowTitle(translate("MergeDialog", window_title))
        self.resize(980, 560)
        self.candidates: list[Candidate] = list(services.merges.candidates_of(entity,
                                                                              record_ids))
        self._owners = {user.id: user.name for user in services.users.list_active()}
        self.survivor_id = ""
        self.loser_ids: list[str] = []
        self.batch_id = ""
        layout = QVBoxLayout(self)
        intro = QLabel(translate("MergeDialog", intro_text), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        keep = QHBoxLayout()
        keep_label = QLabel(self.tr("&Keep record:"), self)
        keep.addWidget(keep_label)
        self.survivor = QComboBox(self)
        self.survivor.setAccessibleName(translate("MergeDialog", keep_name))
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

    # -- the table ------------------------------------------------------------------------

    def _build_table(self) -> None:
        rows = [*self.fields, *self.union]
        self.result_column = len(self.candidates)
        self.table = QTableWidget(len(rows), len(self.candidates) + 1, self)
        self.table.setAccessibleName(self.tr("Fields side by side"))
        self.table.setVerticalHeaderLabels(
            [translate("MergeDialog", FIELD_TITLES[f]) for f in self.fields]
            + [translate("MergeDialog", UNION_TITLES[u]) for u in self.union])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.groups: dict[str, QButtonGroup] = {}
        defaults = default_choices(self.candidates, self.fields)  # type: ignore[arg-type]
        for column, candidate in enumerate(self.candidates):
            for row, field in enumerate(self.fields):
                text = self._shown(field, getattr(candidate.draft, field), candidate)
                button = QRadioButton(text or "—", self.table)
                button.setProperty("record_id", candidate.id)
                button.setAccessibleName(f"{self._row_title(row)}: {candidate.display_name}")
                group = self.groups.setdefault(field, QButtonGroup(self))
                group.addButton(button)
                button.setChecked(defaults[field] == candidate.id)
                self.table.setCellWidget(row, column, button)
            for offset, kind in enumerate(self.union):
                self._set_text(len(self.fields) + offset, column,
                               self._union_text(kind, candidate.draft))
        # Rows where no record has a value offer no choice: hidden to keep the view short.
        for row, field in enumerate(self.fields):
            if not any(getattr(c.draft, field) for c in self.candidates):
                self.table.hideRow(row)
        self._add_declared_rows()

    def _row_title(self, row: int) -> str:
        item = self.table.verticalHeaderItem(row)
        return item.text() if item is not None else ""

    def _add_declared_rows(self) -> None:
        """One row per declared field (custom fields, demographics) some record has a
        value for, chosen like the built-in rows (newest value by default)."""
        ids = [c.id for c in self.candidates]
        self._stored = self._services.merges.declared_values(self.entity, ids)
        newest = sorted(self.candidates, key=lambda c: c.updated_at, reverse=True)
        self._declared: dict[int, FieldDef] = {}
        for field in self._services.fields.entity(self.entity).generated_fields:
            if not any(self._stored[i].get(field.key) not in (None, "", []) for i in ids):
                continue
            row = self.table.rowCount()
            self.table.insertRow(row)
            self._declared[row] = field
            title = field_title(field)
            self.table.setVerticalHeaderItem(row, QTableWidgetItem(title))
            default = next((c.id for c in newest
                            if self._stored[c.id].get(field.key) not in (None, "", [])),
                           ids[0])
            group = self.groups.setdefault(column_key(field), QButtonGroup(self))
            for column, candidate in enumerate(self.candidates):
                text = value_text(field, self._stored[candidate.id].get(field.key))
                button = QRadioButton(text.replace("\n", " ")[:80] or "—", self.table)
                button.setProperty("record_id", candidate.id)
                button.setAccessibleName(f"{title}: {candidate.display_name}")
                group.addButton(button)
                button.setChecked(candidate.id == default)
                self.table.setCellWidget(row, column, button)

    def _shown(self, field: str, value: object, candidate: Candidate | None = None) -> str:
        if field == "owner_id":
            return self._owners.get(str(value), "") if value else ""
        if field == "account_id":
            if isinstance(candidate, MergeCandidate) and value == candidate.draft.account_id:
                return candidate.account_name
            return next((c.account_name for c in self.candidates
                         if isinstance(c, MergeCandidate) and c.draft.account_id == value
                         and value), "")
        if field == "phone" and value:
            return format_phone(str(value), self._services.default_region)
        return str(value or "").replace("\n", " ")[:80]

    def _union_text(self, kind: str, draft: Any) -> str:
        if kind == "emails":
            return _points(draft.emails)
        if kind == "phones":
            region = self._services.default_region
            return ", ".join(format_phone(p.value, region) for p in draft.phones)
        return ", ".join(draft.tags)

    def _set_text(self, row: int, column: int, text: str, bold: bool = False) -> None:
        item = QTableWidgetItem(text)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if bold:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        self.table.setItem(row, column, item)

    def column_title(self, candidate: Candidate, kept: bool) -> str:
        """The name (marked when kept), then what tells two same-named records apart:
        e-mail, company (a contact's account; an account's city), created date, owner."""
        draft = candidate.draft
        if isinstance(candidate, MergeCandidate):
            email = next((p.value for p in draft.emails if p.primary),  # type: ignore[union-attr]
                         draft.emails[0].value if draft.emails else "")  # type: ignore[union-attr]
            company = candidate.account_name
        else:
            email, company = draft.email, draft.city  # type: ignore[union-attr]
        created = (self.tr("created %1").replace(
            "%1", f"{candidate.created_at.astimezone():%Y-%m-%d}")
            if candidate.created_at else "")
        owner = self._owners.get(draft.owner_id or "", "")
        name = candidate.display_name + (self.tr(" (kept)") if kept else "")
        # Two short lines rather than one that the column would cut off.
        lines = [" · ".join(d for d in pair if d) for pair in ((email, company),
                                                              (created, owner))]
        return "\n".join([name, *(line for line in lines if line)])

    # -- choices and the preview ------------------------------------------------------------

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
        """Fill the Result column with the kept record as the merge would save it."""
        try:
            merged = self._services.merges.preview(
                self.entity, self.survivor.currentData(), self._losers(), self.choices())
        except (ValidationError, ValidationErrors) as exc:
            self.problem.setText(all_messages(exc))
            self.merge_button.setEnabled(False)
            return
        self.problem.clear()
        self.merge_button.setEnabled(True)
        for row, field in enumerate(self.fields):
            self._set_text(row, self.result_column, self._shown(field, getattr(merged, field)),
                           bold=True)
        for offset, kind in enumerate(self.union):
            self._set_text(len(self.fields) + offset, self.result_column,
                           self._union_text(kind, merged), bold=True)
        chosen = self.choices()
        for row, field in self._declared.items():
            source = chosen.get(column_key(field), self.survivor.currentData())
            self._set_text(row, self.result_column,
                           value_text(field, self._stored[source].get(field.key)), bold=True)

    # -- slots ----------------------------------------------------------------------------

    @Slot(int)
    def _on_survivor_current_index_changed(self, _index: int) -> None:
        survivor = self.survivor.currentData()
        self.table.setHorizontalHeaderLabels(
            [self.column_title(c, c.id == survivor) for c in self.candidates]
            + [self.tr("Result")])
        counts = self._services.merges.links(self.entity, self._losers())
        moved = [f"{entity_plural(entity, in_sentence=True)} ({count})"
                 for entity, count in counts.items() if count]
        self.moves.setText(
            self.tr("Moves to the kept record: %1.").replace("%1", ", ".join(moved))
            if moved else self.tr("Nothing else is linked to the other records."))
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
        self.batch_id = self._services.merges.merge_records(self.entity, survivor, losers,
                                                            self.choices())
        self.survivor_id, self.loser_ids = survivor, losers
        self.merged.emit(self.batch_id)
        self.accept()

    @property
    def batch_id_value(self) -> str:  # the name callers of the contact dialog used
        return self.batch_id
