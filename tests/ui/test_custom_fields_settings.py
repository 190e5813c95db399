"""Settings → Custom fields with the keyboard: create every type, rename in English and
Chinese, reorder, archive, restore, purge after a backup, and picklist choices renamed in
place (the records keep their value)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from desk_crm.domain.drafts import ContactDraft
from desk_crm.domain.fields import FieldType
from desk_crm.services.bundle import Services
from desk_crm.ui.custom_fields_settings import CustomFieldsDialog

from .chinese_input import commit_text
from .message_boxes import MessageBoxes


def _dialog(qtbot: Any, services: Services, entity: str = "contact") -> CustomFieldsDialog:
    dialog = CustomFieldsDialog(services, entity=entity)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _create(qtbot: Any, dialog: CustomFieldsDialog, title: str, kind: FieldType,
            choices: tuple[str, ...] = ()) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert dialog.focusWidget() is dialog.title_edit
    qtbot.keyClicks(dialog.title_edit, title)
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(kind.value))
    for choice in choices:
        dialog.add_choice()
        dialog.choices.item(dialog.choices.rowCount() - 1, 0).setText(choice)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_every_type_is_created_from_the_keyboard(qtbot: Any, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    for kind in FieldType:
        _create(qtbot, dialog, f"F {kind.value}", kind,
                ("One", "Two") if kind in (FieldType.PICKLIST, FieldType.MULTI_PICKLIST)
                else ())
        assert dialog.error.text() == ""
    fields = services.fields.definitions("contact")
    assert [f.type for f in fields] == list(FieldType)
    assert fields[-1].link_entity == "account"  # the first entity offered
    assert [c.title for c in fields[8].choices] == ["One", "Two"]
    assert dialog.field_list.count() == len(FieldType)


def test_a_picklist_without_choices_says_so_next_to_the_form(
        qtbot: Any, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    _create(qtbot, dialog, "Level", FieldType.PICKLIST)
    assert "choice" in dialog.error.text()
    assert services.fields.definitions("contact") == ()


def test_rename_in_chinese_reorder_and_rename_a_choice_keeps_data(
        qtbot: Any, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    _create(qtbot, dialog, "Level", FieldType.PICKLIST, ("Gold", "Silver"))
    _create(qtbot, dialog, "Nickname", FieldType.TEXT)
    contact = services.contacts.save(ContactDraft(family_name="Wang")).id
    services.fields.save_values("contact", contact, {"level": "Gold"})

    dialog.field_list.setCurrentRow(0)
    dialog.title_zh_edit.setFocus()
    commit_text(dialog.title_zh_edit, "等级")
    dialog.choices.item(0, 0).setText("Platinum")
    dialog.choices.item(0, 1).setText("白金")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    level = services.fields.entity("contact").field("level")
    assert level.title_zh == "等级"
    assert level.choice_title("gold") == "Platinum"
    assert services.fields.values("contact", contact)["level"] == "gold"

    dialog.field_list.setFocus()
    qtbot.keyClick(dialog.field_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [f.key for f in services.fields.definitions("contact")] == ["nickname", "level"]
    assert dialog.current_field().key == "level"


def test_archive_restore_and_purge_with_a_backup(qtbot: Any, services: Services,
                                                  message_boxes: MessageBoxes) -> None:
    dialog = _dialog(qtbot, services)
    _create(qtbot, dialog, "Nickname", FieldType.TEXT)
    contact = services.contacts.save(ContactDraft(family_name="Li")).id
    services.fields.save_values("contact", contact, {"nickname": "Xiao Li"})
    dialog.field_list.setFocus()
    qtbot.keyClick(dialog.field_list, Qt.Key.Key_Delete)
    assert services.fields.definitions("contact") == ()
    assert dialog.field_list.count() == 0
    qtbot.mouseClick(dialog.show_archived, Qt.MouseButton.LeftButton)
    assert "(archived)" in dialog.field_list.item(0).text()
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert [f.key for f in services.fields.definitions("contact")] == ["nickname"]

    services.fields.archive("contact", "nickname")
    dialog.reload()
    backups = len(list(services.backups.folder.glob("*")))
    message_boxes.reply("question", QMessageBox.StandardButton.Yes)
    dialog.purge_button.click()
    qtbot.waitUntil(lambda: dialog.field_list.count() == 0, timeout=10_000)
    assert "1" in dialog.error.text()
    assert len(list(services.backups.folder.glob("*"))) > backups
    with services.context.read() as session:
        assert session.execute(text("SELECT custom FROM contact")).scalar_one() is None


def test_each_entity_has_its_own_fields(qtbot: Any, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    dialog.entity_combo.setCurrentIndex(dialog.entity_combo.findData("ticket"))
    _create(qtbot, dialog, "Root cause", FieldType.LONG_TEXT)
    assert [f.key for f in services.fields.definitions("ticket")] == ["root_cause"]
    assert services.fields.definitions("contact") == ()
