"""The local side of sync: read a record's synced fields and write pulled values back
through the services' own write functions (validation, derived columns, search index and
change log all apply), inside the engine's transaction.

Values here are JSON-ready ("canonical"): strings for decimals and dates, lists of plain
values for e-mails and phones. The engine stores base copies and compares in this form;
:func:`to_domain` turns them back into the domain types adapters expect.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from desk_crm.domain.contact_points import ContactPoint, points_from_json
from desk_crm.domain.drafts import AccountDraft, ContactDraft, validate_account, validate_contact
from desk_crm.domain.emails import normalize_email
from desk_crm.domain.entities import ENTITIES, SYNCED
from desk_crm.domain.errors import ValidationError, ValidationErrors
from desk_crm.domain.fields import FieldDef, FieldType
from desk_crm.domain.leads import LeadDraft, validate_lead
from desk_crm.domain.money import from_minor
from desk_crm.domain.opportunities import OpportunityDraft, validate_opportunity
from desk_crm.domain.phones import normalize_phone
from desk_crm.domain.products import ProductDraft
from desk_crm.domain.quotes import QuoteLineDraft, validate_quote
from desk_crm.domain.text import clean_text
from desk_crm.services import _common
from desk_crm.services.accounts import AccountService
from desk_crm.services.contacts import ContactService
from desk_crm.services.context import ServiceContext
from desk_crm.services.custom_fields import CustomFieldService
from desk_crm.services.leads import LeadService
from desk_crm.services.opportunities import opportunity_record, write_opportunity
from desk_crm.services.products import ProductService, product_record, validate_product
from desk_crm.services.quote_store import live_lines, quote_draft
from desk_crm.services.quotes import QuoteService
from desk_crm.services.quotes import _not_editable as not_editable
from desk_crm.store.all_models import model_for
from desk_crm.store.changelog import jsonable
from desk_crm.store.models import Account, Contact, Synced
from desk_crm.store.quote_models import Product, Quote
from desk_crm.store.sales_models import Lead, Opportunity, PipelineStage

# The synced entities' models, and the fields the local side can sync per entity (an adapter
# picks a subset): both from the entity declarations (``EntityDef.sync``).
MODELS: dict[str, type[Synced]] = {key: model_for(key) for key in SYNCED}
FIELDS: dict[str, tuple[str, ...]] = {
    key: sync.fields for key, sync in ((k, ENTITIES[k].sync) for k in SYNCED) if sync}
_DECIMALS = {"amount", "probability", "default_price"}
_DATES = {"close_date", "issue_date"}
_LINE_NUMBERS = ("quantity", "unit_price")
# A custom field travels as "custom.<key>" (sync.custom_sync, adapters.django_crm_custom).
CUSTOM_PREFIX = "custom."


def number_text(value: Any) -> str:
    """One spelling per number ("2", "150", "12.5"), whether it came as 2.0 or "150.00"."""
    text = format(Decimal(str(value)).normalize(), "f")
    return "0" if text in ("-0", "") else text


def _lines(value: Any) -> Any:
    if not isinstance(value, list):
        return value
    return [{"description": clean_text(str(line.get("description") or "")),
             **{k: number_text(line.get(k) or 0) for k in _LINE_NUMBERS}}
            for line in value if isinstance(line, Mapping)]


def canonical(fields: Mapping[str, Any]) -> dict[str, Any]:
    """JSON-ready values: what base copies store and the merge compares."""
    return {k: jsonable(v) for k, v in fields.items()}


def normalize(fields: Mapping[str, Any], region: str = "CN") -> dict[str, Any]:
    """Canonical values as the local rules would store them (e-mails lower-cased, phones
    in E.164, text trimmed), so a server that keeps "+86 138 0013 8000" and a local record
    that keeps "+8613800138000" are not taken for a change. Values the rules refuse stay
    as they are (a later local write reports them)."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key.startswith(CUSTOM_PREFIX):
            out[key] = value  # its field's own rules apply on write (long text keeps lines)
        elif key in ("email", "emails"):
            out[key] = _normalized(value, normalize_email)
        elif key in ("phone", "phones"):
            out[key] = _normalized(value, lambda raw: normalize_phone(raw, region))
        elif key == "lines":
            out[key] = _lines(value)
        elif isinstance(value, str):
            out[key] = clean_text(value)
        else:
            out[key] = value
    return out


def _normalized(value: Any, rule: Any) -> Any:
    def one(raw: Any) -> Any:
        if not isinstance(raw, str) or not raw.strip():
            return raw
        try:
            return rule(raw)
        except (ValidationError, ValidationErrors, ValueError):
            return raw
    if isinstance(value, list):
        return [one(v) for v in value]
    return one(value)


