"""Fixtures for the sales widget tests (import ``asked_fixture``/``shown_fixture`` into a
test module to use ``asked``/``shown``): answered message boxes and dialogs that are closed
after the test (editors delete themselves on close, so not qtbot.addWidget)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
import shiboken6
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

D = TypeVar("D", bound=QDialog)


class Asked:
    """Records the modal questions a widget asked, and answers them."""

    def __init__(self) -> None:
        self.boxes: list[tuple[str, str]] = []
        self.inputs: list[str] = []
        self.input_answer: tuple[str, bool] = ("", False)

    def box(self, kind: str, answer: Any) -> Callable[..., Any]:
        def ask(_parent: Any, _title: str, text: str, *_args: Any, **_kwargs: Any) -> Any:
            self.boxes.append((kind, text))
            return answer
        return ask

    def get_text(self, _parent: Any, _title: str, label: str, *_args: Any,
                 **_kwargs: Any) -> tuple[str, bool]:
        self.inputs.append(label)
        return self.input_answer


@pytest.fixture(name="asked")
def asked_fixture(monkeypatch: pytest.MonkeyPatch) -> Asked:
    answers = Asked()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        answers.box("question", QMessageBox.StandardButton.Discard)))
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            answers.box(kind, QMessageBox.StandardButton.Ok)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answers.get_text))
    return answers


@pytest.fixture(name="shown")
def shown_fixture(qtbot: Any, asked: Asked) -> Iterator[Callable[[D], D]]:
    dialogs: list[QDialog] = []

    def show(dialog: D) -> D:
        dialogs.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    yield show
    for dialog in dialogs:
        if shiboken6.isValid(dialog):
            dialog.done(0) if not hasattr(dialog, "_close_confirmed") else None
            if shiboken6.isValid(dialog):
                if hasattr(dialog, "_close_confirmed"):
                    dialog._close_confirmed = True
                dialog.close()
                dialog.deleteLater()
