"""The Campaigns area: editor (details, members from a CSV, status, results chart), the
composer's live preview, the outbox dialog, "Add to campaign…", the source-campaign picker,
the contact's opt-out box, loyalty settings and the points tab."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from desk_crm.domain.campaigns import CampaignDraft
from desk_crm.domain.leads import LeadDraft
from desk_crm.domain.loyalty import EarningRule, ProgrammeDraft, Tier
from desk_crm.services.bundle import Services
from desk_crm.services.smtp_settings import SmtpSettings
from desk_crm.ui.editors.account_editor import AccountEditor
from desk_crm.ui.editors.campaign_editor import CampaignEditor
from desk_crm.ui.editors.contact_editor import ContactEditor
from desk_crm.ui.editors.lead_editor import LeadEditor
from desk_crm.ui.email_composer import EmailComposer
from desk_crm.ui.loyalty_settings import LoyaltySettingsDialog
from desk_crm.ui.main_window import MainWindow
from desk_crm.ui.outbox_dialog import OutboxDialog
from helpers.drafts import account_draft, contact_draft
from helpers.sales import add_opportunity, stages_by_name

from .message_boxes import MessageBoxes

OK = QMessageBox.StandardButton.Ok


def _people(services: Services) -> tuple[str, list[str]]:
    account = services.accounts.save(account_draft("华为 & Co")).id
    ids = [services.contacts.save(contact_draft("张", "伟", emails=["zhang@example.com"],
                                                account_id=account)).id,
           services.contacts.save(contact_draft("Smith", "Ann", emails=["ann@example.com"],
                                                email_opt_out=True)).id]
    campaign = services.campaigns.save(CampaignDraft(name="春季展会",
                                                     actual_cost=Decimal(1000))).id
    services.campaigns.add_members(campaign, contact_ids=ids)
    return campaign, ids


def test_new_campaign_is_validated_and_saved(qtbot: Any, services: Services,
                                             show_dialog: Any) -> None:
    editor = show_dialog(CampaignEditor(services))
    assert not editor.save_button.isEnabled()
    editor.name.setText("Webinar Q1")
    editor.kind.setCurrentIndex(editor.kind.findData("webinar"))
    editor.actual_cost.setText("abc")
    assert editor.amount_error.text() and not editor.save_button.isEnabled()
    editor.actual_cost.setText("2,500.00")
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    [(campaign_id, name)] = services.campaigns.choices()
    record = services.campaigns.get(campaign_id)
    assert (name, record.draft.kind, record.draft.actual_cost) == (
        "Webinar Q1", "webinar", Decimal("2500.00"))


def test_members_tab_imports_a_csv_sets_status_and_results_follow(
        qtbot: Any, services: Services, show_dialog: Any, tmp_path: Path,
        message_boxes: MessageBoxes) -> None:
    campaign, _ids = _people(services)
    services.contacts.save(contact_draft("Li", "Lei", emails=["li@example.com"]))
    editor = show_dialog(CampaignEditor(services, campaign))
    assert editor.members.table.rowCount() == 2
    assert "no marketing mail" in editor.members.table.item(1, 2).text()
    csv = tmp_path / "list.csv"
    csv.write_text("name,email\nLi,li@example.com\nX,x@nowhere.cn\n", encoding="utf-8")
    message_boxes.reply("information", OK)
    editor.members.import_file(csv)
    assert "x@nowhere.cn" in message_boxes.calls[-1][1]
    assert editor.members.table.rowCount() == 3
    editor.members.table.selectRow(0)
    editor.members.status.setCurrentIndex(editor.members.status.findData("attended"))
    qtbot.mouseClick(editor.members.apply_status, Qt.MouseButton.LeftButton)
    assert editor.results.labels["responses"].text() == "1"
    assert editor.results.labels["members"].text() == "3"
    assert editor.results.chart_view.chart().series()[0].barSets()[0].at(0) == 3.0


def test_composer_previews_per_recipient_and_queues(
        qtbot: Any, services: Services, message_boxes: MessageBoxes) -> None:
    campaign, ids = _people(services)
    composer = EmailComposer(services, campaign, ids)
    qtbot.addWidget(composer)
    composer.subject.setText("{contact.family_name}先生 — {campaign.name}")
    composer.html.setHtml("<p>您好 {contact.given_name}，<b>{account.name}</b></p>")
    composer.update_preview()
    assert composer.preview_subject.text() == "Subject: 张先生 — 春季展会"
    assert "华为 & Co" in composer.preview.toPlainText()
    assert "您好 伟" in composer.text.toPlainText() or "{contact.given_name}" in \
        composer.text.toPlainText()
    composer.recipient.setCurrentIndex(1)
    assert composer.preview_subject.text() == "Subject: Smith先生 — 春季展会"
    composer.subject.setText("Hi {contact.nickname}")
    composer.update_preview()
    assert "{contact.nickname}" in composer.problems.text()
    assert not composer.queue_button.isEnabled()
    composer.subject.setText("Hi {contact.given_name}")
    composer.update_preview()
    message_boxes.reply("information", OK)
    with qtbot.waitSignal(composer.mails_queued):
        qtbot.mouseClick(composer.queue_button, Qt.MouseButton.LeftButton)
    assert "1 opted out" in message_boxes.calls[-1][1]
    assert [r.to_address for r in services.mail.rows()] == ["zhang@example.com"]


def test_outbox_retries_and_cancels(qtbot: Any, services: Services) -> None:
    from desk_crm.services.mail_outbox import MailParts

    campaign, ids = _people(services)
    services.mail.queue(MailParts("Hi", "", "text"), ids, campaign, SmtpSettings())
    dialog = OutboxDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.send_button.isEnabled()
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert services.mail.counts() == {"cancelled": 1}
    assert not dialog.send_button.isEnabled()
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert services.mail.counts() == {"queued": 1}


def test_add_to_campaign_from_the_contacts_list(
        main_window: MainWindow, services: Services, message_boxes: MessageBoxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    campaign, _ids = _people(services)
    extra = services.contacts.save(contact_draft("王", "五")).id
    main_window.show_area("contacts")
    page = main_window.pages["contacts"]
    page.reload()
    page.select_record(extra)
    monkeypatch.setattr(QInputDialog, "getItem",
                        staticmethod(lambda *_a, **_k: ("春季展会", True)))
    message_boxes.reply("information", OK)
    page.add_to_campaign_action.trigger()
    assert "1 added" in message_boxes.calls[-1][1]
    assert services.campaigns.member_count(campaign) == 3


def test_campaigns_area_lists_campaigns(main_window: MainWindow, services: Services) -> None:
    _people(services)
    main_window.show_area("campaigns")
    page = main_window.pages["campaigns"]
    page.reload()
    assert page.count() == 1
    assert page.model.data(page.model.index(0, 0)) == "春季展会"


def test_lead_editor_picks_the_source_campaign(qtbot: Any, services: Services,
                                               show_dialog: Any) -> None:
    campaign, _ids = _people(services)
    editor = show_dialog(LeadEditor(services, None))
    editor.ui.familyName.setText("赵")
    editor.campaign.setCurrentIndex(editor.campaign.findData(campaign))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = services.leads.get(editor.record_id)
    assert saved.draft.campaign_id == campaign
    assert services.campaigns.results(campaign).leads == 1


def test_contact_opt_out_box_is_saved(qtbot: Any, services: Services,
                                      show_dialog: Any) -> None:
    _campaign, ids = _people(services)
    editor = show_dialog(ContactEditor(services, ids[0]))
    assert not editor.email_flags.opt_out_box.isChecked()
    editor.email_flags.opt_out_box.setChecked(True)
    editor.email_flags.bounced_box.setChecked(True)
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    draft = services.contacts.get(ids[0]).draft
    assert draft.email_opt_out and draft.email_bounced_at is not None


def test_loyalty_settings_and_points_tab_with_redemption(
        qtbot: Any, services: Services, show_dialog: Any, message_boxes: MessageBoxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = LoyaltySettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.rate.setText("0.5")
    dialog.tiers.item(1, 1).setText("abc")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.message.text()  # the bad threshold is refused
    dialog.tiers.item(1, 1).setText("300")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert services.loyalty.programme() == ProgrammeDraft(
        "Loyalty", EarningRule("CNY", Decimal("0.5")),
        (Tier("Member", 0), Tier("Silver", 300), Tier("Gold", 5000)))
    account = services.accounts.save(account_draft("Acme")).id
    deal = add_opportunity(services, amount=Decimal(1000), account_id=account)
    services.opportunities.move_stage(deal.id, stages_by_name(services)["Closed won"].id,
                                      reason="fit")
    editor = show_dialog(AccountEditor(services, account))
    tab = editor.points_tab
    assert "Balance: 500 points · Tier: Silver" in tab.summary.text()
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *_a, **_k: (600, True)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("mug", True)))
    message_boxes.reply("warning", OK)
    tab.redeem_button.click()
    assert "500" in message_boxes.calls[-1][1]
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *_a, **_k: (200, True)))
    tab.redeem_button.click()
    assert "Balance: 300 points" in tab.summary.text()
    assert tab.ledger.rowCount() == 2


def test_campaign_lead_counts(services: Services) -> None:
    campaign, _ids = _people(services)
    services.leads.save(LeadDraft(family_name="钱", campaign_id=campaign))
    assert services.campaigns.results(campaign).leads == 1


def test_ctrl_shift_g_opens_the_campaigns_area(qtbot: Any, shown_window: MainWindow) -> None:
    qtbot.keyClick(shown_window, Qt.Key.Key_G,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert shown_window.current_area() == "campaigns"


def test_opportunity_editor_keeps_the_source_campaign(qtbot: Any, services: Services,
                                                      show_dialog: Any) -> None:
    from desk_crm.ui.editors.opportunity_editor import OpportunityEditor

    campaign, _ids = _people(services)
    deal = add_opportunity(services, campaign_id=campaign)
    editor = show_dialog(OpportunityEditor(services, deal.id))
    assert editor.campaign.currentData() == campaign
    editor.campaign.setCurrentIndex(0)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert services.opportunities.get(deal.id).draft.campaign_id is None


def test_mail_server_dialog_without_a_keychain_keeps_the_password_for_the_session(
        qtbot: Any, services: Services) -> None:
    import keyring

    from desk_crm.ui.smtp_settings_dialog import SmtpSettingsDialog, password_for
    from helpers.keyrings import NoKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        dialog = SmtpSettingsDialog(services)
        qtbot.addWidget(dialog)
        dialog.host.setText("smtp.example.com")
        dialog.username.setText("crm")
        dialog.sender_email.setText("news@example.com")
        dialog.password.setText("s3cret")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert "no keychain" in dialog.message.text()
        saved = services.smtp.get()
        assert (saved.host, saved.port, saved.security) == ("smtp.example.com", 587,
                                                            "starttls")
        assert password_for(saved) == "s3cret"
        dialog.sender_email.setText("bad")
        assert dialog.result() == 0
    finally:
        keyring.set_keyring(previous)


def test_outbox_send_now_with_the_server_down_keeps_mail_queued(
        qtbot: Any, services: Services, message_boxes: MessageBoxes) -> None:
    import socket

    from desk_crm.services.mail_outbox import MailParts

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = services.smtp.save(SmtpSettings(host="127.0.0.1", port=port, security="plain",
                                               sender_email="news@example.com",
                                               timeout_seconds=2))
    campaign, ids = _people(services)
    services.mail.queue(MailParts("Hi", "", "text"), ids, campaign, settings)
    dialog = OutboxDialog(services)
    qtbot.addWidget(dialog)
    message_boxes.reply("warning", OK)
    with qtbot.waitSignal(dialog.mails_sent, timeout=15000):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert "could not be reached" in message_boxes.calls[-1][1]
    assert services.mail.counts() == {"queued": 1}
    assert dialog.send_button.isEnabled()


def test_the_scheduler_sends_only_when_it_can_and_the_sidebar_counts_mails(
        qtbot: Any, main_window: MainWindow, services: Services) -> None:
    from desk_crm.services.mail_outbox import MailParts

    page = main_window.pages["campaigns"]
    assert page.nav_title() == "Campaigns"
    campaign, ids = _people(services)
    services.mail.queue(MailParts("Hi", "", "text"), ids, campaign, SmtpSettings())
    page.reload()
    assert page.nav_title() == "Campaigns (1 to send)"
    assert page.scheduler.tick() is False  # no mail server set up
    services.smtp.save(SmtpSettings(host="127.0.0.1", port=1, security="plain",
                                    username="crm", sender_email="news@example.com"))
    assert page.scheduler.tick() is False  # no password known: wait for Send now
    services.smtp.save(SmtpSettings(host="127.0.0.1", port=1, security="plain",
                                    sender_email="news@example.com", timeout_seconds=1))
    with qtbot.waitSignal(page.scheduler.run_finished, timeout=10000) as run:
        assert page.scheduler.tick() is True
    assert run.args[0].server_down
    assert services.mail.counts() == {"queued": 1}


def test_outbox_shows_an_interrupted_mail_in_words(qtbot: Any, services: Services) -> None:
    from desk_crm.services.mail_outbox import MailParts
    from desk_crm.services.mail_sender import MailSender

    campaign, ids = _people(services)
    settings = SmtpSettings(host="127.0.0.1", port=1, sender_email="news@example.com")
    services.mail.queue(MailParts("Hi", "", "text"), ids, campaign, settings)
    sender = MailSender(services.context, settings, None)
    sender._claim()  # "sending" committed, then the process died
    sender.recover_interrupted()
    dialog = OutboxDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 3).text() == "Failed"
    assert dialog.table.item(0, 6).text().startswith("Interrupted while sending")


def test_members_tab_adds_a_saved_segment_in_the_background(
        qtbot: Any, services: Services, show_dialog: Any, monkeypatch: Any) -> None:
    from desk_crm.domain.segments import Condition, SegmentDraft

    campaign, _ids = _people(services)
    for city in ("上海", "上海", "北京"):
        services.contacts.save(contact_draft("王", city, city=city))
    segment = services.segments.save(SegmentDraft(
        "Shanghai", "contact", "all", (Condition("city", "equals", "上海"),)))
    editor = show_dialog(CampaignEditor(services, campaign))
    assert editor.members.segment_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getItem",
                        staticmethod(lambda *args, **kwargs: (args[3][0], True)))
    added: list[int] = []
    editor.members.segment_added.connect(added.append)
    editor.members.segment_button.click()
    qtbot.waitUntil(lambda: bool(added), timeout=10_000)
    assert added == [2]
    assert editor.members.table.rowCount() == 4
    assert services.segments.get(segment.id).name == "Shanghai"
