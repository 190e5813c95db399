"""Stand-ins for the modal QMessageBox functions, so tests answer them and see them asked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QMessageBox

StandardButton = QMessageBox.StandardButton
BOX_KINDS = ("question", "warning", "information", "critical", "about")


@dataclass
class MessageBoxes:
    """Records every message box the code under test opens and gives the queued answers."""

    calls: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    answers: dict[str, list[StandardButton]] = field(default_factory=dict)
    discard_everything: bool = False  # set while the fixtures tear windows down

    def reply(self, kind: str, *answers: StandardButton) -> None:
        """Queue the buttons the next *kind* boxes answer with, in order."""
        self.answers.setdefault(kind, []).extend(answers)

    def kinds(self) -> list[str]:
        return [kind for kind, _text in self.calls]

    def box(self, kind: str) -> Callable[..., StandardButton]:
        def fake(_parent: Any, _title: str, text: str, *_args: Any,
                 **_kwargs: Any) -> StandardButton:
            if self.discard_everything:
                return StandardButton.Discard if kind == "question" else StandardButton.Ok
            self.calls.append((kind, text))
            queued = self.answers.get(kind)
            if not queued:
                raise AssertionError(f"unexpected QMessageBox.{kind}: {text!r}")
            return queued.pop(0)

        return fake
