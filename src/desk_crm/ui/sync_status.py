"""Sync in the main window: the Sync menu, the status-bar indicator (online/offline, last
sync, pending changes, open conflicts), "Sync now" and the periodic background sync. A sync
runs in a worker thread (BackgroundOperation without a modal dialog) with its progress and
a Cancel button in the status bar, so the window stays usable."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QWidget

from desk_crm import settings as opts
from desk_crm.domain.entities import DJANGO_CRM, SYNCED, TRYTON, synced_by
from desk_crm.sync.credentials import CredentialStore, make_adapter
from desk_crm.sync.engine import SyncEngine, SyncReport
from desk_crm.sync.issues import SyncIssues, SyncStatus
from desk_crm.sync.progress import PhaseClock
from desk_crm.sync.protocol import AuthError, TransientError
from desk_crm.ui.operations import BackgroundOperation, BackgroundQuery, Progress
from desk_crm.ui.sync_conflicts import ConflictsDialog
from desk_crm.ui.sync_connect import ConnectDialog
from desk_crm.ui.sync_history import SyncHistoryDialog
from desk_crm.ui.sync_status_text import progress_text

if TYPE_CHECKING:
    from desk_crm.ui.main_window import MainWindow

translate = QCoreApplication.translate
log = logging.getLogger("desk_crm.sync")
SYNC_INTERVAL = opts.Option("user/sync_interval_minutes", 15, "user")
# Pending changes are counted over what every kind of server syncs (quotes travel to Tryton
# only, so a django-crm connection would never drain them); a run's changes to any synced
# entity reload its lists.
SYNCED_ENTITIES = tuple(e for e in synced_by(DJANGO_CRM) if e in synced_by(TRYTON))


class SyncIndicator(QWidget):
    """The status-bar part: state text, conflicts link, Sync now / Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.state = QLabel(self)
        self.state.setAccessibleName(self.tr("Sync status"))
        self.conflicts = QPushButton(self)
        self.conflicts.setFlat(True)
        self.conflicts.setAccessibleName(self.tr("Open sync conflicts"))
        self.conflicts.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel sync"))
        self.cancel_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.sync_button)
        layout.addWidget(self.cancel_button)


