"""The question asked before an opportunity moves into a won or lost stage: why?"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

translate = QCoreApplication.translate


def ask_outcome_reason(
    parent: QWidget | None, opportunity: str, stage: str, kind: str
) -> str | None:
    """The reason typed by the user, or None when they cancelled (then nothing moves).
    An empty answer asks again: a won or lost opportunity needs a reason."""
    title = (
        translate("OutcomeDialog", "Won – %1")
        if kind == "won"
        else translate("OutcomeDialog", "Lost – %1")
    )
    title = title.replace("%1", opportunity)
    label = (
        translate("OutcomeDialog", "Why was it won? (moving to “%1”)")
        if kind == "won"
        else translate("OutcomeDialog", "Why was it lost? (moving to “%1”)")
    ).replace("%1", stage)
    while True:
        text, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal)
        if not accepted:
            return None
        if text.strip():
            return text.strip()
        label = translate("OutcomeDialog", "A reason is needed to move it to “%1”:").replace(
            "%1", stage
        )
