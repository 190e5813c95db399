"""Tryton 8.2 over JSON-RPC: parties <-> accounts and contacts, sale.opportunity <->
opportunities.

Mapping (what a round trip keeps):
* account: a party in the category ``account_category`` (default "Account"); name, the first
  e-mail / phone / website contact mechanism, the first address's street, city, postal code.
* contact: any other party. Tryton has one ``name``: it is written as people write it
  (王芳, Li Chen) — or "family, given" where that would not split back the same — and
  read back with the app's own name splitter.
  E-mails and phones are the contact mechanisms of those types, in order; labels stay local.
* opportunity: description, party (the account), amount, currency (by ISO code), end_date
  as close date, conversion_probability as probability/100. Deleting cancels it.
* quote: a ``sale.sale`` quotation made here (see tryton_sales.py): number, account,
  currency, date, terms and lines (description, quantity, unit price); a new revision
  cancels the old quotation and makes a new one.
* product: a ``product.template`` (see tryton_products.py): code, name, list price as the
  default price; deleting archives it.

Changes since a cursor use the searchable ``last_modified_at`` (write_date, else
create_date) with the id as tie-breaker, so pages are keyset-paged and never skip a row;
the cursor of the last page steps back ``overlap`` seconds because a Tryton transaction's
timestamp is taken when it starts, not when it commits. Archived parties (``active``
False) and cancelled opportunities come back as deleted. Each record carries Tryton's
``_timestamp``; updates send it so a stale write raises StaleVersionError instead of
silently winning. Creates carry the idempotency key (a party identifier ``desk-crm:<key>``,
an opportunity's ``reference``) so a create whose answer was lost is found again.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from desk_crm.domain.names import split_full_name
from desk_crm.sync.adapters.jsonrpc import TrytonRpc
from desk_crm.sync.adapters.tryton_entities import (
    OPPORTUNITY,
    PARTY,
    PRODUCT,
    QUOTE,
    REMOTE,
)
from desk_crm.sync.adapters.tryton_mapping import (
    ACCOUNT_MECHANISMS,
    ADDRESS,
    KEY_PREFIX,
    MECHANISMS,
    mechanism_actions,
    party_name,
)
from desk_crm.sync.adapters.tryton_products import TrytonProducts
from desk_crm.sync.adapters.tryton_sales import TrytonQuotes
from desk_crm.sync.protocol import (
    KEY_FIELD,
    Capabilities,
    ChangePage,
    NotFoundError,
    RejectedError,
    RemoteRecord,
)


class TrytonAdapter:
    name = "tryton"
    capabilities = Capabilities(incremental=True, versions=True, hard_deletes=False)

    def __init__(self, url: str, database: str, user: str, password: str, *,
                 account_category: str = "Account", timeout: float = 30.0,
                 overlap: float = 2.0, with_opportunities: bool = True,
                 with_quotes: bool = True, with_products: bool = False,
                 scope_category: str | None = None) -> None:
        self.rpc = TrytonRpc(url, database, user, password, timeout=timeout)
        self._category_name = account_category
        self._category: int | None = None
        # Optional: sync only parties in this category (created ones join it).
        self._scope_name = scope_category
        self._scope: int | None = None
        self._overlap = timedelta(seconds=overlap)
        self._entities = (("account", "contact")
                          + (("product",) if with_products else ())
                          + (("opportunity",) if with_opportunities else ())
                          + (("quote",) if with_quotes else ()))
        self._currencies: dict[int, str] = {}
        self._sent_keys: set[str] = set()  # keys this adapter sent in a create_many call
        self._quotes = TrytonQuotes(self.rpc, self._currency_code, self._currency_id)
        self._product_scope: int | None = None
        self._products = TrytonProducts(self.rpc, self._product_categories)

    # -- protocol: vocabulary --------------------------------------------------------------
    def entities(self) -> tuple[str, ...]:
        return self._entities

    def fields(self, entity: str) -> tuple[str, ...]:
        return REMOTE[entity].fields

    def references(self, entity: str) -> Mapping[str, str]:
        return REMOTE[entity].references

    def natural_key(self, entity: str, fields: Mapping[str, Any]) -> Any:
        name = REMOTE[entity].natural_key
        values = (fields.get(name) or []) if name else []
        return values[0] if values else None

    # -- protocol: reads ---------------------------------------------------------------------
    def _changes_domain(self, entity: str, cursor: str | None) -> list[Any]:
        state = json.loads(cursor) if cursor else None
        domain: list[Any] = self._entity_domain(entity)
        if state is not None:
            since = datetime.fromisoformat(state["ts"])
            domain = [domain, ["OR", ["last_modified_at", ">", since],
                               [["last_modified_at", "=", since], ["id", ">", state["id"]]]]]
        return domain

    def change_total(self, entity: str, cursor: str | None) -> int:
        """Extension of the protocol: how many records list_changes will walk from
        *cursor* (the progress's total)."""
        return int(self.rpc.call(f"model.{self._model(entity)}.search_count",
                                 self._changes_domain(entity, cursor),
                                 context={"active_test": False}))

    def list_changes(self, entity: str, cursor: str | None, limit: int) -> ChangePage:
        domain = self._changes_domain(entity, cursor)
        rows = self.rpc.call(f"model.{self._model(entity)}.search_read", domain, 0, limit,
                             [["last_modified_at", "ASC"], ["id", "ASC"]],
                             self._read_fields(entity), context={"active_test": False})
        records = self._records(entity, rows)
        has_more = len(rows) == limit
        if rows:
            last = rows[-1]
            ts, last_id = last["last_modified_at"], last["id"]
            if not has_more:
                ts, last_id = ts - self._overlap, 0  # re-read a little: late commits
            new_cursor: str | None = json.dumps({"ts": ts.isoformat(), "id": last_id})
        else:
            new_cursor = cursor
        return ChangePage(records, new_cursor, has_more)

    def fetch(self, entity: str, remote_id: str) -> RemoteRecord:
        rows = self.rpc.call(f"model.{self._model(entity)}.search_read",
                             [["id", "=", int(remote_id)]], 0, 1, None,
                             self._read_fields(entity), context={"active_test": False})
        if not rows:
            raise NotFoundError(f"{entity} {remote_id}")
        return self._records(entity, rows)[0]

    def missing_ids(self, entity: str, remote_ids: Sequence[str]) -> list[str]:
        """Extension of the protocol: which of these ids the server no longer has at all.
        Hard deletes leave no trace in a change list (and an archived or re-categorised
        party still exists), so only the ids travel: one search per call."""
        wanted = [int(r) for r in remote_ids]
        if not wanted:
            return []
        present = set(self.rpc.call(f"model.{self._model(entity)}.search",
                                    [["id", "in", wanted]], 0, None, None,
                                    context={"active_test": False}))
        return [str(r) for r in wanted if r not in present]

    def find_by_natural_key(self, entity: str, key: Any) -> RemoteRecord | None:
        if not REMOTE[entity].natural_key or not key:
            return None
        ids = self.rpc.call("model.party.party.search",
                            [self._entity_domain(entity),
                             ["contact_mechanisms.value", "=", key]], 0, 1, None,
                            context={"active_test": False})
        return self.fetch(entity, str(ids[0])) if ids else None

    def find_by_idempotency_key(self, entity: str, key: str) -> RemoteRecord | None:
        """Extension of the protocol: the record a create with this key made, if any."""
        kept = self._settle_key(entity, key)
        return self.fetch(entity, str(kept)) if kept is not None else None

    # -- protocol: writes --------------------------------------------------------------------
    def create(self, entity: str, fields: Mapping[str, Any], *,
               idempotency_key: str) -> RemoteRecord:
        # Looked for first: a record pushed before a local backup was restored carries
        # the same key (keys are per local record), and must not be made twice.
        kept = self._settle_key(entity, idempotency_key)
        if kept is None:
            if REMOTE[entity].kind == QUOTE:
                self._quotes.create(fields, idempotency_key)
            else:
                self.rpc.call(f"model.{self._model(entity)}.create",
                              [self._create_values(entity, fields, idempotency_key)])
            kept = self._settle_key(entity, idempotency_key)
        if kept is None:
            raise NotFoundError(f"{entity} created with key {idempotency_key} not found")
        return self.fetch(entity, str(kept))

    def create_many(self, entity: str, items: Sequence[tuple[Mapping[str, Any], Sequence[str]]]
                    ) -> list[tuple[RemoteRecord, bool]]:
        """Extension of the protocol (CreatesMany): one search for the keys already on
        the server, one create call for the rest (Tryton creates a list in one
        transaction), one search to settle copies, and one page read of the records."""
        if not REMOTE[entity].batched:  # quotations: one at a time
            out = []
            for fields, keys in items:
                found = next((k for k in (self._settle_key(entity, key) for key in keys[1:])
                              if k is not None), None)
                if found is not None:
                    out.append((self.fetch(entity, str(found)), False))
                else:
                    out.append((self.create(entity, fields, idempotency_key=keys[0]), True))
            return out
        every = [key for _fields, keys in items for key in keys]
        held = self._settle_keys(entity, every)
        todo = [(fields, keys[0]) for fields, keys in items if not any(k in held for k in keys)]
        if todo:
            # Noted before the call: a retry after a lost answer finds these made by us.
            self._sent_keys.update(key for _fields, key in todo)
            self.rpc.call(f"model.{self._model(entity)}.create",
                          [self._create_values(entity, fields, key) for fields, key in todo])
            held.update(self._settle_keys(entity, [key for _fields, key in todo]))
        made = {keys[0] for _fields, keys in items if keys[0] in self._sent_keys}
        ids: list[int] = []
        for _fields, keys in items:
            found = next((held[k] for k in keys if k in held), None)
            if found is None:
                raise NotFoundError(f"{entity} created with key {keys[0]} not found")
            ids.append(found)
        records = {r.remote_id: r for r in self._read_ids(entity, ids)}
        return [(records[str(i)], keys[0] in made) for i, (_fields, keys) in zip(
            ids, items, strict=True)]

    def _create_values(self, entity: str, fields: Mapping[str, Any],
                       key: str) -> dict[str, Any]:
        kind = REMOTE[entity].kind
        if kind == PRODUCT:
            return self._products.values(fields, key)
        if kind == OPPORTUNITY:
            values = self._opportunity_values(fields, new=True)
            values["reference"] = KEY_PREFIX + key
            return values
        values = self._party_values(entity, fields, None)
        values["identifiers"] = [["create", [{"code": KEY_PREFIX + key}]]]
        if self._party_categories(entity):
            values["categories"] = [["add", self._party_categories(entity)]]
        return values

    def _settle_keys(self, entity: str, keys: Sequence[str]) -> dict[str, int]:
        """Key -> the oldest record made with it, for the keys the server holds; copies a
        create delivered twice made are archived (opportunities: cancelled)."""
        if not keys:
            return {}
        codes = [KEY_PREFIX + k for k in keys]
        kind = REMOTE[entity].kind
        if kind == OPPORTUNITY:
            rows = self.rpc.call("model.sale.opportunity.search_read",
                                 [["reference", "in", codes]], 0, None, [["id", "ASC"]],
                                 ["reference", "state"], context={"active_test": False})
            pairs = [(r["reference"], r["id"], r["state"] != "cancelled") for r in rows]
        elif kind == PRODUCT:
            pairs = list(self._products.keyed(codes))
        else:
            rows = self.rpc.call("model.party.identifier.search_read",
                                 [["code", "in", codes]], 0, None, [["id", "ASC"]],
                                 ["code", "party", "party.active"],
                                 context={"active_test": False})
            pairs = [(r["code"], r["party"], bool((r.get("party.") or {}).get("active", True)))
                     for r in rows]
        held: dict[str, int] = {}
        live_copies: list[int] = []
        for code, record_id, live in sorted(pairs, key=lambda p: p[1]):
            key = code[len(KEY_PREFIX):]
            if key not in held:
                held[key] = int(record_id)
            elif live and int(record_id) != held[key]:
                live_copies.append(int(record_id))
        for copy in live_copies:
            self.delete(entity, str(copy), expected_version=None)
        return held

    def _read_ids(self, entity: str, ids: Sequence[int]) -> list[RemoteRecord]:
        rows = self.rpc.call(f"model.{self._model(entity)}.search_read",
                             [["id", "in", list(ids)]], 0, None, None,
                             self._read_fields(entity), context={"active_test": False})
        return self._records(entity, rows)

    def _settle_key(self, entity: str, key: str) -> int | None:
        """The oldest record made with this idempotency key. A request the network
        delivered twice made copies: those are archived (opportunities: cancelled)."""
        spec = REMOTE[entity]
        if spec.kind == PRODUCT:
            return self._settle_keys(entity, [key]).get(key)
        stateful = spec.stateful
        if stateful:
            domain: list[Any] = [["reference", "=", KEY_PREFIX + key]]
        else:
            domain = [["identifiers.code", "=", KEY_PREFIX + key]]
        ids = self.rpc.call(f"model.{self._model(entity)}.search", domain, 0, None,
                            [["id", "ASC"]], context={"active_test": False})
        copies = [int(i) for i in ids[1:]]
        if copies:  # archive only those still live: archiving again would touch them
            live = self.rpc.call(f"model.{self._model(entity)}.search",
                                 [["id", "in", copies]] + (
                                     [["state", "!=", "cancelled"]] if stateful else []),
                                 0, None, None)
            for copy in live:
                self.delete(entity, str(copy), expected_version=None)
        return int(ids[0]) if ids else None

    def update(self, entity: str, remote_id: str, fields: Mapping[str, Any], *,
               expected_version: str | None) -> RemoteRecord:
        try:
            return self._update(entity, remote_id, fields, expected_version)
        except RejectedError as refused:
            # Tryton answers a write or read of a missing id with a UserError ("records
            # ... don't exist"): the engine must see NotFoundError, not a rejection.
            if not self._exists(entity, remote_id):
                raise NotFoundError(f"{entity} {remote_id}") from refused
            raise

    def _exists(self, entity: str, remote_id: str) -> bool:
        return bool(self.rpc.call(f"model.{self._model(entity)}.search",
                                  [["id", "=", int(remote_id)]], 0, 1, None,
                                  context={"active_test": False}))

    def _update(self, entity: str, remote_id: str, fields: Mapping[str, Any],
                expected_version: str | None) -> RemoteRecord:
        model = self._model(entity)
        spec = REMOTE[entity]
        if spec.kind == QUOTE:
            self._quotes.update(remote_id, fields, expected_version)
            values: dict[str, Any] = {}
        elif spec.kind == OPPORTUNITY:
            values = self._opportunity_values(fields, new=False)
        elif spec.kind == PRODUCT:
            values = {**self._products.values(fields, None), "active": True}
        else:
            current = self._party_row(int(remote_id), set(fields))
            values = self._party_values(entity, fields, current)
            values["active"] = True  # an update of an archived record restores it
        if values:
            context = self._timestamp(model, remote_id, expected_version)
            try:
                self.rpc.call(f"model.{model}.write", [int(remote_id)], values, context=context)
            except RejectedError:
                # An archived party's fields are read-only: restore it first, then write.
                if spec.stateful or self._active(entity, remote_id):
                    raise
                self.rpc.call(f"model.{model}.write", [int(remote_id)], {"active": True},
                              context={**context, "active_test": False})
                values.pop("active", None)
                self.rpc.call(f"model.{model}.write", [int(remote_id)], values)
        # Only the new version is read back (one call, not a whole fetch): the engine keeps
        # its base copy for the fields not written.
        rows = self.rpc.call(f"model.{model}.read", [int(remote_id)], ["_timestamp"],
                             context={"active_test": False})
        if not rows:
            raise NotFoundError(f"{entity} {remote_id}")
        return RemoteRecord(entity, remote_id, dict(fields), rows[0]["_timestamp"])

    def delete(self, entity: str, remote_id: str, *, expected_version: str | None) -> None:
        try:
            self._delete(entity, remote_id, expected_version)
        except RejectedError as refused:
            if not self._exists(entity, remote_id):
                raise NotFoundError(f"{entity} {remote_id}") from refused
            # Cancelling what is cancelled already is refused by Tryton; for us the record
            # is deleted there, which is what was asked.
            if not self.fetch(entity, remote_id).deleted:
                raise

    def _delete(self, entity: str, remote_id: str, expected_version: str | None) -> None:
        model = self._model(entity)
        context = self._timestamp(model, remote_id, expected_version)
        kind = REMOTE[entity].kind
        if kind == QUOTE:
            self._quotes.cancel(remote_id, expected_version)
        elif kind == OPPORTUNITY:
            self.rpc.call("model.sale.opportunity.cancel", [int(remote_id)], context=context)
        else:
            self.rpc.call(f"model.{model}.write", [int(remote_id)], {"active": False},
                          context={**context, "active_test": False})

    def close(self) -> None:
        pass

    # -- mapping -------------------------------------------------------------------------------
    @staticmethod
    def _model(entity: str) -> str:
        return REMOTE[entity].model

    def _read_fields(self, entity: str) -> list[str]:
        return REMOTE[entity].read

    def _entity_domain(self, entity: str) -> list[Any]:
        spec = REMOTE[entity]
        scope: list[Any] = []
        if spec.kind == PRODUCT:
            return [["categories", "in", self._product_categories()]] if self._scope_name else []
        if self._scope_name:
            scope = [[spec.scope_field, "in", [self._scope_category()]]]
        if spec.kind == PARTY and spec.company:
            return [*scope, ["categories", "in", [self._account_category()]]]
        if spec.kind == PARTY:
            # Not "not in": on a many2many that means "has some category other than".
            return [*scope, ["categories", "not where", [["id", "=", self._account_category()]]]]
        if spec.own_only:  # only the documents we made
            return [*scope, ["reference", "like", KEY_PREFIX + "%"]]
        return scope

    def _party_categories(self, entity: str) -> list[int]:
        wanted = [self._account_category()] if REMOTE[entity].company else []
        if self._scope_name:
            wanted.append(self._scope_category())
        return wanted

    def _product_categories(self) -> list[int]:
        """The product category of the scope (made when missing); none without a scope."""
        if not self._scope_name:
            return []
        if self._product_scope is None:
            found = self.rpc.call("model.product.category.search",
                                  [["name", "=", self._scope_name]], 0, 1, None)
            self._product_scope = int(found[0]) if found else int(self.rpc.call(
                "model.product.category.create", [{"name": self._scope_name}])[0])
        return [self._product_scope]

    def _account_category(self) -> int:
        if self._category is None:
            self._category = self._category_id(self._category_name)
        return self._category

    def _scope_category(self) -> int:
        if self._scope is None:
            assert self._scope_name
            self._scope = self._category_id(self._scope_name)
        return self._scope

    def _category_id(self, name: str) -> int:
        found = self.rpc.call("model.party.category.search", [["name", "=", name]], 0, 1, None)
        if found:
            return int(found[0])
        return int(self.rpc.call("model.party.category.create", [{"name": name}])[0])

    def _records(self, entity: str, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
        spec = REMOTE[entity]
        if spec.kind == QUOTE:
            return self._quotes.records(rows)
        if spec.kind == PRODUCT:
            return self._products.records(rows)
        if spec.kind == OPPORTUNITY:
            return [self._opportunity_record(row) for row in rows]
        mechanism_ids = [i for row in rows for i in row["contact_mechanisms"]]
        address_ids = [row["addresses"][0] for row in rows if row["addresses"]]
        mechanisms = {m["id"]: m for m in self.rpc.call(
            "model.party.contact_mechanism.read", mechanism_ids,
            ["type", "value", "sequence"])} if mechanism_ids else {}
        addresses = {a["id"]: a for a in self.rpc.call(
            "model.party.address.read", address_ids, list(ADDRESS))} if address_ids else {}
        identifier_ids = [i for row in rows for i in row["identifiers"]]
        keys = {i["party"]: i["code"][len(KEY_PREFIX):] for i in self.rpc.call(
            "model.party.identifier.read", identifier_ids, ["party", "code"])
            if (i["code"] or "").startswith(KEY_PREFIX)} if identifier_ids else {}
        records = []
        for row in rows:
            points = [mechanisms[i] for i in row["contact_mechanisms"] if i in mechanisms]
            address = addresses.get(row["addresses"][0]) if row["addresses"] else None
            fields: dict[str, Any] = {k: ((address or {}).get(k) or "") for k in ADDRESS}
            if spec.company:
                fields["name"] = row["name"] or ""
                for local_name, kind in ACCOUNT_MECHANISMS.items():
                    fields[local_name] = next(
                        (p["value"] for p in points if p["type"] == kind), "")
            else:
                fields["family_name"], fields["given_name"] = split_full_name(row["name"] or "")
                for local_name, kind in MECHANISMS.items():
                    fields[local_name] = [p["value"] for p in points if p["type"] == kind]
            if row["id"] in keys:
                fields[KEY_FIELD] = keys[row["id"]]
            records.append(RemoteRecord(entity, str(row["id"]), fields, row["_timestamp"],
                                        deleted=not row["active"]))
        return records

    def _active(self, entity: str, remote_id: str) -> bool:
        rows = self.rpc.call(f"model.{self._model(entity)}.read", [int(remote_id)], ["active"],
                             context={"active_test": False})
        return bool(rows and rows[0]["active"])

    def _party_row(self, party_id: int, written: set[str]) -> dict[str, Any] | None:
        """What an update of *written* fields must know of the party now (mechanism and
        address ids, the name's other part); None when the write needs nothing."""
        mechanisms = bool(written & {"emails", "phones", "email", "phone", "website"})
        needed = mechanisms or bool(written & set(ADDRESS)) or (
            len(written & {"family_name", "given_name"}) == 1)
        if not needed:
            return None
        rows = self.rpc.call("model.party.party.read", [party_id],
                             ["name", "contact_mechanisms", "addresses"],
                             context={"active_test": False})
        if not rows:
            raise NotFoundError(f"party {party_id}")
        row: dict[str, Any] = rows[0]
        row["mechanisms"] = self.rpc.call("model.party.contact_mechanism.read",
                                          row["contact_mechanisms"], ["type", "value"]
                                          ) if mechanisms and row["contact_mechanisms"] else []
        return row

    def _party_values(self, entity: str, fields: Mapping[str, Any],
                      current: dict[str, Any] | None) -> dict[str, Any]:
        company = REMOTE[entity].company
        values: dict[str, Any] = {}
        if company and "name" in fields:
            values["name"] = fields["name"]
        if not company and ("family_name" in fields or "given_name" in fields):
            # One Tryton name holds both: the part not sent is the server's current one.
            family, given = split_full_name((current or {}).get("name") or "")
            values["name"] = party_name(fields.get("family_name", family) or "",
                                        fields.get("given_name", given) or "")
        wanted: dict[str, list[str]] = {}
        if company:
            for local_name, kind in ACCOUNT_MECHANISMS.items():
                if local_name in fields:
                    wanted[kind] = [fields[local_name]] if fields[local_name] else []
        else:
            for local_name, kind in MECHANISMS.items():
                if local_name in fields:
                    wanted[kind] = list(fields[local_name] or [])
        actions = mechanism_actions(wanted, (current or {}).get("mechanisms", []))
        if actions:
            values["contact_mechanisms"] = actions
        address = {k: fields[k] or "" for k in ADDRESS if k in fields}
        if address:
            existing = (current or {}).get("addresses") or []
            if existing:
                values["addresses"] = [["write", [existing[0]], address]]
            elif any(address.values()):
                values["addresses"] = [["create", [address]]]
        return values

    def _opportunity_values(self, fields: Mapping[str, Any], *, new: bool) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if "name" in fields:
            values["description"] = fields["name"]
        if "account_id" in fields:
            if fields["account_id"] is None:
                raise RejectedError("an opportunity needs an account on Tryton",
                                    field_name="account_id")
            values["party"] = int(fields["account_id"])
        if "amount" in fields:
            values["amount"] = Decimal(fields["amount"] or 0)
        if "currency" in fields:
            values["currency"] = self._currency_id(fields["currency"] or "CNY")
        if "close_date" in fields:
            values["end_date"] = fields["close_date"]
        if "probability" in fields:
            value = fields["probability"]
            values["conversion_probability"] = (float(Decimal(value) / 100)
                                                if value is not None else 0.0)
        if new:
            values.setdefault("start_date", date.today())
        return values

    def _opportunity_record(self, row: dict[str, Any]) -> RemoteRecord:
        probability = row.get("conversion_probability")
        fields = {
            "name": row["description"] or "",
            "account_id": str(row["party"]) if row.get("party") else None,
            "amount": row["amount"] if row["amount"] is not None else Decimal(0),
            "currency": self._currency_code(row["currency"]),
            "close_date": row["end_date"],
            "probability": (Decimal(str(probability)) * 100).quantize(Decimal("0.01"))
            .normalize() if probability else None,
        }
        if (row.get("reference") or "").startswith(KEY_PREFIX):
            fields[KEY_FIELD] = row["reference"][len(KEY_PREFIX):]
        return RemoteRecord("opportunity", str(row["id"]), fields, row["_timestamp"],
                            deleted=row["state"] == "cancelled")

    def _currency_code(self, currency_id: int | None) -> str:
        if currency_id is None:
            return "CNY"
        if currency_id not in self._currencies:
            rows = self.rpc.call("model.currency.currency.read", [currency_id], ["code"])
            self._currencies[currency_id] = rows[0]["code"]
        return self._currencies[currency_id]

    def _currency_id(self, code: str) -> int:
        for currency_id, known in self._currencies.items():
            if known == code:
                return currency_id
        ids = self.rpc.call("model.currency.currency.search", [["code", "=", code]], 0, 1, None)
        if not ids:
            raise RejectedError(f"currency {code} is not known to the server",
                                field_name="currency")
        self._currencies[int(ids[0])] = code
        return int(ids[0])

    @staticmethod
    def _timestamp(model: str, remote_id: str, version: str | None) -> dict[str, Any]:
        if version is None:
            return {}
        return {"_timestamp": {f"{model},{remote_id}": version}}
