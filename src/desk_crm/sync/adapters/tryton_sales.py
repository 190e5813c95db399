"""Quotes <-> Tryton ``sale.sale`` in the quotation state.

Only quotations made by Desk CRM are synced (their ``reference`` carries our key): a sale
made in Tryton has no opportunity here to hang a quote on. Lines travel as description,
quantity and unit price ("line" type, no product: products are not synced). A quotation's
lines are read-only in Tryton, so an update goes back to draft, writes, and quotes again;
deleting cancels. A sale needs an invoice and a shipment address: the party's first address,
made empty when it has none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from desk_crm.sync.adapters.jsonrpc import TrytonRpc
from desk_crm.sync.protocol import KEY_FIELD, RejectedError, RemoteRecord, StaleVersionError

MODEL = "sale.sale"
KEY_PREFIX = "desk-crm:"
QUOTE_FIELDS = ["description", "party", "currency", "sale_date", "comment", "lines", "state",
                "reference", "last_modified_at", "_timestamp"]


class TrytonQuotes:
    def __init__(self, rpc: TrytonRpc, currency_code: Callable[[int | None], str],
                 currency_id: Callable[[str], int]) -> None:
        self.rpc = rpc
        self._currency_code = currency_code
        self._currency_id = currency_id

    def records(self, rows: list[dict[str, Any]]) -> list[RemoteRecord]:
        line_ids = [i for row in rows for i in row["lines"]]
        lines = {line["id"]: line for line in self.rpc.call(
            "model.sale.line.read", line_ids,
            ["type", "description", "quantity", "unit_price"])} if line_ids else {}
        out = []
        for row in rows:
            fields: dict[str, Any] = {
                "number": row["description"] or "",
                "account_id": str(row["party"]) if row.get("party") else None,
                "currency": self._currency_code(row["currency"]),
                "issue_date": row["sale_date"],
                "terms": row["comment"] or "",
                "lines": [{"description": line["description"] or "",
                           "quantity": Decimal(str(line["quantity"] or 0)),
                           "unit_price": line["unit_price"] or Decimal(0)}
                          for line in (lines.get(i) for i in row["lines"])
                          if line is not None and line["type"] == "line"],
            }
            if (row.get("reference") or "").startswith(KEY_PREFIX):
                fields[KEY_FIELD] = row["reference"][len(KEY_PREFIX):]
            out.append(RemoteRecord("quote", str(row["id"]), fields, row["_timestamp"],
                                    deleted=row["state"] == "cancelled"))
        return out

    def create(self, fields: Mapping[str, Any], key: str) -> int:
        values = self._values(fields)
        party = values.get("party")
        if party is None:
            raise RejectedError("a quote needs an account on Tryton", field_name="account_id")
        address = self._address(party)
        values.update(invoice_address=address, shipment_address=address,
                      reference=KEY_PREFIX + key)
        values.setdefault("currency", self._currency_id("CNY"))
        sale_id = int(self.rpc.call(f"model.{MODEL}.create", [values])[0])
        self.rpc.call(f"model.{MODEL}.quote", [sale_id])
        return sale_id

    def update(self, remote_id: str, fields: Mapping[str, Any],
               expected_version: str | None) -> None:
        sale_id = int(remote_id)
        current = self.rpc.call(f"model.{MODEL}.read", [sale_id],
                                ["state", "lines", "_timestamp"])[0]
        if expected_version is not None and current["_timestamp"] != expected_version:
            raise StaleVersionError(f"sale {remote_id}")
        if current["state"] not in ("draft", "quotation"):
            raise RejectedError(f"the sale is {current['state']} on the server")
        values = self._values(fields)
        if "lines" in fields and current["lines"]:
            values["lines"] = [["delete", current["lines"]], *values["lines"]]
        if "party" in values:
            address = self._address(values["party"])
            values.update(invoice_address=address, shipment_address=address)
        if current["state"] == "quotation":
            self.rpc.call(f"model.{MODEL}.draft", [sale_id])
        if values:
            self.rpc.call(f"model.{MODEL}.write", [sale_id], values)
        self.rpc.call(f"model.{MODEL}.quote", [sale_id])

    def cancel(self, remote_id: str, expected_version: str | None) -> None:
        context = {} if expected_version is None else {
            "_timestamp": {f"{MODEL},{remote_id}": expected_version}}
        self.rpc.call(f"model.{MODEL}.cancel", [int(remote_id)], context=context)

    def _values(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if "number" in fields:
            values["description"] = fields["number"] or ""
        if fields.get("account_id") is not None:
            values["party"] = int(fields["account_id"])
        if "currency" in fields:
            values["currency"] = self._currency_id(fields["currency"] or "CNY")
        if "issue_date" in fields:
            values["sale_date"] = fields["issue_date"]
        if "terms" in fields:
            values["comment"] = fields["terms"] or ""
        if "lines" in fields:
            values["lines"] = [["create", [
                {"type": "line", "description": line.get("description") or "-",
                 "quantity": float(line["quantity"]), "unit_price": Decimal(line["unit_price"])}
                for line in fields["lines"] or []]]]
        return values

    def _address(self, party: int) -> int:
        addresses = self.rpc.call("model.party.party.read", [party], ["addresses"],
                                  context={"active_test": False})[0]["addresses"]
        if addresses:
            return int(addresses[0])
        self.rpc.call("model.party.party.write", [party], {"addresses": [["create", [{}]]]},
                      context={"active_test": False})
        return int(self.rpc.call("model.party.party.read", [party], ["addresses"],
                                 context={"active_test": False})[0]["addresses"][0])
