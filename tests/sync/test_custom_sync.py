"""The engine's custom-field logic (sync/custom_sync.py) against the in-process fake server
with definitions of its own; the proof runs against a real django-crm
(tests/sync/djcrm/test_custom_fields_djcrm.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests.sync.fake_adapter import FakeAdapter, FakeServer

from desk_crm.domain.drafts import AccountDraft
from desk_crm.domain.fields import Choice, FieldDef, FieldType
from desk_crm.services.custom_fields import NewField
from desk_crm.sync.adapters.django_crm_custom import TYPE_OUT, RemoteFieldDef
from desk_crm.sync.engine import SyncEngine
from desk_crm.sync.issues import SyncIssues
from desk_crm.sync.protocol import HoldsCustomFields


class CustomServerAdapter(FakeAdapter):
    """FakeAdapter whose server keeps custom-field definitions (values in the rows)."""

    def __init__(self, server: FakeServer) -> None:
        super().__init__(server)
        self.definitions: dict[str, RemoteFieldDef] = getattr(server, "definitions", {})
        server.definitions = self.definitions  # type: ignore[attr-defined]
        self._custom: dict[str, tuple[FieldDef, ...]] = {}

    def fields(self, entity: str) -> tuple[str, ...]:
        return (*super().fields(entity),
                *(f"custom.{f.key}" for f in self._custom.get(entity, ())))

    def custom_field_entities(self) -> tuple[str, ...]:
        return ("account",)

    def custom_field_definitions(self, entity: str) -> list[RemoteFieldDef]:
        return list(self.definitions.values())

    def create_custom_field(self, entity: str, field: Any) -> RemoteFieldDef:
        made = RemoteFieldDef(field.key, entity, field.key, field.title, TYPE_OUT[field.type],
                              tuple((c.key, c.title) for c in field.choices))
        self.definitions[field.key] = made
        return made

    def update_custom_field(self, definition: RemoteFieldDef, *, label: str | None = None,
                            options: list[dict[str, str]] | None = None) -> RemoteFieldDef:
        changed = replace(definition, label=label or definition.label, options=tuple(
            (o["value"], o["label"]) for o in options) if options is not None
            else definition.options)
        self.definitions[definition.key] = changed
        return changed

    def use_custom_fields(self, entity: str, fields: tuple[Any, ...]) -> None:
        self._custom[entity] = fields


def sync(database, adapter) -> Any:
    report = SyncEngine(database.session_factory, adapter, sleep=lambda _s: None).run()
    assert report.status == "ok", report.message
    return report


def test_definitions_and_values_travel_and_conflict_like_built_in_fields(database, services):
    adapter = CustomServerAdapter(FakeServer())
    assert isinstance(adapter, HoldsCustomFields)
    services.fields.create(NewField("account", "Tier", FieldType.PICKLIST, key="tier",
                                    choices=(Choice("a", "A"), Choice("b", "B"))))
    services.fields.create(NewField("account", "Seats", FieldType.INTEGER, key="seats"))
    services.fields.create(NewField("account", "Budget", FieldType.MONEY, key="budget"))
    acme = services.fields.save_with(
        "account", lambda: services.accounts.save(AccountDraft(name="Acme")),
        {"tier": "a", "seats": 3, "budget": "5 CNY"})
    report = sync(database, adapter)
    assert report.local_fields == ["account.budget (money)"]
    assert set(adapter.definitions) == {"tier", "seats"}
    ((_key, row),) = [(k, r) for k, r in adapter.server.rows.items() if k[0] == "account"]
    assert (row["custom.tier"], row["custom.seats"]) == ("a", 3)
    assert "custom.budget" not in row

    # A field added here later: its existing value goes out in the same run.
    services.fields.create(NewField("account", "Region", FieldType.TEXT, key="region"))
    services.fields.save_values("account", acme.id, {"region": "华东"})
    sync(database, adapter)
    assert row["custom.region"] == "华东"

    # Changed there only: taken; changed on both sides: a conflict on that field.
    remote_id = _key[1]
    adapter.server.write("account", remote_id, {"custom.seats": 5, "custom.region": "华南"})
    services.fields.save_values("account", acme.id, {"region": "西北"})
    report = sync(database, adapter)
    assert report.conflicts == 1
    assert services.fields.values("account", acme.id)["seats"] == 5
    (issue,) = SyncIssues(services.context).open_issues()
    assert issue.fields == {"custom.region": {"base": "华东", "mine": "西北", "theirs": "华南"}}

    # A choice renamed there keeps its key here.
    adapter.update_custom_field(adapter.definitions["tier"],
                                options=[{"value": "a", "label": "Alpha"},
                                         {"value": "b", "label": "B"}])
    sync(database, adapter)
    tier = services.fields.entity("account").field("tier")
    assert [(c.key, c.title) for c in tier.choices] == [("a", "Alpha"), ("b", "B")]
    assert services.fields.values("account", acme.id)["tier"] == "a"
