"""The action buttons of the quote editor: approve, send, accept, reject, revise, PDF,
e-mail and contract. Each calls one service, then shows the resulting record."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.services.bundle import Services
from desk_crm.services.outbox import write_eml
from desk_crm.services.quote_records import QuoteRecord
from desk_crm.services.quote_settings import APPROVER
from desk_crm.ui.operations import BackgroundOperation, Progress
from desk_crm.ui.quote_document import pdf_file_name, render_quote_pdf
from desk_crm.ui.validation_text import messages_by_field

if TYPE_CHECKING:
    from desk_crm.ui.editors.quote_editor import QuoteEditor


class QuoteActions(QObject):
    def __init__(self, editor: QuoteEditor, services: Services) -> None:
        super().__init__(editor)
        self.editor = editor
        self.services = services
        row = editor.action_row

        def button(text: str, slot: object, name: str) -> QPushButton:
            widget = QPushButton(text, editor)
            widget.setObjectName(name)
            widget.clicked.connect(slot)
            row.addWidget(widget)
            return widget

        self.approve = button(self.tr("A&pprove…"), self._on_approve, "approveQuote")
        self.send = button(self.tr("Mark s&ent"), self._on_send, "sendQuote")
        self.accept = button(self.tr("Accep&t"), self._on_accept, "acceptQuote")
        self.reject = button(self.tr("Re&ject"), self._on_reject, "rejectQuote")
        self.revise = button(self.tr("New re&vision"), self._on_revise, "reviseQuote")
        row.addStretch(1)
        self.pdf = button(self.tr("Open P&DF"), self._on_pdf, "openPdf")
        self.save_pdf = button(self.tr("Save PDF &as…"), self._on_save_pdf, "savePdf")
        self.email = button(self.tr("E&mail…"), self._on_email, "emailQuote")
        self.contract = button(self.tr("&Contract…"), self._on_contract, "contractFromQuote")

    def update(self, record: QuoteRecord | None) -> None:
        current = record is not None and not record.superseded and not record.deleted
        status = record.status if record is not None else ""
        waiting = bool(record and record.needs_approval and not record.approved_by_name)
        self.approve.setEnabled(current and status == "draft" and waiting)
        self.send.setEnabled(current and status == "draft" and not waiting)
        self.accept.setEnabled(current and status == "sent")
        self.reject.setEnabled(current and status == "sent")
        self.revise.setEnabled(current and status == "sent")
        for widget in (self.pdf, self.save_pdf, self.email):
            widget.setEnabled(record is not None)
        self.contract.setEnabled(current and status == "accepted")

    # -- status ---------------------------------------------------------------------------

    def _run(self, action: object) -> None:
        """Run a service call on the saved quote; unsaved edits must be saved first."""
        editor = self.editor
        if editor.record is None:
            return
        if editor.is_dirty():
            QMessageBox.information(editor, editor.window_title(),
                                    self.tr("Save your changes first."))
            return
        try:
            record = action(editor.record.id)  # type: ignore[operator]
        except (ValidationErrors, ValidationError) as problems:
            editor.show_banner("\n".join(messages_by_field(problems).values()))
            return
        editor.show_banner("")
        editor.show_record(record)
        editor.record_saved.emit(record.id)

    @Slot()
    def _on_approve(self) -> None:
        roles = self.services.quote_settings
        approvers = [u for u in self.services.users.list_active()
                     if APPROVER in roles.roles(u.id)]
        if not approvers:
            QMessageBox.information(self.editor, self.editor.window_title(), self.tr(
                "Nobody may approve discounts yet: give a user the approver role in "
                "Settings › Quotes."))
            return
        name, ok = QInputDialog.getItem(self.editor, self.tr("Approve discount"),
                                        self.tr("Approved by:"), [u.name for u in approvers],
                                        0, False)
        if ok:
            approver = next(u for u in approvers if u.name == name)
            self._run(lambda quote_id: self.services.quotes.approve(quote_id, approver.id))

    @Slot()
    def _on_send(self) -> None:
        self._run(self.services.quotes.mark_sent)

    @Slot()
    def _on_accept(self) -> None:
        self._run(self.services.quotes.accept)
        if self.editor.record is not None and self.editor.record.status == "accepted":
            self.editor.record_saved.emit(self.editor.record.id)

    @Slot()
    def _on_reject(self) -> None:
        self._run(self.services.quotes.reject)

    @Slot()
    def _on_revise(self) -> None:
        self._run(self.services.quotes.revise)

    # -- documents ------------------------------------------------------------------------

    def _render(self, target: Path, then: object) -> None:
        record = self.editor.record
        if record is None:
            return
        settings = self.services.quote_settings.get()

        def work(progress: Progress) -> Path:
            progress.report(0, 1, self.tr("Rendering %1").replace("%1", target.name))
            return render_quote_pdf(record, settings, target)

        operation = BackgroundOperation(self.editor, work, title=self.tr("Creating the PDF"))
        operation.succeeded.connect(then)
        operation.failed.connect(self._on_render_failed)
        operation.start()

    @Slot(object)
    def _on_render_failed(self, error: object) -> None:
        QMessageBox.warning(self.editor, self.editor.window_title(),
                            self.tr("The PDF could not be written:\n%1").replace("%1",
                                                                                 str(error)))

    def _documents_dir(self) -> Path:
        return self.services.contracts.data_dir / "documents"

    @Slot()
    def _on_pdf(self) -> None:
        record = self.editor.record
        if record is not None:
            self._render(self._documents_dir() / pdf_file_name(record),
                         lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

    @Slot()
    def _on_save_pdf(self) -> None:
        record = self.editor.record
        if record is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self.editor, self.tr("Save the quote as PDF"),
            str(Path.home() / pdf_file_name(record)), self.tr("PDF files (*.pdf)"))
        if name:
            self._render(Path(name), lambda _path: None)

    @Slot()
    def _on_email(self) -> None:
        record = self.editor.record
        if record is None:
            return
        outbox = self.services.contracts.data_dir / "outbox"

        def write(path: object) -> None:
            assert isinstance(path, Path)
            subject = self.tr("Quote %1").replace("%1", record.label)
            body = self.tr("Dear %1,\n\nplease find our quote %2 attached.\n\nKind regards")
            body = body.replace("%1", record.contact_name or record.account_name)
            eml = write_eml(outbox, subject=subject, body=body.replace("%2", record.label),
                            attachments=(path,))
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(eml)))

        self._render(self._documents_dir() / pdf_file_name(record), write)

    @Slot()
    def _on_contract(self) -> None:
        """Open the quote's contract, or a new one made from the quote."""
        record = self.editor.record
        if record is None:
            return
        existing = self.services.contracts.for_quote(record.id)
        if existing:
            self.editor.open_record_requested.emit("contract", existing[0].id, {})
        else:
            self.editor.open_record_requested.emit("contract", None, {"quote": record.id})
