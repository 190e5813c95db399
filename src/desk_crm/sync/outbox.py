"""The outbox: records with change-log rows still ``pending``, grouped per record in the
order their first change was made. Rows the sync engine itself writes while applying pulled
data are marked ``synced`` in the same transaction (:func:`mark_mutation_synced`), so they
never travel back to the server."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desk_crm.store.changelog import MUTATION_KEY
from desk_crm.store.models import ChangeLogEntry
from desk_crm.store.quote_models import QuoteLine
from desk_crm.store.sync_models import SyncLink


@dataclass(frozen=True)
class OutboxItem:
    entity: str
    record_id: str
    first_seq: int
    last_seq: int          # rows up to here are settled by one push
    last_mutation_id: str  # idempotency key of the push


def pending(session: Session, entities: Iterable[str]) -> list[OutboxItem]:
    """Records to push, entities in the given (dependency) order, then by first change."""
    order = list(entities)
    rows = session.execute(
        select(ChangeLogEntry.entity, ChangeLogEntry.record_id,
               func.min(ChangeLogEntry.seq), func.max(ChangeLogEntry.seq))
        .where(ChangeLogEntry.sync_state == "pending", ChangeLogEntry.entity.in_(order))
        .group_by(ChangeLogEntry.entity, ChangeLogEntry.record_id)
    ).all()
    grouped: dict[tuple[str, str], tuple[int, int]] = {
        (entity, record_id): (first, last) for entity, record_id, first, last in rows}
    if "quote" in order:
        # A quote's lines are part of the quote on the server: their edits make it dirty.
        for quote_id, first, last in session.execute(
                select(QuoteLine.quote_id, func.min(ChangeLogEntry.seq),
                       func.max(ChangeLogEntry.seq))
                .join(QuoteLine, QuoteLine.id == ChangeLogEntry.record_id)
                .where(ChangeLogEntry.sync_state == "pending",
                       ChangeLogEntry.entity == "quote_line")
                .group_by(QuoteLine.quote_id)):
            known = grouped.get(("quote", quote_id))
            grouped[("quote", quote_id)] = (first, last) if known is None else (
                min(known[0], first), max(known[1], last))
    items = []
    for (entity, record_id), (first, last) in grouped.items():
        mutation = session.scalar(select(ChangeLogEntry.mutation_id)
                                  .where(ChangeLogEntry.seq == last))
        items.append(OutboxItem(entity, record_id, first, last, mutation or ""))
    seen = {(i.entity, i.record_id) for i in items}
    for link in session.scalars(select(SyncLink).where(SyncLink.force_push.is_(True),
                                                       SyncLink.entity.in_(order))):
        if (link.entity, link.record_id) not in seen:
            items.append(OutboxItem(link.entity, link.record_id, 0, 0, ""))
    items.sort(key=lambda i: (order.index(i.entity), i.first_seq))
    return items


def count_pending(session: Session, entities: Iterable[str] | None = None) -> int:
    query = select(func.count(func.distinct(ChangeLogEntry.entity + ":" +
                                            ChangeLogEntry.record_id))
                   ).where(ChangeLogEntry.sync_state == "pending")
    if entities is not None:
        query = query.where(ChangeLogEntry.entity.in_(list(entities)))
    return int(session.scalar(query) or 0)


def mark_synced(session: Session, entity: str, record_id: str, last_seq: int) -> None:
    """Settle the record's rows up to *last_seq*; later edits stay pending."""
    session.execute(update(ChangeLogEntry).where(
        ChangeLogEntry.entity == entity, ChangeLogEntry.record_id == record_id,
        ChangeLogEntry.seq <= last_seq, ChangeLogEntry.sync_state == "pending",
    ).values(sync_state="synced"))
    if entity == "quote":  # and the lines that travelled with it
        session.execute(update(ChangeLogEntry).where(
            ChangeLogEntry.entity == "quote_line",
            ChangeLogEntry.record_id.in_(select(QuoteLine.id).where(
                QuoteLine.quote_id == record_id)),
            ChangeLogEntry.seq <= last_seq, ChangeLogEntry.sync_state == "pending",
        ).values(sync_state="synced"))


def mark_mutation_synced(session: Session) -> None:
    """Inside a sync write: the rows this very mutation logged came from the server."""
    session.flush()
    context = session.info.get(MUTATION_KEY)
    if context is None:
        return
    session.execute(update(ChangeLogEntry).where(
        ChangeLogEntry.mutation_id == context.mutation_id).values(sync_state="synced"))
