"""Fills an empty database with sample data in a worker, with progress and Cancel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox

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

    operation = BackgroundOperation(window, work,
                                    title=translate("DemoLoader", "Creating sample data"))

    def finished(_result: Any) -> None:
        events.records_changed.emit("account", "")
        window.statusBar().showMessage(translate("DemoLoader", "Sample data created."), 5000)

    def failed(error: Any) -> None:
        events.records_changed.emit("account", "")
        QMessageBox.warning(window, translate("DemoLoader", "Sample data"),
                            translate("DemoLoader", "Creating sample data failed: %1")
                            .replace("%1", str(error)))

    operation.succeeded.connect(finished)
    operation.failed.connect(failed)
    operation.cancelled.connect(lambda: events.records_changed.emit("account", ""))
    operation.start()
    return operation
