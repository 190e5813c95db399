"""Fills an empty database with sample data in a worker, with progress and Cancel in the
status bar: the window stays usable meanwhile (no modal dialog), and the demo's batched
writes let the user's own saves in between (store/changelog.py, write_batch)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar, QPushButton

from desk_crm.services.bundle import Services
from desk_crm.services.demo import DemoBuilder
from desk_crm.ui.events import AppEvents
from desk_crm.ui.operations import BackgroundOperation, Progress

translate = QCoreApplication.translate


def load_demo_if_empty(window: QMainWindow, services: Services, events: AppEvents,
                       **sizes: int) -> BackgroundOperation | None:
    builder = DemoBuilder(services)
    if not builder.is_needed():
        return None

    def work(progress: Progress) -> Any:
        return builder.build(**sizes, progress=lambda done, total, _what: progress.report(
            done, total, translate("DemoLoader", "Creating sample data… %1 of %2")
            .replace("%1", str(done)).replace("%2", str(total))))

    operation = BackgroundOperation(window, work, show_dialog=False,
                                    title=translate("DemoLoader", "Creating sample data"))
    bar = QProgressBar(window)
    bar.setObjectName("demoProgress")
    bar.setAccessibleName(translate("DemoLoader", "Creating sample data"))
    bar.setRange(0, 0)
    bar.setMaximumWidth(260)
    stop = QPushButton(translate("DemoLoader", "Stop sample data"), window)
    stop.setObjectName("demoStop")
    stop.clicked.connect(operation.cancel)
    status = window.statusBar()
    status.addPermanentWidget(bar)
    status.addPermanentWidget(stop)
    status.showMessage(translate("DemoLoader", "Creating sample data…"))

    def progressed(done: int, total: int, text: str) -> None:
        bar.setRange(0, max(total, 1))
        bar.setValue(done)
        bar.setFormat(text)

    def done() -> None:
        for widget in (bar, stop):
            status.removeWidget(widget)
            widget.deleteLater()
        status.clearMessage()

    def finished(_result: Any) -> None:
        done()
        events.records_changed.emit("account", "")
        window.statusBar().showMessage(translate("DemoLoader", "Sample data created."), 5000)

    def failed(error: Any) -> None:
        done()
        events.records_changed.emit("account", "")
        QMessageBox.warning(window, translate("DemoLoader", "Sample data"),
                            translate("DemoLoader", "Creating sample data failed: %1")
                            .replace("%1", str(error)))

    def cancelled() -> None:
        done()
        events.records_changed.emit("account", "")

    operation.progressed.connect(progressed)
    operation.succeeded.connect(finished)
    operation.failed.connect(failed)
    operation.cancelled.connect(cancelled)
    operation.start()
    return operation
