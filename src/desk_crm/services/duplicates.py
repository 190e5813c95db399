"""Duplicate contacts found by probabilistic matching (domain/linkage): the whole-database
scan behind the Duplicates window, the check of one record as it is typed, imported or
saved, and the remembered "not a duplicate" marks.

The loader reads the contact columns the matcher compares (names, both address lines,
postcode, city, region, birth date, company, e-mails, phones) page by page, column-wise,
straight from the driver's cursor into the matcher's table.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, literal_column, or_, select, table
from sqlalchemy.orm import Session

from desk_crm.domain.drafts import AccountDraft
from desk_crm.domain.duplicates import (
    NAME_THRESHOLD,
    AccountKey,
    score_accounts,
    website_domain,
)
from desk_crm.domain.linkage.record import DEFAULT_THRESHOLD, PersonRecord
from desk_crm.domain.names import sort_key
from desk_crm.services.context import ServiceContext
from desk_crm.store.duplicate_models import DuplicateDismissal, DuplicateModel
from desk_crm.store.models import Account, Contact, ContactPointIndex
from desk_crm.store.types import utc_now

if TYPE_CHECKING:  # the matcher loads numpy: imported where it is used, not at start-up
    from desk_crm.domain.linkage.model import FieldContribution, MatchModel
    from desk_crm.domain.linkage.scan import ScanResult
    from desk_crm.domain.linkage.table import RecordTable

WARN_FROM = 0.8  # the check as you type warns from this probability
_NEIGHBOURS = 12  # records either side of a name in the sort index, for the check
_BATCH = 20_000
_LOAD_SHARE = 25  # of the 0..100 progress scale, the part spent reading the database
_LOAD_CACHE_KIB = -2048  # SQLite page cache while the scan reads every contact (2 MiB)


@dataclass(frozen=True)
class PairExplanation:
    left_id: str
    right_id: str
    probability: float
    fields: tuple[FieldContribution, ...]
    frequency_bits: float  # extra weight of a rare (or common) exact name
    prior_bits: float
    veto: str  # "given" / "birth" when that disagreement capped the weight, else ""


@dataclass(frozen=True)
class ContactGroup:
    members: tuple[str, ...]  # contact ids, in database order
    probability: float  # the weakest pair that joined the group
    pairs: tuple[int, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class PossibleDuplicate:
    record_id: str
    display_name: str
    probability: float
    agreed: tuple[str, ...]  # comparisons that spoke for one person, strongest first


class ContactScan:
    """The scored pairs of one scan, grouped at any threshold (the window's slider)."""

    def __init__(self, ids: Sequence[str], result: ScanResult,
                 dismissed: set[tuple[str, str]]) -> None:
        self.ids = ids  # an IdColumn: places are looked up, not held in a dict of all ids
        self.result = result
        self._dismissed: set[tuple[int, int]] = set()
        self._gone: set[int] = set()
        self._cache: dict[float, list[ContactGroup]] = {}
        self._add_dismissed(dismissed)

    def _places(self, ids: Iterable[str]) -> dict[str, int]:
        positions = getattr(self.ids, "positions", None)
        if positions is not None:
            found: dict[str, int] = positions(ids)
            return found
        wanted = set(ids)
        return {record_id: i for i, record_id in enumerate(self.ids) if record_id in wanted}

    def _add_dismissed(self, pairs: Iterable[tuple[str, str]]) -> None:
        pairs = list(pairs)
        places = self._places(itertools.chain.from_iterable(pairs))
        for a, b in pairs:
            if a in places and b in places:
                i, j = places[a], places[b]
                self._dismissed.add((i, j) if i < j else (j, i))

    @property
    def model(self) -> MatchModel:
        return self.result.model

    def groups(self, threshold: float = DEFAULT_THRESHOLD) -> list[ContactGroup]:
        """Every group at *threshold*, most probable first."""
        from desk_crm.domain.linkage.cluster import clusters

        key = round(threshold, 4)
        if key not in self._cache:
            blocked = set(self._dismissed)
            if self._gone:
                blocked.update((int(a), int(b)) for a, b in
                               zip(self.result.left, self.result.right, strict=True)
                               if int(a) in self._gone or int(b) in self._gone)
            found = clusters(self.result.left, self.result.right, self.result.probability,
                             threshold, blocked)
            self._cache[key] = [
                ContactGroup(tuple(self.ids[m] for m in c.members), c.probability, c.pairs)
                for c in found]
        return self._cache[key]

    def quality(self, threshold: float) -> tuple[float, float, float]:
        """Estimated precision, recall and number of true duplicate pairs at *threshold*."""
        return self.result.quality(threshold)

    def explain(self, group: ContactGroup) -> list[PairExplanation]:
        """The scored pairs inside *group*, most probable first."""
        result = self.result
        prior = math.log2(result.model.prior / (1 - result.model.prior))
        out = []
        pairs = group.pairs or self._pairs_within(group.members)
        for pair in sorted(pairs, key=lambda p: -float(result.probability[p])):
            levels = [int(x) for x in result.gamma[pair]]
            out.append(PairExplanation(
                self.ids[int(result.left[pair])], self.ids[int(result.right[pair])],
                float(result.probability[pair]), tuple(result.model.explain(levels)),
                float(result.adjust[pair]), prior, result.model.veto(levels)))
        return out

    def _pairs_within(self, members: Sequence[str]) -> tuple[int, ...]:
        wanted = set(self._places(members).values())
        return tuple(i for i, (a, b) in enumerate(zip(self.result.left, self.result.right,
                                                      strict=True))
                     if int(a) in wanted and int(b) in wanted)

    def forget(self, ids: Iterable[str], dismissed: bool = False) -> None:
        """Drop records merged away (or, *dismissed*, the pairs among them) from the groups."""
        ids = list(ids)
        if dismissed:
            self._add_dismissed(itertools.combinations(ids, 2))
        else:
            self._gone.update(self._places(ids).values())
        self._cache.clear()


def _contact_columns() -> list[Any]:
    return [
        Contact.id, Contact.family_name, Contact.given_name, Contact.street, Contact.street2,
        Contact.postal_code, Contact.city, Contact.region, Contact.birth_date,
        Contact.primary_email, Contact.primary_phone,
        # The JSON lists only where there is more than one value (rare; parsing all of
        # them would cost seconds at a million rows).
        literal_column("CASE WHEN json_array_length(contact.emails) > 1 "
                       "THEN contact.emails END").label("more_emails"),
        literal_column("CASE WHEN json_array_length(contact.phones) > 1 "
                       "THEN contact.phones END").label("more_phones"),
        Account.name.label("company"),
    ]


def _values(text: Any) -> tuple[str, ...]:
    if not text:
        return ()
    try:
        data = json.loads(text) if isinstance(text, str) else text
        return tuple(str(p.get("value") or "") for p in data if isinstance(p, dict))
    except (ValueError, TypeError):
        return ()


def _record(row: Any) -> PersonRecord:
    more_emails, more_phones = _values(row.more_emails), _values(row.more_phones)
    return PersonRecord(
        row.id, row.family_name or "", row.given_name or "", row.street or "",
        row.street2 or "", row.postal_code or "", row.city or "", row.region or "",
        str(row.birth_date or ""), row.company or "",
        more_emails or ((row.primary_email,) if row.primary_email else ()),
        more_phones or ((row.primary_phone,) if row.primary_phone else ()))


def _points(firsts: Sequence[Any], more: Sequence[Any]) -> list[tuple[str, ...]]:
    """Each row's e-mails (or phones): the primary one, or all of them from the JSON
    list for the rare row with several."""
    return [_values(extra) if extra else ((first,) if first else ())
            for first, extra in zip(firsts, more, strict=True)]


class DuplicateService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context
        self._model: MatchModel | None = None

    # -- loading ---------------------------------------------------------------------------

    def _query(self) -> Any:
        return (select(*_contact_columns())
                .outerjoin(Account, Account.id == Contact.account_id)
                .where(Contact.deleted_at.is_(None)).order_by(Contact.pk))

    def _rows(self, session: Session, where: Any = None) -> Iterator[PersonRecord]:
        query = self._query()
        if where is not None:
            query = query.where(where)
        for row in session.execute(query.execution_options(yield_per=_BATCH)):
            yield _record(row)

    def load(self, progress: Callable[[int, int], None] | None = None) -> RecordTable:
        """Every live contact as the matcher sees it. Pages of rows come straight off the
        driver's cursor, are turned into columns and handed to the table a page at a time
        (no row objects, no per-row calls): at a million contacts the per-row cost is
        what the scan's reading time is."""
        from desk_crm.domain.linkage.memory import map_large_blocks, release_free_memory
        from desk_crm.domain.linkage.table import RecordTable

        map_large_blocks()
        table = RecordTable()
        with self._context.read() as session:
            total = session.scalar(select(func.max(Contact.pk))) or 1
            sql = str(self._query().compile(compile_kwargs={"literal_binds": True}))
            connection = session.connection()
            # One pass over the whole table: a page cache of its pages (32 MB per
            # connection, store/engine.py) would only add to the scan's peak.
            cache = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
            connection.exec_driver_sql(f"PRAGMA cache_size={_LOAD_CACHE_KIB}")
            try:
                self._read_pages(connection.exec_driver_sql(sql).cursor, table, total,
                                 progress)
            finally:
                connection.exec_driver_sql(f"PRAGMA cache_size={int(cache)}")
        release_free_memory()
        return table.freeze()

    @staticmethod
    def _read_pages(cursor: Any, table: RecordTable, total: int,
                    progress: Callable[[int, int], None] | None) -> None:
        from desk_crm.domain.linkage.memory import release_free_memory

        count = 0
        while rows := cursor.fetchmany(_BATCH):
            (ids, family, given, street, street2, postcode, city, region, birth,
             email, phone, more_emails, more_phones, company) = zip(*rows, strict=True)
            del rows
            table.add_columns(list(ids), {
                "family": _texts(family), "given": _texts(given),
                "street": _texts(street), "street2": _texts(street2),
                "postcode": _texts(postcode), "city": _texts(city),
                "region": _texts(region), "birth": _texts(birth),
                "company": _texts(company)},
                _points(email, more_emails), _points(phone, more_phones))
            count += len(ids)
            if count % (10 * _BATCH) == 0:  # growing arrays and dicts leave holes
                release_free_memory()
            if progress is not None:
                progress(_LOAD_SHARE * min(count, total) // total, 100)

    # -- whole-database scan ---------------------------------------------------------------

    def scan(self, progress: Callable[[int, int], None] | None = None) -> ContactScan:
        """Score every candidate pair of live contacts, with m/u estimated from them; the
        fitted model is kept for the checks of single records. *progress(done, total)* may
        raise to stop."""
        from desk_crm.domain.linkage.scan import scan

        table = self.load(progress)

        def scan_progress(done: int, total: int) -> None:
            if progress is not None:
                progress(_LOAD_SHARE + (100 - _LOAD_SHARE) * done // max(total, 1), 100)

        result = scan(table, scan_progress)
        self._save_model(result.model)
        return ContactScan(table.ids, result, self.dismissed("contact"))

    def _save_model(self, model: MatchModel) -> None:
        with self._context.write() as session:
            row = session.get(DuplicateModel, "contact")
            if row is None:
                session.add(DuplicateModel(entity="contact", params=model.to_json(),
                                           fitted_at=utc_now()))
            else:
                row.params, row.fitted_at = model.to_json(), utc_now()
        self._model = model

    def model(self) -> MatchModel:
        """The model of the last scan, or the built-in one before any scan."""
        from desk_crm.domain.linkage.model import MatchModel

        if self._model is None:
            with self._context.read() as session:
                params = session.scalar(select(DuplicateModel.params).where(
                    DuplicateModel.entity == "contact"))
            self._model = MatchModel.from_json(params) if params else MatchModel.default()
        return self._model

    # -- "not a duplicate" -----------------------------------------------------------------

    def dismiss(self, ids: Sequence[str], entity: str = "contact") -> None:
        """Remember that these records are different people: none of their pairs is
        offered again."""
        with self._context.write() as session:
            known = self._dismissed_among(session, entity, ids)
            now = utc_now()
            for a, b in itertools.combinations(sorted(set(ids)), 2):
                if (a, b) not in known:
                    session.add(DuplicateDismissal(entity=entity, low_id=a, high_id=b, at=now))

    @staticmethod
    def _dismissed_among(session: Session, entity: str,
                         ids: Sequence[str]) -> set[tuple[str, str]]:
        rows = session.execute(select(DuplicateDismissal.low_id, DuplicateDismissal.high_id)
                               .where(DuplicateDismissal.entity == entity,
                                      DuplicateDismissal.low_id.in_(ids),
                                      DuplicateDismissal.high_id.in_(ids)))
        return {(r.low_id, r.high_id) for r in rows}

    def dismissed(self, entity: str = "contact") -> set[tuple[str, str]]:
        with self._context.read() as session:
            rows = session.execute(select(DuplicateDismissal.low_id,
                                          DuplicateDismissal.high_id)
                                   .where(DuplicateDismissal.entity == entity))
            return {(r.low_id, r.high_id) for r in rows}

    # -- one record --------------------------------------------------------------------------

    def check_contact(self, record: PersonRecord, exclude_id: str | None = None,
                      limit: int = 5) -> list[PossibleDuplicate]:
        """Live contacts that are probably the person *record* describes (as typed, before
        it is saved), most probable first. Candidates come from indexes only (same email or
        phone, the names either side of it in the sort index in both orders, the same
        postcode), so this stays within milliseconds at a million contacts."""
        from desk_crm.domain.linkage.scan import score_against
        from desk_crm.domain.linkage.table import RecordTable

        sql, params = _candidates_sql(record, exclude_id)
        if not params:
            return []
        with self._context.read() as session:
            session.flush()  # inside a write batch: what it wrote so far (as autoflush)
            rows = session.connection().exec_driver_sql(sql, tuple(params)).all()
            if not rows:
                return []
            dismissed = (self._dismissed_among(session, "contact",
                                               [*(r.id for r in rows), exclude_id])
                         if exclude_id else set())
        others = [_record(row) for row in rows]
        names = {row.id: row.display_name for row in rows}
        table = RecordTable()
        table.add_many([record, *others])
        table.freeze()
        model = self.model()
        probability, gamma = score_against(table, model, list(range(1, len(table))))
        found: list[PossibleDuplicate] = []
        for index in sorted(range(len(others)), key=lambda i: -float(probability[i])):
            if float(probability[index]) < WARN_FROM or len(found) >= limit:
                break
            other_id = others[index].id
            if exclude_id and tuple(sorted((exclude_id, other_id))) in dismissed:
                continue
            parts = model.explain([int(x) for x in gamma[index]])
            agreed = tuple(p.key for p in sorted(parts, key=lambda p: -p.bits) if p.bits > 1)
            found.append(PossibleDuplicate(other_id, names.get(other_id, ""),
                                           float(probability[index]), agreed))
        return found

    def check_account(self, draft: AccountDraft,
                      exclude_id: str | None = None) -> list[PossibleDuplicate]:
        """Live accounts that are probably this company: the same e-mail, phone or web
        domain, the same name (legal form ignored) anywhere, or a similar name in the same
        city."""
        key = AccountKey("", draft.name, frozenset({draft.email.casefold()} - {""}),
                         frozenset({draft.phone} - {""}), draft.website)
        domain = website_domain(draft.website)
        conditions = [func.lower(Account.name) == draft.name.strip().lower()]
        if draft.city.strip():
            conditions.append(func.lower(Account.city) == draft.city.strip().lower())
        if draft.email:
            conditions.append(func.lower(Account.email) == draft.email.casefold())
        if draft.phone:
            conditions.append(Account.phone == draft.phone)
        if domain:
            conditions.append(Account.website.contains(domain))
        if not draft.name.strip() and len(conditions) == 1:
            return []
        found: list[PossibleDuplicate] = []
        with self._context.read() as session:
            rows = session.execute(
                select(Account.id, Account.name, Account.email, Account.phone,
                       Account.website, Account.city)
                .where(Account.deleted_at.is_(None), or_(*conditions)).limit(500)).all()
            dismissed = (self._dismissed_among(session, "account",
                                               [exclude_id, *(r.id for r in rows)])
                         if exclude_id else set())
        for row in rows:
            if row.id == exclude_id or tuple(sorted((exclude_id or "", row.id))) in dismissed:
                continue
            match = score_accounts(key, AccountKey(
                row.id, row.name, frozenset({(row.email or "").casefold()} - {""}),
                frozenset({row.phone or ""} - {""}), row.website or ""))
            same_city = bool(draft.city.strip()) and (row.city or "").strip().lower() == \
                draft.city.strip().lower()
            if match.reason != "name" and match.score == 100:
                agreed: tuple[str, ...] = (match.reason,)
            elif match.score == 100 or (same_city and match.score >= NAME_THRESHOLD):
                agreed = ("name", "city") if same_city else ("name",)
            else:
                continue
            probability = match.score / 100 if match.reason == "name" and not same_city \
                else 1.0 if match.score == 100 else 0.9
            found.append(PossibleDuplicate(row.id, row.name, probability, agreed))
        found.sort(key=lambda d: -d.probability)
        return found[:5]


def _check_select() -> str:
    """The matcher's columns and the display name of the live contacts whose id is in
    the CTE ``candidates`` (written before it), in database order."""
    query = (select(*_contact_columns(), Contact.display_name)
             .outerjoin(Account, Account.id == Contact.account_id)
             .where(Contact.deleted_at.is_(None),
                    Contact.id.in_(select(literal_column("id"))
                                   .select_from(table("candidates"))))
             .order_by(Contact.pk))
    return str(query.compile(compile_kwargs={"literal_binds": True}))


_CHECK_SELECT: list[str] = []  # compiled once, on the first check


def _candidates_sql(record: PersonRecord, exclude_id: str | None) -> tuple[str, list[str]]:
    """One statement for the check of one record: the candidates come from indexes only
    (the same e-mail or phone, the names either side of it in the sort index in both
    orders, the same postcode), then their columns. One round trip on the driver's
    connection: built as ORM queries, the eight statements of a check cost more CPU in
    SQLAlchemy than the matching itself. No parameters: nothing to look up."""
    parts: list[str] = []
    params: list[str] = []
    points = [("email", e.strip().casefold()) for e in record.emails if e.strip()]
    points += [("phone", p.strip()) for p in record.phones if p.strip()]
    if points:
        marks = ", ".join("(?, ?)" for _ in points)
        parts.append("SELECT contact_id AS id FROM (SELECT contact_id FROM "
                     f"{ContactPointIndex.__tablename__} "
                     f"WHERE (kind, value) IN (VALUES {marks}) LIMIT 50)")
        params += [v for point in points for v in point]
    live = "SELECT id FROM contact WHERE deleted_at IS NULL AND"
    for key in sorted({sort_key(record.family_name, record.given_name),
                       sort_key(record.given_name, record.family_name)} - {""}):
        parts.append(f"SELECT id FROM ({live} sort_name >= ? "
                     f"ORDER BY sort_name LIMIT {_NEIGHBOURS})")
        parts.append(f"SELECT id FROM ({live} sort_name < ? "
                     f"ORDER BY sort_name DESC LIMIT {_NEIGHBOURS})")
        params += [key, key]
    postcode = record.postal_code.strip()
    if postcode:
        parts.append(f"SELECT id FROM ({live} postal_code = ? LIMIT 50)")
        params.append(postcode)
    if not parts:
        return "", []
    if not _CHECK_SELECT:
        _CHECK_SELECT.append(_check_select())
    where = ""
    if exclude_id:
        where = " WHERE id != ?"
        params.append(exclude_id)
    sql = (f"WITH candidates(id) AS (SELECT id FROM ({' UNION '.join(parts)}){where}) "
           f"{_CHECK_SELECT[0]}")
    return sql, params


def _texts(values: Sequence[Any]) -> list[str]:
    """A column of a page as text, NULL as "" (dates come as ISO text from the driver)."""
    return [v or "" for v in values] if None in values else list(values)


__all__ = ["ContactGroup", "ContactScan", "DuplicateService", "PairExplanation",
           "PossibleDuplicate"]
