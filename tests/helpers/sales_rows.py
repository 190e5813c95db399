"""Pipeline stages, opportunities and activities written straight through the ORM inside
``ServiceContext.write()`` (so the change log and search index stay right): board and
forecast tests need exact rows, not whatever a service's defaults would make."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from desk_crm.services.bundle import Services
from desk_crm.store.models import Account
from desk_crm.store.sales_models import Activity, Opportunity, PipelineStage

STAGES = (("Prospecting", "10", "open"), ("Proposal", "50", "open"),
          ("Negotiation", "80", "open"), ("Won", "100", "won"), ("Lost", "0", "lost"))


def add_stages(services: Services) -> dict[str, str]:
    """The five stages above; name -> id."""
    ids = {}
    with services.context.write() as session:
        for position, (name, probability, kind) in enumerate(STAGES):
            stage = PipelineStage(name=name, position=position, probability=Decimal(probability),
                                  kind=kind, active=True)
            session.add(stage)
            session.flush()
            ids[name] = stage.id
    return ids


def add_account(services: Services, name: str) -> str:
    with services.context.write() as session:
        account = Account(name=name, name_sort=name.lower())
        session.add(account)
        session.flush()
        return account.id


def add_opportunity(services: Services, stage_id: str, name: str, amount_minor: int,
                    currency: str = "CNY", close_date: date | None = None,
                    owner_id: str | None = None, account_id: str | None = None,
                    probability: Decimal | None = None) -> str:
    with services.context.write() as session:
        opportunity = Opportunity(name=name, name_sort=name.lower(), stage_id=stage_id,
                                  amount_minor=amount_minor, currency=currency,
                                  close_date=close_date, owner_id=owner_id,
                                  account_id=account_id, probability=probability)
        session.add(opportunity)
        session.flush()
        return opportunity.id


def add_activity(services: Services, opportunity_id: str, subject: str = "Call",
                 done: bool = False, deleted: bool = False) -> str:
    now = datetime.now(UTC)
    with services.context.write() as session:
        activity = Activity(subject=subject, opportunity_id=opportunity_id,
                            done_at=now if done else None, deleted_at=now if deleted else None)
        session.add(activity)
        session.flush()
        return activity.id
