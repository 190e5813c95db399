"""BackgroundQuery: the newest request's result reaches the UI thread; older ones, and
results for an owner that is gone, are dropped; a failure nobody handles goes to the app's
error dialog, and a BackgroundOperation's likewise."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QObject, QThread, QThreadPool

from desk_crm.ui import operations
from desk_crm.ui.operations import BackgroundOperation, BackgroundQuery, writer_pool


def test_only_the_newest_result_arrives_on_the_ui_thread(qtbot: Any) -> None:
    owner = QObject()
    results: list[tuple[str, bool]] = []
    app_thread = owner.thread()
    query = BackgroundQuery(owner, lambda value: results.append(
        (value, QThread.currentThread() is app_thread)))
    release = threading.Event()
    query.start(lambda: release.wait(5) and "old answer")
    query.start(lambda: "new answer")
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.waitUntil(lambda: not query.busy)
    assert results == [("new answer", True)]


def test_a_result_for_a_deleted_owner_is_dropped(qtbot: Any) -> None:
    owner = QObject()
    results: list[object] = []
    query = BackgroundQuery(owner, results.append)
    release = threading.Event()
    query.start(lambda: release.wait(5) and "late")
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _valid(owner))
    release.set()
    qtbot.waitUntil(lambda: not query.busy)
    assert results == []


def _valid(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_an_unhandled_failure_goes_to_the_error_dialog(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(operations, "show_operation_error", shown.append)
    owner = QObject()

    def fail() -> None:
        raise ValueError("the report cannot be read")

    query = BackgroundQuery(owner, lambda _value: None)
    query.start(fail)
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert str(shown[0]) == "the report cannot be read"

    def also_fail(_progress: object) -> None:
        raise KeyError("import row 3")

    operation = BackgroundOperation(None, also_fail, title="Import", show_dialog=False)
    operation.start()  # nothing connected to failed: the error dialog
    assert writer_pool().waitForDone(5000)
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert isinstance(shown[1], KeyError)