def to_domain(fields: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if value in (None, "") and (key in _DECIMALS or key in _DATES):
            out[key] = None
        elif key in _DECIMALS:
            out[key] = Decimal(str(value))
        elif key in _DATES:
            out[key] = date.fromisoformat(str(value))
        elif key == "lines" and isinstance(value, list):
            out[key] = [{**line, **{k: Decimal(str(line.get(k) or 0)) for k in _LINE_NUMBERS}}
                        for line in value]
        else:
            out[key] = value
    return out


def is_deleted(row: Synced) -> bool:
    """Deleted for sync: a superseded quote revision is gone too (its successor is a new
    record on the server)."""
    return row.deleted_at is not None or bool(getattr(row, "superseded", False))


def load_row(session: Session, entity: str, record_id: str) -> Synced | None:
    model = MODELS[entity]
    return session.scalars(select(model).where(model.id == record_id)).one_or_none()


def read_fields(row: Synced, names: tuple[str, ...]) -> dict[str, Any]:
    """The canonical values of *names* on a local row."""
    values: dict[str, Any] = {}
    for name in names:
        if isinstance(row, Contact) and name in ("emails", "phones"):
            values[name] = [p.value for p in points_from_json(getattr(row, name))]
        elif isinstance(row, Opportunity) and name == "amount":
            values[name] = str(from_minor(row.amount_minor, row.currency))
        elif isinstance(row, Product) and name == "default_price":
            # One spelling for both sides: Tryton keeps four decimals ("12.5000").
            values[name] = number_text(from_minor(row.default_price_minor, row.currency))
        elif isinstance(row, Quote) and name == "lines":
            session = object_session(row)
            assert session is not None
            values[name] = _lines([
                {"description": line.description, "quantity": line.quantity,
                 "unit_price": from_minor(line.unit_price_minor, row.currency)}
                for line in live_lines(session, row.id)])
        elif name.startswith(CUSTOM_PREFIX):
            values[name] = _custom_value(row, name[len(CUSTOM_PREFIX):])
        else:
            values[name] = getattr(row, name)
    return canonical(values)


def _custom_value(row: Synced, key: str) -> Any:
    value = (getattr(row, "custom", None) or {}).get(key)
    if value is None:
        return None
    session = object_session(row)
    field = _custom_fields(session, row.__entity__).get(key) if session else None
    if field is not None and field.type is FieldType.DECIMAL:
        return number_text(value)          # one spelling: the server keeps a float
    return value


def _custom_fields(session: Session, entity: str) -> dict[str, FieldDef]:
    """The entity's live custom fields, read once per session (a push reads many rows)."""
    cache: dict[str, dict[str, FieldDef]] = session.info.setdefault("sync_custom_fields", {})
    if entity not in cache:
        cache[entity] = {f.key: f for f in CustomFieldService.definitions_in(session, entity)}
    return cache[entity]


def title_of(row: Synced) -> str:
    for attr in ("display_name", "name"):
        value = getattr(row, attr, None)
        if value:
            return str(value)
    return str(row.id)


def apply_fields(context: ServiceContext, session: Session, entity: str,
                 record_id: str | None, fields: Mapping[str, Any]) -> Synced:
    """Create (no *record_id*) or update a local record with canonical *fields* through the
    entity's service code; ValidationErrors propagate (the engine queues a rejection).
    Custom values (``custom.<key>``) go through ``CustomFieldService`` in the same
    mutation, checked before anything is written."""
    custom = {k[len(CUSTOM_PREFIX):]: v for k, v in fields.items()
              if k.startswith(CUSTOM_PREFIX)}
    builtin = {k: v for k, v in fields.items() if not k.startswith(CUSTOM_PREFIX)}
    if not custom:
        return _WRITERS[entity](context, session, record_id, to_domain(builtin))
    service = CustomFieldService(context)
    service.clean_values(service.entity_in(session, entity), custom)  # refuse before writing
    if builtin or record_id is None:
        row = _WRITERS[entity](context, session, record_id, to_domain(builtin))
    else:
        row = _common.load(session, MODELS[entity], record_id)
    service.save_values_in(session, entity, row, custom)
    return row


def _apply_account(context: ServiceContext, session: Session, record_id: str | None,
                   values: dict[str, Any]) -> Synced:
    draft = AccountDraft() if record_id is None else _account_draft(
        _common.load(session, Account, record_id))
    clean = validate_account(replace(draft, **values), context.default_region)
    return AccountService(context).write_clean(session, clean, record_id)


def _apply_contact(context: ServiceContext, session: Session, record_id: str | None,
                   values: dict[str, Any]) -> Synced:
    contacts = ContactService(context)
    current = None if record_id is None else _common.load(session, Contact, record_id)
    draft = ContactDraft() if current is None else contacts._record(session, current).draft
    for kind in ("emails", "phones"):
        if kind in values:
            values[kind] = _points(values[kind], getattr(draft, kind))
    clean = validate_contact(replace(draft, **values), context.default_region)
    return contacts.write_clean(session, clean, record_id)


def _apply_lead(context: ServiceContext, session: Session, record_id: str | None,
                values: dict[str, Any]) -> Synced:
    leads = LeadService(context)
    current = None if record_id is None else _common.load(session, Lead, record_id)
    draft = LeadDraft() if current is None else leads._record(session, current).draft
    clean = validate_lead(replace(draft, **values), context.default_region)
    return leads.write_clean(session, clean, record_id)


def _apply_opportunity(_context: ServiceContext, session: Session, record_id: str | None,
                       values: dict[str, Any]) -> Synced:
    current = None if record_id is None else _common.load(session, Opportunity, record_id)
    if current is None:
        draft = OpportunityDraft(stage_id=_first_open_stage(session))
    else:
        draft = opportunity_record(session, current).draft
    if values.get("amount") is None and "amount" in values:
        values["amount"] = Decimal(0)
    return write_opportunity(session, validate_opportunity(replace(draft, **values)), current)


def _apply_product(context: ServiceContext, session: Session, record_id: str | None,
                   values: dict[str, Any]) -> Synced:
    current = None if record_id is None else _common.load(session, Product, record_id)
    draft = ProductDraft() if current is None else product_record(current).draft
    if "default_price" in values and values["default_price"] is None:
        values["default_price"] = Decimal(0)
    clean = validate_product(replace(draft, **values))
    return ProductService(context).write_clean(session, clean, record_id)


def _apply_quote(_context: ServiceContext, session: Session, record_id: str | None,
                 values: dict[str, Any]) -> Quote:
    """A server change to a quote we pushed: terms, date, currency and lines (matched by
    position, so a line keeps its product, discount and tax). Quotes are made here; the
    number and the account come from the opportunity and stay ours."""
    if record_id is None:
        raise LookupError("quotes are made in Desk CRM; a quotation made on the server "
                          "is not pulled")
    quote = _common.load(session, Quote, record_id)
    if quote.superseded or quote.status != "draft":
        raise not_editable(quote)
    draft = quote_draft(session, quote)
    for key in ("currency", "issue_date", "terms"):
        if key in values:
            setattr(draft, key, values[key] if values[key] is not None else "")
    if "lines" in values:
        existing = list(draft.lines)
        draft.lines = [
            replace(existing[i] if i < len(existing) else QuoteLineDraft(),
                    description=line.get("description") or "",
                    quantity=line["quantity"], unit_price=line["unit_price"])
            for i, line in enumerate(values["lines"] or [])]
    QuoteService._write(session, quote, validate_quote(draft))
    return quote


# The write of pulled values per synced entity, through its service code (a synced entity
# declared in domain.entities without one here fails the sync tests' completeness check).
_WRITERS: dict[str, Callable[[ServiceContext, Session, str | None, dict[str, Any]],
                             Synced]] = {
    "account": _apply_account, "contact": _apply_contact, "lead": _apply_lead,
    "product": _apply_product, "opportunity": _apply_opportunity, "quote": _apply_quote,
}


def _account_draft(row: Account) -> AccountDraft:
    return AccountDraft(
        name=row.name, industry=row.industry, website=row.website, phone=row.phone,
        email=row.email, street=row.street, city=row.city, region=row.region,
        postal_code=row.postal_code, country=row.country, tags=tuple(row.tags or ()),
        owner_id=row.owner_id, notes=row.notes)


def _points(values: list[str], current: tuple[ContactPoint, ...]) -> tuple[ContactPoint, ...]:
    # The server knows values only: keep the labels we have, the first value is primary.
    labels = {p.value: p.label for p in current}
    return tuple(ContactPoint(v, labels.get(v, ""), i == 0) for i, v in enumerate(values or []))


def _first_open_stage(session: Session) -> str:
    stage_id = session.scalar(
        select(PipelineStage.id).where(PipelineStage.active.is_(True),
                                       PipelineStage.kind == "open",
                                       PipelineStage.deleted_at.is_(None))
        .order_by(PipelineStage.position).limit(1))
    if stage_id is None:
        raise LookupError("no open pipeline stage for a pulled opportunity")
    return stage_id
