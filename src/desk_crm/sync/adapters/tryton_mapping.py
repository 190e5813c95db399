"""Tryton's field names and value shapes for parties, apart from the adapter's calls."""

from __future__ import annotations

from typing import Any

from desk_crm.domain.names import display_name, split_full_name

KEY_PREFIX = "desk-crm:"
PARTY_FIELDS = ["name", "active", "categories", "contact_mechanisms", "addresses",
                "identifiers", "last_modified_at", "_timestamp"]
OPPORTUNITY_FIELDS = ["description", "party", "amount", "currency", "end_date",
                      "conversion_probability", "state", "reference", "last_modified_at",
                      "_timestamp"]
MECHANISMS = {"emails": "email", "phones": "phone"}
ACCOUNT_MECHANISMS = {"email": "email", "phone": "phone", "website": "website"}
ADDRESS = ("street", "city", "postal_code")


def party_name(family: str, given: str) -> str:
    """The one name Tryton keeps, written so that split_full_name gives the parts back:
    as people write it (王芳, Li Chen) when that splits right, else "family, given"."""
    written = display_name(family, given)
    if split_full_name(written) == (family.strip(), given.strip()):
        return written
    return f"{family}, {given}" if given else family


def mechanism_actions(wanted: dict[str, list[str]],
                      current: list[dict[str, Any]]) -> list[Any]:
    """One2many actions that make the mechanisms of each wanted type exactly *wanted*, in
    order (sequence), leaving other types alone."""
    actions: list[Any] = []
    for kind, values in wanted.items():
        have = [m for m in current if m["type"] == kind]
        keep = {m["value"]: m["id"] for m in have if m["value"] in values}
        drop = [m["id"] for m in have if m["value"] not in values]
        if drop:
            actions.append(["delete", drop])
        for sequence, value in enumerate(values, start=1):
            if value in keep:
                actions.append(["write", [keep[value]], {"sequence": sequence}])
            else:
                actions.append(["create", [{"type": kind, "value": value,
                                            "sequence": sequence}]])
    return actions
