"""The loyalty programme: its settings (earning rule, tiers), the points of an account or a
contact, redemptions, and the points a won deal earns.

The ledger is append-only (``points_entry``; triggers refuse UPDATE/DELETE). The balance is
checked three times: here before writing, by the domain rule, and by the insert trigger of
migration 0011, so no path can take a balance below zero.

:func:`on_stage_entered` is called by ``opportunities.apply_stage`` inside the transaction
that moves a deal: winning earns points for its account (else its contact); reopening a won
deal takes back what it earned, as far as the balance still holds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError, ValidationErrors
from desk_crm.domain.loyalty import (
    EarningRule,
    ProgrammeDraft,
    Tier,
    check_redemption,
    next_tier,
    points_for,
    tier_for,
    validate_programme,
)
from desk_crm.domain.money import from_minor
from desk_crm.domain.text import clean_text
from desk_crm.services import _common
from desk_crm.services.context import ServiceContext
from desk_crm.store.marketing_models import LoyaltyProgramme, LoyaltyTier, PointsEntry
from desk_crm.store.models import Account, Contact
from desk_crm.store.sales_models import Opportunity
from desk_crm.store.types import utc_now

HOLDERS: dict[str, type[Account] | type[Contact]] = {"account": Account, "contact": Contact}


@dataclass(frozen=True)
class LedgerEntry:
    id: str
    kind: str
    points: int
    balance_after: int
    note: str
    at: datetime


@dataclass(frozen=True)
class LoyaltyStatus:
    balance: int
    earned: int  # lifetime, decides the tier
    tier: Tier | None
    next_tier: Tier | None
    entries: tuple[LedgerEntry, ...]  # newest first


class LoyaltyService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def programme(self) -> ProgrammeDraft:
        with self._context.read() as session:
            return _programme_draft(session)

    def save_programme(self, draft: ProgrammeDraft) -> ProgrammeDraft:
        clean = validate_programme(draft)
        with self._context.write() as session:
            programme = _programme_row(session)
            if programme is None:
                programme = LoyaltyProgramme()
                session.add(programme)
            programme.name = clean.name
            programme.currency = clean.rule.currency
            programme.points_per_unit = clean.rule.points_per_unit
            programme.active = clean.active
            session.flush()
            tiers = {tier.name: tier for tier in _tier_rows(session, programme.id)}
            for tier in clean.tiers:
                row = tiers.pop(tier.name, None)
                if row is None:
                    session.add(LoyaltyTier(programme_id=programme.id, name=tier.name,
                                            threshold=tier.threshold))
                else:
                    row.threshold = tier.threshold
            for gone in tiers.values():
                gone.deleted_at = utc_now()
            session.flush()
            return _programme_draft(session)

    def status(self, holder_entity: str, holder_id: str, limit: int = 200) -> LoyaltyStatus:
        with self._context.read() as session:
            tiers = _programme_draft(session).tiers
            balance, earned = _totals(session, holder_entity, holder_id)
            rows = session.scalars(select(PointsEntry).where(
                PointsEntry.holder_entity == holder_entity, PointsEntry.holder_id == holder_id)
                .order_by(PointsEntry.pk.desc()).limit(limit))
            entries = tuple(LedgerEntry(r.id, r.kind, r.points, r.balance_after, r.note, r.at)
                            for r in rows)
            return LoyaltyStatus(balance, earned, tier_for(earned, tiers),
                                 next_tier(earned, tiers), entries)

    def tier_name(self, holder_entity: str, holder_id: str) -> str:
        with self._context.read() as session:
            tier = tier_for(_totals(session, holder_entity, holder_id)[1],
                            _programme_draft(session).tiers)
            return tier.name if tier else ""

    def holder_ids_in_tier(self, holder_entity: str, tier_name: str) -> list[str]:
        """Accounts or contacts whose lifetime points put them in *tier_name* (for a segment
        condition "loyalty tier is …"). Holders without points are in the first tier."""
        with self._context.read() as session:
            tiers = _programme_draft(session).tiers
            wanted = next((t for t in tiers if t.name == tier_name), None)
            if wanted is None:
                return []
            above = [t.threshold for t in tiers if t.threshold > wanted.threshold]
            ceiling = min(above) if above else None
            earned = func.sum(PointsEntry.points).filter(
                PointsEntry.kind.in_(("earned", "reversed")))
            rows = session.execute(select(PointsEntry.holder_id, earned).where(
                PointsEntry.holder_entity == holder_entity).group_by(PointsEntry.holder_id))
            found = [holder for holder, total in rows
                     if (total or 0) >= wanted.threshold
                     and (ceiling is None or (total or 0) < ceiling)]
            if wanted.threshold == 0:  # everyone else is in the first tier
                model = HOLDERS[holder_entity]
                with_points = select(PointsEntry.holder_id).where(
                    PointsEntry.holder_entity == holder_entity)
                found += session.scalars(select(model.id).where(
                    model.deleted_at.is_(None), model.id.not_in(with_points))).all()
            return found

    def redeem(self, holder_entity: str, holder_id: str, points: int,
               note: str = "") -> LoyaltyStatus:
        with self._context.write() as session:
            _common.load(session, HOLDERS[holder_entity], holder_id)
            balance, _earned = _totals(session, holder_entity, holder_id)
            taken = check_redemption(balance, points)
            _append(session, holder_entity, holder_id, "redeemed", -taken, note, utc_now())
        return self.status(holder_entity, holder_id)


def on_stage_entered(session: Session, opportunity: Opportunity, new_kind: str,
                     old_kind: str | None, now: datetime) -> None:
    """Points for a deal that was just won; points back when a won deal is reopened or
    lost. Net points per deal stay 0 or what one win earns, however often it moves."""
    holder = _holder_of(opportunity)
    if holder is None or new_kind == old_kind:
        return
    net = int(session.scalar(select(func.coalesce(func.sum(PointsEntry.points), 0)).where(
        PointsEntry.opportunity_id == opportunity.id)) or 0)
    if new_kind == "won" and net == 0:
        programme = _programme_row(session)
        if programme is None or not programme.active:
            return
        rule = EarningRule(programme.currency, programme.points_per_unit)
        points = points_for(from_minor(opportunity.amount_minor, opportunity.currency),
                            opportunity.currency, rule)
        if points > 0:
            _append(session, *holder, "earned", points, opportunity.name, now,
                    opportunity.id)
    elif old_kind == "won" and net > 0:
        balance, _earned = _totals(session, *holder)
        back = min(net, balance)  # what was redeemed meanwhile cannot be taken back
        if back > 0:
            _append(session, *holder, "reversed", -back, opportunity.name, now,
                    opportunity.id)


# The kind of the entry that cancels one of each kind (undo appends it: the ledger never
# changes a row). Cancelling "earned" lowers the points ever earned, as a reversal does.
COUNTER_KIND = {"earned": "reversed", "reversed": "earned", "redeemed": "adjusted",
                "adjusted": "adjusted"}


def cancel_entry(session: Session, entry: PointsEntry, now: datetime) -> None:
    """Undo of the change that wrote *entry*: a counter-entry, as far as the balance holds
    it (points redeemed since cannot be taken back)."""
    points = -entry.points
    if points < 0:
        balance, _earned = _totals(session, entry.holder_entity, entry.holder_id)
        points = -min(-points, balance)
    if points:
        _append(session, entry.holder_entity, entry.holder_id, COUNTER_KIND[entry.kind],
                points, entry.note, now, entry.opportunity_id)


def _holder_of(opportunity: Opportunity) -> tuple[str, str] | None:
    if opportunity.account_id:
        return "account", opportunity.account_id
    if opportunity.contact_id:
        return "contact", opportunity.contact_id
    return None


def _append(session: Session, holder_entity: str, holder_id: str, kind: str, points: int,
            note: str, at: datetime, opportunity_id: str | None = None) -> None:
    balance, _earned = _totals(session, holder_entity, holder_id)
    if balance + points < 0:  # the trigger would refuse it too; say it in the user's words
        raise ValidationErrors([ValidationError("points", QT_TRANSLATE_NOOP(
            "Validation", "Only {balance} points are available"), balance=balance)])
    session.add(PointsEntry(holder_entity=holder_entity, holder_id=holder_id, kind=kind,
                            points=points, balance_after=balance + points,
                            note=clean_text(note)[:400], at=at,
                            opportunity_id=opportunity_id))
    session.flush()


def _totals(session: Session, holder_entity: str, holder_id: str) -> tuple[int, int]:
    """(balance, points ever earned) of a holder."""
    row = session.execute(select(
        func.coalesce(func.sum(PointsEntry.points), 0),
        func.coalesce(func.sum(PointsEntry.points).filter(PointsEntry.kind == "earned"), 0),
        func.coalesce(func.sum(PointsEntry.points).filter(PointsEntry.kind == "reversed"), 0))
        .where(PointsEntry.holder_entity == holder_entity,
               PointsEntry.holder_id == holder_id)).one()
    return int(row[0]), int(row[1]) + int(row[2])


def _programme_row(session: Session) -> LoyaltyProgramme | None:
    return session.scalars(select(LoyaltyProgramme).where(
        LoyaltyProgramme.deleted_at.is_(None)).order_by(LoyaltyProgramme.pk).limit(1)).first()


def _tier_rows(session: Session, programme_id: str) -> list[LoyaltyTier]:
    return list(session.scalars(select(LoyaltyTier).where(
        LoyaltyTier.programme_id == programme_id, LoyaltyTier.deleted_at.is_(None))
        .order_by(LoyaltyTier.threshold)))


def programme_tiers(session: Session) -> tuple[Tier, ...]:
    """The programme's tiers (none without a programme), for segment conditions."""
    return _programme_draft(session).tiers


def _programme_draft(session: Session) -> ProgrammeDraft:
    programme = _programme_row(session)
    if programme is None:
        return ProgrammeDraft(active=False)
    tiers = tuple(Tier(row.name, row.threshold) for row in _tier_rows(session, programme.id))
    return ProgrammeDraft(programme.name, EarningRule(programme.currency,
                                                     programme.points_per_unit),
                          tiers, programme.active)
