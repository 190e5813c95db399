"""The ticket editor: the ticket's fields with its SLA countdown on top; conversation,
attachments, linked articles and customer feedback in tabs. Built in code (no Designer
form): the tabs are lists and buttons around services, not a form to lay out.

Field edits are saved with Save like every editor; conversation entries, attachments,
article links and feedback are written at once by their own buttons (they are records of
their own, not fields of the ticket)."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.tickets import CHANNELS, PRIORITIES, TicketDraft, allowed_statuses
from desk_crm.domain.tickets import validate_ticket as validate
from desk_crm.services.bundle import Services
from desk_crm.services.ticket_records import TicketRecord
from desk_crm.store.repositories import ListQuery
from desk_crm.ui.article_picker import ArticlePicker
from desk_crm.ui.columns import local_time
from desk_crm.ui.editors.base import RecordEditor, fill_owner_combo
from desk_crm.ui.ticket_columns import (
    channel_titles,
    figures_text,
    priority_titles,
    state_colour,
    state_text,
    status_titles,
)
from desk_crm.ui.validation_text import messages_by_field
from desk_crm.ui.widgets.account_picker import AccountPicker

COUNTDOWN_MS = 30_000


class TicketEditor(RecordEditor):
    """Signals:
        open_record_requested(str, object, object): open a linked record.
    """

    entity = "ticket"
    open_record_requested = Signal(str, object, object)

    def __init__(self, services: Services, ticket_id: str | None = None, *,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, ticket_id, parent)
        self.setObjectName("ticketEditor")
        self.resize(860, 680)
        self._old_status: str | None = None
        layout = QVBoxLayout(self)
        self.sla_label = QLabel(self)
        self.sla_label.setObjectName("ticketSla")
        self.sla_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.sla_label)
        self.sla_figures = QLabel(self)
        self.sla_figures.setObjectName("ticketSlaFigures")
        self.sla_figures.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.sla_figures)
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #c62828")
        self.banner.hide()
        layout.addWidget(self.banner)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("ticketTabs")
        layout.addWidget(self.tabs, 1)
        self._build_details()
        self._build_conversation()
        self._build_attachments()
        self._build_articles()
        self._build_feedback()
        history_page = QWidget(self)
        history_layout = QVBoxLayout(history_page)
        self.history = QTreeWidget(history_page)
        self.history.setHeaderLabels([self.tr("When / field"), self.tr("Who / from"),
                                      self.tr("What / to")])
        self.history.setAccessibleName(self.tr("Change history"))
        history_layout.addWidget(self.history)
        self.tabs.addTab(history_page, self.tr("&History"))
        bottom = QHBoxLayout()
        self.timestamps = QLabel(self)
        bottom.addWidget(self.timestamps, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close, self)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.init_common(self.buttons, self.history, self.timestamps, self.banner)

        record: TicketRecord | None = None
        if ticket_id is not None:
            record = services.tickets.get(ticket_id)
            self._old_status = record.draft.status
            draft = record.draft
            self.account_picker.set_account(draft.account_id, record.account_name)
        else:
            draft = TicketDraft()
        self._fill_statuses(draft.status)
        self._fill_contacts(draft.account_id, draft.contact_id, record)
        self.load_record(record, draft)
        self.install_custom_fields(self.tabs, self.history.parentWidget())
        self._show_record_extras(record)
        for widget in (self.subject, self.category, self.product, self.contract_ref):
            widget.textChanged.connect(self.refresh_state)
        self.description.textChanged.connect(self.refresh_state)
        for combo in (self.channel, self.priority, self.status, self.assignee, self.contact):
            combo.currentIndexChanged.connect(self.refresh_state)
        self.account_picker.account_changed.connect(self._on_account_picker_account_changed)
        self._countdown = QTimer(self)
        self._countdown.setInterval(COUNTDOWN_MS)
        self._countdown.timeout.connect(self.show_sla)
        self._countdown.start()

    # -- construction ---------------------------------------------------------------------

    def _error_label(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setStyleSheet("color: #c62828")
        label.hide()
        return label

    def _build_details(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.number = QLabel(page)
        self.number.setObjectName("ticketNumber")
        form.addRow(self.tr("Number:"), self.number)
        self.subject = QLineEdit(page)
        self.subject.setObjectName("ticketSubject")
        self.subject.setAccessibleName(self.tr("Subject"))
        self.subject_error = self._error_label(page)
        form.addRow(self.tr("&Subject:"), self.subject)
        form.addRow("", self.subject_error)
        self.account_picker = AccountPicker(self.services.lists, page)
        form.addRow(self.tr("&Account:"), self.account_picker)
        self.contact = QComboBox(page)
        self.contact.setObjectName("ticketContact")
        self.contact.setAccessibleName(self.tr("Contact"))
        form.addRow(self.tr("C&ontact:"), self.contact)
        row = QHBoxLayout()
        self.channel = QComboBox(page)
        self.channel.setAccessibleName(self.tr("Channel"))
        for code in CHANNELS:
            self.channel.addItem(channel_titles()[code], code)
        self.priority = QComboBox(page)
        self.priority.setObjectName("ticketPriority")
        self.priority.setAccessibleName(self.tr("Priority"))
        for code in PRIORITIES:
            self.priority.addItem(priority_titles()[code], code)
        self.status = QComboBox(page)
        self.status.setObjectName("ticketStatus")
        self.status.setAccessibleName(self.tr("Status"))
        for label_text, widget in ((self.tr("C&hannel:"), self.channel),
                                   (self.tr("&Priority:"), self.priority),
                                   (self.tr("Sta&tus:"), self.status)):
            label = QLabel(label_text, page)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, 1)
        form.addRow(row)
        self.status_error = self._error_label(page)
        form.addRow("", self.status_error)
        self.assignee = QComboBox(page)
        self.assignee.setObjectName("ticketAssignee")
        self.assignee.setAccessibleName(self.tr("Assignee"))
        form.addRow(self.tr("Assi&gnee:"), self.assignee)
        self.category = QLineEdit(page)
        self.category.setAccessibleName(self.tr("Category"))
        form.addRow(self.tr("Categor&y:"), self.category)
        self.product = QLineEdit(page)
        self.product.setAccessibleName(self.tr("Product"))
        form.addRow(self.tr("Pro&duct:"), self.product)
        self.contract_ref = QLineEdit(page)
        self.contract_ref.setAccessibleName(self.tr("Contract reference"))
        form.addRow(self.tr("Co&ntract ref.:"), self.contract_ref)
        self.description = QPlainTextEdit(page)
        self.description.setObjectName("ticketDescription")
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setTabChangesFocus(True)
        form.addRow(self.tr("D&escription:"), self.description)
        self.description_error = self._error_label(page)
        form.addRow("", self.description_error)
        self.tabs.addTab(page, self.tr("&Details"))

    def _build_conversation(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.conversation = QTextBrowser(page)
        self.conversation.setObjectName("ticketConversation")
        self.conversation.setAccessibleName(self.tr("Conversation"))
        self.conversation.setOpenLinks(False)
        layout.addWidget(self.conversation, 3)
        self.reply = QPlainTextEdit(page)
        self.reply.setObjectName("ticketReply")
        self.reply.setAccessibleName(self.tr("New entry"))
        self.reply.setPlaceholderText(self.tr("Write a reply or a note (Ctrl+Return adds it)"))
        self.reply.setTabChangesFocus(True)
        layout.addWidget(self.reply, 1)
        row = QHBoxLayout()
        self.entry_kind = QComboBox(page)
        self.entry_kind.setObjectName("ticketEntryKind")
        self.entry_kind.setAccessibleName(self.tr("Kind of entry"))
        for code, title in (("reply", self.tr("Reply to the customer")),
                            ("note", self.tr("Internal note")),
                            ("customer", self.tr("Customer's message"))):
            self.entry_kind.addItem(title, code)
        row.addWidget(self.entry_kind)
        self.insert_article = QPushButton(self.tr("&Insert article…"), page)
        self.insert_article.setObjectName("ticketInsertArticle")
        row.addWidget(self.insert_article)
        row.addStretch(1)
        self.add_entry = QPushButton(self.tr("&Add entry"), page)
        self.add_entry.setObjectName("ticketAddEntry")
        row.addWidget(self.add_entry)
        layout.addLayout(row)
        self.conversation_hint = QLabel(self.tr("Save the ticket first."), page)
        layout.addWidget(self.conversation_hint)
        self.add_entry.clicked.connect(self._on_add_entry_clicked)
        self.insert_article.clicked.connect(self._on_insert_article_clicked)
        QShortcut(QKeySequence("Ctrl+Return"), self.reply,
                  activated=self._on_add_entry_clicked)
        self.tabs.addTab(page, self.tr("&Conversation"))

    def _build_attachments(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.attachment_list = QListWidget(page)
        self.attachment_list.setObjectName("ticketAttachments")
        self.attachment_list.setAccessibleName(self.tr("Attachments"))
        layout.addWidget(self.attachment_list)
        row = QHBoxLayout()
        self.add_file = QPushButton(self.tr("Add &file…"), page)
        self.open_file = QPushButton(self.tr("&Open"), page)
        row.addWidget(self.add_file)
        row.addWidget(self.open_file)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_file.clicked.connect(self._on_add_file_clicked)
        self.open_file.clicked.connect(self._on_open_file_clicked)
        self.attachment_list.itemActivated.connect(self._on_open_file_clicked)
        self.tabs.addTab(page, self.tr("Attach&ments"))

    def _build_articles(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.article_list = QListWidget(page)
        self.article_list.setObjectName("ticketArticles")
        self.article_list.setAccessibleName(self.tr("Linked articles"))
        layout.addWidget(self.article_list)
        row = QHBoxLayout()
        self.link_article = QPushButton(self.tr("&Link article…"), page)
        self.link_article.setObjectName("ticketLinkArticle")
        row.addWidget(self.link_article)
        row.addStretch(1)
        layout.addLayout(row)
        self.link_article.clicked.connect(self._on_link_article_clicked)
        self.article_list.itemActivated.connect(self._on_article_list_item_activated)
        self.tabs.addTab(page, self.tr("Ar&ticles"))

    def _build_feedback(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.csat = QComboBox(page)
        self.csat.setObjectName("ticketCsat")
        self.csat.setAccessibleName(self.tr("Customer satisfaction score"))
        self.csat.addItem("—", None)
        for score in range(1, 6):
            self.csat.addItem("★" * score, score)
        form.addRow(self.tr("&Score (1–5):"), self.csat)
        self.csat_comment = QLineEdit(page)
        self.csat_comment.setAccessibleName(self.tr("Feedback comment"))
        form.addRow(self.tr("Co&mment:"), self.csat_comment)
        self.record_feedback = QPushButton(self.tr("&Record feedback"), page)
        self.record_feedback.setObjectName("ticketRecordFeedback")
        form.addRow("", self.record_feedback)
        self.feedback_hint = QLabel(self.tr("Feedback is recorded once the ticket is resolved "
                                            "or closed."), page)
        self.feedback_hint.setWordWrap(True)
        form.addRow("", self.feedback_hint)
        self.record_feedback.clicked.connect(self._on_record_feedback_clicked)
        self.tabs.addTab(page, self.tr("&Feedback"))

    # -- RecordEditor ---------------------------------------------------------------------

    def read_draft(self) -> TicketDraft:
        return TicketDraft(
            subject=self.subject.text(), description=self.description.toPlainText(),
            account_id=self.account_picker.account_id(), contact_id=self.contact.currentData(),
            channel=self.channel.currentData() or "email", category=self.category.text(),
            priority=self.priority.currentData() or "normal",
            status=self.status.currentData() or "new", assignee_id=self.assignee.currentData(),
            product=self.product.text(), contract_ref=self.contract_ref.text())

    def show_draft(self, draft: TicketDraft) -> None:
        self.subject.setText(draft.subject)
        self.description.setPlainText(draft.description)
        self.channel.setCurrentIndex(max(self.channel.findData(draft.channel), 0))
        self.priority.setCurrentIndex(max(self.priority.findData(draft.priority), 0))
        self.status.setCurrentIndex(max(self.status.findData(draft.status), 0))
        fill_owner_combo(self.assignee, self.services, draft.assignee_id,
                         self.tr("(unassigned)"), new=self.record_id is None)
        self.category.setText(draft.category)
        self.product.setText(draft.product)
        self.contract_ref.setText(draft.contract_ref)

    def validate_draft(self, draft: TicketDraft) -> TicketDraft:
        return validate(draft, self._old_status)

    def error_labels(self) -> dict[str, QLabel]:
        return {"subject": self.subject_error, "status": self.status_error,
                "description": self.description_error}

    def extra_errors(self) -> dict[str, str]:
        if self.account_picker.is_unresolved():
            return {"account_id": self.tr("Choose an account from the list")}
        return {}

    def window_title(self) -> str:
        if self.record_id is None:
            return self.tr("New ticket")
        return self.tr("Ticket %1").replace("%1", self.number.text())

    def save_draft_with_version(self, draft: TicketDraft,
                                expected_version: int | None) -> TicketRecord:
        record = self.services.tickets.save(draft, self.record_id, expected_version)
        self._old_status = record.draft.status
        self.record_id = record.id
        self._fill_statuses(record.draft.status)
        self._show_record_extras(record)
        return record

    # -- display --------------------------------------------------------------------------

    def _fill_statuses(self, current: str) -> None:
        was_loading, self._loading = self._loading, True
        self.status.blockSignals(True)
        self.status.clear()
        options = allowed_statuses(current) if self._old_status else ("new", "open")
        for code in options:
            self.status.addItem(status_titles()[code], code)
        self.status.setCurrentIndex(max(self.status.findData(current), 0))
        self.status.blockSignals(False)
        self._loading = was_loading

    def _fill_contacts(self, account_id: str | None, contact_id: str | None,
                       record: TicketRecord | None = None) -> None:
        self.contact.blockSignals(True)
        self.contact.clear()
        self.contact.addItem(self.tr("(no contact)"), None)
        if account_id:
            query = ListQuery("contact", filters=(("account_id", account_id),))
            for row in self.services.lists.page(query, limit=500):
                self.contact.addItem(row.values["name"], row.id)
        if contact_id and self.contact.findData(contact_id) < 0:
            self.contact.addItem(record.contact_name if record else contact_id, contact_id)
        self.contact.setCurrentIndex(max(self.contact.findData(contact_id), 0))
        self.contact.blockSignals(False)

    def _show_record_extras(self, record: TicketRecord | None) -> None:
        saved = record is not None
        self.number.setText(record.number if record else self.tr("(given on save)"))
        for widget in (self.reply, self.entry_kind, self.add_entry, self.insert_article,
                       self.add_file, self.open_file, self.link_article):
            widget.setEnabled(saved)
        self.conversation_hint.setVisible(not saved)
        done = saved and record is not None and record.draft.status in ("resolved", "closed")
        for widget in (self.csat, self.csat_comment, self.record_feedback):
            widget.setEnabled(done)
        self._show_feedback_state(done, record.csat_score if record else None)
        if record is not None:
            self.csat.setCurrentIndex(max(self.csat.findData(record.csat_score), 0))
            self.csat_comment.setText(record.csat_comment)
            self.show_conversation()
            self.show_attachments()
            self.show_articles()
        self.show_sla()

    @Slot()
    def show_sla(self) -> None:
        if self.record_id is None:
            self.sla_label.setText(self.tr("The SLA clock starts when the ticket is saved."))
            self.sla_figures.clear()
            return
        state = self.services.tickets.sla(self.record_id, datetime.now(UTC))
        self.sla_label.setText(state_text(state))
        self.sla_label.setStyleSheet(f"color: {state_colour(state).name()}; font-weight: bold")
        self.sla_label.setAccessibleName(state_text(state))
        self.sla_figures.setText(figures_text(state))
        self.sla_figures.setAccessibleName(figures_text(state))

    def show_conversation(self) -> None:
        assert self.record_id is not None
        titles = {"reply": self.tr("Reply"), "note": self.tr("Internal note"),
                  "customer": self.tr("Customer")}
        colours = {"reply": "#e3f2fd", "note": "#fff8e1", "customer": "#f1f8e9"}
        parts = []
        for entry in self.services.tickets.entries(self.record_id):
            body = html.escape(entry.body).replace("\n", "<br>")
            parts.append(
                f"<table width='100%' cellpadding='6' style='background:{colours[entry.kind]};"
                f"margin-bottom:6px'><tr><td><b>{html.escape(titles[entry.kind])}</b> · "
                f"{html.escape(entry.author)} · {local_time(entry.at)}<br>{body}</td></tr>"
                "</table>")
        self.conversation.setHtml("".join(parts) or self.tr("No entries yet."))

    def show_attachments(self) -> None:
        assert self.record_id is not None
        self.attachment_list.clear()
        for attachment in self.services.tickets.attachments(self.record_id):
            item = QListWidgetItem(f"{attachment.file_name}  ({attachment.size:,} B)",
                                   self.attachment_list)
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            item.setToolTip(f"SHA-256 {attachment.sha256}")

    def show_articles(self) -> None:
        assert self.record_id is not None
        self.article_list.clear()
        for article_id, title in self.services.tickets.linked_articles(self.record_id):
            item = QListWidgetItem(title, self.article_list)
            item.setData(Qt.ItemDataRole.UserRole, article_id)

    def _announce(self) -> None:
        """Conversation, files and feedback are written at once: tell the other views."""
        if self.record_id is not None:
            record = self.services.tickets.get(self.record_id)
            self.version = record.version
            self.record_saved.emit(self.record_id)

    def _show_error(self, problem: ValidationError | ValidationErrors) -> None:
        self.show_banner("\n".join(messages_by_field(problem).values()))

    # -- slots ----------------------------------------------------------------------------

    @Slot()
    def _on_account_picker_account_changed(self) -> None:
        self._fill_contacts(self.account_picker.account_id(), None)
        self.refresh_state()

    @Slot()
    def _on_add_entry_clicked(self) -> None:
        if self.record_id is None or not self.reply.toPlainText().strip():
            return
        try:
            self.services.tickets.add_entry(self.record_id, self.entry_kind.currentData(),
                                            self.reply.toPlainText())
        except (ValidationError, ValidationErrors) as problem:
            self._show_error(problem)
            return
        self.reply.clear()
        record = self.services.tickets.get(self.record_id)
        if record.draft.status != self._old_status:  # a customer's answer reopened it
            self._old_status = record.draft.status
            self._fill_statuses(record.draft.status)
            self._saved_draft = self.read_draft()
        self.show_conversation()
        self.show_sla()
        self._announce()

    @Slot()
    def _on_insert_article_clicked(self) -> None:
        picker = ArticlePicker(self.services, self.tr("Insert article into the reply"), self)
        if picker.exec() and (article := picker.chosen()) is not None:
            self.reply.insertPlainText(article.draft.body)
            if self.record_id is not None:
                self.services.tickets.link_article(self.record_id, article.id)
                self.show_articles()

    @Slot()
    def _on_link_article_clicked(self) -> None:
        picker = ArticlePicker(self.services, self.tr("Link an article"), self)
        if picker.exec() and (article := picker.chosen()) is not None \
                and self.record_id is not None:
            self.services.tickets.link_article(self.record_id, article.id)
            self.show_articles()
            self._announce()

    @Slot(QListWidgetItem)
    def _on_article_list_item_activated(self, item: QListWidgetItem) -> None:
        self.open_record_requested.emit("kb_article", item.data(Qt.ItemDataRole.UserRole), {})

    @Slot()
    def _on_add_file_clicked(self) -> None:
        if self.record_id is None:
            return
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if not name:
            return
        try:
            self.services.tickets.add_attachment(self.record_id, Path(name))
        except (ValidationError, ValidationErrors) as problem:
            self._show_error(problem)
            return
        except OSError as error:
            self.show_banner(self.tr("The file could not be copied: %1")
                             .replace("%1", str(error)))
            return
        self.show_attachments()
        self._announce()

    @Slot()
    def _on_open_file_clicked(self) -> None:
        item = self.attachment_list.currentItem()
        if item is None or self.record_id is None:
            return
        path = self.services.tickets.attachment_path(self.record_id,
                                                     item.data(Qt.ItemDataRole.UserRole))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _show_feedback_state(self, done: bool, score: int | None) -> None:
        """One line under the button says where feedback stands: not yet possible,
        or recorded (with the score), so the "once resolved" hint never outlives it."""
        if not done:
            text = self.tr("Feedback is recorded once the ticket is resolved or closed.")
        elif score is not None:
            text = self.tr("✓ Feedback recorded: %1 (%2 of 5).").replace(
                "%1", "★" * score).replace("%2", str(score))
        else:
            text = ""
        self.feedback_hint.setText(text)
        self.feedback_hint.setVisible(bool(text))

    @Slot()
    def _on_record_feedback_clicked(self) -> None:
        score = self.csat.currentData()
        if self.record_id is None or score is None:
            self.show_banner(self.tr("Choose a score from 1 to 5."))
            return
        try:
            self.services.tickets.record_feedback(self.record_id, score,
                                                  self.csat_comment.text())
        except (ValidationError, ValidationErrors) as problem:
            self._show_error(problem)
            return
        self.show_banner("")
        self._show_feedback_state(True, score)
        self._announce()
