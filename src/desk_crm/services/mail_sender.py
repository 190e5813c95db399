"""Sending the outbox over SMTP: throttled, retried with back-off, each mail at most once.

Each mail goes through three steps, each its own transaction or network exchange:

1. *claim*: opt-out and bounce are checked again (a contact may have opted out after the
   mail was queued); then status "sending", attempts + 1 and the Message-ID are committed.
2. the SMTP transaction (MAIL FROM … DATA).
3. *settle*: "sent" with the time, an e-mail activity on the contact and the campaign
   member marked "sent" — one transaction; or back to "queued" with a back-off, or "failed".

A crash between 1 and 3 leaves the mail "sending"; the next run does not send it again but
marks it failed as "interrupted — it may have been delivered", for the user to check and
retry. That is the one remaining window: a crash (or a connection lost) after the server
accepted the DATA and before step 3 commits leaves a mail that was delivered shown as
failed; retrying it would deliver it a second time. Every other failure is either before
the server had the message (re-queued, sent later once) or a refusal by the server.

When the server cannot be reached at all the run stops and every mail stays queued.
"""

from __future__ import annotations

import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from urllib.parse import quote

from sqlalchemy import ColumnElement, or_, select

from desk_crm.domain.activities import ActivityDraft, validate_activity
from desk_crm.domain.outbox_rules import Throttle, after_failure
from desk_crm.services.context import ServiceContext
from desk_crm.services.smtp_settings import SmtpSettings
from desk_crm.store.marketing_models import CampaignMember, OutboundEmail
from desk_crm.store.models import Contact, new_id
from desk_crm.store.sales_models import Activity
from desk_crm.store.types import utc_now

INTERRUPTED = "interrupted while sending: it may have been delivered; check before retrying"
# Refusals that say the mailbox does not exist: recorded as a bounce on the contact.
BOUNCE_CODES = frozenset({550, 551, 553})
SKIPPED = "skipped"  # what _claim returns for a mail it cancelled (opted out since queueing)


@dataclass(frozen=True)
class SendReport:
    sent: int = 0
    requeued: int = 0
    failed: int = 0
    skipped: int = 0  # opted out or bounced since queueing
    server_down: bool = False
    error: str = ""


@dataclass(frozen=True)
class _Claimed:
    id: str
    to_address: str
    to_name: str
    subject: str
    html_body: str
    text_body: str
    message_id: str
    attempts: int


