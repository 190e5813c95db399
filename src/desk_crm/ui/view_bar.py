"""Above a list: the saved-view combo, Save/Delete view, and the column chooser (also the
table header's context menu). Keyboard: all are in the tab order before the search box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from desk_crm.ui.saved_views import SavedView

translate = QCoreApplication.translate


class ViewBar(QWidget):
    """Signals:
        view_chosen(object): apply this SavedView (None: the default, every record).
        save_requested(str): save the list's current state under this name.
        delete_requested(str): forget the view with this name.
    """

    view_chosen = Signal(object)
    save_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, entity: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("View:"), self)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"{entity}ViewCombo")
        self.combo.setAccessibleName(self.tr("Saved view"))
        self.combo.setMinimumContentsLength(14)
        caption.setBuddy(self.combo)
        self.save_button = QPushButton(self.tr("Save view…"), self)
        self.save_button.setObjectName(f"{entity}SaveView")
        self.delete_button = QPushButton(self.tr("Delete view"), self)
        self.delete_button.setObjectName(f"{entity}DeleteView")
        self.columns_button = QPushButton(self.tr("Columns…"), self)
        self.columns_button.setObjectName(f"{entity}Columns")
        self.columns_button.setAccessibleName(self.tr("Choose columns"))
        for widget in (caption, self.combo, self.save_button, self.delete_button,
                       self.columns_button):
            row.addWidget(widget)
        self._views: list[SavedView] = []
        self.set_views([])
        self.combo.activated.connect(self._on_combo_activated)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)

    def set_views(self, views: list[SavedView], current: str | None = None) -> None:
        self._views = list(views)
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("All records"), None)
        for view in self._views:
            self.combo.addItem(view.name, view.name)
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0) if current else 0)
        self.combo.blockSignals(False)
        self.delete_button.setEnabled(self.combo.currentIndex() > 0)

    def current_name(self) -> str | None:
        data = self.combo.currentData()
        return data if isinstance(data, str) else None

    @Slot(int)
    def _on_combo_activated(self, index: int) -> None:
        self.delete_button.setEnabled(index > 0)
        view = self._views[index - 1] if index > 0 else None
        self.view_chosen.emit(view)

    @Slot()
    def _on_save_button_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("View name:"),
                                        text=self.current_name() or "")
        if ok and name.strip():
            self.save_requested.emit(name.strip())

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        name = self.current_name()
        if name:
            self.delete_requested.emit(name)


class ColumnChooser:
    """Show/hide columns of a table header by key, from a menu (header context menu or
    the Columns… button). The last visible column cannot be hidden."""

    def __init__(self, header: QHeaderView, keys: list[str], titles: list[str],
                 widths: list[int]) -> None:
        self.header = header
        self.keys = keys
        self.titles = titles
        self.widths = widths
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu_requested)

    def hidden(self) -> tuple[str, ...]:
        return tuple(key for position, key in enumerate(self.keys)
                     if self.header.isSectionHidden(position))

    def set_hidden(self, keys: tuple[str, ...]) -> None:
        for position, key in enumerate(self.keys):
            self.header.setSectionHidden(position, key in keys)
        if len(self.hidden()) == len(self.keys):  # never hide everything
            self.header.setSectionHidden(0, False)

    def reset(self) -> None:
        """Every column shown, in the original order and widths."""
        for position in range(len(self.keys)):
            self.header.setSectionHidden(position, False)
            visual = self.header.visualIndex(position)
            if visual != position:
                self.header.moveSection(visual, position)
            self.header.resizeSection(position, self.widths[position])

    def menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        menu.setObjectName("columnMenu")
        visible = len(self.keys) - len(self.hidden())
        for position, title in enumerate(self.titles):
            action = QAction(title, menu)
            action.setCheckable(True)
            shown = not self.header.isSectionHidden(position)
            action.setChecked(shown)
            action.setEnabled(not (shown and visible == 1))
            action.setData(position)
            action.toggled.connect(lambda on, p=position: self.header.setSectionHidden(p, not on))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(translate("ColumnChooser", "Reset columns"))
        reset.triggered.connect(self.reset)
        return menu

    @Slot(QPoint)
    def _on_header_menu_requested(self, point: QPoint) -> None:
        self.menu(self.header).popup(self.header.mapToGlobal(point))
