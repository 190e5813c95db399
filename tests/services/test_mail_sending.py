"""The outbox over a real SMTP server (aiosmtpd on 127.0.0.1): headers, merge fields,
Chinese encoding, opt-outs at queue and send time, a server that is down, each mail once."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.policy import default as default_policy
from typing import Any

import keyring
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from desk_crm.domain.campaigns import CampaignDraft
from desk_crm.domain.errors import ValidationErrors
from desk_crm.services.bundle import Services
from desk_crm.services.mail_outbox import MailParts
from desk_crm.services.mail_sender import INTERRUPTED, MailSender
from desk_crm.services.smtp_settings import (
    SmtpSettings,
    store_password,
    stored_password,
)
from desk_crm.store.database import Database
from helpers.db import rows
from helpers.drafts import account_draft, contact_draft
from helpers.keyrings import MemoryKeyring, NoKeyring

PARTS = MailParts(subject="{contact.family_name}先生，春季展会邀请",
                  html_body="<p>您好 {contact.given_name}，欢迎 <b>{account.name}</b></p>",
                  text_body="您好 {contact.given_name}，欢迎 {account.name}")


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []
        self.logins: list[tuple[str, str]] = []
        self.raw: dict[str, bytes] = {}

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if address.startswith("gone"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.raw[envelope.rcpt_tos[0]] = envelope.original_content
        self.messages.append((envelope.rcpt_tos,
                              email.message_from_bytes(envelope.content,
                                                       policy=default_policy)))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(inbox: Inbox, port: int) -> Controller:
    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str,
                     data: Any) -> AuthResult:
        inbox.logins.append((data.login.decode(), data.password.decode()))
        return AuthResult(success=data.password == b"s3cret")

    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=authenticate,
                            server_hostname="localhost",
                            auth_require_tls=False)
    controller.start()
    return controller


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def smtp_port() -> int:
    return _free_port()


@pytest.fixture
def inbox(smtp_port: int) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = _start(inbox, smtp_port)
    yield inbox
    controller.stop()


def _settings(port: int, **fields: Any) -> SmtpSettings:
    values = dict(host="127.0.0.1", port=port, security="plain", username="crm",
                  sender_name="市场部", sender_email="news@example.com", per_minute=100,
                  unsubscribe_mailto="unsubscribe@example.com",
                  unsubscribe_url="https://example.com/unsub?e={email}", timeout_seconds=5)
    values.update(fields)
    return SmtpSettings(**values)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
        self.slept: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += timedelta(seconds=seconds)


def _people(services: Services) -> tuple[str, list[str]]:
    account = services.accounts.save(account_draft("Müller & Söhne <GmbH>")).id
    ids = [services.contacts.save(contact_draft("张", "伟", emails=["zhang@example.com"],
                                                account_id=account)).id,
           services.contacts.save(contact_draft("Smith", "Ann",
                                                emails=["ann@example.com"])).id,
           services.contacts.save(contact_draft("Out", "Opted", emails=["out@example.com"],
                                                email_opt_out=True)).id,
           services.contacts.save(contact_draft("No", "Mail")).id]
    campaign = services.campaigns.save(CampaignDraft(name="春季展会")).id
    services.campaigns.add_members(campaign, contact_ids=ids)
    return campaign, ids


def test_sent_mail_has_merge_fields_chinese_headers_and_unsubscribe(
        services: Services, database: Database, inbox: Inbox, smtp_port: int) -> None:
    campaign, ids = _people(services)
    settings = _settings(smtp_port)
    report = services.mail.queue(PARTS, ids, campaign, settings)
    assert (report.queued, report.opted_out, report.no_address) == (2, 1, 1)
    clock = Clock()
    result = MailSender(services.context, settings, "s3cret", now=clock,
                        sleep=clock.sleep).send_due()
    assert (result.sent, result.failed) == (2, 0)
    assert inbox.logins == [("crm", "s3cret")]
    by_recipient = {recipients[0]: message for recipients, message in inbox.messages}
    assert sorted(by_recipient) == ["ann@example.com", "zhang@example.com"]
    message = by_recipient["zhang@example.com"]
    assert message["Subject"] == "张先生，春季展会邀请"
    assert by_recipient["ann@example.com"]["Subject"] == "Smith先生，春季展会邀请"
    assert message["To"].addresses[0].display_name == "张伟"
    assert message["From"].addresses[0].display_name == "市场部"
    assert message["List-Unsubscribe"] == ("<mailto:unsubscribe@example.com?subject=unsubscribe>,"
                                           " <https://example.com/unsub?e=zhang%40example.com>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Message-ID"].endswith("@example.com>")
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "您好 伟，欢迎 Müller & Söhne <GmbH>" in text
    assert "<b>Müller &amp; Söhne &lt;GmbH&gt;</b>" in html
    raw_headers = inbox.raw["zhang@example.com"].split(b"\r\n\r\n")[0]
    assert b"Subject: =?utf-8?b?" in raw_headers  # RFC 2047, the bytes are ASCII
    assert raw_headers.isascii()
    sent = rows(database, "SELECT status, message_id FROM outbound_email")
    assert {row["status"] for row in sent} == {"sent"}
    assert message["Message-ID"] in {row["message_id"] for row in sent}
    activities = services.activities.timeline("contact", ids[0])
    assert [(a.draft.kind, a.draft.subject, a.draft.done) for a in activities] == [
        ("email", "张先生，春季展会邀请", True)]
    statuses = {m.record_id: m.status for m in services.campaigns.members(campaign)}
    assert (statuses[ids[0]], statuses[ids[2]]) == ("sent", "added")


def test_a_contact_who_opts_out_after_queueing_is_not_mailed(
        services: Services, inbox: Inbox, smtp_port: int) -> None:
    campaign, ids = _people(services)
    settings = _settings(smtp_port)
    services.mail.queue(PARTS, ids[:2], campaign, settings)
    record = services.contacts.get(ids[1])
    from dataclasses import replace

    services.contacts.save(replace(record.draft, email_opt_out=True), ids[1], record.version)
    result = MailSender(services.context, settings, "s3cret").send_due()
    assert (result.sent, result.skipped) == (1, 1)
    assert [r for r, _m in inbox.messages] == [["zhang@example.com"]]


def test_a_server_that_is_down_leaves_mail_queued_and_later_sends_each_once(
        services: Services, smtp_port: int) -> None:
    campaign, ids = _people(services)
    settings = _settings(smtp_port)
    services.mail.queue(PARTS, ids, campaign, settings)
    clock = Clock()
    down = MailSender(services.context, settings, "s3cret", now=clock,
                      sleep=clock.sleep).send_due()
    assert down.server_down and down.sent == 0
    assert {r.status for r in services.mail.rows()} == {"queued"}
    inbox = Inbox()
    controller = _start(inbox, smtp_port)
    try:
        early = MailSender(services.context, settings, "s3cret", now=clock).send_due()
        assert early.sent == 1  # the one that met the dead server backs off a minute
        clock.now += timedelta(minutes=2)
        for _run in range(3):
            MailSender(services.context, settings, "s3cret", now=clock).send_due()
    finally:
        controller.stop()
    assert sorted(r[0] for r, _m in inbox.messages) == ["ann@example.com",
                                                       "zhang@example.com"]
    assert {r.status for r in services.mail.rows()} == {"sent"}


def test_a_mail_left_sending_by_a_crash_is_not_sent_again(
        services: Services, inbox: Inbox, smtp_port: int) -> None:
    campaign, ids = _people(services)
    settings = _settings(smtp_port)
    services.mail.queue(PARTS, ids[:1], campaign, settings)
    sender = MailSender(services.context, settings, "s3cret")
    claimed = sender._claim()  # step 1 committed, then the process "dies"
    assert claimed is not None
    result = MailSender(services.context, settings, "s3cret").send_due()
    assert result.sent == 0 and inbox.messages == []
    row = services.mail.rows()[0]
    assert (row.status, row.last_error) == ("failed", INTERRUPTED)
    assert services.mail.retry([row.id]) == 1
    assert MailSender(services.context, settings, "s3cret").send_due().sent == 1


def test_throttle_pauses_between_batches(services: Services, inbox: Inbox,
                                         smtp_port: int) -> None:
    campaign, ids = _people(services)
    settings = _settings(smtp_port, per_minute=1)
    services.mail.queue(PARTS, ids, campaign, settings)
    clock = Clock()
    result = MailSender(services.context, settings, "s3cret", now=clock,
                        sleep=clock.sleep).send_due()
    assert result.sent == 2
    assert clock.slept == [60.0]


def test_wrong_password_keeps_mail_queued(services: Services, inbox: Inbox,
                                          smtp_port: int) -> None:
    campaign, ids = _people(services)
    settings = _settings(smtp_port, timeout_seconds=1)
    services.mail.queue(PARTS, ids[:1], campaign, settings)
    result = MailSender(services.context, settings, "wrong").send_due()
    assert result.server_down and result.sent == 0 and inbox.messages == []
    assert ("crm", "wrong") in inbox.logins
    assert services.mail.rows()[0].status == "queued"


def test_unknown_merge_field_is_refused_before_queueing(services: Services) -> None:
    campaign, ids = _people(services)
    with pytest.raises(ValidationErrors) as caught:
        services.mail.queue(MailParts("Hi {contact.nick}", "", "x"), ids, campaign,
                            _settings(25))
    assert "subject" in caught.value.by_field()
    assert services.mail.rows() == []


def test_cancel_and_preview(services: Services) -> None:
    campaign, ids = _people(services)
    settings = _settings(25)
    preview = services.mail.preview(PARTS, ids[0], campaign, settings)
    assert preview.subject == "张先生，春季展会邀请"
    assert "&lt;GmbH&gt;" in preview.html_body
    services.mail.queue(PARTS, ids, campaign, settings)
    mail_ids = [r.id for r in services.mail.rows()]
    assert services.mail.cancel(mail_ids) == 2
    assert services.mail.counts() == {"cancelled": 2}


def test_password_lives_only_in_the_keyring(memory_keyring: MemoryKeyring,
                                            services: Services, database: Database) -> None:
    settings = services.smtp.save(_settings(2525))
    assert store_password(settings, "s3cret") is True
    assert stored_password(settings) == "s3cret"
    assert memory_keyring.store == {("Desk CRM SMTP", "crm@127.0.0.1:2525"): "s3cret"}
    stored = rows(database, "SELECT value FROM app_setting "
                                         "WHERE key = 'smtp_settings'")
    assert "s3cret" not in str(stored) and "127.0.0.1" in str(stored)
    keyring.set_keyring(NoKeyring())
    assert store_password(settings, "other") is False
    assert stored_password(settings) is None


def test_a_refused_mailbox_fails_at_once_and_is_recorded_as_a_bounce(
        services: Services, inbox: Inbox, smtp_port: int) -> None:
    campaign, ids = _people(services)
    gone = services.contacts.save(contact_draft("Gone", "Away",
                                                emails=["gone@example.com"])).id
    settings = _settings(smtp_port)
    services.mail.queue(PARTS, [ids[0], gone], campaign, settings)
    result = MailSender(services.context, settings, "s3cret").send_due()
    assert (result.sent, result.failed) == (1, 1)
    assert services.contacts.get(gone).draft.email_bounced_at is not None
    failed = [r for r in services.mail.rows() if r.status == "failed"]
    assert failed[0].to_address == "gone@example.com" and "550" in failed[0].last_error
    again = services.mail.queue(PARTS, [gone], campaign, settings)
    assert (again.queued, again.bounced) == (0, 1)
