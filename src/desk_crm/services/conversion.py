"""Lead conversion inside the caller's transaction: account, contact, optional opportunity.

Kept apart from ``LeadService`` so the steps are small functions; ``LeadService.convert``
owns the transaction, so an exception in any step rolls every step back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_crm.domain.contact_points import ContactPoint, points_to_json, primary_value
from desk_crm.domain.drafts import AccountDraft, ContactDraft, validate_account, validate_contact
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.names import company_sort_key, display_name, sort_key
from desk_crm.domain.opportunities import OpportunityDraft, validate_opportunity
from desk_crm.services import _common
from desk_crm.services.opportunities import write_opportunity
from desk_crm.services.sales_records import ConversionResult
from desk_crm.store.models import Account, Contact
from desk_crm.store.sales_models import Lead, PipelineStage
from desk_crm.store.types import utc_now


@dataclass(frozen=True)
class ConversionRequest:
    account_name: str = ""
    account_id: str | None = None  # an existing account instead of a new one
    create_opportunity: bool = False
    opportunity_name: str = ""
    amount: Decimal = Decimal(0)
    currency: str = "CNY"
    close_date: date | None = None
    stage_id: str | None = None  # None: the first open stage


def convert_lead(session: Session, lead: Lead, request: ConversionRequest,
                 region: str) -> ConversionResult:
    account = _account(session, lead, request, region)
    session.flush()
    contact = new_contact(session, lead, account.id, region)
    session.flush()
    opportunity_id = None
    if request.create_opportunity:
        stage_id = request.stage_id or _first_open_stage(session)
        draft = validate_opportunity(OpportunityDraft(
            name=request.opportunity_name or f"{account.name} – {lead.display_name}",
            account_id=account.id, contact_id=contact.id, amount=request.amount,
            currency=request.currency, close_date=request.close_date, stage_id=stage_id,
            owner_id=lead.owner_id, lead_id=lead.id, campaign_id=lead.campaign_id))
        opportunity_id = write_opportunity(session, draft, None).id
    lead.status = "converted"
    lead.converted_at = utc_now()
    lead.account_id = account.id
    lead.contact_id = contact.id
    lead.opportunity_id = opportunity_id
    session.flush()
    return ConversionResult(account.id, contact.id, opportunity_id)


def _account(session: Session, lead: Lead, request: ConversionRequest,
             region: str) -> Account:
    if request.account_id:
        return _common.load(session, Account, request.account_id)
    clean = validate_account(AccountDraft(
        name=request.account_name or lead.company or lead.display_name,
        street=lead.street, city=lead.city, region=lead.region,
        postal_code=lead.postal_code, country=lead.country, owner_id=lead.owner_id), region)
    account = Account(
        name=clean.name, name_sort=company_sort_key(clean.name), street=clean.street,
        city=clean.city, region=clean.region, postal_code=clean.postal_code,
        country=clean.country, owner_id=clean.owner_id, tags=[])
    session.add(account)
    return account


def new_contact(session: Session, lead: Lead, account_id: str, region: str) -> Contact:
    """The lead's person as a contact of *account_id* (email/phone as primary points)."""
    emails = (ContactPoint(lead.email, "work", True),) if lead.email else ()
    phones = (ContactPoint(lead.phone, "work", True),) if lead.phone else ()
    clean = validate_contact(ContactDraft(
        family_name=lead.family_name, given_name=lead.given_name, title=lead.title,
        account_id=account_id, emails=emails, phones=phones, street=lead.street,
        city=lead.city, region=lead.region, postal_code=lead.postal_code,
        country=lead.country, owner_id=lead.owner_id, notes=lead.notes), region)
    contact = Contact(
        family_name=clean.family_name, given_name=clean.given_name,
        display_name=display_name(clean.family_name, clean.given_name),
        sort_name=sort_key(clean.family_name, clean.given_name), title=clean.title,
        department="", account_id=account_id, emails=points_to_json(clean.emails),
        phones=points_to_json(clean.phones), primary_email=primary_value(clean.emails),
        primary_phone=primary_value(clean.phones), street=clean.street, city=clean.city,
        region=clean.region, postal_code=clean.postal_code, country=clean.country,
        tags=[], owner_id=clean.owner_id, notes=clean.notes)
    session.add(contact)
    return contact


def _first_open_stage(session: Session) -> str:
    stage_id = session.scalar(select(PipelineStage.id).where(
        PipelineStage.kind == "open", PipelineStage.active.is_(True),
        PipelineStage.deleted_at.is_(None)).order_by(PipelineStage.position).limit(1))
    if stage_id is None:
        raise ValidationErrors([ValidationError("stage_id", QT_TRANSLATE_NOOP(
            "Validation", "No open pipeline stage"))])
    return stage_id
