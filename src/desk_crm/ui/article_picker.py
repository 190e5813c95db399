"""Choose a published knowledge-base article: search as you type (Chinese or English),
preview the Markdown, then link it or insert its text into a reply."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk_crm.services.bundle import Services
from desk_crm.services.ticket_records import ArticleRecord

SEARCH_DELAY_MS = 150


def markdown_view(parent: QWidget) -> QTextEdit:
    """A read-only Markdown view. QTextEdit (not QTextBrowser) loads no files or URLs, so
    an article can never fetch a remote image."""
    view = QTextEdit(parent)
    view.setReadOnly(True)
    view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                 | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return view


class ArticlePicker(QDialog):
    def __init__(self, services: Services, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(title)
        self.setObjectName("articlePicker")
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("articleSearch")
        self.search.setPlaceholderText(self.tr("Search articles"))
        self.search.setAccessibleName(self.tr("Search articles"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        splitter = QSplitter(self)
        self.results = QListWidget(splitter)
        self.results.setObjectName("articleResults")
        self.results.setAccessibleName(self.tr("Articles"))
        self.preview = markdown_view(splitter)
        self.preview.setObjectName("articlePreview")
        self.preview.setAccessibleName(self.tr("Article preview"))
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._timer.start)
        self.results.currentItemChanged.connect(self._on_results_current_item_changed)
        self.results.itemActivated.connect(self.accept)
        self.run_search()

    @Slot()
    def run_search(self) -> None:
        self.results.clear()
        for article in self.services.knowledge.search(self.search.text()):
            item = QListWidgetItem(article.draft.title, self.results)
            item.setData(Qt.ItemDataRole.UserRole, article)
        if self.results.count():
            self.results.setCurrentRow(0)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.results.count() > 0)

    def chosen(self) -> ArticleRecord | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_results_current_item_changed(self, current: QListWidgetItem | None,
                                         _previous: QListWidgetItem | None) -> None:
        article = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.preview.setMarkdown(article.draft.body if article else "")
