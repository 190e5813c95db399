"""Tryton JSON-RPC details that need no server: type tags and error classes."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

from desk_crm.sync.adapters.jsonrpc import _decode_hook, classify, encode
from desk_crm.sync.adapters.tryton_mapping import mechanism_actions
from desk_crm.sync.protocol import RejectedError, StaleVersionError, TransientError


def test_values_round_trip_through_tryton_type_tags():
    value = {"amount": Decimal("12.50"), "day": date(2026, 11, 23),
             "at": datetime(2026, 11, 23, 8, 30, 1, 5, tzinfo=UTC), "n": [1, "x"]}
    wire = json.dumps(encode(value))
    assert json.loads(wire, object_hook=_decode_hook) == value
    assert encode(Decimal("1.10")) == {"__class__": "Decimal", "decimal": "1.10"}


def test_errors_are_classified_for_the_engine():
    assert isinstance(classify(["ConcurrencyException", "Records were modified"]),
                      StaleVersionError)
    refused = classify(["UserError", ["The code on party must be unique.", "", None]])
    assert isinstance(refused, RejectedError)
    assert refused.message == "The code on party must be unique."
    assert isinstance(classify(["OperationalError", "database is locked"]), TransientError)
    assert isinstance(classify("KeyError: 'res.user'"), RejectedError)


def test_mechanism_actions_make_the_list_exact_and_ordered():
    current = [{"id": 1, "type": "email", "value": "a@x.example"},
               {"id": 2, "type": "email", "value": "b@x.example"},
               {"id": 3, "type": "phone", "value": "+861"}]
    actions = mechanism_actions({"email": ["c@x.example", "a@x.example"]}, current)
    assert actions == [
        ["delete", [2]],
        ["create", [{"type": "email", "value": "c@x.example", "sequence": 1}]],
        ["write", [1], {"sequence": 2}],
    ]  # the phone is left alone
