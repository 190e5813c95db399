"""The side-by-side merge of one group of contacts (the list of groups is in
duplicates_dialog.py)."""

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
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.phones import format_phone
from desk_crm.services.bundle import Services
from desk_crm.services.merge import MERGE_FIELDS, MergeCandidate, default_choices
from desk_crm.store.field_columns import column_key
from desk_crm.ui.field_text import field_title, value_text

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


def _column_title(candidate: MergeCandidate, owners: dict[str, str]) -> str:
    """Name, then what tells two same-named records apart: e-mail, company, created date,
    owner."""
    draft = candidate.draft
    email = next((p.value for p in draft.emails if p.primary),
                 draft.emails[0].value if draft.emails else "")
    created = (translate("MergeDialog", "created %1").replace(
        "%1", f"{candidate.created_at.astimezone():%Y-%m-%d}") if candidate.created_at else "")
    details = [email, candidate.account_name, created, owners.get(draft.owner_id or "", "")]
    return candidate.display_name + "\n" + " · ".join(d for d in details if d)


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
        # Two records of "one" person usually share the name: the header says which is which.
        self.table.setHorizontalHeaderLabels([_column_title(c, owners)
                                              for c in self.candidates])
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
        self._add_declared_rows(services, defaults)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.merge_button = buttons.addButton(self.tr("&Merge"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _add_declared_rows(self, services: Services, defaults: dict[str, str]) -> None:
        """One row per declared field (custom fields, demographics) some record has a
        value for, chosen like the built-in rows (newest value by default)."""
        ids = [c.id for c in self.candidates]
        stored = services.merges.declared_values("contact", ids)
        newest = sorted(self.candidates, key=lambda c: c.updated_at, reverse=True)
        definition = services.fields.entity("contact")
        for field in definition.generated_fields:
            if not any(stored[i].get(field.key) not in (None, "", []) for i in ids):
                continue
            row = self.table.rowCount()
            self.table.insertRow(row)
            title = field_title(field)
            self.table.setVerticalHeaderItem(row, QTableWidgetItem(title))
            default = next((c.id for c in newest
                            if stored[c.id].get(field.key) not in (None, "", [])), ids[0])
            group = self.groups.setdefault(column_key(field), QButtonGroup(self))
            for column, candidate in enumerate(self.candidates):
                text = value_text(field, stored[candidate.id].get(field.key))
                button = QRadioButton(text[:80] or "—", self.table)
                button.setProperty("record_id", candidate.id)
                button.setAccessibleName(f"{title}: {candidate.display_name}")
                group.addButton(button)
                button.setChecked(candidate.id == default)
                self.table.setCellWidget(row, column, button)

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
