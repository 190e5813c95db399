from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import AccountDraft, ContactDraft
from desk_crm.domain.leads import LeadDraft
from desk_crm.services.bundle import Services
from desk_crm.store.repositories import ListQuery
from desk_crm.ui.convert_dialog import ConvertLeadDialog
from desk_crm.ui.editors.lead_editor import LeadEditor

from .sales_support import asked_fixture, shown_fixture  # noqa: F401

LEAD = LeadDraft(family_name="张", given_name="伟", company="上海瑞丰贸易有限公司",
                 email="zhang.wei@ruifeng.cn", phone="13800138000", source="referral",
                 company_size=250)


def test_new_lead_shows_score_reasons_live_and_saves(qtbot: Any, services: Services,
                                                     shown: Any) -> None:
    editor = shown(LeadEditor(services))
    assert not editor.save_button.isEnabled()  # no name yet
    editor.ui.familyName.setText("李")  # Chinese: set text, never keyClicks
    qtbot.keyClicks(editor.ui.phone, "13912345678")
    editor.ui.source.setCurrentIndex(editor.ui.source.findData("referral"))
    assert editor.ui.scoreValue.text() == "30"
    assert "+20 Referral" in editor.ui.scoreReasons.text()
    assert "+10 has phone" in editor.ui.scoreReasons.text()
    with qtbot.waitSignal(editor.record_saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    lead = services.leads.get(saved.args[0])
    assert (lead.display_name, lead.score, lead.draft.phone) == ("李", 30, "+8613912345678")


def test_invalid_email_is_shown_at_the_field_and_blocks_save(qtbot: Any, services: Services,
                                                            shown: Any) -> None:
    editor = shown(LeadEditor(services))
    qtbot.keyClicks(editor.ui.givenName, "Ann")
    qtbot.keyClicks(editor.ui.email, "ann@")
    assert editor.ui.emailError.isVisible() and not editor.save_button.isEnabled()
    qtbot.keyClicks(editor.ui.email, "example.com")
    assert not editor.ui.emailError.isVisible() and editor.save_button.isEnabled()


def test_duplicate_warning_links_to_the_existing_contact(qtbot: Any, services: Services,
                                                         shown: Any) -> None:
    contact = services.contacts.save(ContactDraft(
        family_name="王", given_name="芳", emails=(ContactPoint("wang.fang@x.cn", "", True),)))
    editor = shown(LeadEditor(services))
    editor.ui.familyName.setText("王")
    qtbot.keyClicks(editor.ui.email, "Wang.Fang@X.cn")
    qtbot.waitUntil(editor.ui.duplicateWarning.isVisible, timeout=2000)
    assert f"contact:{contact.id}" in editor.ui.duplicateWarning.text()
    with qtbot.waitSignal(editor.open_record_requested) as opened:
        editor.ui.duplicateWarning.linkActivated.emit(f"contact:{contact.id}")
    assert opened.args[:2] == ["contact", contact.id]


def test_convert_dialog_shows_what_it_creates_and_converts(qtbot: Any, services: Services,
                                                           shown: Any) -> None:
    services.pipeline.ensure_defaults()
    lead = services.leads.save(LEAD)
    dialog = shown(ConvertLeadDialog(services, services.leads.get(lead.id)))
    assert dialog.account_name.text() == "上海瑞丰贸易有限公司"
    dialog.amount.setText("8,8000")  # not grouped in threes: refused
    assert not dialog.convert_button.isEnabled()
    dialog.amount.setText("￥88,000.50")
    assert dialog.convert_button.isEnabled()
    summary = dialog.summary.text()
    assert "上海瑞丰贸易有限公司" in summary and "张伟" in summary and "¥88,000.50" in summary
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.convert_button, Qt.MouseButton.LeftButton)
    assert dialog.result_ids is not None and dialog.result_ids.opportunity_id
    opportunity = services.opportunities.get(dialog.result_ids.opportunity_id)
    assert opportunity.draft.amount == Decimal("88000.50")
    assert services.leads.get(lead.id).converted


def test_convert_dialog_into_an_existing_account_without_opportunity(
        qtbot: Any, services: Services, shown: Any) -> None:
    account = services.accounts.save(AccountDraft(name="Acme Trading Ltd"))
    lead = services.leads.save(LeadDraft(given_name="Ann", family_name="Lee"))
    dialog = shown(ConvertLeadDialog(services, services.leads.get(lead.id)))
    dialog.existing_account.setChecked(True)
    assert not dialog.convert_button.isEnabled()  # no account picked yet
    dialog.account_picker.choose(account.id, "Acme Trading Ltd")
    dialog.opportunity_box.setChecked(False)
    assert dialog.convert_button.isEnabled()
    qtbot.mouseClick(dialog.convert_button, Qt.MouseButton.LeftButton)
    assert dialog.result_ids is not None
    assert dialog.result_ids.account_id == account.id
    assert dialog.result_ids.opportunity_id is None
    assert services.lists.count(ListQuery("account")) == 1


def test_after_conversion_the_editor_is_read_only_with_links(
        qtbot: Any, services: Services, shown: Any, monkeypatch: Any) -> None:
    services.pipeline.ensure_defaults()
    lead = services.leads.save(LEAD)
    editor = shown(LeadEditor(services, lead.id))
    monkeypatch.setattr(ConvertLeadDialog, "open", ConvertLeadDialog.show)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dialog = editor.convert_dialog
    qtbot.waitExposed(dialog)
    dialog.amount.setText("1000")
    with qtbot.waitSignal(editor.record_saved):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    converted = services.leads.get(lead.id)
    banner = editor.ui.convertedBanner.text()
    assert editor.ui.convertedBanner.isVisible() and "read-only" in banner
    assert f"account:{converted.account_id}" in banner
    assert f"opportunity:{converted.opportunity_id}" in banner
    assert editor.ui.familyName.isReadOnly() and not editor.ui.source.isEnabled()
    assert not editor.save_button.isVisible() and not editor.ui.convertButton.isVisible()
    assert all(edit.isReadOnly() for edit in editor.ui.detailsTab.findChildren(QLineEdit)
               if edit.isVisible())
