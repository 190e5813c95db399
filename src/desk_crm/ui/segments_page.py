"""The "Segments" area: the segment builder. A segment is a name, a record type (accounts
or contacts), "all"/"any" and conditions (field, operator, value); saved, it shows its
matching count and opens as a filtered list — where the usual bulk edit and export work
on exactly its members. Campaigns use the same saved segments as audiences."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.entities import ENTITIES, EntityDef
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.segments import (
    CHOICE,
    CUSTOM,
    MULTI,
    NO_VALUE,
    REF,
    TIER,
    Condition,
    SegmentDraft,
    declared_field,
    fields_of,
    operators,
)
from desk_crm.services.bundle import Services
from desk_crm.services.segments import SegmentRecord
from desk_crm.ui.boxed import Boxed
from desk_crm.ui.custom_fields_section import choice_text
from desk_crm.ui.entity_titles import entity_plural
from desk_crm.ui.field_text import chinese_ui
from desk_crm.ui.field_text import field_title as declared_title
from desk_crm.ui.operations import BackgroundQuery
from desk_crm.ui.validation_text import all_messages

translate = QCoreApplication.translate

FIELD_TITLES = {
    "name": QT_TRANSLATE_NOOP("Segments", "Name"),
    "display_name": QT_TRANSLATE_NOOP("Segments", "Name"),
    "industry": QT_TRANSLATE_NOOP("Segments", "Industry"),
    "title": QT_TRANSLATE_NOOP("Segments", "Job title"),
    "department": QT_TRANSLATE_NOOP("Segments", "Department"),
    "city": QT_TRANSLATE_NOOP("Segments", "City"),
    "region": QT_TRANSLATE_NOOP("Segments", "Province / state"),
    "country": QT_TRANSLATE_NOOP("Segments", "Country"),
    "primary_email": QT_TRANSLATE_NOOP("Segments", "Email"),
    "tags": QT_TRANSLATE_NOOP("Segments", "Tags"),
    "owner_id": QT_TRANSLATE_NOOP("Segments", "Owner"),
    "account_id": QT_TRANSLATE_NOOP("Segments", "Account"),
    "created_at": QT_TRANSLATE_NOOP("Segments", "Created"),
    "updated_at": QT_TRANSLATE_NOOP("Segments", "Last changed"),
    "contacts": QT_TRANSLATE_NOOP("Segments", "Number of contacts"),
    "recent_activities": QT_TRANSLATE_NOOP("Segments", "Activities (last 90 days)"),
    "open_tickets": QT_TRANSLATE_NOOP("Segments", "Open tickets"),
    "won_deals": QT_TRANSLATE_NOOP("Segments", "Won deals"),
    "loyalty_tier": QT_TRANSLATE_NOOP("Segments", "Loyalty tier"),
    "loyalty_points": QT_TRANSLATE_NOOP("Segments", "Loyalty points earned"),
}
OP_TITLES = {
    "equals": QT_TRANSLATE_NOOP("Segments", "is"),
    "not_equals": QT_TRANSLATE_NOOP("Segments", "is not"),
    "contains": QT_TRANSLATE_NOOP("Segments", "contains"),
    "starts_with": QT_TRANSLATE_NOOP("Segments", "starts with"),
    "is_empty": QT_TRANSLATE_NOOP("Segments", "is empty"),
    "not_empty": QT_TRANSLATE_NOOP("Segments", "is not empty"),
    "has_tag": QT_TRANSLATE_NOOP("Segments", "has tag"),
    "lacks_tag": QT_TRANSLATE_NOOP("Segments", "lacks tag"),
    "is": QT_TRANSLATE_NOOP("Segments", "is"),
    "is_not": QT_TRANSLATE_NOOP("Segments", "is not"),
    "before": QT_TRANSLATE_NOOP("Segments", "before (YYYY-MM-DD)"),
    "after": QT_TRANSLATE_NOOP("Segments", "after (YYYY-MM-DD)"),
    "within_days": QT_TRANSLATE_NOOP("Segments", "within the last … days"),
    "older_than_days": QT_TRANSLATE_NOOP("Segments", "more than … days ago"),
    "at_least": QT_TRANSLATE_NOOP("Segments", "at least"),
    "at_most": QT_TRANSLATE_NOOP("Segments", "at most"),
    "years_at_least": QT_TRANSLATE_NOOP("Segments", "at least … years ago (age from)"),
    "years_under": QT_TRANSLATE_NOOP("Segments", "under … years ago (age under)"),
    "next_days": QT_TRANSLATE_NOOP("Segments", "within the next … days"),
    "greater": QT_TRANSLATE_NOOP("Segments", "more than"),
    "less": QT_TRANSLATE_NOOP("Segments", "less than"),
    "is_true": QT_TRANSLATE_NOOP("Segments", "is ticked"),
    "is_false": QT_TRANSLATE_NOOP("Segments", "is not ticked"),
    "includes": QT_TRANSLATE_NOOP("Segments", "includes"),
    "excludes": QT_TRANSLATE_NOOP("Segments", "does not include"),
}
_DELETED = QT_TRANSLATE_NOOP("Segments", "Deleted field “%1”")
_ARCHIVED = QT_TRANSLATE_NOOP("Segments", "%1 (archived)")
AREA_OF = {"account": "accounts", "contact": "contacts"}


def field_title(entity: str | EntityDef, key: str) -> str:
    """A condition field's title: the page's own, else the declared field's (translated
    once, in the "Fields" context; a custom field's in the language of the window)."""
    if key in FIELD_TITLES:
        return translate("Segments", FIELD_TITLES[key])
    definition = ENTITIES[entity] if isinstance(entity, str) else entity
    field = declared_field(definition, key)
    if field is None:  # a custom field purged since the segment was saved
        return translate("Segments", _DELETED).replace("%1", key[len(CUSTOM):])
    if field.custom:
        title = declared_title(field)
        return (translate("Segments", _ARCHIVED).replace("%1", title)
                if field.archived else title)
    return translate("Fields", field.title)


