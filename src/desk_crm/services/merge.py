"""Duplicate contacts: finding them as groups, and merging a group into one survivor.

A merge is one transaction with its own batch id: the survivor gets the chosen fields and
the union of emails, phones and tags; activities, leads, opportunities, tickets, quotes and
contracts of the losers point at the survivor; the losers are soft-deleted with a link
(record_merge) to it. Accounts merge the same way (their contacts move too).
``ChangeService.undo_batch`` reverts all of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_crm.domain.contact_points import ContactPoint, points_from_json
from desk_crm.domain.drafts import AccountDraft, ContactDraft, validate_account, validate_contact
from desk_crm.domain.duplicates import (
    AccountKey,
    account_blocks,
    account_name_text,
    group_duplicates,
    score_accounts,
)
from desk_crm.domain.entities import ENTITIES, MergeDef, linking
from desk_crm.domain.linkage.record import DEFAULT_THRESHOLD
from desk_crm.domain.tags import normalize_tags
from desk_crm.services.accounts import AccountService
from desk_crm.services.campaigns import move_memberships
from desk_crm.services.contacts import ContactService
from desk_crm.services.context import ServiceContext
from desk_crm.services.custom_fields import CustomFieldService, apply_values
from desk_crm.services.duplicates import DuplicateService
from desk_crm.services.import_targets import draft_of
from desk_crm.store.all_models import model_for
from desk_crm.store.field_columns import column_key
from desk_crm.store.import_models import RecordMerge
from desk_crm.store.models import Account, Contact, new_id
from desk_crm.store.types import utc_now


def _merge_def(entity: str) -> MergeDef:
    merge = ENTITIES[entity].merge
    assert merge is not None, entity
    return merge


# Fields chosen from one of the records (declared in ``EntityDef.merge``); emails, phones
# and tags are unioned instead.
MERGE_FIELDS = _merge_def("contact").fields
ACCOUNT_MERGE_FIELDS = _merge_def("account").fields
MERGEABLE = tuple(key for key, e in ENTITIES.items() if e.merge is not None)
# Records pointing at a contact or an account that move to the survivor of a merge: the
# entities that declare a link to it (``EntityDef.links``). Mapped classes with contact_id
# (account_id) columns; Any, as they share no base type.
LINKED: tuple[Any, ...] = tuple(model_for(e.key) for e in linking("contact"))
ACCOUNT_LINKED: tuple[Any, ...] = tuple(model_for(e.key) for e in linking("account"))


@dataclass(frozen=True)
class MergeCandidate:
    id: str
    display_name: str
    account_name: str
    updated_at: datetime
    draft: ContactDraft
    created_at: datetime | None = None


@dataclass(frozen=True)
class AccountCandidate:
    id: str
    display_name: str
    updated_at: datetime
    draft: AccountDraft
    created_at: datetime | None = None


@dataclass(frozen=True)
class DuplicateGroup:
    reason: str  # "match" (contacts), or "email" / "phone" / "website" / "name"
    value: str
    members: tuple[str, ...]
    score: int = 100  # the weakest link in the group, 0..100
    entity: str = "contact"


def default_choices(candidates: list[MergeCandidate] | list[AccountCandidate],
                    fields: tuple[str, ...] = MERGE_FIELDS) -> dict[str, str]:
    """Per field, the record to take it from: the newest one with a value."""
    newest_first: list[MergeCandidate | AccountCandidate] = sorted(
        candidates, key=lambda c: c.updated_at, reverse=True)
    choices = {}
    for field in fields:
        chosen = next((c for c in newest_first if getattr(c.draft, field)), newest_first[0])
        choices[field] = chosen.id
    return choices


def _union_points(lists: list[tuple[ContactPoint, ...]]) -> tuple[ContactPoint, ...]:
    seen: dict[str, ContactPoint] = {}
    for points in lists:
        for point in points:
            seen.setdefault(point.value.casefold(),
                            replace(point, primary=point.primary and not seen))
    return tuple(seen.values())


class MergeService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context
        self._contacts = ContactService(context)
        self._accounts = AccountService(context)
        self._fields = CustomFieldService(context)

    # -- declared fields (custom fields, demographics) -----------------------------------
    def declared_values(self, entity: str, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Per record, its stored declared-field values (what the merge dialog shows)."""
        return {record_id: self._fields.values(entity, record_id) for record_id in ids}

    def declared_choices(self, entity: str, ids: list[str], updated: dict[str, datetime],
                         choices: dict[str, str] | None = None, *,
                         survivor_first: bool = False) -> dict[str, Any]:
        """The survivor's declared-field values after a merge of *ids* (survivor first):
        per field the record *choices* names (by column key, "cf_level"), else the newest
        record that has a value (the survivor's own first with *survivor_first*)."""
        stored = self.declared_values(entity, ids)
        newest = sorted(ids, key=lambda i: updated.get(i) or datetime.min.replace(
            tzinfo=UTC), reverse=True)
        if survivor_first:
            newest = [ids[0], *(i for i in newest if i != ids[0])]
        merged: dict[str, Any] = {}
        for field in self._fields.entity(entity).live_fields:
            if not field.in_generated_section:
                continue
            picked = (choices or {}).get(column_key(field))
            source = picked if picked in stored else next(
                (i for i in newest if stored[i].get(field.key) not in (None, "", [])), ids[0])
            value = stored[source].get(field.key)
            if value != stored[ids[0]].get(field.key):
                merged[field.key] = value
        return merged

    def _write_declared(self, session: Session, entity: str, survivor_id: str,
                        values: dict[str, Any]) -> None:
        if not values:
            return
        model = Contact if entity == "contact" else Account
        row = session.scalars(select(model).where(model.id == survivor_id)).one()
        apply_values(self._fields.entity(entity), row, values)

    def find_groups(self, limit: int | None = None, entity: str = "contact",
                    progress: Callable[[int, int], None] | None = None,
                    threshold: float = DEFAULT_THRESHOLD) -> list[DuplicateGroup]:
        """Groups of likely duplicates, most likely first (all of them unless *limit*).
        Contacts: probabilistic matching (services/duplicates.py), score = match
        probability in %. Accounts: same email / phone / web domain (100) or similar
        names (legal form ignored), compared within blocks. *progress(done, total)* may
        raise to stop the scan."""
        if entity != "account":
            scan = DuplicateService(self._context).scan(progress)
            found = [DuplicateGroup("match", "", g.members, round(g.probability * 100))
                     for g in scan.groups(threshold)]
            return found[:limit]
        with self._context.read() as session:
            keys = _account_keys(session)
            groups = group_duplicates(keys, score_accounts, account_blocks, progress=progress,
                                      name_text=account_name_text)
        return [DuplicateGroup(g.reason, g.value, g.members, g.score, entity)
                for g in groups[:limit]]

    def candidates(self, ids: list[str]) -> list[MergeCandidate]:
        with self._context.read() as session:
            rows = session.scalars(select(Contact).where(Contact.id.in_(ids))).all()
            order = {record_id: i for i, record_id in enumerate(ids)}
            result = []
            for row in sorted(rows, key=lambda r: order[r.id]):
                account = session.scalar(select(Account.name).where(
                    Account.id == row.account_id)) if row.account_id else ""
                result.append(MergeCandidate(row.id, row.display_name, account or "",
                                             row.updated_at, draft_of(ContactDraft, row),
                                             row.created_at))
            return result

    # -- one entry for the one merge dialog (contacts and accounts) ----------------------
    def candidates_of(self, entity: str, ids: list[str]
                      ) -> list[MergeCandidate] | list[AccountCandidate]:
        return self.account_candidates(ids) if entity == "account" else self.candidates(ids)

    def preview(self, entity: str, survivor_id: str, loser_ids: list[str],
                choices: dict[str, str] | None = None) -> ContactDraft | AccountDraft:
        """The kept record's draft as the merge would save it (validated)."""
        if entity == "account":
            return self.merged_account(survivor_id, loser_ids, choices)
        return self.merged_contact(survivor_id, loser_ids, choices)

    def merge_records(self, entity: str, survivor_id: str, loser_ids: list[str],
                      choices: dict[str, str] | None = None) -> str:
        if entity == "account":
            return self.merge_accounts(survivor_id, loser_ids, choices)
        return self.merge(survivor_id, loser_ids, choices)

    def links(self, entity: str, ids: list[str]) -> dict[str, int]:
        """How many live records of each linking entity point at *ids* (what a merge of
        them moves), by entity."""
        counts: dict[str, int] = {}
        with self._context.read() as session:
            for linked in linking(entity):
                model = model_for(linked.key)
                column = getattr(model, f"{entity}_id")
                counts[linked.key] = session.scalar(
                    select(func.count()).select_from(model).where(
                        column.in_(ids), model.deleted_at.is_(None))) or 0
        return counts

    def merged_contact(self, survivor_id: str, loser_ids: list[str],
                       choices: dict[str, str] | None = None) -> ContactDraft:
        """The survivor's fields after the merge, validated: each field from the record
        *choices* names (the newest with a value without choices), the union of emails,
        phones and tags, opted out of mail if any record was."""
        ids = [survivor_id, *[i for i in loser_ids if i != survivor_id]]
        candidates = {c.id: c for c in self.candidates(ids)}
        return self._merged_contact(ids, candidates, choices)

    def _merged_contact(self, ids: list[str], candidates: dict[str, MergeCandidate],
                        choices: dict[str, str] | None) -> ContactDraft:
        survivor_id = ids[0]
        choices = choices or default_choices(list(candidates.values()))
        drafts = [candidates[i].draft for i in ids]
        fields: dict[str, Any] = {f: getattr(candidates[choices.get(f, survivor_id)].draft, f)
                                  for f in MERGE_FIELDS}
        merged = replace(
            candidates[survivor_id].draft, **fields,
            emails=_union_points([d.emails for d in drafts]),
            phones=_union_points([d.phones for d in drafts]),
            tags=normalize_tags([t for d in drafts for t in d.tags]),
            # Anyone of them who opted out of marketing mail stays opted out.
            email_opt_out=any(d.email_opt_out for d in drafts))
        return validate_contact(merged, self._context.default_region)

    def merge(self, survivor_id: str, loser_ids: list[str],
              choices: dict[str, str] | None = None) -> str:
        """Merge *loser_ids* into *survivor_id*; returns the batch id (undo it to undo)."""
        batch_id = new_id()
        ids = [survivor_id, *[i for i in loser_ids if i != survivor_id]]
        candidates = {c.id: c for c in self.candidates(ids)}
        choices = choices or default_choices(list(candidates.values()))
        clean = self._merged_contact(ids, candidates, choices)
        declared = self.declared_choices("contact", ids, {
            c.id: c.updated_at for c in candidates.values()}, choices)
        with self._context.write(batch_id=batch_id) as session:
            self._contacts.write_clean(session, clean, survivor_id)
            self._write_declared(session, "contact", survivor_id, declared)
            for model in LINKED:
                for row in session.scalars(select(model).where(
                        model.contact_id.in_(ids[1:]))).all():
                    row.contact_id = survivor_id
            now = utc_now()
            move_memberships(session, ids[1:], survivor_id, now)
            for loser_id in ids[1:]:
                loser = session.scalars(select(Contact).where(Contact.id == loser_id)).one()
                loser.deleted_at = now
                session.add(RecordMerge(entity="contact", loser_id=loser_id,
                                        survivor_id=survivor_id, batch_id=batch_id, at=now))
        return batch_id

    def account_candidates(self, ids: list[str]) -> list[AccountCandidate]:
        """The accounts of a merge, in the order of *ids*, with their editable fields."""
        with self._context.read() as session:
            rows = session.scalars(select(Account).where(Account.id.in_(ids))).all()
            order = {record_id: i for i, record_id in enumerate(ids)}
            return [AccountCandidate(row.id, row.name, row.updated_at,
                                     draft_of(AccountDraft, row), row.created_at)
                    for row in sorted(rows, key=lambda r: order[r.id])]

    def merged_account(self, survivor_id: str, loser_ids: list[str],
                       choices: dict[str, str] | None = None) -> AccountDraft:
        """The survivor's fields after the merge, validated (the dialog's preview shows it
        before anything is written): each field from the record *choices* names (the
        survivor's own where none is named), the tags of all records."""
        ids = [survivor_id, *[i for i in loser_ids if i != survivor_id]]
        candidates = {c.id: c for c in self.account_candidates(ids)}
        chosen = choices or {}
        fields: dict[str, Any] = {
            f: getattr(candidates[chosen.get(f, survivor_id)].draft, f)
            for f in ACCOUNT_MERGE_FIELDS}
        merged = replace(candidates[survivor_id].draft, **fields, tags=normalize_tags(
            [t for i in ids for t in candidates[i].draft.tags]))
        return validate_account(merged, self._context.default_region)

    def account_links(self, account_ids: list[str]) -> dict[str, int]:
        """How many live contacts, leads, opportunities … point at *account_ids*, by
        entity: what a merge of them moves."""
        return self.links("account", account_ids)

    def merge_accounts(self, survivor_id: str, loser_ids: list[str],
                       choices: dict[str, str] | None = None) -> str:
        """Merge accounts: the survivor's fields are chosen field by field (*choices*:
        field -> record id; without it the survivor keeps its own), tags are unioned, and
        contacts, leads, opportunities, activities, tickets, quotes and contracts of the
        losers move to it, in one transaction; returns the batch id (undo it to undo)."""
        batch_id = new_id()
        losers = [i for i in loser_ids if i != survivor_id]
        clean = (self.merged_account(survivor_id, losers, choices)
                 if choices is not None else None)
        updated = {c.id: c.updated_at for c in self.account_candidates([survivor_id, *losers])}
        declared = self.declared_choices("account", [survivor_id, *losers], updated, choices,
                                         survivor_first=choices is None)
        with self._context.write(batch_id=batch_id) as session:
            if clean is not None:
                self._accounts.write_clean(session, clean, survivor_id)
            self._write_declared(session, "account", survivor_id, declared)
            for model in ACCOUNT_LINKED:
                for row in session.scalars(select(model).where(
                        model.account_id.in_(losers))).all():
                    row.account_id = survivor_id
            now = utc_now()
            for loser in session.scalars(select(Account).where(Account.id.in_(losers))).all():
                loser.deleted_at = now
                session.add(RecordMerge(entity="account", loser_id=loser.id,
                                        survivor_id=survivor_id, batch_id=batch_id, at=now))
        return batch_id

    def names(self, entity: str, ids: list[str]) -> list[str]:
        """Display names of *ids* in that order (contacts or accounts)."""
        model = model_for(entity)
        column = getattr(model, ENTITIES[entity].name_column)
        with self._context.read() as session:
            found: dict[str, str] = {record_id: name for record_id, name in session.execute(
                select(model.id, column).where(model.id.in_(ids)))}
        return [found.get(i, "") for i in ids]

    def relink(self, survivor_id: str, loser_ids: list[str], batch_id: str,
               entity: str = "contact") -> None:
        """Record the merge links again after a redo (undo removed them)."""
        with self._context.write() as session:
            for loser_id in loser_ids:
                session.add(RecordMerge(entity=entity, loser_id=loser_id,
                                        survivor_id=survivor_id, batch_id=batch_id,
                                        at=utc_now()))

    def merged_into(self, loser_id: str) -> str | None:
        with self._context.read() as session:
            return session.scalar(select(RecordMerge.survivor_id).where(
                RecordMerge.loser_id == loser_id).order_by(RecordMerge.pk.desc()).limit(1))


def _account_keys(session: Session) -> list[AccountKey]:
    keys = []
    for row in session.execute(select(
            Account.id, Account.name, Account.email, Account.phone, Account.website)
            .where(Account.deleted_at.is_(None)).order_by(Account.pk)):
        keys.append(AccountKey(
            row.id, row.name, frozenset({row.email.casefold()} if row.email else ()),
            frozenset({row.phone} if row.phone else ()), row.website))
    return keys


__all__ = ["ACCOUNT_MERGE_FIELDS", "AccountCandidate", "DuplicateGroup", "MergeCandidate",
           "MergeService", "default_choices", "points_from_json"]
