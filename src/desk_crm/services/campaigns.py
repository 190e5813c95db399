"""Use cases for campaigns: save, members (from a list selection, a CSV of addresses, or —
at merge — a saved segment through :meth:`CampaignService.add_members`), member status, and
the results (members, responses, leads, opportunities, won revenue, cost per lead, ROI)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_crm.domain.campaigns import (
    MEMBER_STATUSES,
    RESPONDED,
    CampaignDraft,
    CampaignFigures,
    validate_campaign,
)
from desk_crm.domain.emails import normalize_email
from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.money import from_minor, to_minor
from desk_crm.domain.names import company_sort_key
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.store.marketing_models import Campaign, CampaignMember
from desk_crm.store.models import Contact, ContactPointIndex
from desk_crm.store.sales_models import Lead, Opportunity, PipelineStage
from desk_crm.store.types import utc_now

# Ids per IN (...) query and per transaction when adding members: well under SQLite's
# variable limit, and a big segment does not hold the write lock for long.
CHUNK = 500


@dataclass(frozen=True)
class CampaignRecord:
    id: str
    version: int
    draft: CampaignDraft
    owner_name: str
    member_count: int
    created_at: datetime
    updated_at: datetime
    deleted: bool


@dataclass(frozen=True)
class MemberRow:
    id: str
    entity: str  # contact / lead
    record_id: str
    name: str
    email: str
    status: str
    blocked: bool  # opted out or bounced: never mailed


@dataclass(frozen=True)
class EmailImport:
    added: int
    already: int
    unmatched: tuple[str, ...]  # addresses that name no contact or lead
    invalid: tuple[str, ...]


class CampaignService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    # -- the campaign ---------------------------------------------------------------------

    def save(self, draft: CampaignDraft, campaign_id: str | None = None,
             expected_version: int | None = None) -> CampaignRecord:
        clean = validate_campaign(draft)
        with self._context.write() as session:
            _common.require_owner(session, clean.owner_id)
            if campaign_id is None:
                campaign = Campaign()
                session.add(campaign)
            else:
                campaign = _common.load(session, Campaign, campaign_id)
                _common.check_version(campaign, expected_version)
            campaign.name = clean.name
            campaign.name_sort = company_sort_key(clean.name)
            for field in ("kind", "status", "start_date", "end_date", "currency", "owner_id",
                          "notes"):
                setattr(campaign, field, getattr(clean, field))
            campaign.budget_minor = to_minor(clean.budget, clean.currency)
            campaign.actual_cost_minor = to_minor(clean.actual_cost, clean.currency)
            campaign.expected_revenue_minor = to_minor(clean.expected_revenue, clean.currency)
            session.flush()
            return _record(session, campaign)

    def get(self, campaign_id: str) -> CampaignRecord:
        with self._context.read() as session:
            return _record(session, _common.load(session, Campaign, campaign_id))

    def delete(self, campaign_id: str) -> None:
        with self._context.write() as session:
            _common.soft_delete(session, Campaign, campaign_id)

    def restore(self, campaign_id: str) -> None:
        with self._context.write() as session:
            _common.restore(session, Campaign, campaign_id)

    def choices(self) -> list[tuple[str, str]]:
        """(id, name) of live campaigns, newest first: for the pickers of other editors."""
        with self._context.read() as session:
            rows = session.execute(select(Campaign.id, Campaign.name)
                                   .where(Campaign.deleted_at.is_(None))
                                   .order_by(Campaign.created_at.desc(), Campaign.pk.desc()))
            return [(row.id, row.name) for row in rows]

    def name_of(self, campaign_id: str) -> str:
        with self._context.read() as session:
            return session.scalar(select(Campaign.name).where(Campaign.id == campaign_id)) or ""

    # -- members --------------------------------------------------------------------------

    def add_members(self, campaign_id: str, contact_ids: Iterable[str] = (),
                    lead_ids: Iterable[str] = ()) -> int:
        """Add contacts and leads; those already in (or removed earlier: restored) are not
        added twice, deleted records are skipped. One transaction per chunk of ids;
        returns how many memberships were created or restored."""
        added = 0
        with self._context.read() as session:
            _common.load(session, Campaign, campaign_id)
        for column, model, ids in (("contact_id", Contact, list(dict.fromkeys(contact_ids))),
                                   ("lead_id", Lead, list(dict.fromkeys(lead_ids)))):
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start:start + CHUNK]
                with self._context.write() as session:
                    added += _add_chunk(session, campaign_id, column, model, chunk)
        return added

    def add_segment(self, campaign_id: str, segment_ids: Iterable[str], entity: str,
                    progress: Callable[[int], bool] | None = None) -> int:
        """Members from a saved segment's matching ids (services.segments.matching_ids):
        contacts as they are, accounts by their contacts. *progress* gets the ids read so
        far and returns False to stop; members added until then stay (adding is
        idempotent, so running it again completes it)."""
        added = read = 0
        ids = iter(segment_ids)
        while chunk := list(islice(ids, CHUNK)):
            if entity == "account":
                with self._context.read() as session:
                    contact_ids = session.scalars(select(Contact.id).where(
                        Contact.account_id.in_(chunk), Contact.deleted_at.is_(None))).all()
            else:
                contact_ids = chunk
            added += self.add_members(campaign_id, contact_ids=contact_ids)
            read += len(chunk)
            if progress is not None and not progress(read):
                break
        return added

    def add_members_by_email(self, campaign_id: str, addresses: Iterable[str]) -> EmailImport:
        """Members from a list of e-mail addresses (a CSV import): each address adds the
        contacts that have it, else the leads that have it."""
        invalid: list[str] = []
        wanted: dict[str, None] = {}
        for raw in addresses:
            if not raw.strip():
                continue
            try:
                wanted.setdefault(normalize_email(raw))
            except ValidationError:
                invalid.append(raw.strip())
        contact_ids: list[str] = []
        lead_ids: list[str] = []
        matched: set[str] = set()
        emails = list(wanted)
        with self._context.read() as session:
            for start in range(0, len(emails), CHUNK):
                chunk = emails[start:start + CHUNK]
                for row in session.execute(
                        select(ContactPointIndex.contact_id, ContactPointIndex.value)
                        .join(Contact, Contact.id == ContactPointIndex.contact_id)
                        .where(ContactPointIndex.kind == "email",
                               ContactPointIndex.value.in_(chunk),
                               Contact.deleted_at.is_(None))):
                    contact_ids.append(row.contact_id)
                    matched.add(row.value)
                rest = [email for email in chunk if email not in matched]
                for row in session.execute(select(Lead.id, Lead.email).where(
                        Lead.email.in_(rest), Lead.deleted_at.is_(None))):
                    lead_ids.append(row.id)
                    matched.add(row.email)
        added = self.add_members(campaign_id, contact_ids=contact_ids, lead_ids=lead_ids)
        unique_people = len(set(contact_ids)) + len(set(lead_ids))
        return EmailImport(added, unique_people - added,
                           tuple(email for email in emails if email not in matched),
                           tuple(invalid))

    def member_count(self, campaign_id: str) -> int:
        with self._context.read() as session:
            return _member_count(session, campaign_id)

    def members(self, campaign_id: str, limit: int = 10_000) -> list[MemberRow]:
        with self._context.read() as session:
            rows = session.execute(
                select(CampaignMember, Contact.display_name, Contact.primary_email,
                       Contact.email_opt_out, Contact.email_bounced_at,
                       Lead.display_name.label("lead_name"), Lead.email.label("lead_email"))
                .outerjoin(Contact, Contact.id == CampaignMember.contact_id)
                .outerjoin(Lead, Lead.id == CampaignMember.lead_id)
                .where(CampaignMember.campaign_id == campaign_id,
                       CampaignMember.deleted_at.is_(None),
                       # a contact merged away or deleted is not shown (nor mailed)
                       Contact.deleted_at.is_(None), Lead.deleted_at.is_(None))
                .order_by(CampaignMember.pk).limit(limit)).all()
        found = []
        for row in rows:
            member: CampaignMember = row[0]
            if member.contact_id is not None:
                found.append(MemberRow(member.id, "contact", member.contact_id,
                                       row.display_name or "", row.primary_email or "",
                                       member.status,
                                       bool(row.email_opt_out) or row.email_bounced_at
                                       is not None))
            else:
                found.append(MemberRow(member.id, "lead", member.lead_id or "",
                                       row.lead_name or "", row.lead_email or "",
                                       member.status, False))
        return found

    def set_member_status(self, member_ids: Sequence[str], status: str) -> int:
        if status not in MEMBER_STATUSES:
            raise ValidationErrors([ValidationError("status", QT_TRANSLATE_NOOP(
                "Validation", "Unknown member status: {value}"), value=status)])
        now = utc_now()
        changed = 0
        with self._context.write() as session:
            for member in session.scalars(select(CampaignMember).where(
                    CampaignMember.id.in_(list(member_ids)))):
                if member.status != status:
                    member.status = status
                    if status in RESPONDED and member.responded_at is None:
                        member.responded_at = now
                    changed += 1
            session.flush()
        return changed

    def remove_members(self, member_ids: Sequence[str]) -> None:
        with self._context.write() as session:
            for member_id in member_ids:
                _common.soft_delete(session, CampaignMember, member_id)

    # -- results --------------------------------------------------------------------------

    def results(self, campaign_id: str) -> CampaignFigures:
        """Members and responses from the membership; leads and opportunities whose source
        campaign this is; won revenue of those opportunities in the campaign's currency."""
        with self._context.read() as session:
            campaign = _common.load(session, Campaign, campaign_id, include_deleted=True)
            live = (CampaignMember.campaign_id == campaign_id,
                    CampaignMember.deleted_at.is_(None))
            members = _member_count(session, campaign_id)
            responses = session.scalar(select(func.count()).select_from(CampaignMember).where(
                *live, CampaignMember.status.in_(sorted(RESPONDED)))) or 0
            leads = session.scalar(select(func.count()).select_from(Lead).where(
                Lead.campaign_id == campaign_id, Lead.deleted_at.is_(None))) or 0
            deals = (Opportunity.campaign_id == campaign_id, Opportunity.deleted_at.is_(None))
            opportunities = session.scalar(select(func.count()).select_from(Opportunity)
                                           .where(*deals)) or 0
            won = session.execute(
                select(func.count(), func.coalesce(func.sum(Opportunity.amount_minor), 0))
                .join(PipelineStage, PipelineStage.id == Opportunity.stage_id)
                .where(*deals, PipelineStage.kind == "won",
                       Opportunity.currency == campaign.currency)).one()
            # Deals that did not come through a lead are new business as much as a lead is.
            direct = session.scalar(select(func.count()).select_from(Opportunity).where(
                *deals, Opportunity.lead_id.is_(None))) or 0
            return CampaignFigures(
                members=members, responses=int(responses), leads=int(leads) + int(direct),
                opportunities=int(opportunities), won_deals=int(won[0]),
                won_revenue=from_minor(int(won[1]), campaign.currency),
                cost=from_minor(campaign.actual_cost_minor, campaign.currency),
                currency=campaign.currency)