class SegmentsPage(QWidget):
    """Signals:
        open_requested(str), delete_requested(str): never emitted (segments are edited here).
        count_changed(int): saved segments.
        list_requested(str, object): show the area's list filtered to a segment.
        segment_saved(str): id of the segment just saved.
        count_shown(int): the matching count of the edited segment arrived.
    """

    open_requested = Signal(str)
    delete_requested = Signal(str)
    count_changed = Signal(int)
    list_requested = Signal(str, object)
    segment_saved = Signal(str)
    count_shown = Signal(int)

    def __init__(self, services: Services, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.entity = "contact"
        self.title = title
        self.segment: SegmentRecord | None = None
        self._showing: SegmentRecord | None = None
        self._counting = BackgroundQuery(self, self._on_count)
        self._refreshing = BackgroundQuery(self, self._on_refreshed)
        self.setObjectName("segmentsPage")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{title}</h2>", self))
        splitter = QSplitter(self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(left)
        self.list.setObjectName("segmentList")
        self.list.setAccessibleName(self.tr("Saved segments"))
        self.new_button = QPushButton(self.tr("&New segment"), left)
        left_layout.addWidget(self.list)
        left_layout.addWidget(self.new_button)
        right = QWidget(splitter)
        form = QFormLayout(right)
        self.name = QLineEdit(right)
        self.name.setObjectName("segmentName")
        self.name.setAccessibleName(self.tr("Segment name"))
        self.kind = QComboBox(right)
        self.kind.setObjectName("segmentEntity")
        self.kind.setAccessibleName(self.tr("Record type"))
        self.kind.addItem(self.tr("Contacts"), "contact")
        self.kind.addItem(self.tr("Accounts"), "account")
        self.match = QComboBox(right)
        self.match.setObjectName("segmentMatch")
        self.match.setAccessibleName(self.tr("Match"))
        self.match.addItem(self.tr("all conditions"), "all")
        self.match.addItem(self.tr("any condition"), "any")
        self.conditions = QTableWidget(0, 3, right)
        self.conditions.setObjectName("segmentConditions")
        self.conditions.setAccessibleName(self.tr("Conditions"))
        self.conditions.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Condition"), self.tr("Value")])
        self.conditions.horizontalHeader().setStretchLastSection(True)
        self.conditions.setColumnWidth(0, 200)
        self.conditions.setColumnWidth(1, 200)
        self.error = QLabel(right)
        self.error.setObjectName("segmentError")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        rows = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add condition"), right)
        self.remove_button = QPushButton(self.tr("&Remove condition"), right)
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        actions = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save"), right)
        self.save_button.setObjectName("segmentSave")
        self.delete_button = QPushButton(self.tr("&Delete"), right)
        self.show_button = QPushButton(self.tr("Show &matching records"), right)
        self.show_button.setObjectName("segmentShow")
        self.count_label = QLabel(right)
        self.count_label.setObjectName("segmentCount")
        for button in (self.save_button, self.delete_button, self.show_button):
            actions.addWidget(button)
        actions.addWidget(self.count_label, 1)
        for text, widget in ((self.tr("Na&me:"), self.name), (self.tr("&Records:"), self.kind),
                             (self.tr("Ma&tch:"), self.match)):
            form.addRow(text, widget)
        form.addRow(self.tr("Conditions:"), self.conditions)
        form.addRow("", rows)
        form.addRow("", self.error)
        form.addRow("", actions)
        hint = QLabel(self.tr("The list opened by “Show matching records” is filtered to the "
                              "segment: bulk edit and export there act on its members."), right)
        hint.setWordWrap(True)
        form.addRow("", hint)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.new_button.clicked.connect(self.new_segment)
        self.add_button.clicked.connect(lambda: self.add_condition())
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.show_button.clicked.connect(self.show_matching)
        self.kind.activated.connect(self._on_kind_activated)
        self.reload()
        self.new_segment()

    # -- area page interface --------------------------------------------------------------

    def count(self) -> int:
        return self.list.count()

    def current_record_id(self) -> str | None:
        return None

    def focus_search(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def reload(self) -> None:
        current = self.segment.id if self.segment else None
        self.list.blockSignals(True)
        self.list.clear()
        for record in self.services.segments.list_segments():
            kind = entity_plural(record.entity, in_sentence=True)
            item = QListWidgetItem(f"{record.name} ({kind})")
            item.setData(Qt.ItemDataRole.UserRole, record.id)
            self.list.addItem(item)
            if record.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.count_changed.emit(self.list.count())

    # -- the builder ----------------------------------------------------------------------

    @Slot()
    def new_segment(self) -> None:
        self.segment = None
        self.list.clearSelection()
        self.show_draft(SegmentDraft())
        self.name.setFocus()

    def show_draft(self, draft: SegmentDraft) -> None:
        self.name.setText(draft.name)
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(self.kind.findData(draft.entity), 0))
        self.kind.blockSignals(False)
        self.match.setCurrentIndex(max(self.match.findData(draft.match), 0))
        self.conditions.setRowCount(0)
        for condition in draft.conditions:
            self.add_condition(condition)
        self.error.clear()
        self.count_label.clear()
        self.delete_button.setEnabled(self.segment is not None)
        self.show_button.setEnabled(self.segment is not None)

    def definition(self) -> EntityDef:
        """The record type's declaration with its custom fields (archived ones too, for
        saved conditions; new conditions offer live fields only)."""
        return self.services.fields.entity(self.kind.currentData(),
                                                  include_archived=True)

    def add_condition(self, condition: Condition | None = None) -> int:
        definition = self.definition()
        row = self.conditions.rowCount()
        self.conditions.insertRow(row)
        fields = QComboBox(self.conditions)
        fields.setAccessibleName(self.tr("Field of condition %1").replace("%1", str(row + 1)))
        for key in fields_of(definition):
            fields.addItem(field_title(definition, key), key)
        if condition is not None and fields.findData(condition.field) < 0:
            # A saved condition on an archived (or purged) custom field: shown as it is,
            # titled so, never silently swapped for another field.
            fields.addItem(field_title(definition, condition.field), condition.field)
        ops = QComboBox(self.conditions)
        ops.setAccessibleName(self.tr("Operator of condition %1").replace("%1", str(row + 1)))
        value = QLineEdit(self.conditions)
        value.setAccessibleName(self.tr("Value of condition %1").replace("%1", str(row + 1)))
        self.conditions.setCellWidget(row, 0, fields)
        self.conditions.setCellWidget(row, 1, ops)
        self.conditions.setCellWidget(row, 2, value)
        # activated: user choices only (currentIndexChanged also fires while a row or the
        # page is destroyed, with its sibling widgets half gone)
        fields.activated.connect(lambda _i: self._fill_ops(fields, ops, value))
        ops.activated.connect(lambda _i: value.setEnabled(ops.currentData() not in NO_VALUE))
        if condition is not None:
            fields.setCurrentIndex(max(fields.findData(condition.field), 0))
        self._fill_ops(fields, ops, value)
        if condition is not None:
            ops.setCurrentIndex(max(ops.findData(condition.op), 0))
            # A choice is stored by key; the user reads (and may type) its title.
            field = declared_field(definition, condition.field)
            kind = fields_of(definition, include_archived=True).get(condition.field)
            value.setText(choice_text(field, condition.value)
                          if field is not None and kind in (CHOICE, MULTI) and condition.value
                          else condition.value)
        return row

    def _fill_ops(self, fields: QComboBox, ops: QComboBox, value: QLineEdit) -> None:
        definition = self.definition()
        kind = fields_of(definition, include_archived=True).get(fields.currentData())
        field = declared_field(definition, fields.currentData())
        ops.clear()
        if kind is None:  # purged field: saving names the problem
            value.setPlaceholderText("")
            return
        for op in operators(kind, field is not None and field.custom):
            ops.addItem(translate("Segments", OP_TITLES[op]), op)
        value.setEnabled(ops.currentData() not in NO_VALUE)
        # A tier is named: say which names exist rather than let the user guess.
        tiers = [tier.name for tier in self.services.loyalty.programme().tiers]
        # … and a declared picklist's choices likewise.
        if kind in (CHOICE, MULTI) and field is not None:
            chinese = field.custom and chinese_ui()
            tiers = [(choice.title_zh or choice.title) if chinese
                     else translate("Fields", choice.title) if not field.custom
                     else choice.title for choice in field.choices]
        hint = (self.tr("One of: %1").replace("%1", ", ".join(tiers))
                if kind in (TIER, CHOICE, MULTI) and tiers else "")
        if kind == REF and field is not None and field.custom:
            hint = self.tr("The record's id (copy it from the record's window)")
        value.setPlaceholderText(hint)

    def read_draft(self) -> SegmentDraft:
        conditions = []
        for row in range(self.conditions.rowCount()):
            fields = self.conditions.cellWidget(row, 0)
            ops = self.conditions.cellWidget(row, 1)
            value = self.conditions.cellWidget(row, 2)
            assert isinstance(fields, QComboBox) and isinstance(ops, QComboBox)
            assert isinstance(value, QLineEdit)
            conditions.append(Condition(fields.currentData(), ops.currentData(), value.text()))
        return SegmentDraft(self.name.text(), self.kind.currentData(),
                            self.match.currentData(), tuple(conditions))

    @Slot()
    def save(self) -> SegmentRecord | None:
        try:
            saved = self.services.segments.save(
                self.read_draft(), self.segment.id if self.segment else None,
                self.segment.version if self.segment else None)
        except (ValidationError, ValidationErrors) as error:
            self.error.setText(all_messages(error))
            return None
        self.segment = saved
        self.error.clear()
        self.reload()
        self.delete_button.setEnabled(True)
        self.show_button.setEnabled(True)
        self.segment_saved.emit(saved.id)
        self._count(saved.id)
        return saved

    def _count(self, segment_id: str) -> None:
        segments = self.services.segments
        self.count_label.setText(self.tr("Counting…"))
        self._counting.start(lambda: segments.count(segment_id))

    def _on_refreshed(self, _count: int) -> None:
        segment = self._showing
        if segment is not None:
            self.list_requested.emit(AREA_OF[segment.entity], Boxed(
                (("segment_id", segment.id),),
                self.tr("the segment “%1”").replace("%1", segment.name)))

    def _on_count(self, count: int) -> None:
        self.count_label.setText(self.tr("%1 matching").replace("%1", f"{count:,}"))
        self.count_shown.emit(count)

    @Slot()
    def show_matching(self) -> None:
        """Refresh the members (a worker) and open the list filtered to them."""
        if self.segment is None:
            return
        segment = self.segment
        segments = self.services.segments
        self._showing = segment
        self._refreshing.start(lambda: segments.refresh(segment.id))

    # -- slots ----------------------------------------------------------------------------

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_list_current_item_changed(self, item: QListWidgetItem | None,
                                      _previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.segment = self.services.segments.get(item.data(Qt.ItemDataRole.UserRole))
        self.show_draft(self.segment.draft)
        self._count(self.segment.id)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        row = self.conditions.currentRow()
        self.conditions.removeRow(row if row >= 0 else self.conditions.rowCount() - 1)

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        if self.segment is None:
            return
        answer = QMessageBox.question(
            self, self.title, self.tr("Delete the segment “%1”? Its records stay as they "
                                      "are.").replace("%1", self.segment.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.services.segments.delete(self.segment.id)
            self.reload()
            self.new_segment()

    @Slot(int)
    def _on_kind_activated(self, _index: int) -> None:
        self.conditions.setRowCount(0)  # the fields differ per record type
