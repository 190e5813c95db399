"""Performance reports over a period: sales reps (won amount, win rate, cycle length,
activities done) and lead sources (leads → opportunities → won). Aggregated in SQL; the
service quality report is services/service_report.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time
from decimal import Decimal

from sqlalchemy import text

from desk_crm.domain.forecast import Period
from desk_crm.domain.funnel import percent
from desk_crm.domain.money import from_minor
from desk_crm.services.context import ServiceContext
from desk_crm.services.insight import STARTED
from desk_crm.store.types import format_utc

_DAY = "COALESCE(o.close_date, substr(o.closed_at, 1, 10))"


@dataclass(frozen=True)
class RepRow:
    owner: str  # "" for no owner
    won: int
    lost: int
    won_amount: Decimal
    cycle_days: Decimal | None
    activities_done: int

    @property
    def win_rate(self) -> Decimal | None:
        return percent(self.won, self.won + self.lost)


@dataclass(frozen=True)
class SourceRow:
    source: str  # "" for no source
    leads: int
    converted: int
    opportunities: int
    won: int
    won_amount: Decimal

    @property
    def conversion(self) -> Decimal | None:
        return percent(self.won, self.leads)


@dataclass(frozen=True)
class PerformanceReport:
    period: Period
    currency: str
    reps: tuple[RepRow, ...]
    sources: tuple[SourceRow, ...]


class PerformanceService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def report(self, period: Period, currency: str | None = None) -> PerformanceReport:
        """*currency* None: the most common currency of the opportunities closing then."""
        if currency is None:
            with self._context.read() as session:
                currency = session.execute(text(
                    f"SELECT o.currency FROM opportunity o WHERE o.deleted_at IS NULL AND "
                    f"{_DAY} >= :start AND {_DAY} < :end GROUP BY o.currency "
                    "ORDER BY COUNT(*) DESC, o.currency LIMIT 1"),
                    {"start": period.first.isoformat(), "end": period.end.isoformat()}
                ).scalar() or "CNY"
        params = {"start": period.first.isoformat(), "end": period.end.isoformat(),
                  "currency": currency,
                  "start_at": format_utc(datetime.combine(period.first, time(), UTC)),
                  "end_at": format_utc(datetime.combine(period.end, time(), UTC))}
        with self._context.read() as session:
            done = {row.owner_id: int(row.n) for row in session.execute(text(
                "SELECT t.owner_id, COUNT(*) AS n FROM activity t WHERE t.deleted_at IS NULL"
                " AND t.done_at >= :start_at AND t.done_at < :end_at GROUP BY t.owner_id"),
                params)}
            names = dict(session.execute(text("SELECT id, name FROM app_user")).tuples().all())
            reps = []
            seen = set()
            for row in session.execute(text(
                    "SELECT o.owner_id, SUM(s.kind = 'won') AS won, SUM(s.kind = 'lost') AS lost,"
                    " SUM(CASE WHEN s.kind = 'won' AND o.currency = :currency THEN "
                    "o.amount_minor END) AS amount, SUM(CASE WHEN s.kind = 'won' THEN "
                    f"CAST(julianday({_DAY}) - julianday(substr({STARTED}, 1, 10)) "
                    "AS INTEGER) END) AS days FROM opportunity o JOIN pipeline_stage s ON "
                    f"s.id = o.stage_id WHERE o.deleted_at IS NULL AND s.kind != 'open' AND "
                    f"{_DAY} >= :start AND {_DAY} < :end GROUP BY o.owner_id"), params):
                won = int(row.won or 0)
                seen.add(row.owner_id)
                reps.append(RepRow(
                    names.get(row.owner_id, "") if row.owner_id else "", won,
                    int(row.lost or 0), from_minor(int(row.amount or 0), currency),
                    (Decimal(max(int(row.days or 0), 0)) / won).quantize(Decimal("0.1"))
                    if won else None, done.get(row.owner_id, 0)))
            for owner_id, count in done.items():
                if owner_id not in seen:
                    reps.append(RepRow(names.get(owner_id, "") if owner_id else "", 0, 0,
                                       Decimal(0), None, count))
            reps.sort(key=lambda rep: (-rep.won_amount, -rep.won, rep.owner))
            sources = [SourceRow(row.source or "", int(row.leads), int(row.converted or 0),
                                 int(row.opportunities or 0), int(row.won or 0),
                                 from_minor(int(row.amount or 0), currency))
                       for row in session.execute(text(
                           "SELECT l.source, COUNT(*) AS leads, SUM(l.converted_at IS NOT NULL)"
                           " AS converted, COUNT(o.id) AS opportunities, SUM(s.kind = 'won') "
                           "AS won, SUM(CASE WHEN s.kind = 'won' AND o.currency = :currency "
                           "THEN o.amount_minor END) AS amount FROM lead l LEFT JOIN "
                           "opportunity o ON o.lead_id = l.id AND o.deleted_at IS NULL "
                           "LEFT JOIN pipeline_stage s ON s.id = o.stage_id WHERE "
                           "l.deleted_at IS NULL AND l.created_at >= :start_at AND "
                           "l.created_at < :end_at GROUP BY l.source ORDER BY leads DESC, "
                           "l.source"), params)]
        return PerformanceReport(period, currency, tuple(reps), tuple(sources))