def move_memberships(session: Session, loser_ids: Sequence[str], survivor_id: str,
                     now: datetime) -> None:
    """A contact merge: the losers' campaign memberships move to the survivor; where the
    survivor is in that campaign already, the loser's membership is removed (soft)."""
    for member in session.scalars(select(CampaignMember).where(
            CampaignMember.contact_id.in_(list(loser_ids)),
            CampaignMember.deleted_at.is_(None))).all():
        taken = session.scalar(select(CampaignMember.id).where(
            CampaignMember.campaign_id == member.campaign_id,
            CampaignMember.contact_id == survivor_id))
        if taken is None:
            member.contact_id = survivor_id
            session.flush()
        else:
            member.deleted_at = now


def _add_chunk(session: Session, campaign_id: str, column: str, model: type,
               ids: list[str]) -> int:
    target = getattr(CampaignMember, column)
    existing = {getattr(member, column): member for member in session.scalars(
        select(CampaignMember).where(CampaignMember.campaign_id == campaign_id,
                                     target.in_(ids)))}
    live = set(session.scalars(select(model.id).where(  # type: ignore[attr-defined]
        model.id.in_(ids), model.deleted_at.is_(None))))  # type: ignore[attr-defined]
    added = 0
    for record_id in ids:
        if record_id not in live:
            continue
        member = existing.get(record_id)
        if member is None:
            session.add(CampaignMember(campaign_id=campaign_id, status="added",
                                       **{column: record_id}))
            added += 1
        elif member.deleted_at is not None:
            member.deleted_at = None
            added += 1
    session.flush()
    return added


def _member_count(session: Session, campaign_id: str) -> int:
    return int(session.scalar(select(func.count()).select_from(CampaignMember).where(
        CampaignMember.campaign_id == campaign_id, CampaignMember.deleted_at.is_(None))) or 0)


def _record(session: Session, campaign: Campaign) -> CampaignRecord:
    currency = campaign.currency
    draft = CampaignDraft(
        name=campaign.name, kind=campaign.kind, status=campaign.status,
        start_date=campaign.start_date, end_date=campaign.end_date, currency=currency,
        budget=from_minor(campaign.budget_minor, currency),
        actual_cost=from_minor(campaign.actual_cost_minor, currency),
        expected_revenue=from_minor(campaign.expected_revenue_minor, currency),
        owner_id=campaign.owner_id, notes=campaign.notes)
    return CampaignRecord(
        id=campaign.id, version=campaign.version, draft=draft,
        owner_name=_common.owner_name(session, campaign.owner_id),
        member_count=_member_count(session, campaign.id), created_at=campaign.created_at,
        updated_at=campaign.updated_at, deleted=campaign.deleted_at is not None)
