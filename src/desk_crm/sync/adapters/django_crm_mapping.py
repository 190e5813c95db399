"""Field mapping between Desk CRM's local entities and django-crm 1.35's REST resources.

One :class:`EntityMap` per synced entity: where its resource lives, how its list answer is
wrapped (each list has its own wrapper), and two pure functions translating a record's fields.
``to_local`` must read only what the *list* rows carry, because a full scan hashes list rows:
a field only the detail answer has would make every scan look like a change.

Values are in the engine's form (desk_crm.sync.local): a contact's emails/phones are lists of
plain strings with the primary first, an opportunity's amount is a Decimal ``amount`` (the
model keeps ``amount_minor``), dates are ``date``, references are remote ids.

What cannot travel is left out on purpose (and listed in docs/sync-django-crm.md): the server's
country and industry are fixed choice lists while ours are free text; a contact has one email
and one phone there; quote lines, quote status (read-only on the server) and opportunity
stages (local pipeline stages are not synced) stay local.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from desk_crm.domain.money import quantize as money_round

Fields = dict[str, Any]


@dataclass(frozen=True)
class EntityMap:
    entity: str                          # local change-log entity name
    path: str                            # collection path, ends with "/"
    lists: tuple[tuple[str, ...], ...]   # key paths to the row lists in a list answer
    counts: tuple[tuple[str, ...], ...]  # key paths to the matching totals
    detail_key: str | None               # key of the object in a detail answer (None: itself)
    fields: tuple[str, ...]              # local fields carried
    references: Mapping[str, str]
    to_remote: Callable[[Mapping[str, Any]], Fields]
    to_local: Callable[[Mapping[str, Any]], Fields]
    natural_key_field: str | None        # local field whose value identifies a record
    lookup_param: str | None             # list filter narrowing a natural-key look-up
    remote_key_field: str | None         # remote field compared exactly with the key
    remote_errors: Mapping[str, str]     # remote field name -> local, for RejectedError
    create_defaults: Mapping[str, Any] = field(default_factory=dict)  # server-required
    update_method: str = "PATCH"         # estimates take PUT only


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _ref(value: Any) -> str | None:
    """A reference the server gives as an id string or as {"id", "name"}."""
    if isinstance(value, Mapping):
        value = value.get("id")
    return str(value) if value else None


def _first_ref(values: Any) -> str | None:
    return _ref(values[0]) if isinstance(values, list) and values else None


def _date(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else (value or None)


def _primary(points: Any) -> str:
    """The primary value of a local emails/phones list (the server keeps one of each)."""
    first = ""
    for point in points or ():
        value = _text(point.get("value") if isinstance(point, Mapping) else point)
        if isinstance(point, Mapping) and point.get("primary"):
            return value
        first = first or value
    return first


def _points(value: Any) -> list[str]:
    """The engine's form of a contact's emails/phones: plain values, the primary first."""
    return [str(value)] if value else []


def _pick(fields: Mapping[str, Any], mapping: Mapping[str, str],
          convert: Mapping[str, Callable[[Any], Any]] | None = None) -> Fields:
    """Local names -> remote names for the fields present in *fields* (a partial update
    sends only what changed)."""
    out: Fields = {}
    for local, remote in mapping.items():
        if local in fields:
            value = fields[local]
            to_remote: Callable[[Any], Any] = (convert or {}).get(local, _text)
            out[remote] = to_remote(value)
    return out


# -- accounts ---------------------------------------------------------------------------
_ACCOUNT = {"name": "name", "email": "email", "phone": "phone", "website": "website",
            "street": "address_line", "city": "city", "region": "state",
            "postal_code": "postcode", "notes": "description"}


def _account_to_local(row: Mapping[str, Any]) -> Fields:
    return {local: _text(row.get(remote)) for local, remote in _ACCOUNT.items()}


# -- contacts ---------------------------------------------------------------------------
_CONTACT = {"given_name": "first_name", "family_name": "last_name", "title": "title",
            "department": "department", "street": "address_line", "city": "city",
            "region": "state", "postal_code": "postcode", "notes": "description"}


def _contact_to_remote(fields: Mapping[str, Any]) -> Fields:
    out = _pick(fields, _CONTACT)
    if "emails" in fields:
        out["email"] = _primary(fields["emails"]) or None
    if "phones" in fields:
        out["phone"] = _primary(fields["phones"]) or None
    if "account_id" in fields:
        out["account"] = fields["account_id"] or None
    return out


def _contact_to_local(row: Mapping[str, Any]) -> Fields:
    out: Fields = {local: _text(row.get(remote)) for local, remote in _CONTACT.items()}
    out["emails"] = _points(row.get("email"))
    out["phones"] = _points(row.get("phone"))
    out["account_id"] = _ref(row.get("account"))
    return out


# -- leads ------------------------------------------------------------------------------
_LEAD = {"given_name": "first_name", "family_name": "last_name", "company": "company_name",
         "title": "job_title", "email": "email", "phone": "phone", "street": "address_line",
         "city": "city", "region": "state", "postal_code": "postcode", "notes": "description"}
# Lossy both ways: the server has no "qualified" and we have no "recycled".
LEAD_STATUS_OUT = {"new": "assigned", "contacted": "in process", "qualified": "in process",
                   "unqualified": "closed", "converted": "converted"}
LEAD_STATUS_IN = {"assigned": "new", "in process": "contacted", "converted": "converted",
                  "recycled": "contacted", "closed": "unqualified"}


def _lead_to_remote(fields: Mapping[str, Any]) -> Fields:
    out = _pick(fields, _LEAD)
    for key in ("email", "phone"):           # the server validates "" as an address
        if key in out and not out[key]:
            out[key] = None
    if "status" in fields:
        out["status"] = LEAD_STATUS_OUT.get(fields["status"], "assigned")
    return out


def _lead_to_local(row: Mapping[str, Any]) -> Fields:
    out = {local: _text(row.get(remote)) for local, remote in _LEAD.items()}
    out["status"] = LEAD_STATUS_IN.get(_text(row.get("status")), "new")
    return out


# -- opportunities ----------------------------------------------------------------------
def _probability_out(value: Any) -> int | None:
    if value is None or value == "":
        return None
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _opportunity_to_remote(fields: Mapping[str, Any]) -> Fields:
    out: Fields = {}
    if "name" in fields:
        out["name"] = _text(fields["name"])
    if "account_id" in fields:
        out["account"] = fields["account_id"] or None
    if "contact_id" in fields:
        out["contacts"] = [fields["contact_id"]] if fields["contact_id"] else []
    if "currency" in fields:
        out["currency"] = _text(fields["currency"] or "CNY")
    if "amount" in fields:
        # The engine carries the amount as a Decimal ("amount"), the model as amount_minor.
        amount = Decimal(str(fields["amount"] or 0))
        out["amount"] = str(money_round(amount, _text(fields.get("currency") or "CNY")))
    if "close_date" in fields:
        out["closed_on"] = _iso(fields["close_date"])
    if "probability" in fields:
        out["probability"] = _probability_out(fields["probability"])
    if "notes" in fields:
        out["description"] = _text(fields["notes"])
    return out


def _opportunity_to_local(row: Mapping[str, Any]) -> Fields:
    currency = _text(row.get("currency")) or "CNY"
    try:
        amount = Decimal(str(row.get("amount") or 0))
    except InvalidOperation:
        amount = Decimal(0)
    probability = row.get("probability")
    return {
        "name": _text(row.get("name")),
        "account_id": _ref(row.get("account")),
        "contact_id": _first_ref(row.get("contacts")),
        "amount": money_round(amount, currency),
        "currency": currency,
        "close_date": _date(row.get("closed_on")),
        "probability": None if probability is None else Decimal(int(probability)),
        "notes": _text(row.get("description")),
    }


# -- cases -> tickets -------------------------------------------------------------------
PRIORITY_OUT = {"low": "Low", "normal": "Normal", "high": "High", "urgent": "Urgent"}
PRIORITY_IN = {remote: local for local, remote in PRIORITY_OUT.items()}
# Lossy: "resolved" and "closed" are both Closed there; Rejected/Duplicate close here.
TICKET_STATUS_OUT = {"new": "New", "open": "Assigned", "waiting": "Pending",
                     "resolved": "Closed", "closed": "Closed"}
TICKET_STATUS_IN = {"New": "new", "Assigned": "open", "Pending": "waiting", "Closed": "closed",
                    "Rejected": "closed", "Duplicate": "closed"}


def _ticket_to_remote(fields: Mapping[str, Any]) -> Fields:
    out: Fields = {}
    if "subject" in fields:
        out["name"] = _text(fields["subject"])
    if "description" in fields:
        out["description"] = _text(fields["description"])
    if "priority" in fields:
        out["priority"] = PRIORITY_OUT.get(fields["priority"], "Normal")
    if "status" in fields:
        out["status"] = TICKET_STATUS_OUT.get(fields["status"], "New")
    if "account_id" in fields:
        out["account"] = fields["account_id"] or None
    if "contact_id" in fields:
        out["contacts"] = [fields["contact_id"]] if fields["contact_id"] else []
    return out


def _ticket_to_local(row: Mapping[str, Any]) -> Fields:
    return {
        "subject": _text(row.get("name")),
        "description": _text(row.get("description")),
        "priority": PRIORITY_IN.get(_text(row.get("priority")), "normal"),
        "status": TICKET_STATUS_IN.get(_text(row.get("status")), "new"),
        "account_id": _ref(row.get("account")),
        "contact_id": _first_ref(row.get("contacts")),
    }


# -- estimates -> quotes (header only) ----------------------------------------------------
def _quote_to_remote(fields: Mapping[str, Any]) -> Fields:
    out: Fields = {}
    if "number" in fields:
        out["title"] = _text(fields["number"])
    for local, remote in (("account_id", "account_id"), ("contact_id", "contact_id"),
                          ("opportunity_id", "opportunity_id")):
        if local in fields:
            out[remote] = fields[local] or None
    if "currency" in fields:
        out["currency"] = _text(fields["currency"])
    for local in ("issue_date", "expiry_date"):
        if local in fields:
            out[local] = _iso(fields[local])
    return out


def _quote_to_local(row: Mapping[str, Any]) -> Fields:
    return {
        "number": _text(row.get("title")),
        "account_id": _ref(row.get("account")),
        "contact_id": _ref(row.get("contact")),
        "opportunity_id": _ref(row.get("opportunity")),
        "currency": _text(row.get("currency")) or "CNY",
        "issue_date": _date(row.get("issue_date")),
        "expiry_date": _date(row.get("expiry_date")),
    }


def _keys(mapping: Mapping[str, str], *extra: str) -> tuple[str, ...]:
    return (*mapping, *extra)


def _reverse(mapping: Mapping[str, str], **extra: str) -> dict[str, str]:
    return {**{remote: local for local, remote in mapping.items()}, **extra}


ENTITY_MAPS: dict[str, EntityMap] = {m.entity: m for m in (
    EntityMap("account", "/api/accounts/",
              (("active_accounts", "open_accounts"), ("closed_accounts", "close_accounts")),
              (("active_accounts", "open_accounts_count"),
               ("closed_accounts", "close_accounts_count")),
              "account_obj", _keys(_ACCOUNT), {},
              lambda f: _pick(f, _ACCOUNT), _account_to_local,
              "name", "name", "name", _reverse(_ACCOUNT)),
    EntityMap("contact", "/api/contacts/", (("results",),), (("count",),), "contact_obj",
              _keys(_CONTACT, "emails", "phones", "account_id"), {"account_id": "account"},
              _contact_to_remote, _contact_to_local,
              "emails", "email", "email",
              _reverse(_CONTACT, email="emails", phone="phones", account="account_id")),
    EntityMap("lead", "/api/leads/",
              (("open_leads", "open_leads"), ("close_leads", "close_leads")),
              (("open_leads", "leads_count"), ("close_leads", "leads_count")),
              "lead_obj", _keys(_LEAD, "status"), {},
              _lead_to_remote, _lead_to_local,
              "email", "email", "email", _reverse(_LEAD, status="status")),
    EntityMap("opportunity", "/api/opportunities/", (("opportunities",),),
              (("opportunities_count",),), "opportunity_obj",
              ("name", "account_id", "contact_id", "amount", "currency", "close_date",
               "probability", "notes"),
              {"account_id": "account", "contact_id": "contact"},
              _opportunity_to_remote, _opportunity_to_local, "name", "name", "name",
              {"name": "name", "account": "account_id", "contacts": "contact_id",
               "amount": "amount", "currency": "currency", "closed_on": "close_date",
               "probability": "probability", "description": "notes"}),
    EntityMap("ticket", "/api/cases/", (("cases",),), (("cases_count",),), "cases_obj",
              ("subject", "description", "priority", "status", "account_id", "contact_id"),
              {"account_id": "account", "contact_id": "contact"},
              _ticket_to_remote, _ticket_to_local, "subject", "name", "name",
              {"name": "subject", "description": "description", "priority": "priority",
               "status": "status", "account": "account_id", "contacts": "contact_id"},
              {"priority": "Normal", "status": "New"}),
    EntityMap("quote", "/api/invoices/estimates/", (("results",),), (("count",),), "estimate",
              ("number", "account_id", "contact_id", "opportunity_id", "currency",
               "issue_date", "expiry_date"),
              {"account_id": "account", "contact_id": "contact",
               "opportunity_id": "opportunity"},
              _quote_to_remote, _quote_to_local, "number", "search", "title",
              {"title": "number", "account_id": "account_id", "contact_id": "contact_id",
               "opportunity_id": "opportunity_id", "currency": "currency",
               "issue_date": "issue_date", "expiry_date": "expiry_date"},
              update_method="PUT"),
)}
