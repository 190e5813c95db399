"""E-mail templates, the preview of a mail for one recipient, and the outbox queue.

Queueing renders each mail for its recipient (what was previewed is what is sent) and skips
contacts who opted out, whose address bounced, or who have no address; the sender
(:mod:`services.mail_sender`) checks opt-out and bounce again just before sending.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.mail_merge import check_template, render
from desk_crm.domain.text import clean_text
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.services.smtp_settings import SmtpSettings
from desk_crm.store.marketing_models import Campaign, EmailTemplate, OutboundEmail
from desk_crm.store.models import Account, Contact, new_id
from desk_crm.store.types import utc_now

STATUSES = ("queued", "sending", "sent", "failed", "cancelled")


@dataclass(frozen=True)
class MailParts:
    subject: str
    html_body: str
    text_body: str


@dataclass(frozen=True)
class TemplateRecord:
    id: str
    version: int
    name: str
    parts: MailParts


@dataclass(frozen=True)
class QueueReport:
    queued: int
    opted_out: int
    bounced: int
    no_address: int


@dataclass(frozen=True)
class OutboxRow:
    id: str
    to_address: str
    to_name: str
    subject: str
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str
    sent_at: datetime | None
    created_at: datetime
    campaign_name: str


def check_parts(parts: MailParts) -> MailParts:
    """Unknown merge fields and an empty subject or body are refused."""
    errors = []
    subject = clean_text(parts.subject)
    if not subject:
        errors.append(ValidationError("subject", QT_TRANSLATE_NOOP(
            "Validation", "Enter a subject")))
    if not parts.text_body.strip() and not parts.html_body.strip():
        errors.append(ValidationError("text_body", QT_TRANSLATE_NOOP(
            "Validation", "Write the message")))
    try:
        check_template({"subject": subject, "html_body": parts.html_body,
                        "text_body": parts.text_body})
    except ValidationErrors as problems:
        errors.extend(problems.errors)
    if errors:
        raise ValidationErrors(errors)
    return MailParts(subject, parts.html_body, parts.text_body)


def merge_values(contact: Contact, account_name: str, account_city: str, account_industry: str,
                 campaign_name: str, settings: SmtpSettings) -> dict[str, str]:
    return {
        "contact.given_name": contact.given_name, "contact.family_name": contact.family_name,
        "contact.display_name": contact.display_name, "contact.title": contact.title,
        "contact.email": contact.primary_email, "contact.city": contact.city,
        "account.name": account_name, "account.city": account_city,
        "account.industry": account_industry, "campaign.name": campaign_name,
        "sender.name": settings.sender_name, "sender.email": settings.sender_email,
    }


def rendered(parts: MailParts, values: dict[str, str]) -> MailParts:
    # Values are escaped into the HTML; the template itself is the user's own rich text
    # (QTextEdit's HTML with its inline styles, which a sanitiser would strip) and is kept.
    html = render(parts.html_body, values, as_html=True) if parts.html_body.strip() else ""
    return MailParts(render(parts.subject, values).replace("\n", " "), html,
                     render(parts.text_body, values))


class MailOutboxService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    # -- templates ------------------------------------------------------------------------

    def save_template(self, name: str, parts: MailParts,
                      template_id: str | None = None) -> TemplateRecord:
        clean = check_parts(parts)
        name = clean_text(name)
        if not name:
            raise ValidationErrors([ValidationError("name", QT_TRANSLATE_NOOP(
                "Validation", "Give the template a name"))])
        with self._context.write() as session:
            if template_id is None:
                template = EmailTemplate()
                session.add(template)
            else:
                template = _common.load(session, EmailTemplate, template_id)
            template.name = name
            template.subject = clean.subject
            template.html_body = clean.html_body
            template.text_body = clean.text_body
            session.flush()
            return _template_record(template)

    def templates(self) -> list[TemplateRecord]:
        with self._context.read() as session:
            return [_template_record(row) for row in session.scalars(
                select(EmailTemplate).where(EmailTemplate.deleted_at.is_(None))
                .order_by(EmailTemplate.name))]

    def delete_template(self, template_id: str) -> None:
        with self._context.write() as session:
            _common.soft_delete(session, EmailTemplate, template_id)

    # -- preview and queue ----------------------------------------------------------------

    def preview(self, parts: MailParts, contact_id: str, campaign_id: str | None,
                settings: SmtpSettings) -> MailParts:
        """The mail *contact_id* would get (merge fields filled, HTML escaped)."""
        with self._context.read() as session:
            contact = _common.load(session, Contact, contact_id)
            return rendered(parts, _values(session, contact, campaign_id, settings))

    def queue(self, parts: MailParts, contact_ids: Iterable[str], campaign_id: str | None,
              settings: SmtpSettings, template_id: str | None = None) -> QueueReport:
        """One outbox row per contact who may be mailed, in one transaction."""
        clean = check_parts(parts)
        counts = {"queued": 0, "opted_out": 0, "bounced": 0, "no_address": 0}
        now = utc_now()
        ids = list(dict.fromkeys(contact_ids))
        with self._context.write() as session:
            if campaign_id is not None:
                _common.load(session, Campaign, campaign_id)
            for start in range(0, len(ids), 500):
                for contact in session.scalars(select(Contact).where(
                        Contact.id.in_(ids[start:start + 500]),
                        Contact.deleted_at.is_(None))):
                    reason = blocked_reason(contact)
                    if reason:
                        counts[reason] += 1
                        continue
                    mail = rendered(clean, _values(session, contact, campaign_id, settings))
                    session.add(OutboundEmail(
                        id=new_id(), campaign_id=campaign_id, contact_id=contact.id,
                        template_id=template_id, to_address=contact.primary_email,
                        to_name=contact.display_name, subject=mail.subject,
                        html_body=mail.html_body, text_body=mail.text_body, status="queued",
                        attempts=0, last_error="", message_id="", created_at=now))
                    counts["queued"] += 1
            session.flush()
        return QueueReport(**counts)

    # -- the outbox view ------------------------------------------------------------------

    def rows(self, status: str | None = None, limit: int = 2000) -> list[OutboxRow]:
        query = (select(OutboundEmail, Campaign.name)
                 .outerjoin(Campaign, Campaign.id == OutboundEmail.campaign_id)
                 .order_by(OutboundEmail.pk.desc()).limit(limit))
        if status:
            query = query.where(OutboundEmail.status == status)
        with self._context.read() as session:
            return [OutboxRow(m.id, m.to_address, m.to_name, m.subject, m.status, m.attempts,
                              m.next_attempt_at, m.last_error, m.sent_at, m.created_at,
                              name or "")
                    for m, name in session.execute(query)]

    def counts(self) -> dict[str, int]:
        with self._context.read() as session:
            return {status: int(count) for status, count in session.execute(
                select(OutboundEmail.status, func.count()).group_by(OutboundEmail.status))}

    def retry(self, mail_ids: Sequence[str]) -> int:
        """Failed (or waiting) mails go back to the front of the queue, attempts reset."""
        return self._set(mail_ids, ("failed", "queued", "cancelled"), "queued")

    def cancel(self, mail_ids: Sequence[str]) -> int:
        """Mails not sent yet are cancelled; a mail being sent or sent stays as it is."""
        return self._set(mail_ids, ("failed", "queued"), "cancelled")

    def _set(self, mail_ids: Sequence[str], allowed: tuple[str, ...], status: str) -> int:
        changed = 0
        with self._context.write() as session:
            for mail in session.scalars(select(OutboundEmail).where(
                    OutboundEmail.id.in_(list(mail_ids)), OutboundEmail.status.in_(allowed))):
                mail.status = status
                if status == "queued":
                    mail.attempts = 0
                    mail.next_attempt_at = None
                    mail.last_error = ""
                changed += 1
        return changed


def blocked_reason(contact: Contact) -> str:
    """Why *contact* must not get marketing mail ("" when they may)."""
    if contact.email_opt_out:
        return "opted_out"
    if contact.email_bounced_at is not None:
        return "bounced"
    if not contact.primary_email:
        return "no_address"
    return ""


def _values(session: Session, contact: Contact, campaign_id: str | None,
            settings: SmtpSettings) -> dict[str, str]:
    account = session.get(Account, _pk_of(session, contact.account_id)) \
        if contact.account_id else None
    campaign_name = session.scalar(select(Campaign.name).where(
        Campaign.id == campaign_id)) if campaign_id else ""
    return merge_values(contact, account.name if account else "",
                        account.city if account else "", account.industry if account else "",
                        campaign_name or "", settings)


def _pk_of(session: Session, account_id: str | None) -> int | None:
    return session.scalar(select(Account.pk).where(Account.id == account_id))


def _template_record(row: EmailTemplate) -> TemplateRecord:
    return TemplateRecord(row.id, row.version, row.name,
                          MailParts(row.subject, row.html_body, row.text_body))
