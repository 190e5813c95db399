"""The forecast report: one query for the period's opportunities, the sums in domain/forecast.

Bucketing uses the close date; a won opportunity without one falls back to the UTC date it
was closed. Lost stages are filtered out in SQL since they contribute nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import text

from desk_crm.domain.forecast import (
    COMMIT_PROBABILITY,
    ForecastReport,
    ForecastRow,
    Period,
    build_forecast,
)
from desk_crm.domain.money import from_minor
from desk_crm.domain.pipeline import effective_probability
from desk_crm.services.context import ServiceContext

_ROWS_SQL = """
SELECT COALESCE(o.close_date, substr(o.closed_at, 1, 10)) AS day,
       COALESCE(u.name, '') AS owner, o.amount_minor, o.currency,
       o.probability AS override, s.probability AS stage_probability, s.kind
FROM opportunity o
JOIN pipeline_stage s ON s.id = o.stage_id
LEFT JOIN app_user u ON u.id = o.owner_id
WHERE o.deleted_at IS NULL AND s.kind != 'lost'
  AND COALESCE(o.close_date, substr(o.closed_at, 1, 10)) >= :start
  AND COALESCE(o.close_date, substr(o.closed_at, 1, 10)) < :end
"""


@dataclass(frozen=True)
class ForecastQuery:
    period: Period
    currency: str | None = None  # None: the most common currency of the period
    owner_id: str | None = None
    commit_probability: Decimal = COMMIT_PROBABILITY


class ForecastService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def rows(self, period: Period, owner_id: str | None = None) -> list[ForecastRow]:
        sql = _ROWS_SQL + (" AND o.owner_id = :owner_id" if owner_id else "")
        params = {"start": period.first.isoformat(), "end": period.end.isoformat(),
                  "owner_id": owner_id}
        with self._context.read() as session:
            result = session.execute(text(sql), params).all()
        rows = []
        for day, owner, amount_minor, currency, override, stage_probability, kind in result:
            probability = effective_probability(
                Decimal(stage_probability),
                None if override is None else Decimal(override))
            rows.append(ForecastRow(date.fromisoformat(day), owner,
                                    from_minor(int(amount_minor), currency), currency,
                                    probability, kind))
        return rows

    def report(self, query: ForecastQuery) -> ForecastReport:
        rows = self.rows(query.period, query.owner_id)
        return build_forecast(rows, query.period, query.currency, query.commit_probability)
