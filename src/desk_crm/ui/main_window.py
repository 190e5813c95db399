"""The main window: navigation, one list page per area, editors, undo, status bar."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desk_crm import settings as opts
from desk_crm.domain.entities import CUSTOMIZABLE
from desk_crm.services.bundle import Services
from desk_crm.services.errors import RecordNotFound
from desk_crm.settings import Settings
from desk_crm.ui.data_actions import DataActions
from desk_crm.ui.editors.account_editor import AccountEditor
from desk_crm.ui.editors.base import RecordEditor
from desk_crm.ui.editors.contact_editor import ContactEditor
from desk_crm.ui.events import AppEvents
from desk_crm.ui.global_search import GlobalSearchBox
from desk_crm.ui.icons import ACTION_ICONS, AREA_ICONS, themed_icon
from desk_crm.ui.list_page import ListPage
from desk_crm.ui.registry import AREA_KEYS, AREAS, SETTINGS, SettingsSpec, editor_spec
from desk_crm.ui.reminders import ReminderService
from desk_crm.ui.sync_status import SyncController
from desk_crm.ui.undo import ChangeLogCommand, DeleteRecordCommand
from desk_crm.ui.widgets.reminder_banner import ReminderBanner

UNDO_HINT_MS = 15000


EAGER_PAGES_DELAY_MS = 200


class LazyPages(Mapping[str, Any]):
    """The area pages by key, each built on first access (in area order when iterated)."""

    def __init__(self, keys: list[str], build: Callable[[str], Any]) -> None:
        self._keys = keys
        self._build = build
        self._built: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        if key not in self._keys:
            raise KeyError(key)
        if key not in self._built:
            self._built[key] = self._build(key)
        return self._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def built(self) -> dict[str, Any]:
        """The pages built so far, without building the others."""
        return {key: self._built[key] for key in self._keys if key in self._built}


class MainWindow(QMainWindow):
    # Work that needs the store closed (restore, encryption): app.py closes this window and
    # the store, runs it, and opens both again. None = just re-open (a restore is pending).
    reopen_requested = Signal(object)

    def __init__(self, services: Services, settings: Settings, events: AppEvents,
                 database_path: Path, app_icon: QIcon | None = None, *,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self.database_path = database_path
        self.services = services
        self.settings = settings
        self.events = events
        self.undo_stack = QUndoStack(self)
        self._editors: dict[tuple[str, str], RecordEditor] = {}
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Desk CRM"))
        if app_icon is not None:
            self.setWindowIcon(app_icon)

        # Pages are built when first shown (or asked for): building every area up front
        # (board and My day query at construction) cost ~0.5 s of start-up.
        self._stale_pages: set[str] = set()  # built, hidden, changed since: reload on show
        self.pages = LazyPages([area.key for area in AREAS], self._build_page)
        self._placeholders: dict[str, QWidget] = {}
        self._build_navigation()
        self._build_actions()
        self.apply_icons()
        self._build_status_bar()
        # Sync menu, status-bar indicator, background sync (optional module).
        self.sync = SyncController(self)
        self.sync.populate(self.sync_menu)
        events.records_changed.connect(self._on_events_records_changed)
        self._build_reminders(app_icon, now)
        if not self.restoreGeometry(settings.get(opts.MAIN_GEOMETRY)):
            self.resize(1280, 800)
        self.restoreState(settings.get(opts.MAIN_STATE))
        last = settings.get(opts.LAST_AREA)
        self.show_area(last if last in self.pages else "contacts")
        # Areas whose sidebar entry shows live figures are built just after the first
        # paint, not before it (~0.15 s of start-up at 100k records).
        QTimer.singleShot(EAGER_PAGES_DELAY_MS, self, self._build_eager_pages)

    def _build_eager_pages(self) -> None:
        for area in AREAS:
            if area.extra.get("eager"):
                page = self.pages[area.key]
                if hasattr(page, "nav_title"):
                    self._on_page_nav_title_changed(page.nav_title(), page)

    # -- construction ---------------------------------------------------------------------

    def _build_page(self, name: str) -> Any:
        area = next(area for area in AREAS if area.key == name)
        page = area.build(self.services, self)
        if not page.accessibleName():
            page.setAccessibleName(page.title)
        page.open_requested.connect(self._on_page_open_requested)
        page.delete_requested.connect(self._on_page_delete_requested)
        page.count_changed.connect(self._show_count)
        if isinstance(page, ListPage) and page.entity in CUSTOMIZABLE:
            # Custom fields as optional columns and a filter (before the header state, so
            # the saved widths and order apply to them too).
            page.attach_fields(self._field_columns(page.entity),
                               self.services.default_region)
        if hasattr(page, "restore_header_state"):
            page.restore_header_state(self.settings.header_state(name))
        if hasattr(page, "attach_views"):
            page.attach_views(self.settings, self.settings.get(opts.CURRENT_USER))
        if hasattr(page, "new_requested"):
            page.new_requested.connect(self.new_record)
        if hasattr(page, "records_changed"):
            page.records_changed.connect(self.events.records_changed)
        if hasattr(page, "nav_title_changed"):  # e.g. "Tickets (12)"
            page.nav_title_changed.connect(self._on_page_nav_title_changed)
        if hasattr(page, "record_edited"):  # saved in place in a grid: undoable here
            page.record_edited.connect(self.events.records_changed)
            page.record_edited.connect(self._push_edit_undo)
        if hasattr(page, "cells_pasted"):  # a pasted block: one batch, one undo step
            page.cells_pasted.connect(self._push_paste_undo)
        if hasattr(page, "list_requested"):  # dashboard click-through: a filtered list
            page.list_requested.connect(self.show_filtered)
        if hasattr(page, "open_record_requested"):  # e.g. a top account, a customer at risk
            page.open_record_requested.connect(self._on_editor_open_record_requested)
        placeholder = self._placeholders.pop(name)
        index = self.stack.indexOf(placeholder)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        return page

    def _field_columns(self, entity: str) -> Any:
        from desk_crm.ui.field_list import field_columns

        services = self.services
        return lambda existing: field_columns(services, services.fields.entity(entity),
                                              existing)

    def _build_navigation(self) -> None:
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Areas"))
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMinimumWidth(150)
        self.stack = QStackedWidget(self)
        for area in AREAS:
            title = area.title()
            item = QListWidgetItem(self._area_icon(area), title)
            key = AREA_KEYS[area.key]
            item.setToolTip(f"{title} ({key})" if key else title)
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.nav.addItem(item)
            self._placeholders[area.key] = QWidget(self)
            self.stack.addWidget(self._placeholders[area.key])
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        splitter = QSplitter(self)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        # The sidebar as wide as its longest entry: a maximum width on the list alone left
        # the splitter's pane wider than the list, an empty ~65 px band on every page.
        # setSizes alone is scaled down proportionally at the first layout (to the minimum).
        self.nav.setMinimumWidth(self._nav_width())
        splitter.setSizes([self._nav_width(), 10_000])
        self.splitter = splitter
        # The reminder bar sits above everything else, hidden while there is no reminder.
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.reminder_banner = ReminderBanner(central)
        layout.addWidget(self.reminder_banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    def _area_icon(self, area: Any) -> QIcon:
        name = AREA_ICONS.get(area.key)
        return (themed_icon(name, self.palette()) if name
                else self.style().standardIcon(area.icon))

    def _nav_width(self) -> int:
        # The widest item as the view lays it out (icon, text, margins), the frame, and a
        # scroll bar that appears when the window is short: with more areas than fit, an
        # estimate from the text alone cut the longest title.
        self.nav.ensurePolished()  # the style's item margins, not the defaults
        widest = self.nav.sizeHintForColumn(0)
        extent = self.nav.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return min(max(widest + 2 * self.nav.frameWidth() + extent + 8, 150), 260)

    def apply_icons(self) -> None:
        """(Re)draw the sidebar and toolbar icons in the current palette's colours."""
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            area = next(a for a in AREAS if a.key == item.data(Qt.ItemDataRole.UserRole))
            item.setIcon(self._area_icon(area))
        for key, action in (("new", self.new_action), ("open", self.open_action),
                            ("delete", self.delete_action), ("undo", self.undo_action),
                            ("redo", self.redo_action)):
            action.setIcon(themed_icon(ACTION_ICONS[key], self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        # A light/dark theme switch repaints the icons in the new text colour.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            if hasattr(self, "redo_action"):
                self.apply_icons()
        super().changeEvent(event)

    def _build_reminders(self, app_icon: QIcon | None,
                         now: Callable[[], datetime] | None) -> None:
        options: dict[str, Any] = {"icon": app_icon, "parent": self}
        if now is not None:
            options["now"] = now
        self.reminders = ReminderService(self.services, self.reminder_banner, **options)
        self.reminders.open_requested.connect(
            lambda activity_id: self.open_record("activity", activity_id))
        self.reminders.ticket_open_requested.connect(
            lambda ticket_id: self.open_record("ticket", ticket_id))
        self.reminders.sla_alerts_shown.connect(
            lambda _alerts: self.events.records_changed.emit("ticket", ""))
        self.reminders.activity_changed.connect(
            lambda activity_id: self.events.records_changed.emit("activity", activity_id))
        self.reminders.start()

    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str,
                slot: object, icon: QStyle.StandardPixmap | None = None) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.new_action = self._action(self.tr("&New"), QKeySequence.StandardKey.New,
                                       self.new_record, sp.SP_FileIcon)
        self.new_contact_action = self._action(self.tr("New &contact"), "Ctrl+Shift+C",
                                               lambda: self.open_contact(None))
        self.new_account_action = self._action(self.tr("New &account"), "Ctrl+Shift+A",
                                               lambda: self.open_account(None))
        self.open_action = self._action(self.tr("&Open"), "Ctrl+O", self.open_current,
                                        sp.SP_DialogOpenButton)
        self.delete_action = self._action(self.tr("&Delete"), "Ctrl+Delete",
                                          self.delete_current, sp.SP_TrashIcon)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(self.style().standardIcon(sp.SP_ArrowBack))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo,
                                       QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.setIcon(self.style().standardIcon(sp.SP_ArrowForward))
        self.find_action = self._action(self.tr("&Find"), QKeySequence.StandardKey.Find,
                                        self.focus_search)
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit,
                                        self.close)
        if self.quit_action.shortcut().isEmpty():
            # The Windows key scheme (also Qt's default off GNOME/KDE/macOS, e.g. offscreen)
            # binds nothing to Quit.
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.area_actions = [
            self._action(area.title(), AREA_KEYS[area.key],
                         lambda _checked=False, n=area.key: self.show_area(n))
            for position, area in enumerate(AREAS, start=1)
        ]
        about = self._action(self.tr("&About Desk CRM"), "", self._on_about_triggered)
        self.preferences_action = self._action(self.tr("&Preferences…"), "Ctrl+,",
                                               self._on_preferences_triggered)
        self.backups_action = self._action(self.tr("&Backups…"), "Ctrl+Shift+B",
                                           self._on_backups_triggered)
        self.encryption_action = self._action(self.tr("&Encryption…"), "Ctrl+Alt+E",
                                              self._on_encryption_triggered)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        for action in (self.new_action, self.new_contact_action, self.new_account_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.preferences_action)
        file_menu.addAction(self.backups_action)
        file_menu.addAction(self.encryption_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (self.open_action, self.delete_action, self.find_action):
            edit_menu.addAction(action)
        self.data_actions = DataActions(self)
        self.data_actions.populate(menu.addMenu(self.tr("&Data")))
        view_menu = menu.addMenu(self.tr("&View"))
        for action in self.area_actions:
            view_menu.addAction(action)
        self.settings_menu = menu.addMenu(self.tr("&Settings"))
        self.settings_actions = {
            spec.key: self._action(spec.title(), spec.shortcut,
                                   lambda _checked=False, s=spec: self.open_settings(s))
            for spec in SETTINGS}
        for action in self.settings_actions.values():
            self.settings_menu.addAction(action)
        self.sync_menu = menu.addMenu(self.tr("S&ync"))
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(about)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.open_action, self.delete_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.global_search = GlobalSearchBox(self.services.search, self._entity_titles,
                                             toolbar)
        self.global_search.open_requested.connect(self._on_global_search_open_requested)
        toolbar.addWidget(self.global_search)
        self.addToolBar(toolbar)
        self.search_all_action = self._action(self.tr("Search &everything"), "Ctrl+K",
                                              self.focus_global_search)
        edit_menu.addAction(self.search_all_action)

    def _build_status_bar(self) -> None:
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Number of records"))
        self.statusBar().addPermanentWidget(self.count_label)
        self.undo_hint = QLabel(self)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setAccessibleName(self.tr("Undo delete"))
        self.undo_button.setFlat(True)
        self.undo_button.setStyleSheet("color: palette(link); text-decoration: underline;")
        self.undo_button.clicked.connect(self.undo_action.trigger)
        self.statusBar().addWidget(self.undo_hint)
        self.statusBar().addWidget(self.undo_button)
        self._hide_undo_hint()
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._hide_undo_hint)

    # -- areas and records ----------------------------------------------------------------

    def current_area(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "contacts"

    def _entity_titles(self) -> dict[str, str]:
        return {page.entity: page.title for page in self.pages.built().values()
                if hasattr(page, "entity")}

    def current_page(self) -> Any:
        return self.pages[self.current_area()]

    def show_area(self, name: str) -> None:
        self.nav.setCurrentRow(list(self.pages).index(name))

    @Slot(str, object)
    def show_filtered(self, name: str, filters: object) -> None:
        """Show area *name*; a list page there is narrowed to *filters* ((key, value) pairs
        of its ListSource filters)."""
        self.show_area(name)
        page = self.pages[name]
        # Pages send the pairs boxed with a label saying what they stand for (ui/boxed.py).
        label = getattr(filters, "label", "")
        filters = getattr(filters, "value", filters)
        if filters and hasattr(page, "apply_filters"):
            page.apply_filters(tuple(filters), label)  # type: ignore[arg-type]

    @Slot()
    def focus_search(self) -> None:
        self.current_page().focus_search()

    @Slot()
    def focus_global_search(self) -> None:
        self.global_search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.global_search.selectAll()

    @Slot(str, str)
    def _on_global_search_open_requested(self, entity: str, record_id: str) -> None:
        self.open_record(entity, record_id)

    @Slot()
    def new_record(self) -> None:
        self.open_record(self.current_page().entity, None)

    @Slot()
    def open_current(self) -> None:
        record_id = self.current_page().current_record_id()
        if record_id:
            self.open_record(self.current_page().entity, record_id)

    @Slot()
    def delete_current(self) -> None:
        record_id = self.current_page().current_record_id()
        if record_id:
            self.delete_record(self.current_page().entity, record_id)

    def open_record(self, entity: str, record_id: str | None,
                    **preset: Any) -> RecordEditor | None:
        """Show the editor of a record (a new one when *record_id* is None); an editor
        already open for that record is raised instead of opening a second."""
        existing = self._existing_editor(entity, record_id)
        if existing is not None:
            return existing
        try:
            editor = editor_spec(entity).create(self.services, record_id, self, preset)
        except RecordNotFound:
            self._record_gone()
            return None
        if isinstance(editor, AccountEditor):
            editor.contact_requested.connect(self._on_account_editor_contact_requested)
        if hasattr(editor, "open_record_requested"):
            editor.open_record_requested.connect(self._on_editor_open_record_requested)
        self._show_editor(editor, entity, record_id)
        return editor

    def open_contact(self, contact_id: str | None,
                     account: tuple[str, str] | None = None) -> ContactEditor | None:
        editor = self.open_record("contact", contact_id, account=account)
        return editor if isinstance(editor, ContactEditor) else None

    def open_account(self, account_id: str | None) -> AccountEditor | None:
        editor = self.open_record("account", account_id)
        return editor if isinstance(editor, AccountEditor) else None

    def _existing_editor(self, entity: str, record_id: str | None) -> RecordEditor | None:
        editor = self._editors.get((entity, record_id)) if record_id else None
        if editor is not None:
            editor.raise_()
            editor.activateWindow()
        return editor

    def _show_editor(self, editor: RecordEditor, entity: str, record_id: str | None) -> None:
        if record_id:
            self._editors[(entity, record_id)] = editor
        editor.record_saved.connect(
            lambda saved_id: self.events.records_changed.emit(entity, saved_id))
        editor.record_saved.connect(
            lambda saved_id: self._remember_editor(editor, entity, saved_id))
        editor.record_saved.connect(
            lambda saved_id: self._push_edit_undo(entity, saved_id))
        editor.destroyed.connect(lambda: self._forget_editor(editor))
        editor.show()

    def _push_paste_undo(self, entity: str, batch_id: str) -> None:
        self.events.records_changed.emit(entity, "")
        self.undo_stack.push(ChangeLogCommand(
            self.tr("Paste cells"), self.services.changes, self.events, entity,
            batch_id=batch_id))

    def _push_edit_undo(self, entity: str, record_id: str) -> None:
        """An editor's save is undoable from here too (Ctrl+Z after closing the editor),
        by writing the change log's old values back."""
        mutation = self.services.changes.last_mutation(entity, record_id)
        if mutation is None:
            return
        try:
            name = editor_spec(entity).label(self.services, record_id)
        except RecordNotFound:
            return
        self.undo_stack.push(ChangeLogCommand(
            self.tr("Edit “%1”").replace("%1", name), self.services.changes, self.events,
            entity, mutation_id=mutation))

    def _remember_editor(self, editor: RecordEditor, entity: str, record_id: str) -> None:
        self._editors[(entity, record_id)] = editor

    def _forget_editor(self, editor: RecordEditor) -> None:
        for key, value in list(self._editors.items()):
            if value is editor:
                del self._editors[key]

    def delete_record(self, entity: str, record_id: str) -> None:
        spec = editor_spec(entity)
        service = spec.service(self.services)
        try:
            record_name = spec.label(self.services, record_id)
        except RecordNotFound:
            self._record_gone()
            return
        text = self.tr("Delete “%1”").replace("%1", record_name)
        try:
            self.undo_stack.push(DeleteRecordCommand(text, entity, record_id, service.delete,
                                                     service.restore, self.events))
        except RecordNotFound:
            self._record_gone()
            return
        self.undo_hint.setText(self.tr("Deleted “%1”.").replace("%1", record_name))
        self.undo_hint.show()
        self.undo_button.show()
        self._undo_timer.start(UNDO_HINT_MS)
        editor = self._editors.get((entity, record_id))
        if editor is not None:
            editor.discard_and_close()  # its record is gone; undo brings the record back

    def _record_gone(self) -> None:
        QMessageBox.information(self, self.windowTitle(),
                                self.tr("That record no longer exists."))

    # -- slots ----------------------------------------------------------------------------

    @Slot(int)
    def _on_nav_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        page = self.current_page()  # built now if it is shown for the first time
        if self.current_area() in self._stale_pages:
            self._stale_pages.discard(self.current_area())
            page.reload()
        self.stack.setCurrentIndex(row)
        self._show_count(page.count())
        page.setFocus()

    @Slot(int)
    def _show_count(self, _count: int) -> None:
        # Never builds a page: counts also arrive while a page is being built.
        page = self.pages.built().get(self.current_area())
        if page is None:
            return
        count = page.count()
        # A long filtered list shows "10,000+" until its exact count arrives.
        more = "+" if hasattr(page, "count_exact") and not page.count_exact() else ""
        self.count_label.setText(self.tr("%1: %2").replace("%1", page.title)
                                 .replace("%2", f"{count:,}{more}"))

    @Slot(str)
    def _on_page_nav_title_changed(self, text: str, page: Any = None) -> None:
        page = page or self.sender()
        built = self.pages.built()
        for row, key in enumerate(self.pages):
            if built.get(key) is page and self.nav.item(row) is not None:
                self.nav.item(row).setText(text)

    @Slot(str)
    def _on_page_open_requested(self, record_id: str) -> None:
        page = self.sender()
        if page is not None and hasattr(page, "entity"):
            self.open_record(page.entity, record_id)

    @Slot(str)
    def _on_page_delete_requested(self, record_id: str) -> None:
        page = self.sender()
        if page is not None and hasattr(page, "entity"):
            self.delete_record(page.entity, record_id)

    @Slot(str, object, object)
    def _on_editor_open_record_requested(self, entity: str, record_id: object,
                                         preset: object) -> None:
        self.open_record(entity, record_id if isinstance(record_id, str) else None,
                         **(preset if isinstance(preset, dict) else {}))

    @Slot(object, object)
    def _on_account_editor_contact_requested(self, contact_id: object,
                                             account: object) -> None:
        if contact_id is None and isinstance(account, tuple):
            self.open_contact(None, account=account)
        elif isinstance(contact_id, str):
            self.open_contact(contact_id)

    @Slot(str, str)
    def _on_events_records_changed(self, _entity: str, _record_id: str) -> None:
        # A contact changes an account's contact count and vice versa: reload both lists.
        # Lists reload at once (a cheap count, rows fetched lazily); a hidden page that
        # reads a whole view (My day, the pipeline board, ~30 ms each) waits until shown:
        # reloading all of them made every save and delete stall the window ~130 ms.
        current = self.current_area()
        for name, page in self.pages.built().items():  # the others read fresh when built
            if name == current or hasattr(page, "model"):
                page.reload()
            else:
                self._stale_pages.add(name)
        for editor in list(self._editors.values()):
            if isinstance(editor, AccountEditor):
                editor.refresh_contacts()
            if hasattr(editor, "refresh_activities"):
                editor.refresh_activities()
        self._show_count(0)

    @Slot()
    def _hide_undo_hint(self) -> None:
        self.undo_hint.hide()
        self.undo_button.hide()

    @Slot()
    def _on_preferences_triggered(self) -> None:
        from desk_crm.ui.preferences import PreferencesDialog

        PreferencesDialog(self.settings, self, [user.name for user in
                                               self.services.users.list_active()]).open()

    @Slot()
    def _on_backups_triggered(self) -> None:
        from desk_crm.ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.services.backups, self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_scheduled.connect(self._on_backups_restore_scheduled)
        dialog.open()

    @Slot(object)
    def _on_backups_restore_scheduled(self, _backup: object) -> None:
        self.request_reopen(None)

    @Slot()
    def _on_encryption_triggered(self) -> None:
        from desk_crm.ui.encryption_dialog import choose_job

        backups = self.services.backups
        job = choose_job(self, self.database_path, backups.folder, backups.key)
        if job is not None:
            backups.backup_before("encryption-change")
            self.request_reopen(job)

    def request_reopen(self, job: object) -> bool:
        """Close this window (editors may refuse) and ask app.py to re-open the store."""
        if not self.close():
            return False
        self.reopen_requested.emit(job)
        return True

    def open_settings(self, spec: SettingsSpec) -> None:
        dialog = spec.create(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.events.records_changed.emit(spec.entity, ""))
        dialog.open()

    @Slot()
    def _on_about_triggered(self) -> None:
        from desk_crm import __version__

        QMessageBox.about(self, self.tr("About Desk CRM"),
                          self.tr("Desk CRM %1\nAn offline-first desktop CRM.\n\n"
                                  "Data file: %2").replace("%1", __version__)
                          .replace("%2", str(self.database_path)))

    def closeEvent(self, event: QCloseEvent) -> None:
        # Every open editor, also those of new records not saved yet (not in _editors).
        for editor in self.findChildren(RecordEditor):
            if editor.isVisible() and not editor.close():
                event.ignore()
                return
        self.sync.shutdown()
        self.settings.set(opts.MAIN_GEOMETRY, self.saveGeometry())
        self.settings.set(opts.MAIN_STATE, self.saveState())
        self.settings.set(opts.LAST_AREA, self.current_area())
        for name, page in self.pages.built().items():
            if hasattr(page, "header_state"):
                self.settings.set_header_state(name, page.header_state())
        self.settings.sync()
        super().closeEvent(event)


def widget_tree_names(root: QWidget) -> list[str]:
    """Object names under *root*, for the self-test's report."""
    return [child.objectName() for child in root.findChildren(QWidget) if child.objectName()]
