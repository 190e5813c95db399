"""Use cases for leads: save with a fresh score, duplicates, scoring rules, conversion."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_crm.domain.emails import normalize_email
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.leads import LeadDraft, validate_lead
from desk_crm.domain.names import display_name, sort_key
from desk_crm.domain.phones import normalize_phone
from desk_crm.domain.scoring import LeadFacts, LeadScore, ScoringRules, score_lead, validate_rules
from desk_crm.services import _common
from desk_crm.services._campaign_links import require_campaign
from desk_crm.services.context import ServiceContext
from desk_crm.services.conversion import ConversionRequest, convert_lead
from desk_crm.services.sales_records import ConversionResult, DuplicateMatch, LeadRecord
from desk_crm.store.models import Account, Contact, ContactPointIndex
from desk_crm.store.sales_models import Activity, AppSetting, Lead, Opportunity

__all__ = ["ConversionResult", "LeadRecord", "LeadService"]

RULES_KEY = "lead_scoring_rules"


class LeadConverted(ValidationErrors):
    """A converted lead is read-only."""

    def __init__(self) -> None:
        super().__init__([ValidationError("status", QT_TRANSLATE_NOOP(
            "Validation", "This lead was converted and is read-only"))])


class LeadService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    # -- records --------------------------------------------------------------------------

    def save(self, draft: LeadDraft, lead_id: str | None = None,
             expected_version: int | None = None) -> LeadRecord:
        clean = validate_lead(draft, self._context.default_region)
        with self._context.write() as session:
            lead = self.write_clean(session, clean, lead_id, expected_version)
            return self._record(session, lead)

    def write_clean(self, session: Session, clean: LeadDraft, lead_id: str | None = None,
                    expected_version: int | None = None,
                    rules: ScoringRules | None = None) -> Lead:
        """Apply a validated draft inside the caller's transaction (import, bulk edit)."""
        _common.require_owner(session, clean.owner_id)
        if lead_id is None:
            lead = Lead()
            session.add(lead)
        else:
            lead = _common.load(session, Lead, lead_id)
            _common.check_version(lead, expected_version)
            if lead.converted_at is not None:
                raise LeadConverted()
        for field in ("family_name", "given_name", "company", "title", "email", "phone",
                      "source", "status", "company_size", "street", "city", "region",
                      "postal_code", "country", "owner_id", "notes"):
            setattr(lead, field, getattr(clean, field))
        if clean.campaign_id != lead.campaign_id:
            with session.no_autoflush:  # the new row is not complete yet
                require_campaign(session, clean.campaign_id)
        lead.campaign_id = clean.campaign_id
        lead.display_name = display_name(clean.family_name, clean.given_name)
        lead.sort_name = sort_key(clean.family_name, clean.given_name)
        session.flush()
        lead.score = self._score(session, lead, rules or _rules(session)).total
        session.flush()
        return lead

    def delete(self, lead_id: str) -> None:
        with self._context.write() as session:
            _common.soft_delete(session, Lead, lead_id)

    def restore(self, lead_id: str) -> None:
        with self._context.write() as session:
            _common.restore(session, Lead, lead_id)

    def get(self, lead_id: str) -> LeadRecord:
        with self._context.read() as session:
            return self._record(session, _common.load(session, Lead, lead_id))

    # -- duplicates -----------------------------------------------------------------------

    def find_duplicates(self, email: str, phone: str,
                        exclude_id: str | None = None) -> list[DuplicateMatch]:
        """Live contacts (any of their emails/phones) and leads using this email or
        phone. Input is normalised first; something that is not yet a valid address or
        number matches nothing."""
        wanted: list[tuple[str, str]] = []
        try:
            if email.strip():
                wanted.append(("email", normalize_email(email)))
        except ValidationError:
            pass
        try:
            if phone.strip():
                wanted.append(("phone", normalize_phone(phone, self._context.default_region)))
        except ValidationError:
            pass
        matches: dict[str, DuplicateMatch] = {}
        with self._context.read() as session:
            for kind, value in wanted:
                contacts = session.execute(
                    select(Contact.id, Contact.display_name)
                    .join(ContactPointIndex, ContactPointIndex.contact_id == Contact.id)
                    .where(ContactPointIndex.kind == kind, ContactPointIndex.value == value,
                           Contact.deleted_at.is_(None)).limit(20)).all()
                for row in contacts:
                    matches.setdefault(row.id, DuplicateMatch("contact", row.id,
                                                              row.display_name, value))
                column = Lead.email if kind == "email" else Lead.phone
                leads = session.execute(
                    select(Lead.id, Lead.display_name)
                    .where(column == value, Lead.deleted_at.is_(None)).limit(20)).all()
                for row in leads:
                    if row.id != exclude_id:
                        matches.setdefault(row.id, DuplicateMatch("lead", row.id,
                                                                  row.display_name, value))
        return list(matches.values())

    # -- scoring --------------------------------------------------------------------------

    def scoring_rules(self) -> ScoringRules:
        with self._context.read() as session:
            return _rules(session)

    def save_scoring_rules(self, rules: ScoringRules) -> int:
        """Store the rules and rescore every lead with them, in one transaction.
        Returns the number of leads whose score changed."""
        clean = validate_rules(rules)
        with self._context.write() as session:
            setting = session.get(AppSetting, RULES_KEY)
            if setting is None:
                session.add(AppSetting(key=RULES_KEY, value=clean.to_json()))
            else:
                setting.value = clean.to_json()
            session.flush()
            return self._rescore(session, clean, None)

    def rescore_all(self) -> int:
        """Recompute every live lead's score (after the rules change)."""
        with self._context.write() as session:
            return self._rescore(session, _rules(session), None)

    def rescore(self, lead_ids: Iterable[str]) -> int:
        """Recompute these leads' scores (after activities were logged for them)."""
        with self._context.write() as session:
            return self._rescore(session, _rules(session), list(lead_ids))

    def activity_count(self, lead_id: str) -> int:
        """Live activities logged for the lead: the engagement part of its score."""
        with self._context.read() as session:
            return int(session.scalar(select(func.count()).select_from(Activity).where(
                Activity.lead_id == lead_id, Activity.deleted_at.is_(None))) or 0)

    def explain(self, lead_id: str) -> LeadScore:
        with self._context.read() as session:
            lead = _common.load(session, Lead, lead_id)
            return self._score(session, lead, _rules(session))

    def _rescore(self, session: Session, rules: ScoringRules,
                 lead_ids: list[str] | None) -> int:
        query = select(Lead).where(Lead.deleted_at.is_(None))
        if lead_ids is not None:
            query = query.where(Lead.id.in_(lead_ids))
        counts = dict(session.execute(
            select(Activity.lead_id, func.count()).where(
                Activity.lead_id.is_not(None), Activity.deleted_at.is_(None))
            .group_by(Activity.lead_id)).tuples().all())
        changed = 0
        for lead in session.scalars(query):
            score = score_lead(_facts(lead, counts.get(lead.id, 0)), rules).total
            if score != lead.score:
                lead.score = score  # not audited: no change-log row, no version bump
                changed += 1
        session.flush()
        return changed

    @staticmethod
    def _score(session: Session, lead: Lead, rules: ScoringRules) -> LeadScore:
        count = session.scalar(select(func.count()).select_from(Activity).where(
            Activity.lead_id == lead.id, Activity.deleted_at.is_(None))) or 0
        return score_lead(_facts(lead, int(count)), rules)

    # -- conversion -----------------------------------------------------------------------

    def convert(self, lead_id: str, *, account_name: str = "", account_id: str | None = None,
                create_opportunity: bool = False, opportunity_name: str = "",
                amount: Decimal = Decimal(0), currency: str = "CNY",
                close_date: date | None = None, stage_id: str | None = None,
                expected_version: int | None = None) -> ConversionResult:
        """Turn the lead into an account (new, or *account_id* when the user picked an
        existing one), a contact and optionally an opportunity — all in ONE transaction:
        any failure leaves no account, contact, opportunity or change-log row and the lead
        as it was. The lead keeps links to what it became and turns read-only."""
        request = ConversionRequest(
            account_name=account_name, account_id=account_id,
            create_opportunity=create_opportunity, opportunity_name=opportunity_name,
            amount=amount, currency=currency, close_date=close_date, stage_id=stage_id)
        with self._context.write() as session:
            lead = _common.load(session, Lead, lead_id)
            _common.check_version(lead, expected_version)
            if lead.converted_at is not None:
                raise LeadConverted()
            return convert_lead(session, lead, request, self._context.default_region)

    # -- reading --------------------------------------------------------------------------

    def _record(self, session: Session, lead: Lead) -> LeadRecord:
        draft = LeadDraft(
            family_name=lead.family_name, given_name=lead.given_name, company=lead.company,
            title=lead.title, email=lead.email, phone=lead.phone, source=lead.source,
            status=lead.status, company_size=lead.company_size, street=lead.street,
            city=lead.city, region=lead.region, postal_code=lead.postal_code,
            country=lead.country, owner_id=lead.owner_id, notes=lead.notes,
            campaign_id=lead.campaign_id,
        )
        score = self._score(session, lead, _rules(session))

        def name_of(column: object, key: object, value: str | None) -> str:
            if not value:
                return ""
            return session.scalar(select(column).where(key == value)) or ""  # type: ignore

        return LeadRecord(
            id=lead.id, version=lead.version, draft=draft, display_name=lead.display_name,
            owner_name=_common.owner_name(session, lead.owner_id), score=score.total,
            score_reasons=score.explain(), converted_at=lead.converted_at,
            account_id=lead.account_id, contact_id=lead.contact_id,
            opportunity_id=lead.opportunity_id,
            account_name=name_of(Account.name, Account.id, lead.account_id),
            contact_name=name_of(Contact.display_name, Contact.id, lead.contact_id),
            opportunity_name=name_of(Opportunity.name, Opportunity.id, lead.opportunity_id),
            created_at=lead.created_at, updated_at=lead.updated_at,
            deleted=lead.deleted_at is not None,
        )


def _rules(session: Session) -> ScoringRules:
    setting = session.get(AppSetting, RULES_KEY)
    return ScoringRules.from_json(setting.value if setting is not None else None)


def _facts(lead: Lead, activity_count: int) -> LeadFacts:
    return LeadFacts(source=lead.source, company_size=lead.company_size,
                     activity_count=activity_count, email=lead.email, phone=lead.phone,
                     company=lead.company, title=lead.title)
