"""The knowledge-base article editor: title, category, tags, draft/published, and the
Markdown body beside its rendered preview (QTextDocument.setMarkdown; nothing remote)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from desk_crm.domain.knowledge import ARTICLE_STATUSES, ArticleDraft, validate_article
from desk_crm.domain.tags import format_tags, normalize_tags
from desk_crm.services.bundle import Services
from desk_crm.services.ticket_records import ArticleRecord
from desk_crm.ui.article_picker import markdown_view
from desk_crm.ui.editors.base import RecordEditor
from desk_crm.ui.ticket_columns import article_status_titles


class ArticleEditor(RecordEditor):
    entity = "kb_article"

    def __init__(self, services: Services, article_id: str | None = None, *,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, article_id, parent)
        self.setObjectName("articleEditor")
        self.resize(980, 680)
        layout = QVBoxLayout(self)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.banner)
        tabs = QTabWidget(self)
        layout.addWidget(tabs, 1)
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        form = QFormLayout()
        self.title_edit = QLineEdit(page)
        self.title_edit.setObjectName("articleTitle")
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_error = QLabel(page)
        self.title_error.setStyleSheet("color: #c62828")
        self.title_error.hide()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow("", self.title_error)
        row = QHBoxLayout()
        self.category = QLineEdit(page)
        self.category.setAccessibleName(self.tr("Category"))
        self.tags = QLineEdit(page)
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("comma separated"))
        self.status = QComboBox(page)
        self.status.setAccessibleName(self.tr("Status"))
        for code in ARTICLE_STATUSES:
            self.status.addItem(article_status_titles()[code], code)
        for text, widget in ((self.tr("&Category:"), self.category),
                             (self.tr("Ta&gs:"), self.tags),
                             (self.tr("&Status:"), self.status)):
            label = QLabel(text, page)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, 1)
        form.addRow(row)
        page_layout.addLayout(form)
        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        self.body = QPlainTextEdit(splitter)
        self.body.setObjectName("articleBody")
        self.body.setAccessibleName(self.tr("Body (Markdown)"))
        self.body.setTabChangesFocus(True)
        self.preview = markdown_view(splitter)
        self.preview.setObjectName("articlePreview")
        self.preview.setAccessibleName(self.tr("Preview"))
        page_layout.addWidget(splitter, 1)
        tabs.addTab(page, self.tr("&Article"))
        history_page = QWidget(self)
        QVBoxLayout(history_page)
        self.history = QTreeWidget(history_page)
        self.history.setHeaderLabels([self.tr("When / field"), self.tr("Who / from"),
                                      self.tr("What / to")])
        history_page.layout().addWidget(self.history)
        tabs.addTab(history_page, self.tr("&History"))
        bottom = QHBoxLayout()
        self.timestamps = QLabel(self)
        bottom.addWidget(self.timestamps, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close, self)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.init_common(buttons, self.history, self.timestamps, self.banner)
        record = services.knowledge.get(article_id) if article_id else None
        self.load_record(record, record.draft if record else ArticleDraft())
        self._on_body_text_changed()
        for widget in (self.title_edit, self.category, self.tags):
            widget.textChanged.connect(self.refresh_state)
        self.status.currentIndexChanged.connect(self.refresh_state)
        self.body.textChanged.connect(self._on_body_text_changed)

    def read_draft(self) -> ArticleDraft:
        return ArticleDraft(title=self.title_edit.text(), body=self.body.toPlainText(),
                            category=self.category.text(),
                            tags=normalize_tags(self.tags.text()),
                            status=self.status.currentData() or "draft")

    def show_draft(self, draft: ArticleDraft) -> None:
        self.title_edit.setText(draft.title)
        self.body.setPlainText(draft.body)
        self.category.setText(draft.category)
        self.tags.setText(format_tags(draft.tags))
        self.status.setCurrentIndex(max(self.status.findData(draft.status), 0))

    def validate_draft(self, draft: ArticleDraft) -> ArticleDraft:
        return validate_article(draft)

    def error_labels(self) -> dict[str, QLabel]:
        return {"title": self.title_error}

    def window_title(self) -> str:
        return self.title_edit.text().strip() or self.tr("New article")

    def save_draft_with_version(self, draft: ArticleDraft,
                                expected_version: int | None) -> ArticleRecord:
        return self.services.knowledge.save(draft, self.record_id, expected_version)

    @Slot()
    def _on_body_text_changed(self) -> None:
        self.preview.setMarkdown(self.body.toPlainText())
        self.refresh_state()
