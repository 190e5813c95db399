"""Products <-> Tryton ``product.template`` (module ``product``).

Mapping: code, name, and the list price as the default price (in the company's currency,
which is how Tryton keeps it). A template made here is a service with the unit "Unit" and
one variant; that variant carries the idempotency key as a product identifier
(``desk-crm:<key>``, the template has no field of its own for it). Deleting archives the
template (``active`` False), as with parties.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from desk_crm.sync.adapters.jsonrpc import TrytonRpc
from desk_crm.sync.local import number_text
from desk_crm.sync.protocol import KEY_FIELD, RejectedError, RemoteRecord

MODEL = "product.template"
KEY_PREFIX = "desk-crm:"
PRODUCT_FIELDS = ["name", "code", "list_price", "active", "last_modified_at", "_timestamp"]
FIELDS = ("code", "name", "default_price")


class TrytonProducts:
    def __init__(self, rpc: TrytonRpc, scope: Callable[[], list[int]]) -> None:
        self.rpc = rpc
        self._scope = scope          # product categories a new template joins
        self._unit: int | None = None

    def values(self, fields: Mapping[str, Any], key: str | None) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if "name" in fields:
            values["name"] = fields["name"]
        if "code" in fields:
            values["code"] = fields["code"] or None
        if "default_price" in fields:
            values["list_price"] = Decimal(fields["default_price"] or 0)
        if key is not None:
            values.update(type="service", default_uom=self._unit_id(),
                          products=[["create", [{"identifiers": [["create", [
                              {"code": KEY_PREFIX + key}]]]}]]])
            if self._scope():
                values["categories"] = [["add", self._scope()]]
        return values

    def records(self, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
        keys = {template: code[len(KEY_PREFIX):] for code, template, _live in
                self.keyed_rows([["product.template", "in", [r["id"] for r in rows]],
                                 ["code", "like", KEY_PREFIX + "%"]])} if rows else {}
        out = []
        for row in rows:
            price = row.get("list_price")
            fields: dict[str, Any] = {
                "code": row["code"] or "", "name": row["name"] or "",
                # As local.read_fields spells it ("12.5", not Tryton's "12.5000").
                "default_price": number_text(price if price is not None else 0)}
            if row["id"] in keys:
                fields[KEY_FIELD] = keys[row["id"]]
            out.append(RemoteRecord("product", str(row["id"]), fields, row["_timestamp"],
                                    deleted=not row["active"]))
        return out

    def keyed(self, codes: Sequence[str]) -> list[tuple[str, int, bool]]:
        """(identifier code, template id, template active) for these codes."""
        return self.keyed_rows([["code", "in", list(codes)]])

    def keyed_rows(self, domain: list[Any]) -> list[tuple[str, int, bool]]:
        rows = self.rpc.call("model.product.identifier.search_read", domain, 0, None,
                             [["id", "ASC"]], ["code", "product.template",
                                               "product.active"],
                             context={"active_test": False})
        out = []
        for row in rows:
            variant = row.get("product.") or {}
            template = variant.get("template")
            if template is not None:
                out.append((row["code"], int(template), bool(variant.get("active", True))))
        return out

    def _unit_id(self) -> int:
        if self._unit is None:
            found = self.rpc.call("model.product.uom.search", [["symbol", "=", "u"]], 0, 1,
                                  None)
            if not found:
                raise RejectedError("the server has no unit 'u' for new products")
            self._unit = int(found[0])
        return self._unit
