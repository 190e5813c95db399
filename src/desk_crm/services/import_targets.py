"""How each importable entity is validated, looked up by natural key and written.

One ``ImportTarget`` per entity in ``IMPORT_TARGETS``, next to the domain's
``IMPORT_ENTITIES``: adding products is one entry in each.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_crm.domain.contact_points import points_from_json
from desk_crm.domain.drafts import validate_account, validate_contact
from desk_crm.domain.emails import normalize_email
from desk_crm.domain.errors import ValidationError
from desk_crm.domain.leads import validate_lead
from desk_crm.domain.names import company_sort_key
from desk_crm.domain.phones import normalize_phone
from desk_crm.domain.products import ProductDraft
from desk_crm.domain.text import clean_text
from desk_crm.services.accounts import AccountService, account_columns
from desk_crm.services.contacts import ContactService, contact_columns
from desk_crm.services.context import ServiceContext
from desk_crm.services.leads import LeadService
from desk_crm.services.products import ProductService, product_record, validate_product
from desk_crm.store.import_models import ExternalKey
from desk_crm.store.models import Account, Contact, ContactPointIndex, Synced
from desk_crm.store.quote_models import Product
from desk_crm.store.sales_models import Lead


def draft_of(draft_class: type, row: Any) -> Any:
    """The editable draft of a stored row (the base an update lays imported values over)."""
    if isinstance(row, Product):  # prices are stored in minor units
        return product_record(row).draft
    values: dict[str, Any] = {}
    for field in dataclasses.fields(draft_class):
        value = getattr(row, field.name)
        if field.name in ("emails", "phones"):
            value = points_from_json(value)
        elif field.name == "tags":
            value = tuple(value or ())
        values[field.name] = value
    return draft_class(**values)


def natural_key(kind: str, values: dict[str, str], region: str) -> str:
    """The normalised key of one row ("" when the row has none or it is not valid)."""
    raw = values.get(kind if kind != "phone" else "phone", "")
    if kind == "phone" and not raw:
        raw = values.get("mobile", "")
    raw = clean_text(raw.replace("；", ";").split(";")[0].split(",")[0])
    if not raw:
        return ""
    try:
        if kind == "email":
            return normalize_email(raw)
        if kind == "phone":
            return normalize_phone(raw, region)
    except ValidationError:
        return ""
    if kind == "name":
        return company_sort_key(raw)
    if kind == "code":
        return raw.upper()  # product codes are stored upper case
    return raw


@dataclass(frozen=True)
class ImportTarget:
    entity: str
    model: type[Synced]
    draft_class: type
    validate: Callable[[Any, str], Any]
    write: Callable[[Session, Any, str | None], Synced]
    lookup: Callable[[Session, str, str], str | None]
    # The set-based path (services/import_bulk.py): every stored column from a clean draft
    # and the look-up of many natural keys in one query. None: rows go through the ORM.
    columns: Callable[[Any], dict[str, Any]] | None = None
    lookup_many: Callable[[Session, str, list[str]], dict[str, str]] | None = None


def _external(session: Session, entity: str, model: type[Synced], key: str) -> str | None:
    record_id = session.scalar(select(ExternalKey.record_id).where(
        ExternalKey.entity == entity, ExternalKey.key == key))
    if record_id is None:
        return None
    live = session.scalar(select(model.id).where(model.id == record_id,
                                                 model.deleted_at.is_(None)))
    return live


def _contact_lookup(session: Session, kind: str, key: str) -> str | None:
    if kind == "external_id":
        return _external(session, "contact", Contact, key)
    return session.scalar(
        select(Contact.id).join(ContactPointIndex, ContactPointIndex.contact_id == Contact.id)
        .where(ContactPointIndex.kind == kind, ContactPointIndex.value == key,
               Contact.deleted_at.is_(None)).limit(1))


def _account_lookup(session: Session, kind: str, key: str) -> str | None:
    if kind == "external_id":
        return _external(session, "account", Account, key)
    return session.scalar(select(Account.id).where(
        Account.name_sort == key, Account.deleted_at.is_(None)).limit(1))


def _lead_lookup(session: Session, kind: str, key: str) -> str | None:
    if kind == "external_id":
        return _external(session, "lead", Lead, key)
    column = Lead.email if kind == "email" else Lead.phone
    return session.scalar(select(Lead.id).where(column == key, Lead.deleted_at.is_(None))
                          .limit(1))


def _product_lookup(session: Session, kind: str, key: str) -> str | None:
    return session.scalar(select(Product.id).where(
        Product.code == key, Product.deleted_at.is_(None)).limit(1))


def _in_slices(keys: list[str]) -> Iterator[list[str]]:
    # SQLite's bound-parameter limit is far above a chunk, but stay well clear of it.
    for start in range(0, len(keys), 900):
        yield keys[start:start + 900]


def _external_many(session: Session, entity: str, model: type[Synced],
                   keys: list[str]) -> dict[str, str]:
    mapped: dict[str, str] = {}
    for part in _in_slices(keys):
        mapped.update(session.execute(select(ExternalKey.key, ExternalKey.record_id).where(
            ExternalKey.entity == entity, ExternalKey.key.in_(part))).tuples().all())
    live: set[str] = set()
    ids = list(set(mapped.values()))
    for part in _in_slices(ids):
        live.update(session.scalars(select(model.id).where(model.id.in_(part),
                                                           model.deleted_at.is_(None))))
    return {key: record_id for key, record_id in mapped.items() if record_id in live}


def _contact_lookup_many(session: Session, kind: str, keys: list[str]) -> dict[str, str]:
    """Like _contact_lookup for many keys; the first contact point wins, as its LIMIT 1."""
    if kind == "external_id":
        return _external_many(session, "contact", Contact, keys)
    found: dict[str, str] = {}
    for part in _in_slices(keys):
        rows = session.execute(
            select(ContactPointIndex.value, Contact.id)
            .join(ContactPointIndex, ContactPointIndex.contact_id == Contact.id)
            .where(ContactPointIndex.kind == kind, ContactPointIndex.value.in_(part),
                   Contact.deleted_at.is_(None))
            .order_by(ContactPointIndex.pk)).tuples()
        for value, record_id in rows:
            found.setdefault(value, record_id)
    return found


def _account_lookup_many(session: Session, kind: str, keys: list[str]) -> dict[str, str]:
    if kind == "external_id":
        return _external_many(session, "account", Account, keys)
    found: dict[str, str] = {}
    for part in _in_slices(keys):
        rows = session.execute(select(Account.name_sort, Account.id).where(
            Account.name_sort.in_(part), Account.deleted_at.is_(None))
            .order_by(Account.pk)).tuples()
        for value, record_id in rows:
            found.setdefault(value, record_id)
    return found


def build_targets(context: ServiceContext) -> dict[str, ImportTarget]:
    contacts, accounts, leads = (ContactService(context), AccountService(context),
                                 LeadService(context))
    products = ProductService(context)
    from desk_crm.domain.drafts import AccountDraft, ContactDraft
    from desk_crm.domain.leads import LeadDraft

    return {
        "contact": ImportTarget("contact", Contact, ContactDraft, validate_contact,
                                lambda s, clean, rid: contacts.write_clean(s, clean, rid),
                                _contact_lookup, contact_columns, _contact_lookup_many),
        "account": ImportTarget("account", Account, AccountDraft, validate_account,
                                lambda s, clean, rid: accounts.write_clean(s, clean, rid),
                                _account_lookup, account_columns, _account_lookup_many),
        "lead": ImportTarget("lead", Lead, LeadDraft, validate_lead,
                             lambda s, clean, rid: leads.write_clean(s, clean, rid),
                             _lead_lookup),
        "product": ImportTarget("product", Product, ProductDraft,
                                lambda draft, _region: validate_product(draft),
                                lambda s, clean, rid: products.write_clean(s, clean, rid),
                                _product_lookup),
    }
