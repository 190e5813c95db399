"""The members tab of the campaign editor: who is in the campaign and how far they got.

Members come from a list selection ("Add to campaign…" on the contacts and leads lists),
from a CSV of e-mail addresses and from a saved segment (here); all through
``services.campaigns.add_members``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.campaigns import addresses_from_csv
from desk_crm.services.bundle import Services
from desk_crm.ui.operations import BackgroundOperation, Progress

translate = QCoreApplication.translate


def member_status_titles() -> dict[str, str]:
    return {
        "added": translate("Campaigns", "Added"), "sent": translate("Campaigns", "Sent"),
        "responded": translate("Campaigns", "Responded"),
        "registered": translate("Campaigns", "Registered"),
        "attended": translate("Campaigns", "Attended"),
        "converted": translate("Campaigns", "Converted"),
    }


class MembersTab(QWidget):
    """Signals:
        members_changed(): members were added, removed or changed status.
        compose_requested(list): write an e-mail to these contact ids.
        segment_added(int): members a segment added (-1: cancelled part-way).
    """

    members_changed = Signal()
    compose_requested = Signal(list)
    segment_added = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.campaign_id: str | None = None
        self._segment_operation: BackgroundOperation | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("campaignMembers")
        self.table.setAccessibleName(self.tr("Campaign members"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"),
                                              self.tr("Email"), self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(2, 240)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        caption = QLabel(self.tr("Set &status of the selected:"), self)
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Member status"))
        for code, title in member_status_titles().items():
            self.status.addItem(title, code)
        caption.setBuddy(self.status)
        self.apply_status = QPushButton(self.tr("&Apply"), self)
        self.import_button = QPushButton(self.tr("&Import addresses (CSV)…"), self)
        self.import_button.setShortcut(QKeySequence("Ctrl+I"))
        self.segment_button = QPushButton(self.tr("Add from se&gment…"), self)
        self.segment_button.setObjectName("addFromSegment")
        self.segment_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.remove_button = QPushButton(self.tr("&Remove from campaign"), self)
        self.compose_button = QPushButton(self.tr("&Write email…"), self)
        self.compose_button.setObjectName("composeButton")
        self.compose_button.setShortcut(QKeySequence("Ctrl+Shift+E"))
        for widget in (caption, self.status, self.apply_status):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self.segment_button, self.import_button, self.remove_button,
                       self.compose_button):
            row.addWidget(widget)
        layout.addLayout(row)
        self.apply_status.clicked.connect(self._on_apply_status_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.segment_button.clicked.connect(self._on_segment_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.compose_button.clicked.connect(self._on_compose_button_clicked)
        self.set_campaign(None)

    def set_campaign(self, campaign_id: str | None) -> None:
        self.campaign_id = campaign_id
        for widget in (self.apply_status, self.import_button, self.remove_button,
                       self.compose_button, self.segment_button):
            widget.setEnabled(campaign_id is not None)
        self.reload()

    def reload(self) -> None:
        members = self.services.campaigns.members(self.campaign_id) if self.campaign_id else []
        titles = member_status_titles()
        kinds = {"contact": self.tr("Contact"), "lead": self.tr("Lead")}
        self.table.setRowCount(len(members))
        blocked = 0
        for row, member in enumerate(members):
            email = member.email
            if member.blocked:
                blocked += 1
                email = self.tr("%1 (no marketing mail)").replace("%1", email)
            for column, text in enumerate((member.name, kinds[member.entity], email,
                                           titles.get(member.status, member.status))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, member)
                self.table.setItem(row, column, item)
        self.summary.setText(self.tr("%1 members, %2 of them opted out or bounced")
                             .replace("%1", str(len(members))).replace("%2", str(blocked))
                             if self.campaign_id else
                             self.tr("Save the campaign first, then add members."))

    def selected_members(self) -> list:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in rows]

    @Slot()
    def _on_apply_status_clicked(self) -> None:
        chosen = self.selected_members()
        if chosen:
            self.services.campaigns.set_member_status([m.id for m in chosen],
                                                      self.status.currentData())
            self.reload()
            self.members_changed.emit()

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        chosen = self.selected_members()
        if chosen:
            self.services.campaigns.remove_members([m.id for m in chosen])
            self.reload()
            self.members_changed.emit()

    @Slot()
    def _on_compose_button_clicked(self) -> None:
        chosen = self.selected_members() or [
            self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            for row in range(self.table.rowCount())]
        self.compose_requested.emit([m.record_id for m in chosen if m.entity == "contact"])

    @Slot()
    def _on_segment_button_clicked(self) -> None:
        segments = self.services.segments.list_segments()
        if not segments:
            QMessageBox.information(self, self.tr("Add from segment"), self.tr(
                "There are no saved segments yet. Build one under Segments (Ctrl+Shift+J)."))
            return
        kinds = {"contact": self.tr("contacts"), "account": self.tr("contacts of accounts")}
        names = [f"{s.name} ({kinds[s.entity]})" for s in segments]
        chosen, ok = QInputDialog.getItem(self, self.tr("Add from segment"),
                                          self.tr("&Segment:"), names, 0, False)
        if ok and chosen in names:
            self.add_segment(segments[names.index(chosen)].id)

    def add_segment(self, segment_id: str) -> None:
        """Adds everyone the segment matches now, in a worker with progress and Cancel."""
        if self.campaign_id is None:
            return
        campaign_id, services = self.campaign_id, self.services
        entity = services.segments.get(segment_id).entity

        def work(progress: Progress) -> int:
            # Counting a segment runs its conditions over the whole table: here, not on
            # the UI thread.
            total = services.segments.count(segment_id)

            def report(read: int) -> bool:
                progress.report(read, total)
                return not progress.cancelled
            return services.campaigns.add_segment(
                campaign_id, services.segments.matching_ids(segment_id), entity, report)

        operation = BackgroundOperation(self, work, title=self.tr("Adding members…"))
        operation.succeeded.connect(self._on_segment_added)
        operation.cancelled.connect(self._on_segment_added)
        operation.failed.connect(self._on_segment_failed)
        self._segment_operation = operation
        operation.start()

    @Slot(object)
    def _on_segment_added(self, added: object = None) -> None:
        self._segment_operation = None
        self.reload()
        self.members_changed.emit()
        self.segment_added.emit(added if isinstance(added, int) else -1)

    @Slot(object)
    def _on_segment_failed(self, error: object) -> None:
        self._segment_operation = None
        self.reload()
        QMessageBox.warning(self, self.tr("Add from segment"),
                            self.tr("The members could not all be added: %1")
                            .replace("%1", str(error)))

    @Slot()
    def _on_import_button_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import e-mail addresses"), "",
            self.tr("CSV or text files (*.csv *.txt);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        if self.campaign_id is None:
            return
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        report = self.services.campaigns.add_members_by_email(self.campaign_id,
                                                              addresses_from_csv(text))
        self.reload()
        self.members_changed.emit()
        lines = [self.tr("%1 members added, %2 were in the campaign already.")
                 .replace("%1", str(report.added)).replace("%2", str(report.already))]
        if report.unmatched:
            lines.append(self.tr("No contact or lead has these addresses: %1")
                         .replace("%1", ", ".join(report.unmatched[:20])))
        if report.invalid:
            lines.append(self.tr("Not e-mail addresses: %1")
                         .replace("%1", ", ".join(report.invalid[:20])))
        QMessageBox.information(self, self.tr("Import e-mail addresses"), "\n\n".join(lines))