class SyncController(QObject):
    """Signals:
        finished(object): the SyncReport of a run that ended (ok or cancelled).
    """

    finished = Signal(object)

    def __init__(self, window: MainWindow, store: CredentialStore | None = None) -> None:
        super().__init__(window)
        self._window = window
        self.store = store or CredentialStore()
        self.issues = SyncIssues(window.services.context, SYNCED_ENTITIES)
        self.operation: BackgroundOperation | None = None
        self._engine: SyncEngine | None = None
        self._online: bool | None = None  # None: not tried yet
        self._problem = ""
        self._clock = PhaseClock()
        self.connect_action = self._action(self.tr("&Connect to server…"), "Ctrl+Alt+N",
                                           self.open_connect)
        self.sync_action = self._action(self.tr("&Sync now"), "F5", self.sync_now)
        self.rescan_action = self._action(self.tr("&Full rescan"), "Shift+F5",
                                          self.full_rescan)
        self.rescan_action.setToolTip(self.tr("Read every record again and check that each "
                                              "one still exists on the server (finds "
                                              "records deleted there)"))
        self.conflicts_action = self._action(self.tr("Con&flicts…"), "Ctrl+Alt+F",
                                             self.open_conflicts)
        self.history_action = self._action(self.tr("Sync &history…"), "Ctrl+Alt+H",
                                           self.open_history)
        self.disconnect_action = self._action(self.tr("&Disconnect and forget password"),
                                              "Ctrl+Alt+D", self.disconnect)
        self.indicator = SyncIndicator(window)
        self.indicator.sync_button.clicked.connect(self.sync_now)
        self.indicator.cancel_button.clicked.connect(self.cancel)
        self.indicator.conflicts.clicked.connect(self.open_conflicts)
        window.statusBar().addPermanentWidget(self.indicator)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_timer_timeout)
        window.events.records_changed.connect(self._on_events_records_changed)
        # The first keychain read (backend discovery, a D-Bus round trip, maybe an unlock
        # prompt) runs in the background: ~0.3 s of every start on the UI thread otherwise.
        self._credentials = BackgroundQuery(self, self._on_credentials_read,
                                            self._on_credentials_read)
        if self.store.known:
            self._on_credentials_read(None)
        else:
            self.refresh()
            self._credentials.start(self.store.load)

    def _on_credentials_read(self, _result: object) -> None:
        self._apply_interval()
        self.refresh()

    def _action(self, text: str, shortcut: str, slot: Any) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def populate(self, menu: QMenu) -> None:
        menu.addAction(self.connect_action)
        menu.addAction(self.sync_action)
        menu.addAction(self.rescan_action)
        menu.addSeparator()
        menu.addAction(self.conflicts_action)
        menu.addAction(self.history_action)
        menu.addSeparator()
        menu.addAction(self.disconnect_action)

    # -- state --------------------------------------------------------------------------------
    def interval_minutes(self) -> int:
        try:
            return max(0, int(self._window.settings.get(SYNC_INTERVAL)))
        except (TypeError, ValueError):
            return int(SYNC_INTERVAL.default)

    def _apply_interval(self) -> None:
        minutes = self.interval_minutes()
        if minutes and self.store.load() is not None:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def refresh(self) -> SyncStatus:
        connection = self.store.load() if self.store.known else None
        status = self.issues.status(count_pending=connection is not None)
        parts = []
        if connection is None:
            parts.append(self.tr("Not connected"))
        elif self.operation is not None:
            parts.append(self.tr("● Syncing…"))
        elif self._online is False:
            parts.append(self.tr("○ Offline"))
        else:
            parts.append(self.tr("● Online") if self._online else self.tr("● Connected"))
        last = status.last_run
        if last is not None and last.finished_at is not None and last.status == "ok":
            when = QLocale().toString(last.finished_at.astimezone().time(),
                                      QLocale.FormatType.ShortFormat)
            parts.append(self.tr("last sync %1").replace("%1", when))
        if connection is not None:
            parts.append(self.tr("%1 pending").replace("%1", str(status.pending)))
        self.indicator.state.setText(" · ".join(parts))
        tip = connection.label if connection is not None else ""
        if self._problem:
            tip = f"{tip}\n{self._problem}".strip()
        self.indicator.state.setToolTip(tip)
        self.indicator.conflicts.setVisible(status.open_issues > 0)
        self.indicator.conflicts.setText(
            self.tr("%1 conflict(s)").replace("%1", str(status.open_issues)))
        return status

    # -- actions ------------------------------------------------------------------------------
    def open_connect(self) -> bool:
        dialog = ConnectDialog(self.store, self.interval_minutes(), self._window)
        if dialog.exec() != ConnectDialog.DialogCode.Accepted:
            return False
        self._window.settings.set(SYNC_INTERVAL, dialog.interval.value())
        self._online, self._problem = None, ""
        self._apply_interval()
        self.refresh()
        return True

    def disconnect(self) -> None:
        """Forget the server and its password (keychain and session); local data and
        what waits to be sent stay."""
        self.cancel()
        self.store.forget()
        self._online, self._problem = None, ""
        self._apply_interval()
        self.refresh()

    def open_conflicts(self) -> None:
        ConflictsDialog(self.issues, self._window).exec()
        self.refresh()

    def open_history(self) -> None:
        SyncHistoryDialog(self.issues, self._window).exec()

    @Slot()
    def full_rescan(self) -> bool:
        """Sync > Full rescan: every record read again, every linked id checked."""
        return self.sync_now(full=True)

    def sync_now(self, *, background: bool = False, full: bool = False) -> bool:
        """Start a sync in a worker; False when one runs already or there is no server.
        *full*: a full rescan (cursors ignored, every linked id checked on the server)."""
        if self.operation is not None:
            return False
        connection = self.store.load()
        if connection is None:
            if background or not self.open_connect():
                return False
            connection = self.store.load()
            if connection is None:
                return False
        factory = self._window.services.context.session_factory
        region = self._window.services.default_region

        def work(progress: Progress) -> SyncReport:
            adapter = make_adapter(connection)

            def on_step(step: str, done: int, total: int) -> None:
                if progress.cancelled:
                    engine.cancel()
                else:
                    progress.report(done, total, step)

            engine = SyncEngine(factory, adapter, server=connection.label,
                                default_region=region, progress=on_step, full=full,
                                entities=connection.chosen_entities())
            self._engine = engine
            try:
                return engine.run()
            finally:
                adapter.close()

        operation = BackgroundOperation(self._window, work, title=self.tr("Sync"),
                                        show_dialog=False)
        operation.succeeded.connect(self._on_operation_succeeded)
        operation.failed.connect(self._on_operation_failed)
        operation.cancelled.connect(self._on_operation_cancelled)
        operation.progressed.connect(self._on_operation_progressed)
        self.operation = operation
        self.indicator.sync_button.hide()
        self.indicator.cancel_button.show()
        self.sync_action.setEnabled(False)
        self.rescan_action.setEnabled(False)
        self._clock = PhaseClock()
        self.refresh()
        operation.start()
        return True

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()
        if self._engine is not None:
            self._engine.cancel()

    def shutdown(self) -> None:
        self.timer.stop()
        self.cancel()

    # -- worker results -------------------------------------------------------------------------
    def _done(self) -> None:
        self.operation, self._engine = None, None
        self.indicator.cancel_button.hide()
        self.indicator.sync_button.show()
        self.sync_action.setEnabled(True)
        self.rescan_action.setEnabled(True)

    @Slot(object)
    def _on_operation_succeeded(self, report: SyncReport) -> None:
        self._done()
        self._online, self._problem = True, ""
        for entity in SYNCED:
            if report.entities.get(entity):
                self._window.events.records_changed.emit(entity, "")
        self.refresh()
        self.finished.emit(report)

    @Slot(object)
    def _on_operation_failed(self, error: object) -> None:
        self._done()
        if isinstance(error, AuthError):
            self._online, self._problem = False, self.tr("The server refused the login.")
            self.refresh()
            QMessageBox.warning(self._window, self.tr("Sync"),
                                self.tr("The server refused the login. Please enter your "
                                        "credentials again."))
            self.open_connect()
        elif isinstance(error, TransientError):
            self._online = False
            self._problem = self.tr("Server not reachable: %1").replace("%1", str(error))
            self.refresh()
        else:
            self._online = None
            self._problem = self.tr("Sync failed: %1").replace("%1", str(error))
            self.refresh()
        self.finished.emit(None)

    @Slot()
    def _on_operation_cancelled(self) -> None:
        self._done()
        self.refresh()
        self.finished.emit(None)

    @Slot(int, int, str)
    def _on_operation_progressed(self, done: int, total: int, step: str) -> None:
        self.indicator.state.setText(progress_text(self._clock.update(step, done, total)))

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.sync_now(background=True)

    @Slot(str, str)
    def _on_events_records_changed(self, _entity: str, _record_id: str) -> None:
        if self.operation is None:
            self.refresh()  # the pending count
