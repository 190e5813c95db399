"""The e-mail composer: a template (or a new text) in rich text with its plain-text
alternative, merge fields, and a live preview for any one recipient; "Queue" puts one mail
per recipient in the outbox (opted-out, bounced and address-less contacts are left out)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationErrors
from desk_crm.domain.mail_merge import all_fields
from desk_crm.services.bundle import Services
from desk_crm.services.mail_outbox import MailParts
from desk_crm.ui.validation_text import all_messages

PREVIEW_DELAY_MS = 200


class EmailComposer(QDialog):
    """Signals:
        mails_queued(): mails were put in the outbox.
    """

    mails_queued = Signal()

    def __init__(self, services: Services, campaign_id: str | None, contact_ids: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.campaign_id = campaign_id
        self.contact_ids = list(contact_ids)
        self.settings = services.smtp.get()
        self.setObjectName("emailComposer")
        self.setWindowTitle(self.tr("Write e-mail"))
        self.resize(1180, 720)
        layout = QVBoxLayout(self)
        top = QFormLayout()
        template_row = QHBoxLayout()
        self.template = QComboBox(self)
        self.template.setObjectName("templatePicker")
        self.template.setAccessibleName(self.tr("Template"))
        self.save_template = QPushButton(self.tr("Save as &template…"), self)
        template_row.addWidget(self.template, 1)
        template_row.addWidget(self.save_template)
        template_label = QLabel(self.tr("T&emplate:"), self)
        template_label.setBuddy(self.template)
        top.addRow(template_label, template_row)
        self.subject = QLineEdit(self)
        self.subject.setObjectName("composerSubject")
        self.subject.setAccessibleName(self.tr("Subject"))
        top.addRow(self.tr("&Subject:"), self.subject)
        field_row = QHBoxLayout()
        self.field = QComboBox(self)
        self.field.setAccessibleName(self.tr("Merge field"))
        self.field.addItems(["{" + name + "}" for name in all_fields()])
        self.insert_field = QPushButton(self.tr("&Insert field"), self)
        self.insert_field.setShortcut(QKeySequence("Ctrl+Shift+F"))
        field_row.addWidget(self.field)
        field_row.addWidget(self.insert_field)
        field_row.addStretch(1)
        field_label = QLabel(self.tr("Merge &field:"), self)
        field_label.setBuddy(self.field)
        top.addRow(field_label, field_row)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        editors = QTabWidget(splitter)
        self.html = QTextEdit(editors)
        self.html.setObjectName("composerHtml")
        self.html.setAccessibleName(self.tr("Message (rich text)"))
        self.html.setAcceptRichText(True)
        self.html.setTabChangesFocus(True)
        editors.addTab(self.html, self.tr("&Rich text"))
        text_page = QWidget(editors)
        text_layout = QVBoxLayout(text_page)
        self.text_from_html = QCheckBox(self.tr("Plain &text from the rich text"), text_page)
        self.text_from_html.setChecked(True)
        self.text = QPlainTextEdit(text_page)
        self.text.setObjectName("composerText")
        self.text.setAccessibleName(self.tr("Message (plain text)"))
        self.text.setTabChangesFocus(True)
        self.text.setEnabled(False)
        text_layout.addWidget(self.text_from_html)
        text_layout.addWidget(self.text)
        editors.addTab(text_page, self.tr("&Plain text"))
        preview = QWidget(splitter)
        preview_layout = QVBoxLayout(preview)
        recipient_row = QHBoxLayout()
        recipient_caption = QLabel(self.tr("Preview &for:"), preview)
        self.recipient = QComboBox(preview)
        self.recipient.setObjectName("previewRecipient")
        self.recipient.setAccessibleName(self.tr("Preview for recipient"))
        recipient_caption.setBuddy(self.recipient)
        recipient_row.addWidget(recipient_caption)
        recipient_row.addWidget(self.recipient, 1)
        preview_layout.addLayout(recipient_row)
        self.preview_subject = QLabel(preview)
        self.preview_subject.setObjectName("previewSubject")
        self.preview_subject.setWordWrap(True)
        self.preview_subject.setTextFormat(Qt.TextFormat.PlainText)
        preview_layout.addWidget(self.preview_subject)
        self.preview = QTextBrowser(preview)
        self.preview.setObjectName("composerPreview")
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setOpenLinks(False)
        preview_layout.addWidget(self.preview, 1)
        splitter.setSizes([600, 560])
        layout.addWidget(splitter, 1)
        self.problems = QLabel(self)
        self.problems.setObjectName("composerProblems")
        self.problems.setStyleSheet("color: #c62828")
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.queue_button = self.buttons.addButton(self.tr("&Queue"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.queue_button.setObjectName("queueButton")
        self.queue_button.setShortcut(QKeySequence("Ctrl+Return"))
        layout.addWidget(self.buttons)

        self._fill_recipients()
        self._fill_templates()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.subject.textChanged.connect(self._timer.start)
        self.html.textChanged.connect(self._timer.start)
        self.text.textChanged.connect(self._timer.start)
        self.text_from_html.toggled.connect(self._on_text_from_html_toggled)
        self.recipient.currentIndexChanged.connect(self.update_preview)
        self.template.activated.connect(self._on_template_activated)
        self.insert_field.clicked.connect(self._on_insert_field_clicked)
        self.save_template.clicked.connect(self._on_save_template_clicked)
        self.buttons.rejected.connect(self.reject)
        self.queue_button.clicked.connect(self._on_queue_button_clicked)
        self.update_preview()

    # -- filling ----------------------------------------------------------------------------

    def _fill_recipients(self) -> None:
        self.recipient.clear()
        for contact_id in self.contact_ids[:500]:  # a preview needs a few, not all
            record = self.services.contacts.get(contact_id)
            email = record.draft.emails[0].value if record.draft.emails else ""
            self.recipient.addItem(f"{record.display_name} <{email}>", contact_id)
        self.queue_button.setText(self.tr("&Queue %1 e-mails")
                                  .replace("%1", str(len(self.contact_ids))))

    def _fill_templates(self) -> None:
        self.template.clear()
        self.template.addItem(self.tr("(new message)"), None)
        for template in self.services.mail.templates():
            self.template.addItem(template.name, template)

    def parts(self) -> MailParts:
        text = self.html.toPlainText() if self.text_from_html.isChecked() \
            else self.text.toPlainText()
        html = self.html.toHtml() if self.html.toPlainText().strip() else ""
        return MailParts(self.subject.text(), html, text)

    # -- slots ------------------------------------------------------------------------------

    @Slot()
    def update_preview(self) -> None:
        if self.text_from_html.isChecked():
            self.text.blockSignals(True)
            self.text.setPlainText(self.html.toPlainText())
            self.text.blockSignals(False)
        contact_id = self.recipient.currentData()
        problems = ""
        try:
            if contact_id is None:
                raise LookupError
            mail = self.services.mail.preview(self.parts(), contact_id, self.campaign_id,
                                              self.settings)
        except ValidationErrors as errors:
            problems = all_messages(errors)
            mail = None
        except LookupError:
            mail = None
        self.problems.setText(problems)
        self.queue_button.setEnabled(not problems and bool(self.contact_ids)
                                     and bool(self.subject.text().strip()))
        if mail is None:
            self.preview_subject.setText("")
            self.preview.setHtml("")
            return
        self.preview_subject.setText(self.tr("Subject: %1").replace("%1", mail.subject))
        if mail.html_body:
            self.preview.setHtml(mail.html_body)
        else:
            self.preview.setPlainText(mail.text_body)

    @Slot(bool)
    def _on_text_from_html_toggled(self, checked: bool) -> None:
        self.text.setEnabled(not checked)
        self.update_preview()

    @Slot(int)
    def _on_template_activated(self, index: int) -> None:
        template = self.template.itemData(index)
        if template is None:
            return
        self.subject.setText(template.parts.subject)
        self.html.setHtml(template.parts.html_body)
        own_text = template.parts.text_body.strip() != self.html.toPlainText().strip()
        self.text_from_html.setChecked(not own_text)
        if own_text:
            self.text.setPlainText(template.parts.text_body)
        self.update_preview()

    @Slot()
    def _on_insert_field_clicked(self) -> None:
        target = self.subject if self.subject.hasFocus() else None
        if target is not None:
            target.insert(self.field.currentText())
        else:
            self.html.insertPlainText(self.field.currentText())
            self.html.setFocus()

    @Slot()
    def _on_save_template_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as template"),
                                        self.tr("Template name:"))
        if not ok or not name.strip():
            return
        try:
            self.services.mail.save_template(name, self.parts())
        except ValidationErrors as errors:
            QMessageBox.warning(self, self.tr("Save as template"), all_messages(errors))
            return
        self._fill_templates()
        self.template.setCurrentIndex(self.template.findText(name.strip()))

    @Slot()
    def _on_queue_button_clicked(self) -> None:
        try:
            report = self.services.mail.queue(self.parts(), self.contact_ids, self.campaign_id,
                                              self.settings)
        except ValidationErrors as errors:
            self.problems.setText(all_messages(errors))
            return
        self.mails_queued.emit()
        text = self.tr("%1 e-mails are in the outbox.").replace("%1", str(report.queued))
        left_out = report.opted_out + report.bounced + report.no_address
        if left_out:
            text += "\n\n" + (self.tr("Left out: %1 opted out, %2 bounced, %3 without an "
                                      "address.")
                              .replace("%1", str(report.opted_out))
                              .replace("%2", str(report.bounced))
                              .replace("%3", str(report.no_address)))
        if not self.settings.configured:
            text += "\n\n" + self.tr("Set up the mail server (Settings → Mail server…) "
                                     "before sending.")
        QMessageBox.information(self, self.tr("Write e-mail"), text)
        self.accept()
