"""A sentence shown in the middle of an empty table ("No backups yet. …"), so an empty
view says what would be there and how it gets there, instead of looking broken."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyState(QLabel):
    """Covers *view*'s viewport while its model has no rows; follows the model."""

    def __init__(self, view: QAbstractItemView, text: str) -> None:
        super().__init__(text, view.viewport())
        self._view = view
        self.setObjectName("emptyState")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMargin(24)
        self.setStyleSheet("color: palette(placeholder-text);")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset,
                       model.layoutChanged):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.resize(self._view.viewport().size())
        self.setVisible(self._view.model().rowCount() == 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.resize(self._view.viewport().size())
        return super().eventFilter(watched, event)
