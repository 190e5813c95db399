"""Declared fields (demographic built-ins such as Address line 2 and Birth date, and the
user's custom fields) as import targets: their aliases guess the mapping, their values are
normalised by the field's type and written on the record in the same transaction.

Target keys are the list column keys (``store.field_columns.column_key``): the field key
for built-ins, ``cf_<key>`` for custom fields, so they never collide with the entity's own
import fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from desk_crm.domain.entities import ENTITIES, EntityDef
from desk_crm.domain.import_mapping import ImportEntity, TargetField
from desk_crm.services.custom_fields import CustomFieldService
from desk_crm.store.field_columns import column_key


@dataclass(frozen=True)
class DeclaredTargets:
    definition: EntityDef
    by_target: dict[str, str] = field(default_factory=dict)  # import target -> field key
    target_of: dict[str, str] = field(default_factory=dict)  # field key -> import target
    targets: tuple[TargetField, ...] = ()


def declared_targets(fields: CustomFieldService, entity: str) -> DeclaredTargets:
    if entity not in ENTITIES:
        return DeclaredTargets(ENTITIES["contact"])
    definition = fields.entity(entity)
    live = [f for f in definition.live_fields if f.in_generated_section]
    targets = tuple(TargetField(column_key(f), f.title, (*f.aliases, f.title_zh, f.key))
                    for f in live)
    return DeclaredTargets(definition, {column_key(f): f.key for f in live},
                           {f.key: column_key(f) for f in live}, targets)


def with_declared(entity: ImportEntity, declared: DeclaredTargets) -> ImportEntity:
    have = {f.key for f in entity.fields}
    extra = tuple(t for t in declared.targets if t.key not in have)
    return replace(entity, fields=(*entity.fields, *extra))
