"""Per-customer insight: RFM, ABC class, lifecycle stage, lifetime value and churn risk of
accounts, the "customers at risk" list, and the retention task.

Orders (domain/orders.py) are read by one UNION query; the per-account signals (open
tickets, breaches, CSAT, last activity) by GROUP BY queries. Everything is computed for
all customers at once — quintiles need every customer — which takes a fraction of a
second at 50k accounts; callers run it in a worker.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desk_crm.domain.abc import AbcRow, abc_classes
from desk_crm.domain.activities import ActivityDraft
from desk_crm.domain.churn import (
    HIGH_RISK,
    QUIET_HORIZON_DAYS,
    ChurnRisk,
    Signals,
    churn_risk,
    score_at_most,
)
from desk_crm.domain.clv import Clv, clv_of
from desk_crm.domain.lifecycle import Lifecycle, lifecycle_of
from desk_crm.domain.money import from_minor
from desk_crm.domain.orders import Order, by_customer, main_currency
from desk_crm.domain.rfm import Rfm, rfm_table
from desk_crm.services.activities import ActivityService
from desk_crm.services.activity_records import ActivityRecord
from desk_crm.services.context import ServiceContext
from desk_crm.store.types import format_utc

# Won opportunities; accepted quotes of opportunities not won; contracts made without an
# opportunity. One deal is one order (see domain/orders.py).
# {key} is account_id (customers are accounts) or contact_id (a private customer: a
# contact without an account, whose records have no account either).
ORDERS_SQL = """
SELECT o.{key} AS customer, COALESCE(o.close_date, substr(o.closed_at, 1, 10)) AS day,
       o.amount_minor AS minor, o.currency
FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id
WHERE o.deleted_at IS NULL AND s.kind = 'won' AND o.{key} IS NOT NULL {account}
UNION ALL
SELECT q.{key}, q.issue_date, q.total_minor, q.currency
FROM quote q JOIN opportunity o ON o.id = q.opportunity_id
JOIN pipeline_stage s ON s.id = o.stage_id
WHERE q.deleted_at IS NULL AND q.status = 'accepted' AND q.superseded = 0
  AND s.kind != 'won' AND q.{key} IS NOT NULL {quote_account}
UNION ALL
SELECT c.{key}, c.start_date, c.value_minor, c.currency FROM contract c
WHERE c.deleted_at IS NULL AND c.opportunity_id IS NULL AND c.{key} IS NOT NULL
  AND c.status != 'draft' {contract_account}
"""


@dataclass(frozen=True)
class CustomerInsight:
    account_id: str
    name: str
    currency: str
    orders: int
    last_order: date | None
    rfm: Rfm | None
    abc: AbcRow | None
    lifecycle: Lifecycle
    clv: Clv
    churn: ChurnRisk | None


@dataclass(frozen=True)
class Population:
    """Everything computed over all customers, from which one account's figures are read."""

    today: date
    currency: str
    histories: dict[str, list[Order]]
    rfm: dict[str, Rfm]
    abc: dict[str, AbcRow]
    abc_rows: tuple[AbcRow, ...]


@dataclass(frozen=True)
class _Risky:
    score: int
    name: str
    account_id: str
    owner_id: str | None
    signals: Signals


@dataclass(frozen=True)
class _Scored:
    """The at-risk list's scores of one day and data version, for thresholds >= minimum."""

    minimum: int
    population: Population
    until: dict[str, date]
    rows: tuple[_Risky, ...]


