"""The generated "Custom fields" tab in the editors of all seven entities: values typed
there are checked at the field, saved with the record in one mutation (one undo step), and
shown in the history by their titles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QListWidget, QTabWidget

from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.domain.fields import Choice, FieldType
from desk_crm.domain.leads import LeadDraft
from desk_crm.domain.tickets import TicketDraft
from desk_crm.services.bundle import Services
from desk_crm.services.custom_fields import NewField
from desk_crm.ui.custom_fields_section import CustomFieldsSection
from desk_crm.ui.editors.base import RecordEditor
from desk_crm.ui.registry import editor_spec
from helpers.quotes import add_product, add_quote
from helpers.sales import add_opportunity

from ..chinese_input import commit_text


def _account(s: Services) -> str:
    return s.accounts.save(AccountDraft(name="北京星辰科技有限公司")).id


MAKERS: dict[str, Callable[[Services], str]] = {
    "account": _account,
    "contact": lambda s: s.contacts.save(ContactDraft(family_name="王", given_name="芳")).id,
    "lead": lambda s: s.leads.save(LeadDraft(family_name="Li", company="ACME")).id,
    "opportunity": lambda s: add_opportunity(s, account_id=_account(s)).id,
    "ticket": lambda s: s.tickets.save(TicketDraft(subject="Printer jam")).id,
    "product": lambda s: add_product(s),
    "quote": lambda s: add_quote(s).id,
}


def _open(services: Services, show_dialog: Any, entity: str,
          record_id: str | None) -> RecordEditor:
    editor = editor_spec(entity).create(services, record_id, None, {})  # type: ignore[arg-type]
    return show_dialog(editor)


def _section(editor: RecordEditor) -> CustomFieldsSection:
    section = editor.custom_section
    assert isinstance(section, CustomFieldsSection)
    tabs = section.parentWidget()
    while not isinstance(tabs, QTabWidget):
        tabs = tabs.parentWidget()
    tabs.setCurrentWidget(section)
    return section


def _set(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def _type(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


@pytest.mark.parametrize("entity", list(MAKERS))
def test_every_editor_saves_its_custom_fields_with_the_record_in_one_mutation(
        qtbot: Any, services: Services, show_dialog: Any, entity: str) -> None:
    record_id = MAKERS[entity](services)
    services.fields.create(NewField(entity, "Nickname", FieldType.TEXT, title_zh="昵称"))
    services.fields.create(NewField(entity, "Visits", FieldType.INTEGER))
    editor = _open(services, show_dialog, entity, record_id)
    section = _section(editor)
    assert editor.save_button.isEnabled() is False
    _type(qtbot, section.inputs["visits"], "many")
    assert section.errors["visits"].isVisible()
    assert "not a valid value" in section.errors["visits"].text()
    assert not editor.save_button.isEnabled()
    _type(qtbot, section.inputs["visits"], "12")
    _type(qtbot, section.inputs["nickname"], "Boss")
    assert not section.errors["visits"].isVisible()
    assert editor.save_button.isEnabled()
    assert editor.save()
    assert _set(services.fields.values(entity, record_id)) == {"nickname": "Boss",
                                                                "visits": 12}
    mutation = services.changes.last_mutation(entity, record_id)
    assert mutation is not None
    services.changes.undo_mutation(mutation)
    assert _set(services.fields.values(entity, record_id)) == {}


def test_a_new_contact_saves_record_and_values_together_and_tab_follows_the_order(
        qtbot: Any, services: Services, show_dialog: Any) -> None:
    services.fields.create(NewField("contact", "Level", FieldType.PICKLIST, choices=(
        Choice("gold", "Gold", "金卡"), Choice("silver", "Silver", "银卡"))))
    services.fields.create(NewField("contact", "Hobbies", FieldType.MULTI_PICKLIST, choices=(
        Choice("golf", "Golf", "高尔夫"), Choice("tea", "Tea", "茶"))))
    services.fields.create(NewField("contact", "VIP", FieldType.CHECKBOX))
    services.fields.create(NewField("contact", "Budget", FieldType.MONEY))
    services.fields.create(NewField("contact", "Partner", FieldType.LINK,
                                    link_entity="account"))
    account = services.accounts.save(AccountDraft(name="深圳海岸电子有限公司")).id
    editor = _open(services, show_dialog, "contact", None)
    editor.ui.familyName.setText("Zhao")  # type: ignore[attr-defined]
    section = _section(editor)
    # Built-in demographic fields first, then the custom ones, in their order.
    assert list(section.inputs)[:4] == ["street2", "birth_date", "gender", "income_band"]
    first = section.inputs["street2"]
    first.setFocus()
    order = [first]
    for _ in range(len(section.inputs) + 1):
        order.append(order[-1].nextInFocusChain())
    assert order.index(section.inputs["birth_date"]) < order.index(section.inputs["gender"])
    commit_text(section.inputs["street2"], "三号楼")
    section.inputs["street2"].textEdited.emit("三号楼")
    _type(qtbot, section.inputs["birth_date"], "1990/7/1")
    level = section.inputs["level"]
    assert isinstance(level, QComboBox)
    level.setCurrentIndex(level.findData("silver"))
    hobbies = section.inputs["hobbies"]
    assert isinstance(hobbies, QListWidget)
    hobbies.item(1).setCheckState(Qt.CheckState.Checked)
    vip = section.inputs["vip"]
    assert isinstance(vip, QCheckBox)
    vip.setChecked(True)
    _type(qtbot, section.inputs["budget"].findChild(QLineEdit), "1200.5")
    partner = section.inputs["partner"]
    assert isinstance(partner, QLineEdit)
    _type(qtbot, partner, "Bad name")
    assert "no longer exists" not in section.errors["partner"].text()
    assert editor.save() is False  # the typed text names no account
    assert "no longer exists" in section.errors["partner"].text()
    partner.set_record(account)  # type: ignore[attr-defined]
    assert editor.save()
    record_id = editor.record_id
    assert record_id is not None
    values = services.fields.values("contact", record_id)
    assert values["street2"] == "三号楼"
    assert values["birth_date"] == "1990-07-01"
    assert values["level"] == "silver" and values["hobbies"] == ["tea"]
    assert values["vip"] is True
    assert values["budget"] == {"amount": "1200.50", "currency": "CNY"}
    assert values["partner"] == account
    history = services.history.for_record("contact", record_id)
    assert len({entry.at for entry in history}) >= 1
    assert editor.version == services.fields.version_of("contact", record_id)


def test_history_shows_custom_fields_by_title(qtbot: Any, services: Services,
                                               show_dialog: Any) -> None:
    services.fields.create(NewField("account", "Tier", FieldType.PICKLIST, choices=(
        Choice("a", "Tier A", "甲级"),)))
    record_id = _account(services)
    services.fields.save_values("account", record_id, {"tier": "a"})
    editor = _open(services, show_dialog, "account", record_id)
    top = editor._history.topLevelItem(0)
    rows = [(top.child(i).text(0), top.child(i).text(2)) for i in range(top.childCount())]
    assert ("Tier", "Tier A") in rows
