"""Fitted customer models over the local history: BG/NBD + Gamma-Gamma lifetime value
(domain/clv_models.py) and churn / purchase propensity (domain/propensity.py).

The order history is the one of customer insight (won opportunities, accepted quotes,
contracts without an opportunity: ``customer_insight.ORDERS_SQL``); activities (on the
account or one of its contacts), tickets with CSAT and SLA breaches, campaign responses
of its contacts and the account's declared number/checkbox/picklist fields are read by
one SQL query each into columns. Fits are kept per (day, last change-log entry), so the
account view and the at-risk list reuse them until something is written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import text
from sqlalchemy.orm import Session

from desk_crm.domain.fields import FieldDef, FieldType
from desk_crm.domain.orders import Order, by_customer, main_currency
from desk_crm.domain.propensity import CHURN, EPOCH, PURCHASE, Events, FittedPropensity, train
from desk_crm.services.context import ServiceContext
from desk_crm.services.custom_fields import CustomFieldService
from desk_crm.services.customer_insight import CustomerInsightService

if TYPE_CHECKING:
    from desk_crm.domain.clv_models import ClvFit

NUMERIC = (FieldType.INTEGER, FieldType.DECIMAL, FieldType.CHECKBOX)
_JULIAN_EPOCH = 2440587.5  # julianday('1970-01-01')


@dataclass(frozen=True)
class Models:
    today: date
    currency: str
    clv: ClvFit | None  # None: too little data, the formula (domain/clv.py) is shown
    churn: FittedPropensity | None  # None: the rule-based score (domain/churn.py) is shown
    purchase: FittedPropensity | None
    customers: int
    # Chinese titles of the declared fields used as features (custom fields carry their
    # own); the UI picks them in a Chinese window.
    titles_zh: dict[str, str] = field(default_factory=dict)


def _days(column: str) -> str:
    return f"CAST(julianday(substr({column}, 1, 10)) - {_JULIAN_EPOCH} AS INTEGER)"


class AnalyticsService:
    def __init__(self, context: ServiceContext, customers: CustomerInsightService,
                 fields: CustomFieldService) -> None:
        self._context = context
        self._customers = customers
        self._fields = fields
        self._lock = threading.Lock()
        self._cache: dict[tuple[date, int], Models] = {}

    def _stamp(self, session: Session) -> int:
        return int(session.execute(text("SELECT COALESCE(MAX(seq), 0) FROM change_log"))
                   .scalar_one())

    def cached(self, today: date | None = None) -> Models | None:
        """The models already fitted for *today* and the current data, if any."""
        today = today or date.today()
        with self._context.read() as session:
            return self._cache.get((today, self._stamp(session)))

    def models(self, today: date | None = None,
               progress: Callable[[int, int], None] | None = None) -> Models:
        """Fit (or reuse) every model; *progress(done, total)* after each step."""
        today = today or date.today()
        with self._context.read() as session:
            key = (today, self._stamp(session))
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        step = progress or (lambda _done, _total: None)
        with self._context.read() as session:
            orders = [order for order in self._customers.orders(session)
                      if order.day <= today]
            events = self.events(session, orders)
            titles_zh = self._titles_zh(session)
        step(1, 4)
        currency = main_currency(orders)
        histories = by_customer(orders)
        # SciPy is imported by the first fit, not at start (~0.5 s and 35 MB of every start).
        from desk_crm.domain.clv_models import fit_clv

        clv = fit_clv(histories, today, currency) if currency else None
        step(2, 4)
        churn = train(events, today, CHURN)
        step(3, 4)
        purchase = train(events, today, PURCHASE)
        step(4, 4)
        found = Models(today, currency, clv, churn, purchase, len(events.customers),
                       titles_zh)
        with self._lock:
            self._cache = {key: found}
        return found

    # -- reading the history into columns ---------------------------------------------------

    def events(self, session: Session, orders: list[Order]) -> Events:
        customers = tuple(row[0] for row in session.execute(text(
            "SELECT id FROM account WHERE deleted_at IS NULL ORDER BY id")))
        index = {key: i for i, key in enumerate(customers)}
        currency = main_currency(orders)
        kept = [o for o in orders if o.customer_id in index]
        order_customer = np.array([index[o.customer_id] for o in kept], np.int64)
        order_day = np.array([(o.day - EPOCH).days for o in kept], np.int64)
        order_amount = np.array([float(o.amount) if o.currency == currency else 0.0
                                 for o in kept], np.float64)

        def pairs(sql: str, extra: int = 0) -> list[np.ndarray[Any, Any]]:
            rows = [row for row in session.execute(text(sql)) if row[0] in index]
            columns: list[np.ndarray[Any, Any]] = [
                np.array([index[row[0]] for row in rows], np.int64),
                np.array([row[1] for row in rows], np.int64)]
            for position in range(2, 2 + extra):
                columns.append(np.array([np.nan if row[position] is None else
                                         float(row[position]) for row in rows], np.float64))
            return columns

        day = "COALESCE(t.done_at, t.due_at, t.created_at)"
        activity_customer, activity_day = pairs(
            f"SELECT t.account_id, {_days(day)} FROM activity t WHERE t.deleted_at IS NULL "
            f"AND t.account_id IS NOT NULL UNION ALL SELECT c.account_id, {_days(day)} "
            "FROM activity t JOIN contact c ON c.id = t.contact_id WHERE t.deleted_at IS "
            "NULL AND t.account_id IS NULL AND c.account_id IS NOT NULL")
        ticket_customer, ticket_day, ticket_csat, ticket_breached = pairs(
            f"SELECT k.account_id, {_days('k.created_at')}, k.csat_score, "
            "COALESCE(k.resolution_breached_at, k.first_response_breached_at) IS NOT NULL "
            "FROM ticket k WHERE k.deleted_at IS NULL AND k.account_id IS NOT NULL", 2)
        response_customer, response_day = pairs(
            f"SELECT c.account_id, {_days('m.responded_at')} FROM campaign_member m "
            "JOIN contact c ON c.id = m.contact_id WHERE m.deleted_at IS NULL AND "
            "m.responded_at IS NOT NULL AND c.account_id IS NOT NULL")
        return Events(customers, order_customer, order_day, order_amount,
                      activity_customer, activity_day, ticket_customer, ticket_day,
                      ticket_csat, ticket_breached, response_customer, response_day,
                      self._static(session, customers))

    @staticmethod
    def _titles_zh(session: Session) -> dict[str, str]:
        found: dict[str, str] = {}
        for definition in CustomFieldService.definitions_in(session, "account"):
            title = definition.title_zh or definition.title
            found[f"custom.{definition.key}"] = title
            for choice in definition.choices:
                found[f"custom.{definition.key}.{choice.key}"] = (
                    f"{title}：{choice.title_zh or choice.title}")
        return found

    def _static(self, session: Session, customers: tuple[str, ...]
                ) -> dict[str, tuple[str, np.ndarray[Any, Any]]]:
        """The account's declared number, checkbox and picklist fields as columns."""
        definitions: tuple[FieldDef, ...] = CustomFieldService.definitions_in(
            session, "account")
        usable = [f for f in definitions if f.type in NUMERIC or f.type is FieldType.PICKLIST]
        if not usable:
            return {}
        selects = ", ".join(
            f"json_extract(custom, '$.\"{f.key}\"')" for f in usable)
        values: dict[str, list[Any]] = {
            row[0]: list(row[1:]) for row in session.execute(text(
                f"SELECT id, {selects} FROM account WHERE deleted_at IS NULL"))}
        found: dict[str, tuple[str, np.ndarray[Any, Any]]] = {}
        for position, definition in enumerate(usable):
            raw = [values.get(key, [None] * len(usable))[position] for key in customers]
            if definition.type is FieldType.PICKLIST:
                for choice in definition.choices:
                    found[f"custom.{definition.key}.{choice.key}"] = (
                        f"{definition.title}: {choice.title}",
                        np.array([1.0 if value == choice.key else 0.0 for value in raw]))
                continue
            column = []
            for value in raw:
                try:
                    column.append(float(value) if value is not None else np.nan)
                except (TypeError, ValueError):
                    column.append(np.nan)
            found[f"custom.{definition.key}"] = (definition.title, np.array(column))
        return found


__all__ = ["PURCHASE", "AnalyticsService", "Models"]