class CustomerInsightService:
    def __init__(self, context: ServiceContext, activities: ActivityService) -> None:
        self._context = context
        self._activities = activities
        # The at-risk list of every owner and threshold, kept per (day, last change-log
        # entry): changing the threshold or the owner, or coming back to the page, reads
        # one number instead of every customer's history.
        self._risk_lock = threading.Lock()
        self._risk_cache: dict[tuple[date, int], _Scored] = {}

    # -- reading --------------------------------------------------------------------------

    def orders(self, session: Session, account_id: str | None = None) -> list[Order]:
        one = account_id is not None
        sql = ORDERS_SQL.format(key="account_id",
                                account="AND o.account_id = :a" if one else "",
                                quote_account="AND q.account_id = :a" if one else "",
                                contract_account="AND c.account_id = :a" if one else "")
        # Plain tuples and one parse per distinct day: at 200k opportunities the per-row
        # attribute look-ups and date parsing were most of the read (3.2 s -> see
        # bench/RESULTS.md, "customers at risk").
        days: dict[str, date] = {}
        found = []
        for customer, day, minor, currency in session.execute(text(sql), {"a": account_id}):
            if day:
                parsed = days.get(day)
                if parsed is None:
                    parsed = days[day] = date.fromisoformat(day)
                found.append(Order(customer, parsed, from_minor(int(minor), currency),
                                   currency))
        return found

    def population(self, today: date | None = None, abc_days: int = 365) -> Population:
        """RFM and ABC of every customer; ABC over the orders of the last *abc_days*."""
        today = today or date.today()
        with self._context.read() as session:
            orders = self.orders(session)
        currency = main_currency(orders)
        histories = by_customer(orders)
        since = today - timedelta(days=abc_days)
        revenue: dict[str, Decimal] = {}
        for order in orders:
            if order.currency == currency and since < order.day <= today:
                revenue[order.customer_id] = revenue.get(order.customer_id,
                                                         Decimal(0)) + order.amount
        abc_rows = tuple(abc_classes(revenue))
        return Population(today, currency, histories, rfm_table(histories, today, currency),
                          {row.customer_id: row for row in abc_rows}, abc_rows)

    def signals(self, session: Session, today: date, account_id: str | None = None
                ) -> dict[str, Signals]:
        one = "AND k.account_id = :a" if account_id else ""
        breach_since = format_utc(datetime.combine(today - timedelta(days=90), time(), UTC))
        found: dict[str, dict[str, Any]] = {}
        for row in session.execute(text(
                "SELECT k.account_id AS a, SUM(k.status NOT IN ('resolved', 'closed')) AS open,"
                " SUM(COALESCE(k.resolution_breached_at, k.first_response_breached_at) "
                ">= :since) AS breaches, AVG(k.csat_score) AS csat FROM ticket k "
                f"WHERE k.deleted_at IS NULL AND k.account_id IS NOT NULL {one} "
                "GROUP BY k.account_id"), {"a": account_id, "since": breach_since}).tuples():
            key, open_tickets, breaches, csat = row
            found[key] = {"open_tickets": int(open_tickets or 0),
                          "recent_breaches": int(breaches or 0),
                          "csat": None if csat is None
                          else Decimal(str(csat)).quantize(Decimal("0.01"))}
        # Activities on the account itself or on one of its contacts, in the last
        # QUIET_HORIZON_DAYS only (older ones score the same as none; skipping them spares
        # most of the contact look-ups: 4 s -> see bench/dashboard.py at 500k activities).
        # "+t.account_id": not by the account index (half the table has none) but by
        # ix_activity_seen, the range of the last QUIET_HORIZON_DAYS (migration 0024).
        one = "WHERE x.a = :a" if account_id else ""
        day = "COALESCE(t.done_at, t.due_at, t.created_at)"
        quiet_since = format_utc(datetime.combine(
            today - timedelta(days=QUIET_HORIZON_DAYS), time(), UTC))
        for row in session.execute(text(
                f"SELECT x.a, MAX(x.day) AS day FROM (SELECT t.account_id AS a, "
                f"substr({day}, 1, 10) AS day FROM activity t WHERE t.deleted_at IS NULL "
                f"AND +t.account_id IS NOT NULL AND {day} >= :quiet UNION ALL "
                f"SELECT c.account_id, substr({day}, 1, 10) FROM activity t JOIN contact c "
                f"ON c.id = t.contact_id WHERE t.deleted_at IS NULL AND +t.account_id IS NULL "
                f"AND {day} >= :quiet AND c.account_id IS NOT NULL) x {one} GROUP BY x.a"),
                {"a": account_id, "quiet": quiet_since}).tuples():
            key, day_text = row
            seen_on = date.fromisoformat(day_text)
            # Future due dates are plans, not contact: count them as today at most.
            found.setdefault(key, {})["last_activity"] = min(seen_on, today)
        return {key: Signals(**values) for key, values in found.items()}

    def _contracts_until(self, session: Session, today: date) -> dict[str, date]:
        return {row.a: date.fromisoformat(row.until) for row in session.execute(text(
            "SELECT account_id AS a, MAX(end_date) AS until FROM contract WHERE "
            "deleted_at IS NULL AND status = 'active' AND start_date <= :today "
            "AND end_date >= :today AND account_id IS NOT NULL GROUP BY account_id"),
            {"today": today.isoformat()})}

    def account(self, account_id: str, population: Population | None = None
                ) -> CustomerInsight:
        """The insight panel of one account."""
        population = population or self.population()
        today = population.today
        with self._context.read() as session:
            name = session.execute(text("SELECT name FROM account WHERE id = :a"),
                                   {"a": account_id}).scalar() or ""
            signals = self.signals(session, today, account_id).get(account_id, Signals())
            until = self._contracts_until(session, today).get(account_id)
        return self._insight(account_id, name, population, signals, until)

    def _insight(self, account_id: str, name: str, population: Population,
                 signals: Signals, until: date | None) -> CustomerInsight:
        history = population.histories.get(account_id, [])
        today, currency = population.today, population.currency
        risk = churn_risk(history, signals, today, currency)
        lifecycle = lifecycle_of(history, today, until)
        return CustomerInsight(
            account_id, name, currency, len(history),
            max((order.day for order in history), default=None),
            population.rfm.get(account_id), population.abc.get(account_id), lifecycle,
            clv_of(history, today, currency, risk.score if risk else None,
                   churned=lifecycle.stage == "churned"), risk)

    def contact_lifecycle(self, contact_id: str, today: date | None = None
                          ) -> tuple[Lifecycle, str]:
        """A contact's stage: its account's (and the account's name), or for a contact
        without an account its own, from the records linked to it alone."""
        today = today or date.today()
        with self._context.read() as session:
            account = session.execute(text(
                "SELECT a.id, a.name FROM contact c JOIN account a ON a.id = c.account_id "
                "WHERE c.id = :c"), {"c": contact_id}).first()
            if account is None:
                sql = ORDERS_SQL.format(
                    key="contact_id", account="AND o.contact_id = :c AND o.account_id IS NULL",
                    quote_account="AND q.contact_id = :c AND q.account_id IS NULL",
                    contract_account="AND c.contact_id = :c AND c.account_id IS NULL")
                history = sorted((Order(contact_id, date.fromisoformat(row.day),
                                        from_minor(int(row.minor), row.currency), row.currency)
                                  for row in session.execute(text(sql), {"c": contact_id})
                                  if row.day), key=lambda order: order.day)
                return lifecycle_of(history, today), ""
            history = sorted(self.orders(session, account.id), key=lambda order: order.day)
            until = self._contracts_until(session, today).get(account.id)
        return lifecycle_of(history, today, until), account.name

    def at_risk(self, minimum: int = HIGH_RISK, owner_id: str | None = None,
                population: Population | None = None, limit: int = 1000
                ) -> list[CustomerInsight]:
        """Customers whose churn risk is at least *minimum*, riskiest first.

        Without a *population* (the at-risk page) every customer's score is computed once
        per day and data version (the last change-log entry) and reused for any threshold
        and owner; RFM and ABC are not read (the list does not show them), and lifecycle
        and lifetime value are worked out only for the rows returned."""
        if population is None:
            today = date.today()
            with self._context.read() as session:
                key = (today, int(session.execute(text(
                    "SELECT COALESCE(MAX(seq), 0) FROM change_log")).scalar_one()))
            with self._risk_lock:
                cached = self._risk_cache.get(key)
            if cached is None or cached.minimum > minimum:
                with self._context.read() as session:
                    orders = self.orders(session)
                population = Population(today, main_currency(orders), by_customer(orders),
                                        {}, {}, ())
                cached = self._scored(population, minimum)
                with self._risk_lock:
                    self._risk_cache = {key: cached}
        else:
            cached = self._scored(population, minimum)
        found = []
        for row in cached.rows:
            if row.score < minimum or (owner_id and row.owner_id != owner_id):
                continue
            found.append(self._insight(row.account_id, row.name, cached.population,
                                       row.signals, cached.until.get(row.account_id)))
            if len(found) >= limit:
                break
        return found

    def _scored(self, population: Population, minimum: int) -> _Scored:
        """Every customer scoring at least *minimum*, riskiest first; the exact score
        only where :func:`churn.score_at_most` reaches *minimum*."""
        today = population.today
        with self._context.read() as session:
            signals = self.signals(session, today)
            until = self._contracts_until(session, today)
            names = {key: (name, owner) for key, name, owner in session.execute(text(
                "SELECT id, name, owner_id FROM account WHERE deleted_at IS NULL")).tuples()}
        rows = []
        nothing = Signals()
        for account_id, history in population.histories.items():
            if account_id not in names:
                continue
            account_signals = signals.get(account_id, nothing)
            if score_at_most(history, account_signals, today) < minimum:
                continue
            risk = churn_risk(history, account_signals, today, population.currency)
            if risk is not None and risk.score >= minimum:
                name, owner = names[account_id]
                rows.append(_Risky(risk.score, name, account_id, owner, account_signals))
        rows.sort(key=lambda row: (-row.score, row.name))
        return _Scored(minimum, population, until, tuple(rows))

    # -- writing --------------------------------------------------------------------------

    def retention_task(self, account_id: str, subject: str, notes: str = "",
                       owner_id: str | None = None, due: datetime | None = None
                       ) -> ActivityRecord:
        """A task on the account (through ActivityService: validated, logged, undoable);
        the owner defaults to the account's owner, the due time to two days from now."""
        with self._context.read() as session:
            account_owner = session.execute(text("SELECT owner_id FROM account WHERE id = :a"),
                                            {"a": account_id}).scalar()
        due = due or (datetime.now(UTC) + timedelta(days=2)).replace(minute=0, second=0,
                                                                     microsecond=0)
        return self._activities.save(ActivityDraft(
            kind="task", subject=subject, notes=notes, due_at=due,
            owner_id=owner_id or account_owner, account_id=account_id))


def reasons_text(risk: ChurnRisk | None, count: int = 3) -> Sequence[str]:
    return [reason.explanation for reason in risk.top(count)] if risk else []
