"""Every input of the editors has a name a screen reader can say."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from desk_crm.services.bundle import Services
from desk_crm.ui.editors.account_editor import AccountEditor
from desk_crm.ui.editors.contact_editor import ContactEditor

from ..factories import add_account


def inputs(dialog: QDialog) -> list[QWidget]:
    found: list[QWidget] = []
    for kind in (QLineEdit, QComboBox, QPlainTextEdit):
        # A combo box's own line edit is read out as the combo box.
        found.extend(w for w in dialog.findChildren(kind)
                     if not isinstance(w.parent(), QComboBox))
    found.extend(w for w in dialog.findChildren(QAbstractItemView) if w.objectName())
    return found


@pytest.mark.parametrize("entity", ["contact", "account"])
def test_every_input_has_an_accessible_name(services: Services, show_dialog: Any,
                                            entity: str) -> None:
    account = add_account(services, "Northwind Traders")
    dialog = show_dialog(ContactEditor(services, None) if entity == "contact"
                         else AccountEditor(services, account.id))
    found = inputs(dialog)
    assert len(found) >= 12
    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in found if not w.accessibleName()]
    assert unnamed == []
    assert dialog.save_button.accessibleName() == "Save"


def test_point_rows_are_numbered_for_screen_readers(qtbot: Any, services: Services,
                                                    show_dialog: Any) -> None:
    editor = show_dialog(ContactEditor(services, None))
    assert editor.emails.value_edit(0).accessibleName() == "Email 1"
    phones = editor.phones
    add = next(b for b in phones.findChildren(QPushButton) if b.text() == "Add phone")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert [phones.value_edit(n).accessibleName() for n in range(2)] == ["Phone 1", "Phone 2"]
    qtbot.keyClicks(phones.value_edit(1), "13800138000")
    remove_first = next(b for b in phones.findChildren(QToolButton)
                        if b.accessibleName() == "Remove Phone 1")
    qtbot.mouseClick(remove_first, Qt.MouseButton.LeftButton)
    assert phones.row_count() == 1
    assert phones.value_edit(0).accessibleName() == "Phone 1"
    assert phones.value_edit(0).text() == "13800138000"
    assert phones.points()[0].primary  # the primary moved to the row that is left
