"""BackgroundOperation: work runs off the UI thread, its outcome arrives on the UI thread
as exactly one of succeeded / cancelled / failed."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QThread

from desk_crm.ui.operations import (
    BackgroundOperation,
    OperationCancelled,
    Progress,
    writer_pool,
)

TIMEOUT_MS = 5000


class Outcome:
    """Which signals fired, with their arguments and the thread each slot ran on."""

    def __init__(self, operation: BackgroundOperation) -> None:
        self.fired: list[tuple[str, tuple[Any, ...]]] = []
        self.on_ui_thread: list[bool] = []
        operation.succeeded.connect(lambda result: self._note("succeeded", result))
        operation.failed.connect(lambda error: self._note("failed", error))
        operation.cancelled.connect(lambda: self._note("cancelled"))

    def _note(self, name: str, *args: Any) -> None:
        self.fired.append((name, args))
        app = QCoreApplication.instance()
        assert app is not None
        self.on_ui_thread.append(QThread.currentThread() is app.thread())

    def names(self) -> list[str]:
        return [name for name, _args in self.fired]


def test_work_that_reports_progress_succeeds_with_its_result_on_the_ui_thread(
        qtbot: Any) -> None:
    reports: list[tuple[int, int]] = []
    worker_threads: list[int] = []

    def work(progress: Progress) -> dict[str, int]:
        worker_threads.append(threading.get_ident())
        for done in range(1, 6):
            progress.report(done, 5, f"step {done}")
            reports.append((done, 5))
        return {"made": 5}

    operation = BackgroundOperation(None, work, title="Counting", show_dialog=False)
    outcome = Outcome(operation)
    with qtbot.waitSignal(operation.succeeded, timeout=TIMEOUT_MS) as finished:
        operation.start()
    assert finished.args == [{"made": 5}]
    assert outcome.names() == ["succeeded"]
    assert outcome.on_ui_thread == [True]
    assert reports == [(n, 5) for n in range(1, 6)]
    assert worker_threads and worker_threads[0] != threading.get_ident()


def test_progress_reaches_the_dialog(qtbot: Any) -> None:
    release = threading.Event()

    def work(progress: Progress) -> str:
        progress.report(3, 10, "three of ten")
        release.wait(TIMEOUT_MS / 1000)
        return "done"

    operation = BackgroundOperation(None, work, title="Importing")
    dialog = operation._dialog
    assert dialog is not None
    assert dialog.accessibleName() == "Importing"
    operation.start()
    qtbot.waitUntil(lambda: dialog.value() == 3, timeout=TIMEOUT_MS)
    assert dialog.maximum() == 10
    assert dialog.labelText() == "three of ten"
    with qtbot.waitSignal(operation.succeeded, timeout=TIMEOUT_MS):
        release.set()


def test_the_last_progress_report_and_the_result_arriving_together(qtbot: Any) -> None:
    # Once a modal progress dialog is on screen, its setValue() processes events: the
    # result is handled (and the dialog dropped) in the middle of the progress report.
    def work(progress: Progress) -> str:
        progress.report(1, 2, "half way")
        return "ok"

    operation = BackgroundOperation(None, work, title="Quick")
    outcome = Outcome(operation)
    dialog = operation._dialog
    assert dialog is not None
    dialog.forceShow()  # as if the work had run past the dialog's minimum duration
    assert dialog.isVisible()
    operation.start()
    assert writer_pool().waitForDone(TIMEOUT_MS)  # both signals queued
    qtbot.waitUntil(lambda: outcome.names() == ["succeeded"], timeout=TIMEOUT_MS)
    assert outcome.fired == [("succeeded", ("ok",))]


@pytest.mark.parametrize("how", ["cancel()", "Cancel button"])
def test_cancel_stops_the_work_and_emits_cancelled(qtbot: Any, how: str) -> None:
    started = threading.Event()
    steps: list[int] = []

    def work(progress: Progress) -> str:
        started.set()
        for step in range(10_000):
            progress.report(step, 10_000)  # raises OperationCancelled once cancelled
            steps.append(step)
            QThread.msleep(1)
        return "finished anyway"

    operation = BackgroundOperation(None, work, title="Long",
                                    show_dialog=how == "Cancel button")
    outcome = Outcome(operation)
    operation.start()
    assert started.wait(TIMEOUT_MS / 1000)
    with qtbot.waitSignal(operation.cancelled, timeout=TIMEOUT_MS):
        if how == "cancel()":
            operation.cancel()
        else:
            assert operation._dialog is not None
            operation._dialog.canceled.emit()  # what its Cancel button sends
    assert outcome.names() == ["cancelled"]
    assert outcome.on_ui_thread == [True]
    assert len(steps) < 10_000


def test_an_exception_in_the_work_emits_failed(qtbot: Any,
                                               caplog: pytest.LogCaptureFixture) -> None:
    def work(progress: Progress) -> None:
        progress.report(1, 2)
        raise ValueError("the file is not a CSV")

    operation = BackgroundOperation(None, work, title="Import", show_dialog=False)
    outcome = Outcome(operation)
    with qtbot.waitSignal(operation.failed, timeout=TIMEOUT_MS) as failed:
        operation.start()
    [error] = failed.args
    assert isinstance(error, ValueError)
    assert str(error) == "the file is not a CSV"
    assert outcome.names() == ["failed"]
    assert outcome.on_ui_thread == [True]
    assert "background operation failed" in caplog.text


def test_work_that_raises_cancelled_itself_counts_as_cancelled(qtbot: Any) -> None:
    def work(_progress: Progress) -> None:
        raise OperationCancelled

    operation = BackgroundOperation(None, work, title="Stop", show_dialog=False)
    outcome = Outcome(operation)
    with qtbot.waitSignal(operation.cancelled, timeout=TIMEOUT_MS):
        operation.start()
    assert outcome.names() == ["cancelled"]


def test_many_operations_in_a_row_finish_cleanly(qtbot: Any) -> None:
    """Each operation deletes itself when done while its worker returns from run(): the
    pool, not the operation, must own the runnable (a use-after-free crashed here)."""
    results: list[int] = []
    operations = []  # an operation without a parent lives as long as a reference to it
    for number in range(60):
        operation = BackgroundOperation(None, lambda _progress, n=number: n * 2,
                                        title="work", show_dialog=False)
        operation.succeeded.connect(results.append)
        operations.append(operation)
        operation.start()
    qtbot.waitUntil(lambda: len(results) == 60, timeout=10_000)
    assert sorted(results) == [n * 2 for n in range(60)]