class MailSender:
    def __init__(self, context: ServiceContext, settings: SmtpSettings,
                 password: str | None, *, sleep: Callable[[float], None] = time.sleep,
                 now: Callable[[], datetime] = utc_now) -> None:
        self._context = context
        self._settings = settings
        self._password = password
        self._sleep = sleep
        self._now = now
        self._smtp: smtplib.SMTP | None = None

    # -- the run --------------------------------------------------------------------------

    def send_due(self, limit: int | None = None,
                 should_stop: Callable[[], bool] = lambda: False,
                 progress: Callable[[int, int], None] | None = None) -> SendReport:
        """Send mails that are due, oldest first, until none is left, *limit* is reached,
        *should_stop* says so, or the server cannot be reached."""
        counts = {"sent": 0, "requeued": 0, "failed": 0, "skipped": 0}
        self.recover_interrupted()
        throttle = Throttle(self._settings.per_minute, self._recent_sends())
        total = self.due_count()
        done = 0
        try:
            while not should_stop() and (limit is None or done < limit):
                wait = throttle.wait(self._now())
                if wait > timedelta(0):
                    if not self.due_count():
                        break
                    self._sleep(wait.total_seconds())
                    continue
                claimed = self._claim()
                if claimed is None:
                    break
                if claimed == SKIPPED:
                    counts["skipped"] += 1
                    continue
                assert isinstance(claimed, _Claimed)
                outcome = self._deliver(claimed)
                done += 1
                if outcome == "sent":
                    throttle.sent(self._now())
                counts[outcome] += 1
                if progress is not None:
                    progress(done, total)
                if outcome == "requeued" and self._smtp is None:
                    return SendReport(counts["sent"], counts["requeued"], counts["failed"],
                                      counts["skipped"], server_down=True,
                                      error=self._last_error)
        finally:
            self._close()
        return SendReport(counts["sent"], counts["requeued"], counts["failed"],
                          counts["skipped"])

    def due_count(self) -> int:
        with self._context.read() as session:
            return len(session.scalars(select(OutboundEmail.pk).where(*self._due())).all())

    def recover_interrupted(self) -> int:
        """Mails left "sending" by a crash: failed for the user to check, never resent."""
        with self._context.write() as session:
            rows = session.scalars(select(OutboundEmail).where(
                OutboundEmail.status == "sending")).all()
            for mail in rows:
                mail.status = "failed"
                mail.last_error = INTERRUPTED
            return len(rows)

    # -- the three steps ------------------------------------------------------------------

    def _due(self) -> tuple[ColumnElement[bool], ...]:
        return (OutboundEmail.status == "queued",
                or_(OutboundEmail.next_attempt_at.is_(None),
                    OutboundEmail.next_attempt_at <= self._now()))

    def _claim(self) -> _Claimed | str | None:
        with self._context.write() as session:
            mail = session.scalars(select(OutboundEmail).where(*self._due())
                                   .order_by(OutboundEmail.pk).limit(1)).first()
            if mail is None:
                return None
            contact = session.scalars(select(Contact).where(
                Contact.id == mail.contact_id)).first() if mail.contact_id else None
            if contact is not None and (contact.email_opt_out
                                        or contact.email_bounced_at is not None
                                        or contact.deleted_at is not None):
                mail.status = "cancelled"
                mail.last_error = ("opted out" if contact.email_opt_out else
                                   "address bounced" if contact.email_bounced_at else
                                   "contact deleted")
                return SKIPPED
            mail.status = "sending"
            mail.attempts += 1
            if not mail.message_id:
                domain = self._settings.sender_email.rpartition("@")[2] or "desk-crm.local"
                mail.message_id = make_msgid(domain=domain)
            return _Claimed(mail.id, mail.to_address, mail.to_name, mail.subject,
                            mail.html_body, mail.text_body, mail.message_id, mail.attempts)

    def _deliver(self, mail: _Claimed) -> str:
        message = self.build_message(mail)
        try:
            smtp = self._connection()
        except (OSError, smtplib.SMTPException) as error:
            # Nothing reached the server: the mail goes back to the queue unchanged.
            self._last_error = f"{type(error).__name__}: {error}"
            return self._settle_failure(mail, self._last_error, permanent=False,
                                        attempt_counts=False)
        try:
            smtp.send_message(message, from_addr=self._settings.sender_email,
                              to_addrs=[mail.to_address])
        except smtplib.SMTPRecipientsRefused as error:
            code = next(iter(error.recipients.values()))[0]
            return self._settle_failure(mail, f"refused: {error.recipients}",
                                        permanent=code >= 500, bounced=code in BOUNCE_CODES)
        except smtplib.SMTPResponseException as error:
            # The server answered with an error: it did not take the message.
            return self._settle_failure(mail, f"{error.smtp_code} {error.smtp_error!r}",
                                        permanent=error.smtp_code >= 500)
        except (OSError, smtplib.SMTPException) as error:
            # The connection broke mid-transaction: maybe delivered (the documented window).
            self._close()
            return self._settle_failure(mail, f"{INTERRUPTED} ({type(error).__name__})",
                                        permanent=True)
        self._settle_sent(mail)
        return "sent"

    def _settle_sent(self, mail: _Claimed) -> None:
        now = self._now()
        with self._context.write() as session:
            row = session.scalars(select(OutboundEmail).where(
                OutboundEmail.id == mail.id)).one()
            row.status = "sent"
            row.sent_at = now
            row.last_error = ""
            if row.contact_id:
                contact = session.scalars(select(Contact).where(
                    Contact.id == row.contact_id)).one()
                draft = validate_activity(ActivityDraft(
                    kind="email", subject=mail.subject[:400], done=True,
                    notes=mail.text_body[:20_000], contact_id=contact.id,
                    account_id=contact.account_id))
                session.add(Activity(
                    id=new_id(), kind=draft.kind, subject=draft.subject, notes=draft.notes,
                    due_at=now, done_at=now, contact_id=draft.contact_id,
                    account_id=draft.account_id))
                if row.campaign_id:
                    for member in session.scalars(select(CampaignMember).where(
                            CampaignMember.campaign_id == row.campaign_id,
                            CampaignMember.contact_id == contact.id,
                            CampaignMember.status == "added")):
                        member.status = "sent"
            session.flush()

    def _settle_failure(self, mail: _Claimed, error: str, *, permanent: bool,
                        bounced: bool = False, attempt_counts: bool = True) -> str:
        now = self._now()
        with self._context.write() as session:
            row = session.scalars(select(OutboundEmail).where(
                OutboundEmail.id == mail.id)).one()
            if not attempt_counts:
                row.attempts -= 1
            status, next_at = after_failure(max(row.attempts, 1), permanent, now)
            row.status = status
            row.next_attempt_at = next_at
            row.last_error = error[:2000]
            if bounced and row.contact_id:
                contact = session.scalars(select(Contact).where(
                    Contact.id == row.contact_id)).one()
                contact.email_bounced_at = contact.email_bounced_at or now
            session.flush()
        return "requeued" if status == "queued" else "failed"

    # -- SMTP -----------------------------------------------------------------------------

    _last_error = ""

    def build_message(self, mail: _Claimed) -> EmailMessage:
        """The MIME message: UTF-8 text and HTML alternatives, RFC 2047 encoded headers
        (the default policy does that for Chinese names and subjects), List-Unsubscribe."""
        settings = self._settings
        message = EmailMessage()
        message["Subject"] = mail.subject
        message["From"] = Address(settings.sender_name, addr_spec=settings.sender_email)
        message["To"] = Address(mail.to_name, addr_spec=mail.to_address)
        message["Date"] = format_datetime(self._now())
        message["Message-ID"] = mail.message_id
        unsubscribe = []
        if settings.unsubscribe_mailto:
            unsubscribe.append(f"<mailto:{settings.unsubscribe_mailto}?subject=unsubscribe>")
        if settings.unsubscribe_url:
            unsubscribe.append("<" + settings.unsubscribe_url.replace(
                "{email}", quote(mail.to_address, safe="")) + ">")
        if unsubscribe:
            message["List-Unsubscribe"] = ", ".join(unsubscribe)
            if settings.unsubscribe_url:  # RFC 8058 one-click
                message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message.set_content(mail.text_body or " ", charset="utf-8")
        if mail.html_body:
            message.add_alternative(mail.html_body, subtype="html", charset="utf-8")
        return message

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is not None:
            return self._smtp
        settings = self._settings
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if settings.security == "ssl":
            smtp = smtplib.SMTP_SSL(settings.host, settings.port,
                                    timeout=settings.timeout_seconds, context=context)
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout_seconds)
            if settings.security == "starttls":
                smtp.starttls(context=context)
        if settings.username:
            smtp.login(settings.username, self._password or "")
        self._smtp = smtp
        return smtp

    def _close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                pass
            self._smtp = None

    def _recent_sends(self) -> list[datetime]:
        since = self._now() - timedelta(minutes=1)
        with self._context.read() as session:
            return [at for at in session.scalars(select(OutboundEmail.sent_at).where(
                OutboundEmail.status == "sent", OutboundEmail.sent_at >= since)) if at]
